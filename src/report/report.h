// report: renders scan results and rule metadata. Pure functions returning
// text; the CLI decides where the text goes.
#pragma once

#include <map>
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

// A fragment of a real export that makes a rule fire (from the rule's golden
// case), shown in the rule reference.
struct RuleExample {
  std::string source;         // "tests/cases/n8n/n8n.webhook.no-auth--fires/workflow.json"
  uint32_t first_line = 0;    // line of `text`'s first line in that file
  uint32_t finding_line = 0;  // the line the finding points at
  std::string language;       // "json" or "yaml"
  std::string text;
};
using RuleExamples = std::map<std::string, RuleExample, std::less<>>;

// Every rule with its metadata.
std::string RenderRulesTable();
std::string RenderRulesJson();
// With examples for the rules that have one (docs/rules.md).
std::string RenderRulesMarkdown(const RuleExamples& examples = {});

}  // namespace fw::report
