// Examples for the rule reference, taken from the golden cases: for each
// rule, its `<rule>--fires` case is scanned and the lines around the first
// finding of that rule are cut out of the input file. The golden test keeps
// those cases firing, so every example is known to trigger its rule.
#pragma once

#include <string>

#include "report/report.h"

namespace fw::cli {

// `cases_dir` is tests/cases; a missing folder gives no examples.
report::RuleExamples CollectRuleExamples(const std::string& cases_dir);

// The lines [finding_line - before, finding_line + after] of `text`, with
// their common indentation removed and long lines cut. Long tokens that look
// like keys are shortened when `mask_secrets` is set (docs never carry a
// whole secret, even a test one).
std::string ExcerptLines(std::string_view text, uint32_t finding_line, uint32_t before,
                         uint32_t after, bool mask_secrets, uint32_t* first_line);

}  // namespace fw::cli
