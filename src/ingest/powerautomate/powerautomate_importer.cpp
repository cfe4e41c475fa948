// Power Automate flows, in every shape they are exported:
//  - solution packages: Workflows/<Name>-<GUID>.json holding
//    {"properties": {"connectionReferences", "definition"}, "schemaVersion"},
//    with customizations.xml (display name, state, connection references)
//    and solution.xml (solution and publisher) one folder up, or in Other/
//    in a solution unpacked by SolutionPackager;
//  - legacy export packages: Microsoft.Flow/flows/<id>/definition.json
//    ({"name", "type": "Microsoft.Flow/flows", "properties": {...}}) with
//    connectionsMap.json and the package's manifest.json;
//  - Dataverse workflow rows whose `clientdata` is the flow as a JSON string;
//  - loose definitions: {"definition": ...}, {"properties": {"definition"}}
//    or the bare {"$schema", "triggers", "actions"}.
#include <string>

#include "core/text.h"
#include "ingest/common.h"
#include "ingest/wdl/definition.h"
#include "ingest/wdl/solution_xml.h"
#include "ingest/wdl/wdl.h"

namespace fw::ingest {

namespace {

using core::ValueRef;
using wdl::ConnectionInfo;
using wdl::ConnectionTable;
using wdl::TypeIs;

// Request trigger kinds only Power Automate writes.
bool IsPowerAutomateKind(std::string_view kind) {
  for (std::string_view k : {"Button", "PowerApp", "PowerAppV2", "Skills", "VirtualAgent",
                             "ApiConnection", "Teams", "Copilot", "PowerPages"}) {
    if (core::IEquals(kind, k)) return true;
  }
  return false;
}

// Marks of Power Automate inside a bare definition: the $authentication
// parameter, OpenApiConnection steps, Power Automate trigger kinds and the
// trigger authentication setting. Logic Apps has none of them.
bool IsPowerAutomateDefinition(const ValueRef& def) {
  if (!wdl::IsDefinition(def)) return false;
  if (def["parameters"]["$authentication"].valid()) return true;
  if (def["metadata"]["creator"].valid() || def["metadata"]["flowSystemMetadata"].valid()) {
    return true;
  }
  auto is_openapi = [](const ValueRef& v) {
    std::string_view t = v["type"].str();
    return t.size() >= 17 && core::IEquals(t.substr(0, 17), "OpenApiConnection");
  };
  ValueRef triggers = def["triggers"];
  for (size_t i = 0; triggers.is_object() && i < triggers.size(); ++i) {
    ValueRef t = triggers.value_at(i);
    if (is_openapi(t) || IsPowerAutomateKind(t["kind"].str())) return true;
    if (t["inputs"]["triggerAuthenticationType"].valid()) return true;
  }
  ValueRef actions = def["actions"];
  for (size_t i = 0; actions.is_object() && i < actions.size(); ++i) {
    if (is_openapi(actions.value_at(i))) return true;
  }
  return false;
}

// Where the parts of a flow sit in this file.
struct Envelope {
  ValueRef definition;
  std::string definition_pointer;
  ValueRef properties;
  ValueRef connection_references;
  std::string variant;  // solution, export-package, flow-resource, definition
};

bool FindEnvelope(const ValueRef& root, Envelope& e) {
  ValueRef props = root["properties"];
  if (wdl::IsDefinition(props["definition"])) {
    e.properties = props;
    e.definition = props["definition"];
    e.definition_pointer = "/properties/definition";
    e.connection_references = props["connectionReferences"];
    std::string_view type = root["type"].str();
    if (core::IEquals(type, "Microsoft.Flow/flows")) {
      e.variant = "export-package";
    } else if (root["schemaVersion"].valid()) {
      e.variant = "solution";
    } else {
      e.variant = "flow-resource";
    }
    return true;
  }
  if (wdl::IsDefinition(root["definition"])) {
    e.definition = root["definition"];
    e.definition_pointer = "/definition";
    e.connection_references = root["connectionReferences"];
    e.properties = root;
    e.variant = "definition";
    return true;
  }
  if (wdl::IsDefinition(root)) {
    e.definition = root;
    e.definition_pointer = "";
    e.variant = "definition";
    return true;
  }
  return false;
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

// Both connectionReferences shapes: solution flows
// {"shared_x": {"api": {"name"}, "connection": {"connectionReferenceLogicalName"}}}
// and exported flows {"shared_x": {"id": ".../apis/shared_x", "connectionName"}}.
void ReadConnectionReferences(const ValueRef& refs, const wdl::Customizations& custom,
                              ConnectionTable& table) {
  for (size_t i = 0; refs.is_object() && i < refs.size(); ++i) {
    ValueRef r = refs.value_at(i);
    ConnectionInfo info;
    info.name = std::string(refs.key_at(i));
    info.api = Text(r["api"]["name"]);
    if (info.api.empty()) info.api = wdl::ApiNameFromId(r["id"].str());
    if (info.api.empty()) info.api = wdl::ApiNameFromId(r["apiId"].str());
    if (info.api.empty()) info.api = info.name;
    info.id = Text(r["connection"]["connectionReferenceLogicalName"]);
    if (info.id.empty()) info.id = Text(r["connectionName"]);
    if (info.id.empty()) info.id = Text(r["connection"]["name"]);
    info.display = Text(r["displayName"]);
    for (const auto& c : custom.connection_references) {
      if (!info.id.empty() && core::IEquals(c.logical_name, info.id)) {
        info.display = c.display_name;
      }
    }
    table.Add(std::move(info));
  }
}

// The legacy package's manifest.json names the account behind each
// connection: connectionsMap.json maps the connection key to a manifest
// resource whose details.displayName is that account.
void AddPackageAccounts(const SiblingReader* siblings, const core::SourceFile& of,
                        ConnectionTable& table, model::Workflow& wf) {
  auto map = ReadJsonSibling(siblings, of, "connectionsMap.json");
  auto manifest = ReadJsonSibling(siblings, of, "../../../manifest.json");
  if (manifest == nullptr || !manifest->root()["resources"].is_object()) return;
  ValueRef resources = manifest->root()["resources"];
  ValueRef details = manifest->root()["details"];
  std::string creator = Text(details["creator"]);
  if (!creator.empty() && creator != "N/A") wf.owner = creator;
  if (wf.description.empty()) wf.description = Text(details["description"]);
  if (map == nullptr) return;
  ValueRef m = map->root();
  ConnectionTable updated;
  for (ConnectionInfo info : table.items()) {
    std::string_view resource = m[info.name].str();
    std::string account = Text(resources[resource]["details"]["displayName"]);
    if (!account.empty() && info.display.empty()) info.display = account;
    updated.Add(std::move(info));
  }
  table = std::move(updated);
}

std::string FlowNameFromFile(std::string_view file_name) {
  std::string_view base = wdl::BaseName(file_name);
  if (base.size() > 5 && core::IEquals(base.substr(base.size() - 5), ".json")) {
    base.remove_suffix(5);
  }
  // Solution files are <Name>-<GUID>.json; the GUID is 36 characters.
  if (base.size() > 37 && base[base.size() - 37] == '-') base.remove_suffix(37);
  return std::string(base);
}

std::string GuidFromFile(std::string_view file_name) {
  std::string_view base = wdl::BaseName(file_name);
  if (base.size() > 5) base.remove_suffix(5);
  if (base.size() >= 36) {
    std::string_view guid = base.substr(base.size() - 36);
    if (guid[8] == '-' && guid[13] == '-' && guid[18] == '-' && guid[23] == '-') {
      return std::string(guid);
    }
  }
  return {};
}

void SetEntryPointAuth(model::Workflow& wf) {
  for (auto& node : wf.nodes) {
    if (node.role != model::NodeRole::kEntryPoint || !TypeIs(node.type, "Request")) continue;
    if (!wdl::IsHttpRequestTrigger(node)) {
      node.auth = "aad-user";  // started by a signed-in user (button, app, selected item)
      continue;
    }
    std::string_view who = node.source.value["inputs"]["triggerAuthenticationType"].str();
    if (who.empty() || core::IEquals(who, "All")) {
      node.auth = "sas-key";  // anyone holding the signed URL
    } else if (core::IEquals(who, "Tenant")) {
      node.auth = "aad-tenant";
    } else if (core::IEquals(who, "SpecificUsers")) {
      node.auth = "aad-specific-users";
    } else {
      node.auth = core::ToLower(who);
    }
  }
}

model::ImportResult ImportClientData(const std::shared_ptr<const core::Document>& outer,
                                     const SiblingReader* siblings);

model::ImportResult ImportFlow(const std::shared_ptr<const core::Document>& doc,
                               const SiblingReader* siblings) {
  model::ImportResult result;
  ValueRef root = doc->root();
  if (root["clientdata"].is_string()) return ImportClientData(doc, siblings);
  Envelope env;
  if (!FindEnvelope(root, env)) {
    AddDiagnostic(result.errors, root,
                  "not a Power Automate flow: expected \"properties.definition\", "
                  "\"definition\" or a definition with \"triggers\" and \"actions\"");
    return result;
  }
  const core::SourceFile& src = doc->source();
  model::Workflow wf;
  wf.platform = model::Platform::kPowerAutomate;
  wf.document = doc;
  wf.file = src.name();
  wf.source = model::SourceRef{root, ""};
  wf.id = Text(root["name"]);
  if (wf.id.empty()) wf.id = Text(root["id"]);
  wf.name = Text(env.properties["displayName"]);
  wf.description = Text(env.properties["description"]);
  if (wf.description.empty()) wf.description = Text(env.definition["description"]);
  wf.active = core::IEquals(env.properties["state"].str(), "Started");
  wf.facts.push_back({"powerautomate.format", env.variant});

  // A solution's flows sit in Workflows/; the solution's XML is one up in an
  // exported package, or in Other/ once SolutionPackager has unpacked it.
  wdl::Customizations custom;
  if (siblings != nullptr && core::IEquals(wdl::ParentFolderName(src.name()), "Workflows")) {
    auto read_first = [&](std::initializer_list<std::string_view> paths) {
      for (std::string_view p : paths) {
        if (auto x = siblings->Read(src, p)) return x;
      }
      return std::shared_ptr<const core::SourceFile>();
    };
    if (auto x = read_first({"../customizations.xml", "../Other/Customizations.xml",
                             "../Other/customizations.xml"})) {
      custom = wdl::ParseCustomizationsXml(x->bytes());
    }
    if (auto x =
            read_first({"../solution.xml", "../Other/Solution.xml", "../Other/solution.xml"})) {
      wdl::SolutionInfo sol = wdl::ParseSolutionXml(x->bytes());
      if (sol.present) {
        wf.facts.push_back({"solution", sol.unique_name});
        if (!sol.version.empty()) wf.facts.push_back({"solution.version", sol.version});
        wf.facts.push_back({"solution.managed", sol.managed ? "true" : "false"});
        if (!sol.publisher_unique_name.empty()) {
          wf.facts.push_back({"solution.publisher", sol.publisher_unique_name});
        }
        wf.owner = !sol.publisher_name.empty() ? sol.publisher_name : sol.publisher_unique_name;
      }
    }
    std::string lower_name = core::ToLower(src.name());
    for (const auto& w : custom.workflows) {
      std::string file = core::ToLower(w.json_file);
      for (auto& c : file) {
        if (c == '\\') c = '/';
      }
      if (file.empty() || lower_name.size() < file.size() ||
          lower_name.compare(lower_name.size() - file.size(), file.size(), file) != 0) {
        continue;
      }
      if (wf.name.empty()) wf.name = w.name;
      if (wf.id.empty()) wf.id = w.id;
      if (wf.description.empty()) wf.description = w.description;
      wf.active = w.state_code == 1;
    }
  }
  if (wf.id.empty()) wf.id = GuidFromFile(src.name());
  if (wf.name.empty()) wf.name = FlowNameFromFile(src.name());
  if (wf.owner.empty()) {
    // The flow's creator as the platform recorded it (an Entra object id).
    wf.owner = Text(env.definition["metadata"]["creator"]["id"]);
  }

  ConnectionTable connections;
  ReadConnectionReferences(env.connection_references, custom, connections);
  if (env.variant == "export-package") AddPackageAccounts(siblings, src, connections, wf);
  wdl::ReadDefinition(env.definition, env.definition_pointer, connections, wf, result.warnings);
  SetEntryPointAuth(wf);
  if (wf.nodes.empty()) {
    AddDiagnostic(result.warnings, env.definition, "flow definition has no triggers or actions");
  }
  result.workflows.push_back(std::move(wf));
  return result;
}

// The Dataverse `workflow` row keeps the flow as a JSON string. It is parsed
// as its own SourceFile named "<file>#clientdata": lines and columns of
// findings inside it count in the decoded string, as if it had been saved
// to a file of its own (decision 0006). The row's name, id and state apply.
model::ImportResult ImportClientData(const std::shared_ptr<const core::Document>& outer,
                                     const SiblingReader* siblings) {
  model::ImportResult result;
  ValueRef root = outer->root();
  ValueRef data = root["clientdata"];
  std::string bytes;
  bytes.reserve(data.str().size() + 64);  // room for the parser's padding
  bytes.assign(data.str());
  auto inner =
      std::make_shared<core::SourceFile>(outer->source().name() + "#clientdata", std::move(bytes));
  auto parsed = core::Document::ParseJson(inner);
  if (!parsed.ok()) {
    core::Position at = data.position();
    core::Diagnostic d = parsed.error();
    d.message = "clientdata (the string at line " + std::to_string(at.line) + ", column " +
                std::to_string(at.column) + " of " + outer->source().name() +
                ") is not JSON: " + d.message;
    result.errors.push_back(std::move(d));
    return result;
  }
  const auto& doc = parsed.value();
  if (doc->root()["clientdata"].valid()) {
    AddDiagnostic(result.errors, data, "clientdata holds another clientdata; not read");
    return result;
  }
  Envelope env;
  if (!FindEnvelope(doc->root(), env)) {
    AddDiagnostic(result.errors, data,
                  "clientdata holds no flow definition (expected \"properties.definition\")");
    return result;
  }
  result = ImportFlow(doc, siblings);
  core::Position at = data.position();
  for (auto& wf : result.workflows) {
    wf.facts.push_back({"powerautomate.format", "clientdata"});
    wf.facts.push_back({"clientdata.at", outer->source().name() + ":" + std::to_string(at.line) +
                                             ":" + std::to_string(at.column)});
    std::string name = Text(root["name"]);
    if (!name.empty()) wf.name = name;
    std::string id = Text(root["workflowid"]);
    if (!id.empty()) wf.id = id;
    if (root["statecode"].valid()) wf.active = root["statecode"].number(0) == 1;
    std::string owner = Text(root["_ownerid_value"]);
    if (!owner.empty()) wf.owner = owner;
    std::string description = Text(root["description"]);
    if (!description.empty()) wf.description = description;
  }
  return result;
}

}  // namespace

bool LooksLikePowerAutomate(const ValueRef& root) {
  if (!root.is_object()) return false;
  if (root["clientdata"].is_string()) return true;
  std::string_view type = root["type"].str();
  ValueRef props = root["properties"];
  if (wdl::IsDefinition(props["definition"])) {
    if (core::IEquals(type, "Microsoft.Flow/flows") ||
        core::IContains(type, "Microsoft.ProcessSimple")) {
      return true;
    }
    if (core::IContains(type, "Microsoft.Logic")) return false;
    return props["connectionReferences"].valid() || root["schemaVersion"].valid() ||
           core::IContains(props["apiId"].str(), "shared_logicflows") ||
           IsPowerAutomateDefinition(props["definition"]);
  }
  if (wdl::IsDefinition(root["definition"])) {
    return root["connectionReferences"].valid() || IsPowerAutomateDefinition(root["definition"]);
  }
  return IsPowerAutomateDefinition(root);
}

model::ImportResult ImportPowerAutomate(std::shared_ptr<const core::Document> doc,
                                        const SiblingReader* siblings) {
  return ImportFlow(doc, siblings);
}

}  // namespace fw::ingest
