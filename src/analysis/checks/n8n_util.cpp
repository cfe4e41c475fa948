#include "analysis/checks/n8n_util.h"

#include <algorithm>

namespace fw::analysis::checks {

std::string_view ActiveN8nType(const model::Node& node) {
  if (node.disabled) return {};
  std::string_view t = node.type;
  size_t dot = t.rfind('.');
  std::string_view s = dot == std::string_view::npos ? t : t.substr(dot + 1);
  return s;
}

std::string Quote(std::string_view name) { return "'" + std::string(name) + "'"; }

std::string ReachabilityPhrase(const WorkflowView& wf, uint32_t node_index) {
  int src = wf.internet_source[node_index];
  if (src < 0) return {};
  return "reachable from internet entry point " + Quote(wf.workflow.nodes[src].name);
}

double ReachableLikelihood(const WorkflowView& wf, uint32_t node_index, double base,
                           double reachable) {
  return wf.internet_source[node_index] >= 0 ? std::max(base, reachable) : base;
}

model::SourceRef ParamRef(const model::Node& node, std::string_view key) {
  core::ValueRef v = node.parameters[key];
  if (!v.valid()) return model::SourceRef{node.parameters.valid() ? node.parameters : node.source.value,
                                          node.source.pointer + "/parameters"};
  std::string p = node.source.pointer + "/parameters";
  core::AppendPointerToken(p, key);
  return model::SourceRef{v, std::move(p)};
}

}  // namespace fw::analysis::checks
