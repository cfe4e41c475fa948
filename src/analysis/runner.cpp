#include <algorithm>
#include <deque>

#include "analysis/check.h"
#include "core/hash.h"
#include "core/text.h"

namespace fw::analysis {

namespace {

bool IsAiConnection(std::string_view type) { return type.rfind("ai_", 0) == 0; }

}  // namespace

WorkflowView::WorkflowView(const model::Workflow& wf) : workflow(wf) {
  const size_t n = wf.nodes.size();
  next.resize(n);
  internet_source.assign(n, -1);
  for (const auto& c : wf.connections) {
    if (c.from >= n || c.to >= n) continue;
    next[c.from].push_back(c.to);
    if (IsAiConnection(c.type)) next[c.to].push_back(c.from);
  }
  std::deque<uint32_t> queue;
  for (uint32_t i = 0; i < n; ++i) {
    const auto& node = wf.nodes[i];
    if (node.role == model::NodeRole::kEntryPoint && node.exposure == model::Exposure::kInternet &&
        !node.disabled) {
      has_internet_entry = true;
      internet_source[i] = static_cast<int>(i);
      queue.push_back(i);
    }
  }
  while (!queue.empty()) {
    uint32_t u = queue.front();
    queue.pop_front();
    for (uint32_t v : next[u]) {
      if (internet_source[v] >= 0 || wf.nodes[v].disabled) continue;
      internet_source[v] = internet_source[u];
      queue.push_back(v);
    }
  }
}

std::string FindingId(std::string_view rule, std::string_view file, std::string_view workflow,
                      std::string_view node, std::string_view pointer) {
  std::string key;
  key.reserve(rule.size() + file.size() + workflow.size() + node.size() + pointer.size() + 5);
  for (auto part : {rule, file, workflow, node, pointer}) {
    key.append(part);
    key.push_back('\x1f');
  }
  return "FW-" + core::Hex64(core::Fnv1a64(key));
}

void Reporter::Report(const RuleInfo& rule, const WorkflowView& view, const model::Node* node,
                      const model::SourceRef& where, Issue issue) {
  const model::Workflow& wf = view.workflow;
  model::Finding f;
  f.rule = std::string(rule.id);
  f.category = std::string(rule.category);
  f.title = std::string(rule.title);
  f.likelihood = issue.likelihood >= 0 ? issue.likelihood : rule.likelihood;
  f.impact = issue.impact >= 0 ? issue.impact : rule.impact;
  f.factors = std::move(issue.factors);
  f.standards = {std::string(rule.owasp), std::string(rule.cwe)};
  auto& loc = f.location;
  loc.file = wf.file;
  loc.platform = wf.platform;
  loc.workflow_id = wf.id;
  loc.workflow_name = wf.name;
  if (node != nullptr) {
    loc.node_id = node->id;
    loc.node_name = node->name;
    loc.node_type = node->type;
  }
  loc.pointer = where.pointer;
  core::Position pos = where.value.position();
  loc.line = pos.line;
  loc.column = pos.column;
  f.message = std::move(issue.message);
  f.remediation = std::string(rule.remediation);
  f.evidence = std::move(issue.evidence);
  f.id =
      FindingId(f.rule, loc.file, wf.id.empty() ? wf.name : wf.id,
                node == nullptr ? std::string_view() : (node->id.empty() ? node->name : node->id),
                loc.pointer);
  // The base score only; risk::Assess weighs the workflow's factors later
  // in the pipeline (risk depends on analysis, not the other way round).
  f.score = model::ScoreFrom(f.likelihood, f.impact);
  f.severity = model::SeverityFromScore(f.score);
  out_.push_back(std::move(f));
}

const RuleInfo* FindRule(std::string_view id) {
  for (const auto& c : AllChecks()) {
    if (c.info.id == id) return &c.info;
  }
  return nullptr;
}

void RunChecks(const model::Workflow& wf, std::vector<model::Finding>& out) {
  Reporter reporter(out);
  WorkflowView view(wf);
  for (const auto& check : AllChecks()) check.run(view, check.info, reporter);
}

void RunChecks(const std::vector<model::Workflow>& workflows, std::vector<model::Finding>& out) {
  for (const auto& wf : workflows) RunChecks(wf, out);
}

}  // namespace fw::analysis
