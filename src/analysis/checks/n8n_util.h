// Helpers shared by the n8n checks.
#pragma once

#include <string>
#include <string_view>

#include "analysis/check.h"

namespace fw::analysis::checks {

// The short node type ("webhook") if the node is an active n8n node, else "".
std::string_view ActiveN8nType(const model::Node& node);
// "Anyone on the internet, through webhook 'X'," or "" when not reachable.
std::string ReachabilityPhrase(const WorkflowView& wf, uint32_t node_index);
// Likelihood raised when an internet entry point reaches the node.
double ReachableLikelihood(const WorkflowView& wf, uint32_t node_index, double base,
                           double reachable);
model::SourceRef ParamRef(const model::Node& node, std::string_view key);
std::string Quote(std::string_view name);

}  // namespace fw::analysis::checks
