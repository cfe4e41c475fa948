#include "analysis/checks/wdl_util.h"

#include "core/text.h"

namespace fw::analysis::checks {

bool IsWdl(const model::Workflow& wf) {
  return wf.platform == model::Platform::kPowerAutomate ||
         wf.platform == model::Platform::kLogicApps;
}

bool WdlTypeIs(const model::Node& node, std::string_view type) {
  return core::IEquals(node.type, type);
}

model::SourceRef WdlRef(const model::Node& node, std::initializer_list<std::string_view> path) {
  core::ValueRef v = node.source.value;
  std::string pointer = node.source.pointer;
  for (std::string_view key : path) {
    core::ValueRef next = v[key];
    if (!next.valid()) break;
    v = next;
    core::AppendPointerToken(pointer, key);
  }
  return model::SourceRef{v, std::move(pointer)};
}

bool WdlReadsRunData(std::string_view expression) {
  std::string e = core::ToLower(expression);
  for (std::string_view f : {"trigger(", "triggerbody(", "triggeroutputs(", "triggerformdata",
                             "triggermultipartbody(", "body(", "outputs(", "actionbody(",
                             "actionoutputs(", "items(", "item(", "agentparameters("}) {
    if (e.find(f) != std::string::npos) return true;
  }
  return false;
}

}  // namespace fw::analysis::checks
