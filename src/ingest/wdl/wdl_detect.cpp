// Recognising the WDL family and its companion files from content. Power
// Automate is tried before Logic Apps because a bare definition is Logic Apps
// unless it carries a Power Automate mark (decision 0006).
#include "core/text.h"
#include "ingest/common.h"
#include "ingest/wdl/definition.h"
#include "ingest/wdl/wdl.h"

namespace fw::ingest {

namespace {

using core::ValueRef;

bool EndsWithI(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && core::IEquals(s.substr(s.size() - suffix.size()), suffix);
}

bool AllMembersAre(const ValueRef& obj, bool (*pred)(const ValueRef&)) {
  if (!obj.is_object() || obj.size() == 0) return false;
  for (size_t i = 0; i < obj.size(); ++i) {
    if (!pred(obj.value_at(i))) return false;
  }
  return true;
}

}  // namespace

std::string_view WdlCompanionKind(const ValueRef& root, std::string_view file_name) {
  std::string_view base = wdl::BaseName(file_name);
  if (root.is_array()) {
    // The template gallery's index: a list of template folder names.
    if (!EndsWithI(base, "manifest.json") || root.size() == 0) return {};
    for (size_t i = 0; i < root.size(); ++i) {
      if (!root.at(i).is_string()) return {};
    }
    return "Logic Apps template gallery index (a list of template folders)";
  }
  if (!root.is_object()) return {};
  if (root["managedApiConnections"].is_object() || root["serviceProviderConnections"].is_object() ||
      root["functionConnections"].is_object() || root["apiManagementConnections"].is_object() ||
      root["agentConnections"].is_object()) {
    return "Logic Apps Standard connections.json";
  }
  if (root["extensionBundle"].is_object() &&
      core::IContains(root["extensionBundle"]["id"].str(), "ExtensionBundle")) {
    return "Logic Apps Standard host.json";
  }
  if (root["artifacts"].is_array() ||
      (root["workflows"].is_object() &&
       (root["skus"].valid() || root["featuredConnectors"].valid() || root["details"].valid()))) {
    return "Logic Apps template manifest";
  }
  if (root["packageSchemaVersion"].valid() && root["flowAssets"].is_object()) {
    return "Power Automate export package index (Microsoft.Flow/flows/manifest.json)";
  }
  if (root["schema"].is_string() && root["details"].is_object() && root["resources"].is_object()) {
    return "Power Automate export package manifest";
  }
  if (root["Values"].is_object() &&
      (root["IsEncrypted"].valid() || EndsWithI(base, "local.settings.json"))) {
    return "Azure Functions local.settings.json";
  }
  if (core::IContains(root["$schema"].str(), "deploymentParameters.json")) {
    return "ARM deployment parameters";
  }
  if (AllMembersAre(root, [](const ValueRef& v) {
        return v.is_object() && v["type"].is_string() && v["value"].valid();
      })) {
    return "Logic Apps Standard parameters.json";
  }
  // apisMap.json / connectionsMap.json: connection key -> package resource.
  bool connection_map = root.size() > 0;
  bool shared_key = false;
  for (size_t i = 0; i < root.size(); ++i) {
    if (!root.value_at(i).is_string()) connection_map = false;
    if (core::IEquals(root.key_at(i).substr(0, 7), "shared_")) shared_key = true;
  }
  if ((connection_map && shared_key) ||
      (root.size() == 0 &&
       (EndsWithI(base, "apisMap.json") || EndsWithI(base, "connectionsMap.json")))) {
    return "Power Automate export package connection map";
  }
  return {};
}

bool LooksLikeWdl(const ValueRef& root, std::string_view file_name) {
  return LooksLikePowerAutomate(root) || LooksLikeLogicApps(root) ||
         !WdlCompanionKind(root, file_name).empty();
}

model::ImportResult ImportWdl(std::shared_ptr<const core::Document> doc,
                              const SiblingReader* siblings) {
  ValueRef root = doc->root();
  if (LooksLikePowerAutomate(root)) return ImportPowerAutomate(doc, siblings);
  if (LooksLikeLogicApps(root)) return ImportLogicApps(doc, siblings);
  model::ImportResult result;
  std::string_view kind = WdlCompanionKind(root, doc->source().name());
  if (kind.empty()) {
    AddDiagnostic(result.errors, root, "not a Power Automate or Logic Apps file");
  } else {
    AddDiagnostic(result.warnings, root,
                  std::string(kind) +
                      ": a companion file with no workflow of its own (read with the "
                      "workflows beside it)");
    // Files that configure connections and parameters are where people
    // paste connection strings and keys: scan them where they are written.
    model::ConfigValues config;
    config.platform = model::Platform::kLogicApps;
    config.what = std::string(kind);
    config.document = doc;
    if (kind == "Logic Apps Standard connections.json") {
      config.source = model::SourceRef{root, ""};
    } else if (kind == "Logic Apps Standard parameters.json") {
      config.source = model::SourceRef{root, ""};
      config.named_parameters = true;
    } else if (kind == "ARM deployment parameters" && root["parameters"].is_object()) {
      config.source = model::SourceRef{root["parameters"], "/parameters"};
      config.named_parameters = true;
    } else if (kind == "Azure Functions local.settings.json" &&
               !root["IsEncrypted"].boolean(false)) {
      config.source = model::SourceRef{root["Values"], "/Values"};
    }
    if (config.source.value.valid()) result.config.push_back(std::move(config));
  }
  return result;
}

}  // namespace fw::ingest
