#include "model/inventory.h"

namespace fw::model {

std::string_view PlatformName(Platform p) {
  switch (p) {
    case Platform::kN8n: return "n8n";
    case Platform::kNodeRed: return "nodered";
    case Platform::kPowerAutomate: return "powerautomate";
    case Platform::kLogicApps: return "logicapps";
    case Platform::kMake: return "make";
    case Platform::kAppModel: return "appmodel";
  }
  return "unknown";
}

std::string_view NodeRoleName(NodeRole r) {
  switch (r) {
    case NodeRole::kEntryPoint: return "entry-point";
    case NodeRole::kStep: return "step";
    case NodeRole::kCode: return "code";
    case NodeRole::kConnector: return "connector";
    case NodeRole::kDataStore: return "data-store";
    case NodeRole::kAnnotation: return "annotation";
  }
  return "step";
}

std::string_view ExposureName(Exposure e) {
  switch (e) {
    case Exposure::kNone: return "none";
    case Exposure::kInternal: return "internal";
    case Exposure::kThirdParty: return "third-party";
    case Exposure::kInternet: return "internet";
  }
  return "none";
}

std::string_view Workflow::Fact(std::string_view key) const {
  for (const auto& [k, v] : facts) {
    if (k == key) return v;
  }
  return {};
}

int Workflow::FindNode(std::string_view name) const {
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int Workflow::FindNodeByNameOrId(std::string_view key) const {
  int i = FindNode(key);
  if (i >= 0) return i;
  for (size_t k = 0; k < nodes.size(); ++k) {
    if (!nodes[k].id.empty() && nodes[k].id == key) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace fw::model
