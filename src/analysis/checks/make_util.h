// Helpers shared by the Make checks: module ids and Make's {{...}}
// expressions.
#pragma once

#include <string>
#include <string_view>

#include "analysis/check.h"

namespace fw::analysis::checks {

// "http" for "http:ActionSendData".
std::string_view MakeApp(const model::Node& node);
// True when a {{...}} expression in `text` reads another module's output
// ({{1.email}}, {{lower(3.body.url)}}, {{1.`x-api-key`}}).
bool ReadsMakeModuleOutput(std::string_view text);
// A value under the module object (`mapper`, `parameters`) with its pointer.
model::SourceRef MakeRef(const model::Node& node, std::string_view section, std::string_view key);

}  // namespace fw::analysis::checks
