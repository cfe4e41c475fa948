// Helpers shared by the Node-RED checks. Node-RED keeps a node's settings at
// the top level of the node object (Node::parameters is the node itself),
// so field pointers are the node's pointer plus the key.
#pragma once

#include <string>
#include <string_view>

#include "analysis/check.h"

namespace fw::analysis::checks {

bool IsNodeRed(const WorkflowView& wf);
// The node's type when it is an enabled Node-RED node, else "".
std::string_view ActiveNodeRedType(const model::Node& node);
// A field of the node (falls back on the node object when absent).
model::SourceRef NodeRedField(const model::Node& node, std::string_view key);

// The network entry point that feeds a node, as the importer recorded it
// (fact "nodered.reach.<id>"): level "internet" (http in, websocket
// listener, dashboard), "network" (mqtt in, tcp in, ...) or "" when none.
struct NodeRedReach {
  std::string level;
  std::string via;  // e.g. "http in '[post] /run' on 'API'"
};
NodeRedReach ReachOf(const model::Workflow& wf, const model::Node& node);
// " Reachable from http in '…': anyone who can call it controls the input."
// (a sentence to append), or "" when not reachable.
std::string ReachPhrase(const NodeRedReach& reach);
// `base` raised to `internet` or `network` by reachability.
double ReachLikelihood(const NodeRedReach& reach, double base, double network, double internet);

}  // namespace fw::analysis::checks
