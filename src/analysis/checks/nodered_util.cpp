#include "analysis/checks/nodered_util.h"

#include <algorithm>

#include "core/json.h"

namespace fw::analysis::checks {

bool IsNodeRed(const WorkflowView& wf) { return wf.workflow.platform == model::Platform::kNodeRed; }

std::string_view ActiveNodeRedType(const model::Node& node) {
  if (node.disabled) return {};
  return node.type;
}

model::SourceRef NodeRedField(const model::Node& node, std::string_view key) {
  core::ValueRef v = node.parameters[key];
  if (!v.valid()) return node.source;
  std::string p = node.source.pointer;
  core::AppendPointerToken(p, key);
  return model::SourceRef{v, std::move(p)};
}

NodeRedReach ReachOf(const model::Workflow& wf, const model::Node& node) {
  std::string_view fact = wf.Fact("nodered.reach." + node.id);
  NodeRedReach out;
  if (fact.empty()) return out;
  size_t tab = fact.find('\t');
  if (tab == std::string_view::npos) return out;
  out.level = std::string(fact.substr(0, tab));
  out.via = std::string(fact.substr(tab + 1));
  return out;
}

std::string ReachPhrase(const NodeRedReach& reach) {
  if (reach.level == "internet") {
    return " Reachable from " + reach.via + ": anyone who can reach it controls the input.";
  }
  if (reach.level == "network") {
    return " Fed by " + reach.via + ": whoever can send to it controls the input.";
  }
  return {};
}

double ReachLikelihood(const NodeRedReach& reach, double base, double network, double internet) {
  if (reach.level == "internet") return std::max(base, internet);
  if (reach.level == "network") return std::max(base, network);
  return base;
}

}  // namespace fw::analysis::checks
