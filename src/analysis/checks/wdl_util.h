// Helpers shared by the Power Automate and Logic Apps checks (both written
// in the Workflow Definition Language).
#pragma once

#include <string>
#include <string_view>

#include "analysis/check.h"

namespace fw::analysis::checks {

// True for Power Automate and Logic Apps workflows.
bool IsWdl(const model::Workflow& wf);
// Case-insensitive WDL type comparison.
bool WdlTypeIs(const model::Node& node, std::string_view type);
// A value inside the trigger or action object (`{"inputs", "uri"}`) with
// its JSON pointer; the node itself when absent.
model::SourceRef WdlRef(const model::Node& node, std::initializer_list<std::string_view> path);
// True when a WDL expression reads data of the run: the trigger's request
// (triggerBody(), triggerOutputs(), trigger()), other actions' results
// (body(), outputs(), actionBody()), loop items, or an agent's arguments
// (agentParameters(): chosen by the model). parameters(), variables() and
// appsetting() do not count.
bool WdlReadsRunData(std::string_view expression);

}  // namespace fw::analysis::checks
