#include "ingest/nodered/settings.h"

#include <algorithm>
#include <initializer_list>

#include "core/text.h"
#include "core/url.h"
#include "ingest/common.h"
#include "ingest/nodered/nodered_importer.h"
#include "ingest/nodered/settings_script.h"

namespace fw::ingest::nodered {

namespace {

using core::ValueRef;

// Keys only a Node-RED settings object has; two of them, or one of the
// security ones, make a JSON object a settings file.
constexpr std::string_view kSettingsKeys[] = {"uiPort",
                                              "uiHost",
                                              "httpAdminRoot",
                                              "httpNodeRoot",
                                              "adminAuth",
                                              "httpNodeAuth",
                                              "httpStaticAuth",
                                              "credentialSecret",
                                              "flowFile",
                                              "flowFilePretty",
                                              "userDir",
                                              "nodesDir",
                                              "functionGlobalContext",
                                              "functionExternalModules",
                                              "editorTheme",
                                              "requireHttps",
                                              "https",
                                              "httpStatic",
                                              "contextStorage",
                                              "exportGlobalContextKeys",
                                              "logging",
                                              "mqttReconnectTime",
                                              "serialReconnectTime",
                                              "debugMaxLength",
                                              "httpNodeCors",
                                              "httpNodeMiddleware",
                                              "webSocketNodeVerifyClient",
                                              "disableEditor",
                                              "runtimeState",
                                              "diagnostics",
                                              "externalModules",
                                              "apiMaxLength"};
constexpr std::string_view kStrongKeys[] = {"adminAuth",     "httpNodeAuth", "credentialSecret",
                                            "httpAdminRoot", "httpNodeRoot", "uiPort"};

bool IsFalse(const ValueRef& v) { return v.is_bool() && !v.boolean(); }
bool IsAbsent(const ValueRef& v) { return !v.valid() || v.is_null(); }

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

void ComputeFacts(RuntimeSettings& s) {
  auto& f = s.facts;
  const ValueRef root = s.root;
  auto unknown = [&](const ValueRef& v) { return s.IsUnknown(v); };
  auto set_state = [&](const ValueRef& v) {
    if (IsAbsent(v) || IsFalse(v)) return std::string("unset");
    if (unknown(v)) return std::string("unknown");
    return std::string("set");
  };
  auto literal = [&](const ValueRef& v) {
    if (IsAbsent(v)) return std::string("unset");
    if (unknown(v)) return std::string("unknown");
    if (v.is_string() || v.is_number() || v.is_bool()) return Text(v);
    return std::string("set");
  };

  f.emplace_back("nodered.settings", s.file);

  ValueRef admin = root["adminAuth"];
  f.emplace_back("nodered.adminAuth", set_state(admin));
  if (admin.is_object()) {
    std::string type = Text(admin["type"]);
    if (type.empty() && admin["tokens"].valid()) type = "tokens";
    if (!type.empty()) f.emplace_back("nodered.adminAuth.type", type);
  }

  // httpNodeAuth needs a user name to take effect: {user, pass}.
  ValueRef node_auth = root["httpNodeAuth"];
  std::string node_state = set_state(node_auth);
  if (node_state == "set" && node_auth.is_object() && !node_auth["user"].valid()) {
    node_state = "unset";
  }
  f.emplace_back("nodered.httpNodeAuth", node_state);
  f.emplace_back("nodered.httpStaticAuth", set_state(root["httpStaticAuth"]));
  f.emplace_back("nodered.httpNodeMiddleware", set_state(root["httpNodeMiddleware"]));
  f.emplace_back("nodered.webSocketNodeVerifyClient", set_state(root["webSocketNodeVerifyClient"]));
  f.emplace_back("nodered.httpAdminRoot", literal(root["httpAdminRoot"]));
  f.emplace_back("nodered.httpNodeRoot", literal(root["httpNodeRoot"]));
  f.emplace_back("nodered.disableEditor", literal(root["disableEditor"]));
  f.emplace_back("nodered.uiHost", literal(root["uiHost"]));
  f.emplace_back("nodered.uiPort", literal(root["uiPort"]));
  f.emplace_back("nodered.requireHttps", literal(root["requireHttps"]));
  f.emplace_back("nodered.https", set_state(root["https"]));

  ValueRef secret = root["credentialSecret"];
  std::string secret_state;
  if (IsAbsent(secret)) {
    secret_state = "unset";
  } else if (unknown(secret)) {
    secret_state = "unknown";
  } else if (IsFalse(secret)) {
    secret_state = "false";
  } else if (secret.is_string()) {
    secret_state = secret.str().empty() ? "unset" : "literal";
  } else {
    secret_state = "unknown";
  }
  f.emplace_back("nodered.credentialSecret", secret_state);

  f.emplace_back("nodered.functionExternalModules", literal(root["functionExternalModules"]));
  ValueRef context = root["functionGlobalContext"];
  if (context.is_object() && !unknown(context)) {
    std::string keys;
    for (size_t i = 0; i < context.size(); ++i) {
      if (!keys.empty()) keys += ",";
      keys += std::string(context.key_at(i));
    }
    f.emplace_back("nodered.functionGlobalContext", keys.empty() ? "set" : keys);
  } else {
    f.emplace_back("nodered.functionGlobalContext", set_state(context));
  }
  ValueRef projects = root["editorTheme"]["projects"]["enabled"];
  if (projects.valid()) f.emplace_back("nodered.projects", literal(projects));
}

// _credentialSecret: the key Node-RED generates and keeps beside the flows
// when settings do not set credentialSecret.
void ReadGeneratedKey(const core::SourceFile& flows, const SiblingReader* siblings,
                      RuntimeSettings& s) {
  for (std::string_view name : {".config.runtime.json", ".config.json"}) {
    auto file = siblings->Read(flows, name);
    if (file == nullptr) continue;
    auto parsed = core::Document::ParseJson(file);
    if (!parsed.ok()) continue;
    ValueRef key = parsed.value()->root()["_credentialSecret"];
    if (!key.is_string()) continue;
    for (auto& [k, v] : s.facts) {
      if (k == "nodered.credentialSecret" && (v == "unset" || v.empty())) v = "generated";
    }
    s.facts.emplace_back("nodered.credentialSecret.file", file->name());
    return;
  }
}

// Node ids: 16 hex digits (Node-RED 2+) or two hex runs joined by '.'
// (older releases), as keys of flows_cred.json.
bool LooksLikeNodeId(std::string_view key) {
  size_t dots = 0;
  for (char c : key) {
    if (c == '.') {
      ++dots;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  if (dots == 0) return key.size() == 16;
  return dots == 1 && key.size() >= 6 && key.size() <= 24 && key.front() != '.' &&
         key.back() != '.';
}

}  // namespace

bool RuntimeSettings::IsUnknown(const core::ValueRef& v) const {
  if (!v.valid() || v.document() != document.get()) return false;
  return std::binary_search(unknown.begin(), unknown.end(), v.index());
}

std::string_view RuntimeSettings::Fact(std::string_view key) const {
  for (const auto& [k, v] : facts) {
    if (k == key) return v;
  }
  return {};
}

RuntimeSettings ParseSettingsFile(std::shared_ptr<const core::SourceFile> file,
                                  core::Diagnostics& warnings) {
  RuntimeSettings s;
  s.file = file->name();
  auto parsed = core::Document::ParseJson(file);
  if (parsed.ok()) {
    if (!parsed.value()->root().is_object()) {
      core::Position pos = parsed.value()->root().position();
      warnings.push_back(core::Diagnostic{
          file->name(), pos.line, pos.column,
          "Node-RED settings: expected a JSON object of settings; settings ignored"});
      return s;
    }
    s.document = parsed.value();
    s.root = s.document->root();
  } else {
    std::string error;
    size_t offset = 0;
    SettingsScript script = ScanSettingsScript(file, &error, &offset);
    if (!error.empty()) {
      core::Position pos = file->PositionOf(offset);
      warnings.push_back(core::Diagnostic{
          file->name(), pos.line, pos.column,
          "Node-RED settings script: " + error +
              (script.document ? "; the rest of the settings were read"
                               : "; settings ignored (not evaluated as JavaScript)")});
    }
    if (!script.document) return s;
    s.document = script.document;
    s.root = s.document->root();
    s.unknown = std::move(script.unknown);
  }
  ComputeFacts(s);
  return s;
}

RuntimeSettings ReadRuntimeSettings(const core::SourceFile& flows, const SiblingReader* siblings,
                                    core::Diagnostics& warnings) {
  RuntimeSettings s;
  if (siblings != nullptr) {
    for (std::string_view name :
         {kSettingsArgument, std::string_view("settings.js"), std::string_view("settings.json")}) {
      auto file = siblings->Read(flows, name);
      if (file == nullptr) continue;
      s = ParseSettingsFile(file, warnings);
      break;
    }
  }
  if (!s.found()) {
    s.facts = {{"nodered.settings", "none"},
               {"nodered.adminAuth", "unknown"},
               {"nodered.httpNodeAuth", "unknown"},
               {"nodered.credentialSecret", "unknown"}};
  }
  if (siblings != nullptr) ReadGeneratedKey(flows, siblings, s);
  return s;
}

model::Workflow RuntimeWorkflow(const RuntimeSettings& s) {
  model::Workflow wf;
  wf.platform = model::Platform::kNodeRed;
  wf.file = s.file;
  wf.id = "nodered-runtime";
  wf.name = "Node-RED runtime (" + BaseName(s.file) + ")";
  wf.active = true;
  wf.document = s.document;
  wf.source = model::SourceRef{s.root, ""};
  wf.description = "Runtime settings of the Node-RED instance that runs the flows beside them.";
  wf.facts = s.facts;
  wf.facts.emplace_back("nodered.kind", "runtime");

  // The editor and its admin API: whoever reaches it can deploy flows,
  // function and exec nodes included. httpAdminRoot false turns both off.
  if (s.Fact("nodered.httpAdminRoot") != "false") {
    model::Node editor;
    editor.id = "editor";
    editor.name = "Node-RED editor and admin API";
    editor.type = "nodered-editor";
    editor.role = model::NodeRole::kEntryPoint;
    editor.exposure = model::Exposure::kInternet;
    std::string_view host = s.Fact("nodered.uiHost");
    if (!host.empty() && host != "unset" && host != "unknown") {
      core::HostScope scope = core::ClassifyHost(core::ToLower(host));
      if (scope == core::HostScope::kLoopback) editor.exposure = model::Exposure::kInternal;
    }
    std::string_view admin = s.Fact("nodered.adminAuth");
    if (admin == "set") {
      std::string_view type = s.Fact("nodered.adminAuth.type");
      editor.auth = type.empty() ? "credentials" : std::string(type);
    } else if (admin == "unset") {
      editor.auth = "none";
    }
    ValueRef at = s.root["httpAdminRoot"];
    editor.source =
        at.valid() ? model::SourceRef{at, "/httpAdminRoot"} : model::SourceRef{s.root, ""};
    wf.nodes.push_back(std::move(editor));
  }
  return wf;
}

std::string CompanionKind(const core::ValueRef& root) {
  if (!root.is_object()) return {};
  // flows_cred.json: {"$": "<encrypted>"} or, with credentialSecret false,
  // node id -> {user, password, ...} in clear text.
  if (root.size() == 1 && root.key_at(0) == "$" && root.value_at(0).is_string()) {
    return "Node-RED credentials file (encrypted)";
  }
  if (root["_credentialSecret"].is_string() ||
      (root["instanceId"].is_string() && root["telemetryEnabled"].valid())) {
    return "Node-RED runtime configuration (.config.runtime.json)";
  }
  size_t strong = 0;
  size_t known = 0;
  for (size_t i = 0; i < root.size(); ++i) {
    std::string_view key = root.key_at(i);
    for (auto k : kSettingsKeys) known += key == k;
    for (auto k : kStrongKeys) strong += key == k;
  }
  if (strong > 0 || known >= 2) return "Node-RED runtime settings";
  ValueRef registry = root["node-red"];
  if (registry.is_object() && registry["nodes"].is_object() && registry["version"].valid()) {
    return "Node-RED node registry (.config.nodes.json)";
  }
  if (registry.is_object() && root["name"].is_string() &&
      (registry["settings"].is_object() || root["dependencies"].valid())) {
    return "Node-RED project manifest (package.json)";
  }
  if (root["projects"].is_object() && root["activeProject"].valid()) {
    return "Node-RED projects configuration (.config.projects.json)";
  }
  if (root.size() > 0) {
    bool all = true;
    for (size_t i = 0; i < root.size() && all; ++i) {
      all = LooksLikeNodeId(root.key_at(i)) && root.value_at(i).is_object();
    }
    if (all) return "Node-RED credentials file (unencrypted: credentialSecret is false)";
  }
  return {};
}

}  // namespace fw::ingest::nodered
