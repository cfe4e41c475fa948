#include "ingest/wdl/definition.h"

#include <cctype>
#include <unordered_map>

#include "core/text.h"
#include "ingest/common.h"

namespace fw::ingest::wdl {

namespace {

using core::ValueRef;
using model::Exposure;
using model::NodeRole;

// Deeper nesting than this is not something a designer produces; it is
// hostile input, and the walk stops there with a warning.
constexpr int kMaxNesting = 48;

std::string_view StripShared(std::string_view api) {
  if (api.size() > 7 && core::IEquals(api.substr(0, 7), "shared_")) api.remove_prefix(7);
  return api;
}

// Connectors whose steps read or write stored data (databases, blob and file
// storage, spreadsheets, search indexes used as vector stores).
bool IsDataStoreApi(std::string_view api) {
  std::string a = core::ToLower(StripShared(api));
  static constexpr std::string_view kStores[] = {
      "sql",
      "azureblob",
      "azuretables",
      "azurefile",
      "azurefiles",
      "documentdb",
      "azurecosmosdb",
      "cosmosdb",
      "commondataservice",
      "commondataserviceforapps",
      "excelonline",
      "excelonlinebusiness",
      "googlesheet",
      "mysql",
      "postgresql",
      "oracle",
      "db2",
      "teradata",
      "azuredatalake",
      "azuredataexplorer",
      "kusto",
      "azureaisearch",
      "azuresearch",
      "azurequeues",
      "azurestorage",
      "mongodb",
      "snowflake",
      "sqldw",
  };
  for (std::string_view s : kStores) {
    if (a == s) return true;
  }
  return false;
}

bool IsCodeType(std::string_view type) {
  return TypeIs(type, "InlineCode") || TypeIs(type, "JavaScriptCode") ||
         TypeIs(type, "CSharpScriptCode") || TypeIs(type, "ExecuteCSharpScriptCode") ||
         TypeIs(type, "PowerShellCode") || TypeIs(type, "ExecutePowerShellCode") ||
         TypeIs(type, "CSharpCode") || TypeIs(type, "Script");
}

// The key inside `@parameters('$connections')['sql']['connectionId']`.
std::string ConnectionKeyFromExpression(std::string_view expr) {
  size_t at = expr.find("$connections");
  if (at == std::string_view::npos) return {};
  size_t open = expr.find("['", at);
  if (open == std::string_view::npos) return {};
  size_t close = expr.find("']", open + 2);
  if (close == std::string_view::npos) return {};
  return std::string(expr.substr(open + 2, close - open - 2));
}

// Hosts that hold a WDL expression (`@{parameters('host')}`) or a template
// placeholder are not literal hosts.
bool IsLiteralHost(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_' || c == ':' || (c & 0x80) != 0;
    if (!ok) return false;
  }
  return true;
}

struct Pending {
  uint32_t node;
  ValueRef run_after;
  int container;  // node index of the enclosing container, -1 at top level
  std::string pointer;
};

class Reader {
 public:
  Reader(const ConnectionTable& connections, model::Workflow& wf, core::Diagnostics& warnings)
      : connections_(connections), wf_(wf), warnings_(warnings) {}

  void Read(const ValueRef& def, const std::string& pointer) {
    const size_t first = wf_.nodes.size();
    ValueRef triggers = def["triggers"];
    if (triggers.valid() && !triggers.is_object()) {
      AddDiagnostic(warnings_, triggers, "expected \"triggers\" to be an object");
    }
    for (size_t i = 0; triggers.is_object() && i < triggers.size(); ++i) {
      std::string p = pointer + "/triggers";
      core::AppendPointerToken(p, triggers.key_at(i));
      ValueRef t = triggers.value_at(i);
      if (!t.is_object()) {
        AddDiagnostic(warnings_, t, "expected a trigger object");
        continue;
      }
      trigger_nodes_.push_back(AddNode(triggers.key_at(i), t, p, /*trigger=*/true));
    }
    ValueRef actions = def["actions"];
    if (actions.valid() && !actions.is_object()) {
      AddDiagnostic(warnings_, actions, "expected \"actions\" to be an object");
    }
    ReadActions(actions, pointer + "/actions", -1, 0);
    Link(first);
    CollectAllHosts(first);
  }

 private:
  uint32_t AddNode(std::string_view name, const ValueRef& v, const std::string& pointer,
                   bool trigger) {
    model::Node node;
    node.name = std::string(name);
    node.type = Text(v["type"]);
    node.source = model::SourceRef{v, pointer};
    node.notes = Text(v["description"]);
    if (node.type.empty()) AddDiagnostic(warnings_, v, "WDL element without a \"type\"");
    if (trigger) {
      ClassifyTrigger(node, v);
    } else {
      ClassifyAction(node, v);
    }
    ResolveConnector(node, v);
    wf_.nodes.push_back(std::move(node));
    return static_cast<uint32_t>(wf_.nodes.size() - 1);
  }

  void ClassifyTrigger(model::Node& node, const ValueRef& v) {
    node.role = NodeRole::kEntryPoint;
    // The whole trigger: checks read inputs.schema, conditions,
    // operationOptions and kind.
    node.parameters = v;
    std::string_view t = node.type;
    if (TypeIs(t, "Request")) {
      node.exposure = IsHttpRequestTrigger(node) ? Exposure::kInternet : Exposure::kInternal;
    } else if (TypeIs(t, "Recurrence") || TypeIs(t, "SlidingWindow") || TypeIs(t, "Batch") ||
               TypeIs(t, "Manual")) {
      node.exposure = Exposure::kInternal;
    } else {
      // Service triggers (ApiConnection, OpenApiConnection, their Webhook
      // forms, ServiceProvider, Http polling, HttpWebhook callbacks handed to
      // one service): the service decides when the workflow runs.
      node.exposure = Exposure::kThirdParty;
    }
  }

  void ClassifyAction(model::Node& node, const ValueRef& v) {
    std::string_view t = node.type;
    node.parameters = v;
    if (IsContainer(v)) {
      // A container's own settings; its nested actions become nodes.
      node.parameters = v["inputs"].valid()       ? v["inputs"]
                        : v["expression"].valid() ? v["expression"]
                                                  : v["foreach"];
    }
    if (IsCodeType(t)) {
      node.role = NodeRole::kCode;
    } else if (TypeIs(t, "Http") || TypeIs(t, "HttpWebhook") || TypeIs(t, "Function") ||
               TypeIs(t, "ApiManagement") || TypeIs(t, "ApiConnection") ||
               TypeIs(t, "ApiConnectionWebhook") || TypeIs(t, "OpenApiConnection") ||
               TypeIs(t, "OpenApiConnectionWebhook") || TypeIs(t, "ServiceProvider") ||
               TypeIs(t, "Agent")) {
      node.role = NodeRole::kConnector;
    } else {
      node.role = NodeRole::kStep;
    }
  }

  static bool IsContainer(const ValueRef& v) {
    return v["actions"].is_object() || v["else"]["actions"].is_object() || v["cases"].is_object() ||
           v["default"]["actions"].is_object() || v["tools"].is_object();
  }

  void ResolveConnector(model::Node& node, const ValueRef& v) {
    std::string_view t = node.type;
    ValueRef inputs = v["inputs"];
    std::string key;
    std::string api;
    std::string pointer = node.source.pointer;
    ValueRef where;
    if (TypeIs(t, "OpenApiConnection") || TypeIs(t, "OpenApiConnectionWebhook") ||
        TypeIs(t, "OpenApiConnectionNotification")) {
      ValueRef host = inputs["host"];
      api = ApiNameFromId(host["apiId"].str());
      key = Text(host["connectionName"]);
      if (key.empty()) key = Text(host["connection"]);
      where = host;
      pointer += "/inputs/host";
    } else if (TypeIs(t, "ApiConnection") || TypeIs(t, "ApiConnectionWebhook") ||
               TypeIs(t, "ApiConnectionNotification") ||
               (TypeIs(t, "Request") && core::IEquals(v["kind"].str(), "ApiConnection"))) {
      ValueRef conn = inputs["host"]["connection"];
      key = Text(conn["referenceName"]);
      if (key.empty()) key = ConnectionKeyFromExpression(conn["name"].str());
      if (key.empty()) api = ApiNameFromId(inputs["host"]["api"]["runtimeUrl"].str());
      where = inputs["host"];
      pointer += "/inputs/host";
    } else if (TypeIs(t, "ServiceProvider")) {
      ValueRef spc = inputs["serviceProviderConfiguration"];
      api = ApiNameFromId(spc["serviceProviderId"].str());
      key = Text(spc["connectionName"]);
      where = spc;
      pointer += "/inputs/serviceProviderConfiguration";
    } else if (TypeIs(t, "Function")) {
      key = Text(inputs["function"]["connectionName"]);
      api = "azurefunctions";
      where = inputs["function"];
      pointer += "/inputs/function";
    } else if (TypeIs(t, "Http") || TypeIs(t, "HttpWebhook")) {
      node.connector = "http";
      ValueRef auth = inputs["authentication"];
      if (auth.is_object() && !auth["type"].str().empty()) {
        model::CredentialRef ref;
        ref.type = "http:" + Text(auth["type"]);
        ref.source = model::SourceRef{auth, node.source.pointer + "/inputs/authentication"};
        node.credentials.push_back(std::move(ref));
      }
      return;
    } else if (TypeIs(t, "ApiManagement")) {
      node.connector = "apimanagement";
      return;
    } else if (TypeIs(t, "Agent")) {
      node.connector = "agent";
      return;
    } else {
      return;
    }
    const ConnectionInfo* info = key.empty() ? nullptr : connections_.Find(key);
    if (api.empty() && info != nullptr) api = info->api;
    if (api.empty()) api = key;
    node.connector = api;
    if (!key.empty()) {
      model::CredentialRef ref;
      ref.type = api;
      ref.id = info != nullptr && !info->id.empty() ? info->id : key;
      ref.name = info != nullptr ? info->display : std::string();
      // Where the step names its connection; the declaration may sit in a
      // companion file whose document does not outlive the import.
      ref.source = where.valid() ? model::SourceRef{where, pointer} : node.source;
      node.credentials.push_back(std::move(ref));
    }
    if (node.role == NodeRole::kConnector && IsDataStoreApi(api)) node.role = NodeRole::kDataStore;
  }

  void ReadActions(const ValueRef& actions, const std::string& pointer, int container, int depth) {
    if (!actions.is_object()) return;
    if (depth > kMaxNesting) {
      AddDiagnostic(warnings_, actions,
                    "actions nested more than " + std::to_string(kMaxNesting) +
                        " levels deep; the deeper ones are not read");
      return;
    }
    for (size_t i = 0; i < actions.size(); ++i) {
      std::string p = pointer;
      core::AppendPointerToken(p, actions.key_at(i));
      ValueRef a = actions.value_at(i);
      if (!a.is_object()) {
        AddDiagnostic(warnings_, a, "expected an action object");
        continue;
      }
      uint32_t index = AddNode(actions.key_at(i), a, p, /*trigger=*/false);
      pending_.push_back(Pending{index, a["runAfter"], container, p});
      const int self = static_cast<int>(index);
      ReadActions(a["actions"], p + "/actions", self, depth + 1);
      ReadActions(a["else"]["actions"], p + "/else/actions", self, depth + 1);
      ReadActions(a["default"]["actions"], p + "/default/actions", self, depth + 1);
      ValueRef cases = a["cases"];
      for (size_t c = 0; cases.is_object() && c < cases.size(); ++c) {
        std::string cp = p + "/cases";
        core::AppendPointerToken(cp, cases.key_at(c));
        ReadActions(cases.value_at(c)["actions"], cp + "/actions", self, depth + 1);
      }
      ValueRef tools = a["tools"];
      for (size_t c = 0; tools.is_object() && c < tools.size(); ++c) {
        std::string tp = p + "/tools";
        core::AppendPointerToken(tp, tools.key_at(c));
        ReadActions(tools.value_at(c)["actions"], tp + "/actions", self, depth + 1);
      }
    }
  }

  void AddEdge(uint32_t from, uint32_t to, std::string type, const ValueRef& at,
               std::string pointer) {
    model::Connection c;
    c.from = from;
    c.to = to;
    c.type = std::move(type);
    c.source = model::SourceRef{at, std::move(pointer)};
    wf_.connections.push_back(std::move(c));
  }

  void Link(size_t first) {
    std::unordered_map<std::string_view, uint32_t> by_name;
    by_name.reserve(wf_.nodes.size() - first);
    for (size_t i = first; i < wf_.nodes.size(); ++i) {
      auto [it, inserted] = by_name.emplace(wf_.nodes[i].name, static_cast<uint32_t>(i));
      if (!inserted) {
        AddDiagnostic(warnings_, wf_.nodes[i].source.value,
                      "duplicate trigger or action name '" + wf_.nodes[i].name +
                          "'; runAfter references go to the first one");
      }
    }
    for (const Pending& p : pending_) {
      const ValueRef& ra = p.run_after;
      bool has_predecessor = false;
      if (ra.valid() && !ra.is_object()) {
        AddDiagnostic(warnings_, ra, "expected \"runAfter\" to be an object");
      }
      for (size_t i = 0; ra.is_object() && i < ra.size(); ++i) {
        std::string_view pred = ra.key_at(i);
        std::string ptr = p.pointer + "/runAfter";
        core::AppendPointerToken(ptr, pred);
        auto it = by_name.find(pred);
        if (it == by_name.end()) {
          AddDiagnostic(warnings_, ra.value_at(i),
                        "runAfter names unknown action '" + std::string(pred) + "'");
          continue;
        }
        has_predecessor = true;
        AddEdge(it->second, p.node, "runAfter", ra.value_at(i), std::move(ptr));
      }
      if (has_predecessor) continue;
      const ValueRef& at = wf_.nodes[p.node].source.value;
      if (p.container >= 0) {
        AddEdge(static_cast<uint32_t>(p.container), p.node, "contains", at, p.pointer);
      } else {
        for (uint32_t t : trigger_nodes_) AddEdge(t, p.node, "trigger", at, p.pointer);
      }
    }
  }

  void CollectAllHosts(size_t first) {
    std::vector<model::ExternalHost> found;
    for (size_t i = first; i < wf_.nodes.size(); ++i) {
      const model::Node& node = wf_.nodes[i];
      ValueRef inputs = node.source.value["inputs"];
      if (!inputs.valid()) continue;
      found.clear();
      CollectHosts(inputs, node.source.pointer + "/inputs", static_cast<uint32_t>(i), found);
      for (auto& h : found) {
        if (IsLiteralHost(h.host)) wf_.hosts.push_back(std::move(h));
      }
    }
  }

  const ConnectionTable& connections_;
  model::Workflow& wf_;
  core::Diagnostics& warnings_;
  std::vector<uint32_t> trigger_nodes_;
  std::vector<Pending> pending_;
};

}  // namespace

void ConnectionTable::Add(ConnectionInfo info) { items_.push_back(std::move(info)); }

const ConnectionInfo* ConnectionTable::Find(std::string_view name) const {
  for (const auto& i : items_) {
    if (core::IEquals(i.name, name)) return &i;
  }
  return nullptr;
}

bool TypeIs(std::string_view type, std::string_view expected) {
  return core::IEquals(type, expected);
}

bool IsDefinition(const ValueRef& v) {
  if (!v.is_object()) return false;
  if (v["triggers"].is_object() || v["actions"].is_object()) return true;
  std::string_view schema = v["$schema"].str();
  return schema.find("workflowdefinition.json") != std::string_view::npos;
}

std::string ApiNameFromId(std::string_view id) {
  id = core::Trim(id);
  if (id.empty()) return {};
  if (id.front() == '[' || id.front() == '@') {
    // An ARM or WDL expression: "[concat(..., '/managedApis/sql')]".
    for (std::string_view marker : {"/managedApis/", "/apis/", "/serviceProviders/"}) {
      size_t at = id.find(marker);
      if (at == std::string_view::npos) continue;
      size_t start = at + marker.size();
      size_t end = start;
      while (end < id.size() && (std::isalnum(static_cast<unsigned char>(id[end])) ||
                                 id[end] == '_' || id[end] == '-')) {
        ++end;
      }
      if (end > start) return std::string(id.substr(start, end - start));
    }
    return std::string(id);
  }
  while (!id.empty() && id.back() == '/') id.remove_suffix(1);
  size_t slash = id.rfind('/');
  return std::string(slash == std::string_view::npos ? id : id.substr(slash + 1));
}

bool IsHttpRequestTrigger(const model::Node& node) {
  if (!TypeIs(node.type, "Request")) return false;
  std::string_view kind = node.source.value["kind"].str();
  return kind.empty() || core::IEquals(kind, "Http");
}

std::string_view BaseName(std::string_view file_name) {
  size_t cut = file_name.find_last_of("/\\");  // "!/" ends in '/' too
  return cut == std::string_view::npos ? file_name : file_name.substr(cut + 1);
}

std::string_view ParentFolderName(std::string_view file_name) {
  size_t bang = file_name.rfind("!/");
  std::string_view inner = bang == std::string_view::npos ? file_name : file_name.substr(bang + 2);
  size_t slash = inner.find_last_of("/\\");
  if (slash == std::string_view::npos) return {};
  std::string_view folder = inner.substr(0, slash);
  size_t prev = folder.find_last_of("/\\");
  return prev == std::string_view::npos ? folder : folder.substr(prev + 1);
}

model::SourceRef SettingRef(const model::Node& node, std::string_view key) {
  ValueRef v = node.source.value[key];
  if (!v.valid()) return node.source;
  std::string p = node.source.pointer;
  core::AppendPointerToken(p, key);
  return model::SourceRef{v, std::move(p)};
}

void ReadDefinition(const ValueRef& def, const std::string& pointer,
                    const ConnectionTable& connections, model::Workflow& wf,
                    core::Diagnostics& warnings) {
  Reader(connections, wf, warnings).Read(def, pointer);
}

}  // namespace fw::ingest::wdl
