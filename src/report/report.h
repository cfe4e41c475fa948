// report: renders scan results and rule metadata. Pure functions returning
// text; the CLI decides where the text goes.
#pragma once

#include <map>
#include <optional>
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

// Where the rule reference lives online: SARIF helpUri and the HTML report
// link rule ids to kDocsUri + "rules.md#<anchor>".
inline constexpr const char* kProjectUri = "https://github.com/flowwarden/flowwarden";
inline constexpr const char* kDocsUri = "https://github.com/flowwarden/flowwarden/blob/main/docs/";

struct SarifOptions {
  // Prepended to every file path so that URIs are relative to the
  // repository root (e.g. "exports/" when the scan root was exports/).
  std::string uri_prefix;
  // Import warnings as notifications too (large estates have tens of
  // thousands); unreadable files always are.
  bool include_warnings = false;
};
// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: every
// built-in rule (and any other rule a finding names) in tool.driver.rules,
// one result per finding with a stable partial fingerprint, waived findings
// marked suppressed, unreadable files as tool execution notifications.
std::string RenderSarif(const ScanReport& report, const SarifOptions& options = {});

// The severity at or above which a finding fails a build; nullopt: never.
using FailOn = std::optional<model::Severity>;

// JUnit XML (the Jenkins / GitLab shape): a testsuite per workflow, a
// testcase per finding (failure at or above fail_on, skipped when waived),
// unreadable files as errors.
std::string RenderJunit(const ScanReport& report, FailOn fail_on);

struct MarkdownOptions {
  FailOn fail_on = model::Severity::kHigh;
  size_t max_findings = 50;  // rows in the findings table; the rest are counted
};
// A pull-request comment: counts by severity, the top findings, details
// folded away. Everything from scanned files is escaped; '@' never mentions.
std::string RenderMarkdown(const ScanReport& report, const MarkdownOptions& options = {});

struct HtmlOptions {
  std::string title = "flowwarden security review";
  size_t top_risks = 10;
};
// One self-contained offline HTML page for managers: business impact first,
// then the top risks, then a section per workflow. No external resources; a
// Content-Security-Policy forbids loading any.
std::string RenderHtml(const ScanReport& report, const HtmlOptions& options = {});

// Every rule: the checks' table, then the policy rules.
std::vector<const analysis::RuleInfo*> AllRuleInfos();

// Every rule with its metadata.
std::string RenderRulesTable();
std::string RenderRulesJson();
// With examples for the rules that have one (docs/rules.md).
std::string RenderRulesMarkdown(const RuleExamples& examples = {});

}  // namespace fw::report
