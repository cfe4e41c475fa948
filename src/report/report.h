// report: renders scan results and rule metadata. Pure functions returning
// text; the CLI decides where the text goes.
#pragma once

#include <string>
#include <vector>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "model/finding.h"

namespace fw::report {

inline constexpr const char* kToolName = "flowwarden";
inline constexpr const char* kToolVersion = "0.1.0";

struct ScanReport {
  model::ScanSummary summary;
  std::vector<model::Finding> findings;
  // The inventory summary of every workflow scanned, in scan order (for
  // per-workflow pages and for the risk factors).
  std::vector<analysis::WorkflowSummary> workflows;
};

// Orders findings: severity (highest first), then file, line, column, rule.
void SortFindings(std::vector<model::Finding>& findings);

// The findings.md JSON contract.
std::string RenderJson(const ScanReport& report);

struct TableOptions {
  bool color = false;
  bool show_warnings = false;
};
// Grouped by severity, errors listed, one-line summary at the end.
std::string RenderTable(const ScanReport& report, const TableOptions& options);

// Every rule: the checks' table, then the policy rules.
std::vector<const analysis::RuleInfo*> AllRuleInfos();

// Every rule with its metadata.
std::string RenderRulesTable();
std::string RenderRulesJson();
std::string RenderRulesMarkdown();

}  // namespace fw::report
