// Azure Logic Apps workflows:
//  - Standard: <app>/<workflow-name>/workflow.json, either {"definition",
//    "kind": "Stateful"|"Stateless"} or (in the template gallery) the bare
//    definition. connections.json (one folder up, or beside it) declares the
//    managed API, service provider and function connections; the template
//    gallery's manifest.json files give the workflow's name, title and author.
//  - Consumption: ARM templates whose resources[] (also inside
//    Microsoft.Resources/deployments) hold "Microsoft.Logic/workflows" with
//    properties.definition, properties.parameters.$connections and
//    properties.accessControl; the resource itself as the Azure API returns
//    it; and the designer's code view {"definition", "parameters"}.
#include <string>

#include "core/text.h"
#include "ingest/common.h"
#include "ingest/wdl/definition.h"
#include "ingest/wdl/wdl.h"

namespace fw::ingest {

namespace {

using core::ValueRef;
using wdl::ConnectionInfo;
using wdl::ConnectionTable;
using wdl::TypeIs;

constexpr int kMaxTemplateNesting = 8;

bool IsWorkflowResource(const ValueRef& r) {
  return core::IEquals(r["type"].str(), "Microsoft.Logic/workflows");
}

bool IsDeployment(const ValueRef& r) {
  return core::IEquals(r["type"].str(), "Microsoft.Resources/deployments");
}

// Calls fn(resource, pointer) for every Microsoft.Logic/workflows resource,
// looking into nested deployments' templates and child resources. ARM
// resources are an array, or an object keyed by symbolic name (languageVersion 2.0).
template <typename Fn>
void ForEachWorkflowResource(const ValueRef& resources, const std::string& pointer, int depth,
                             const Fn& fn) {
  if (depth > kMaxTemplateNesting) return;
  for (size_t i = 0; (resources.is_array() || resources.is_object()) && i < resources.size(); ++i) {
    std::string p = pointer;
    if (resources.is_object()) {
      core::AppendPointerToken(p, resources.key_at(i));
    } else {
      core::AppendPointerIndex(p, i);
    }
    ValueRef r = resources.value_at(i);
    if (!r.is_object()) continue;
    if (IsWorkflowResource(r)) fn(r, p);
    if (IsDeployment(r)) {
      ForEachWorkflowResource(r["properties"]["template"]["resources"],
                              p + "/properties/template/resources", depth + 1, fn);
    }
    ForEachWorkflowResource(r["resources"], p + "/resources", depth + 1, fn);
  }
}

bool HasWorkflowResource(const ValueRef& resources, int depth = 0) {
  bool found = false;
  ForEachWorkflowResource(resources, "", depth,
                          [&](const ValueRef&, const std::string&) { found = true; });
  return found;
}

model::Workflow NewWorkflow(const std::shared_ptr<const core::Document>& doc, const ValueRef& at,
                            const std::string& pointer) {
  model::Workflow wf;
  wf.platform = model::Platform::kLogicApps;
  wf.document = doc;
  wf.file = doc->source().name();
  wf.source = model::SourceRef{at, pointer};
  return wf;
}

std::shared_ptr<const core::Document> ReadJsonSibling(const SiblingReader* siblings,
                                                      const core::SourceFile& of,
                                                      std::string_view path) {
  if (siblings == nullptr) return nullptr;
  auto file = siblings->Read(of, path);
  if (file == nullptr) return nullptr;
  auto parsed = core::Document::ParseJson(file);
  if (!parsed.ok()) return nullptr;
  return parsed.value();
}

// ---- Consumption -------------------------------------------------------------

// Who may call the Request triggers, from properties.accessControl.triggers.
// Without it the SAS signature in the callback URL is the only check.
std::string ConsumptionTriggerAuth(const ValueRef& access) {
  ValueRef triggers = access["triggers"];
  if (!triggers.is_object()) return "sas-key";
  std::string auth;
  auto add = [&](std::string_view what) {
    if (!auth.empty()) auth += "+";
    auth += what;
  };
  ValueRef policies = triggers["openAuthenticationPolicies"];
  if (policies.is_object() && policies["policies"].size() > 0) add("aad-oauth");
  if (triggers["allowedCallerIpAddresses"].is_array()) {
    // An empty list means "only other Logic Apps".
    add(triggers["allowedCallerIpAddresses"].size() == 0 ? "logic-apps-only" : "ip-restriction");
  }
  if (core::IEquals(triggers["sasAuthenticationPolicy"]["state"].str(), "Disabled")) {
    add("sas-disabled");
  }
  return auth.empty() ? "sas-key" : auth;
}

void ReadConsumptionConnections(const ValueRef& parameters, ConnectionTable& table) {
  ValueRef conns = parameters["$connections"]["value"];
  if (!conns.is_object()) conns = parameters["$connections"]["defaultValue"];
  for (size_t i = 0; conns.is_object() && i < conns.size(); ++i) {
    ValueRef c = conns.value_at(i);
    ConnectionInfo info;
    info.name = std::string(conns.key_at(i));
    info.api = wdl::ApiNameFromId(c["id"].str());
    if (info.api.empty() || info.api.front() == '[') info.api = info.name;
    info.id = Text(c["connectionName"]);
    if (info.id.empty()) info.id = wdl::ApiNameFromId(c["connectionId"].str());
    table.Add(std::move(info));
  }
}

void SetRequestAuth(model::Workflow& wf, const std::string& auth) {
  for (auto& node : wf.nodes) {
    if (node.role == model::NodeRole::kEntryPoint && wdl::IsHttpRequestTrigger(node)) {
      node.auth = auth;
    }
  }
}

void ReadConsumption(const std::shared_ptr<const core::Document>& doc, const ValueRef& resource,
                     const std::string& pointer, model::ImportResult& result) {
  ValueRef props = resource["properties"];
  ValueRef def = props["definition"];
  if (!wdl::IsDefinition(def)) {
    AddDiagnostic(result.warnings, def.valid() ? def : resource,
                  "Microsoft.Logic/workflows resource without a literal definition (expected "
                  "properties.definition with triggers and actions); skipped");
    return;
  }
  model::Workflow wf = NewWorkflow(doc, resource, pointer);
  wf.name = Text(resource["name"]);  // may be an ARM expression; kept as written
  wf.id = Text(resource["id"]);
  if (wf.id.empty()) wf.id = wf.name;
  std::string_view state = props["state"].str();
  wf.active = state.empty() || core::IEquals(state, "Enabled");
  wf.description = Text(def["description"]);
  ValueRef tags = resource["tags"];
  for (size_t i = 0; tags.is_object() && i < tags.size(); ++i) {
    wf.tags.push_back(std::string(tags.key_at(i)) + "=" + Text(tags.value_at(i)));
  }
  wf.facts.push_back({"logicapps.sku", "consumption"});
  ConnectionTable connections;
  ReadConsumptionConnections(props["parameters"], connections);
  wdl::ReadDefinition(def, pointer + "/properties/definition", connections, wf, result.warnings);
  std::string auth = ConsumptionTriggerAuth(props["accessControl"]);
  wf.facts.push_back({"logicapps.trigger-access", auth});
  SetRequestAuth(wf, auth);
  result.workflows.push_back(std::move(wf));
}

// ---- Standard ----------------------------------------------------------------

void ReadStandardConnections(const ValueRef& root, ConnectionTable& table) {
  ValueRef managed = root["managedApiConnections"];
  for (size_t i = 0; managed.is_object() && i < managed.size(); ++i) {
    ValueRef c = managed.value_at(i);
    ConnectionInfo info;
    info.name = std::string(managed.key_at(i));
    info.api = wdl::ApiNameFromId(c["api"]["id"].str());
    if (info.api.empty()) info.api = info.name;
    info.id = wdl::ApiNameFromId(c["connection"]["id"].str());
    info.display = Text(c["displayName"]);
    table.Add(std::move(info));
  }
  ValueRef providers = root["serviceProviderConnections"];
  for (size_t i = 0; providers.is_object() && i < providers.size(); ++i) {
    ValueRef c = providers.value_at(i);
    ConnectionInfo info;
    info.name = std::string(providers.key_at(i));
    info.api = wdl::ApiNameFromId(c["serviceProvider"]["id"].str());
    info.display = Text(c["displayName"]);
    table.Add(std::move(info));
  }
  ValueRef functions = root["functionConnections"];
  for (size_t i = 0; functions.is_object() && i < functions.size(); ++i) {
    ValueRef c = functions.value_at(i);
    ConnectionInfo info;
    info.name = std::string(functions.key_at(i));
    info.api = "azurefunctions";
    info.id = wdl::ApiNameFromId(c["function"]["id"].str());
    info.display = Text(c["displayName"]);
    table.Add(std::move(info));
  }
}

// The template gallery's manifests: {"connections": {"name": {"connectorId"}}}.
void ReadManifestConnections(const ValueRef& manifest, ConnectionTable& table) {
  ValueRef conns = manifest["connections"];
  for (size_t i = 0; conns.is_object() && i < conns.size(); ++i) {
    if (table.Find(conns.key_at(i)) != nullptr) continue;
    ConnectionInfo info;
    info.name = std::string(conns.key_at(i));
    info.api = wdl::ApiNameFromId(conns.value_at(i)["connectorId"].str());
    if (info.api.empty()) info.api = info.name;
    table.Add(std::move(info));
  }
}

void ReadStandard(const std::shared_ptr<const core::Document>& doc, const ValueRef& def,
                  const std::string& pointer, const SiblingReader* siblings,
                  model::ImportResult& result) {
  ValueRef root = doc->root();
  const core::SourceFile& src = doc->source();
  model::Workflow wf = NewWorkflow(doc, root, "");
  std::string folder(wdl::ParentFolderName(src.name()));
  if (folder.empty()) {
    std::string_view base = wdl::BaseName(src.name());
    folder = std::string(base.substr(0, base.rfind('.')));
  }
  wf.id = folder;
  wf.name = folder;
  wf.active = true;
  wf.description = Text(def["description"]);
  std::string sku = "standard";
  if (root["kind"].is_string()) wf.facts.push_back({"logicapps.kind", Text(root["kind"])});

  ConnectionTable connections;
  for (std::string_view path : {"../connections.json", "connections.json"}) {
    auto conns = ReadJsonSibling(siblings, src, path);
    if (conns == nullptr || !conns->root().is_object()) continue;
    ReadStandardConnections(conns->root(), connections);
    wf.facts.push_back({"logicapps.connections-file", conns->source().name()});
    break;
  }
  // Template gallery: the template's manifest names the workflow and its
  // author; the workflow's own manifest describes it.
  auto own = ReadJsonSibling(siblings, src, "manifest.json");
  auto parent = ReadJsonSibling(siblings, src, "../manifest.json");
  for (const auto& m : {own, parent}) {
    if (m == nullptr || !m->root().is_object()) continue;
    std::string name = Text(m->root()["workflows"][folder]["name"]);
    if (!name.empty() && wf.name == folder) wf.name = name;
    ReadManifestConnections(m->root(), connections);
  }
  if (own != nullptr && own->root().is_object()) {
    ValueRef m = own->root();
    if (wf.description.empty()) wf.description = Text(m["description"]);
    if (wf.description.empty()) wf.description = Text(m["summary"]);
    if (wf.description.empty()) wf.description = Text(m["title"]);
  }
  if (parent != nullptr && parent->root().is_object()) {
    ValueRef m = parent->root();
    wf.owner = Text(m["details"]["By"]);
    // A template offered only for Consumption is read as such.
    ValueRef skus = m["skus"];
    bool standard_sku = !skus.is_array();
    for (size_t i = 0; i < skus.size(); ++i) {
      if (core::IEquals(skus.at(i).str(), "standard")) standard_sku = true;
    }
    if (!standard_sku) sku = "consumption";
    if (!m["id"].str().empty()) wf.facts.push_back({"logicapps.template", Text(m["id"])});
    if (wf.description.empty()) wf.description = Text(m["title"]);
  }

  wf.facts.push_back({"logicapps.sku", sku});
  wdl::ReadDefinition(def, pointer, connections, wf, result.warnings);
  // Standard apps authenticate Request triggers only through App Service
  // authentication (EasyAuth), configured outside these files. A trigger
  // that asks for the Authorization header in its outputs shows it is used.
  for (auto& node : wf.nodes) {
    if (node.role != model::NodeRole::kEntryPoint || !wdl::IsHttpRequestTrigger(node)) continue;
    bool easy_auth = core::IContains(node.source.value["operationOptions"].str(),
                                     "IncludeAuthorizationHeadersInOutputs");
    node.auth = easy_auth ? "easyauth" : "sas-key";
  }
  result.workflows.push_back(std::move(wf));
}

}  // namespace

bool LooksLikeLogicApps(const ValueRef& root) {
  if (!root.is_object()) return false;
  if (HasWorkflowResource(root["resources"])) return true;
  if (IsWorkflowResource(root) && root["properties"].is_object()) return true;
  return wdl::IsDefinition(root["definition"]) || wdl::IsDefinition(root);
}

model::ImportResult ImportLogicApps(std::shared_ptr<const core::Document> doc,
                                    const SiblingReader* siblings) {
  model::ImportResult result;
  ValueRef root = doc->root();
  if (HasWorkflowResource(root["resources"])) {
    // Template parameters: a securestring with a defaultValue is a secret
    // written into the template.
    if (root["parameters"].is_object() && root["parameters"].size() > 0) {
      model::ConfigValues config;
      config.platform = model::Platform::kLogicApps;
      config.what = "ARM template parameters";
      config.named_parameters = true;
      config.source = model::SourceRef{root["parameters"], "/parameters"};
      config.document = doc;
      result.config.push_back(std::move(config));
    }
    ForEachWorkflowResource(
        root["resources"], "/resources", 0,
        [&](const ValueRef& r, const std::string& p) { ReadConsumption(doc, r, p, result); });
  } else if (IsWorkflowResource(root) && root["properties"].is_object()) {
    ReadConsumption(doc, root, "", result);
  } else if (wdl::IsDefinition(root["definition"])) {
    if (!root["kind"].valid() && root["parameters"]["$connections"].valid()) {
      // The Consumption designer's code view: {"definition", "parameters"}.
      model::Workflow wf = NewWorkflow(doc, root, "");
      std::string_view base = wdl::BaseName(doc->source().name());
      wf.name = std::string(base.substr(0, base.rfind('.')));
      wf.id = wf.name;
      wf.active = true;
      wf.facts.push_back({"logicapps.sku", "consumption"});
      ConnectionTable connections;
      ReadConsumptionConnections(root["parameters"], connections);
      wdl::ReadDefinition(root["definition"], "/definition", connections, wf, result.warnings);
      std::string auth = ConsumptionTriggerAuth(root["accessControl"]);
      wf.facts.push_back({"logicapps.trigger-access", auth});
      SetRequestAuth(wf, auth);
      result.workflows.push_back(std::move(wf));
    } else {
      ReadStandard(doc, root["definition"], "/definition", siblings, result);
    }
  } else if (wdl::IsDefinition(root)) {
    ReadStandard(doc, root, "", siblings, result);
  } else {
    AddDiagnostic(result.errors, root,
                  "not a Logic Apps workflow: expected \"definition\", a definition with "
                  "\"triggers\" and \"actions\", or an ARM template with a "
                  "Microsoft.Logic/workflows resource");
  }
  if (result.workflows.empty() && result.errors.empty()) {
    // Nothing was read: what was skipped is why the file failed.
    if (result.warnings.empty()) AddDiagnostic(result.errors, root, "no Logic Apps workflow found");
    result.errors = std::move(result.warnings);
    result.warnings.clear();
  }
  return result;
}

}  // namespace fw::ingest
