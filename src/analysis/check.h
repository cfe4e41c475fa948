// A check: static metadata plus one function that looks at one workflow and
// reports findings. Checks are listed in one table (check_list.cpp); nothing
// registers itself. A check never prints or touches files.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/finding.h"
#include "model/inventory.h"

namespace fw::analysis {

struct RuleInfo {
  std::string_view id;        // e.g. "n8n.webhook.no-auth"
  std::string_view category;  // one of findings.md's categories
  std::string_view title;
  std::string_view owasp;  // OWASP Low-Code/No-Code Top 10 id
  std::string_view cwe;
  double likelihood;  // defaults, 0-10
  double impact;
  std::string_view remediation;
  std::string_view description;  // why it matters, for `flowwarden rules` and docs
};

// A workflow with the graph facts most checks need, computed once.
struct WorkflowView {
  explicit WorkflowView(const model::Workflow& wf);

  const model::Workflow& workflow;
  // Successors along data flow. ai_* connections (tool -> agent) also count
  // in reverse, since an agent calls its tools with data it received.
  std::vector<std::vector<uint32_t>> next;
  // Index of an internet entry point that reaches the node, or -1.
  std::vector<int> internet_source;
  bool has_internet_entry = false;
};

// What a check says about one problem; likelihood/impact < 0 mean the rule's
// defaults.
struct Issue {
  std::string message;
  std::string evidence;
  double likelihood = -1;
  double impact = -1;
  std::vector<std::pair<std::string, std::string>> factors;
};

class Reporter {
 public:
  explicit Reporter(std::vector<model::Finding>& out) : out_(out) {}
  // `node` may be null for workflow-level findings.
  void Report(const RuleInfo& rule, const WorkflowView& wf, const model::Node* node,
              const model::SourceRef& where, Issue issue);

 private:
  std::vector<model::Finding>& out_;
};

using CheckFn = void (*)(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);

struct Check {
  RuleInfo info;
  CheckFn run;
};

// Every check, in the order reports list them.
std::span<const Check> AllChecks();
const RuleInfo* FindRule(std::string_view id);

// Runs every check over one workflow. Findings carry the base score
// (model::ScoreFrom); risk::Assess adds the workflow's factors.
void RunChecks(const model::Workflow& wf, std::vector<model::Finding>& out);
// Runs every check over every workflow of an import.
void RunChecks(const std::vector<model::Workflow>& workflows, std::vector<model::Finding>& out);

// Scans settings that belong to no step (model::ConfigValues: connections
// and parameter files, env of Node-RED tabs, plaintext credential files)
// for literal secrets, reported under the secret.* rules.
void RunConfigChecks(const std::vector<model::ConfigValues>& config,
                     std::vector<model::Finding>& out);

// Stable finding id: "FW-" + 16 hex of rule, file, workflow, node and pointer.
std::string FindingId(std::string_view rule, std::string_view file, std::string_view workflow,
                      std::string_view node, std::string_view pointer);

}  // namespace fw::analysis
