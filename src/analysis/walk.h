// Walking parameter trees: every string with its key and JSON pointer.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "model/inventory.h"

namespace fw::analysis {

struct StringSite {
  std::string_view key;  // nearest object key ("" inside arrays at the top)
  std::string_view value;
  const core::ValueRef& ref;
  const std::string& pointer;
};

// JSON pointer of a node's parameters: "<node>/parameters" for n8n, the node
// itself for Node-RED (settings live on the node object), "<node>/inputs" for
// WDL actions... found by locating Node::parameters inside the node's value.
std::string ParametersPointer(const model::Node& node);

// Calls `fn` for every string (and every boolean/number, with `value` as its
// text) under `root`, depth-first in document order.
void ForEachScalar(const core::ValueRef& root, const std::string& pointer,
                   const std::function<void(const StringSite&)>& fn);

}  // namespace fw::analysis
