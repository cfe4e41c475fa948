#include "analysis/inventory.h"

#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/json.h"
#include "core/source.h"
#include "core/text.h"
#include "core/url.h"
#include "detect/expressions.h"

namespace fw::analysis {

namespace {

using core::ValueRef;
using model::Exposure;
using model::NodeRole;

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}
bool IsIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}
std::string_view ShortType(std::string_view type) {
  size_t dot = type.rfind('.');
  return dot == std::string_view::npos ? type : type.substr(dot + 1);
}

// ---------------------------------------------------------------------------
// Entry points

std::string EntryKind(const model::Node& node) {
  const std::string t = core::ToLower(node.type);
  if (node.role != NodeRole::kEntryPoint) {
    // A step that can be called from outside mid-run (n8n Wait on a webhook).
    return node.exposure == Exposure::kInternet ? "resume-webhook" : "other";
  }
  // Services' own triggers (typeformTrigger, googleChatTrigger) are events.
  const bool service = node.exposure == Exposure::kThirdParty;
  if (ContainsAny(t, {"mcp"}) && !service) return "mcp";
  if (ContainsAny(t, {"chat"}) && !service) return "chat";
  if (ContainsAny(t, {"formtrigger", "form trigger"}) && !service) return "form";
  if (node.exposure == Exposure::kInternet) return ContainsAny(t, {"webhook"}) ? "webhook" : "http";
  if (ContainsAny(
          t, {"schedule", "cron", "interval", "recurrence", "slidingwindow", "timer", "inject"})) {
    return "schedule";
  }
  if (ContainsAny(t, {"manual", "button", "start"})) return "manual";
  // Power Automate's instant flows: a Request trigger only a user or app fires.
  if (ContainsAny(t, {"request"}) && node.exposure == Exposure::kInternal) return "manual";
  if (ContainsAny(t, {"error", "catch"})) return "error";
  if (ContainsAny(t, {"executeworkflow", "workflowtrigger", "link in", "subflow", "childflow"})) {
    return "sub-workflow";
  }
  if (ContainsAny(t, {"email", "imap", "gmail", "outlook", "mailhook"})) return "email";
  if (ContainsAny(t, {"file"})) return "file";
  if (ContainsAny(t, {"mqtt", "amqp", "kafka", "rabbit", "queue", "sqs", "websocket", "tcp", "udp",
                      "redis", "pubsub", "servicebus", "eventhub"})) {
    return "message";
  }
  if (node.exposure == Exposure::kThirdParty) return "service-event";
  if (node.exposure == Exposure::kInternet) return "http";
  return "other";
}

bool IsEntryPoint(const model::Node& node) {
  if (node.role == NodeRole::kAnnotation) return false;
  return node.role == NodeRole::kEntryPoint || node.exposure != Exposure::kNone;
}

// ---------------------------------------------------------------------------
// Code steps

std::string CodeLanguage(const model::Node& node) {
  // n8n and most platforms: "language"; Make's code module: mapper.language.
  ValueRef declared = node.parameters["language"];
  if (!declared.is_string()) declared = node.parameters["mapper"]["language"];
  std::string lang = core::ToLower(declared.str());
  if (StartsWith(lang, "python")) return "python";  // n8n: python, pythonNative
  if (lang == "javascript" || lang == "js") return "javascript";
  if (!lang.empty()) return lang;
  const ValueRef& p = node.parameters;
  if (p["pythonCode"].valid()) return "python";
  if (p["jsCode"].valid() || p["functionCode"].valid() || p["func"].valid()) return "javascript";
  const std::string t = core::ToLower(node.type);
  if (ContainsAny(t, {"python"})) return "python";
  if (ContainsAny(t, {"powershell"})) return "powershell";
  if (ContainsAny(t, {"csharp"})) return "csharp";
  if (ContainsAny(t, {"command", "exec", "ssh", "shell", "bash"})) return "shell";
  if (ContainsAny(t, {"javascript", "function", "code", "aitransform"})) return "javascript";
  return "unknown";
}

// ---------------------------------------------------------------------------
// Data fields

// Names that say where data sits in a message, not what it is
// ("connectionid": Power Automate and Logic Apps connection plumbing).
bool IsStructuralName(std::string_view lower) {
  static constexpr std::array<std::string_view, 23> kWords = {
      "body",   "headers", "header",   "query",      "params", "json",    "data",        "value",
      "values", "items",   "item",     "payload",    "output", "outputs", "input",       "inputs",
      "result", "results", "response", "properties", "length", "binary",  "connectionid"};
  for (auto w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// A data class a model declares for a field ("classification: health").
std::optional<detect::DataClass> DeclaredClass(std::string_view text) {
  const std::string c = core::ToLower(core::Trim(text));
  if (c.empty()) return std::nullopt;
  if (c == "personal" || c == "pii" || c == "personal-data") return detect::DataClass::kPersonal;
  if (c == "health" || c == "phi" || c == "medical") return detect::DataClass::kHealth;
  if (c == "financial" || c == "pci" || c == "payment") return detect::DataClass::kFinancial;
  if (c == "credential" || c == "credentials" || c == "secret") {
    return detect::DataClass::kCredential;
  }
  if (c == "public") return detect::DataClass::kPublic;
  return std::nullopt;  // internal, confidential...: let the name speak
}

class FieldSet {
 public:
  // Adds a field name once (case-insensitive); a class the model declares
  // wins over the one its name suggests.
  void Add(std::string_view raw, std::optional<detect::DataClass> declared = std::nullopt) {
    std::string_view name = core::Trim(raw);
    if (name.empty() || name.size() > 64) return;
    // Expressions, OData annotations (@odata.etag) and SharePoint system
    // columns ({Link}) are not data fields.
    if (name.front() == '=' || name.front() == '$' || name.front() == '@' || name.front() == '{' ||
        name.find("{{") != std::string_view::npos) {
      return;
    }
    bool all_digits = true;
    for (char c : name) {
      if (static_cast<unsigned char>(c) < 0x20) return;
      if (std::isdigit(static_cast<unsigned char>(c)) == 0) all_digits = false;
    }
    if (all_digits) return;
    std::string key = core::ToLower(name);
    if (IsStructuralName(key)) return;
    auto it = index_.find(key);
    if (it != index_.end()) {
      if (declared && !declared_[it->second]) {
        fields_[it->second].sensitivity = *declared;
        declared_[it->second] = true;
      }
      return;
    }
    if (fields_.size() >= kMaxFieldsPerWorkflow) return;
    index_.emplace(std::move(key), fields_.size());
    fields_.push_back(
        DataFieldSummary{std::string(name), declared.value_or(detect::DataClass::kUnknown)});
    declared_.push_back(declared.has_value());
  }
  std::vector<DataFieldSummary> Take() {
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (!declared_[i]) fields_[i].sensitivity = detect::ClassifyFieldName(fields_[i].name);
    }
    return std::move(fields_);
  }

 private:
  std::vector<DataFieldSummary> fields_;
  std::vector<bool> declared_;
  std::unordered_map<std::string, size_t> index_;
};

struct Chain {
  std::string_view last;  // the last member named, "" when none
  size_t end = 0;         // index just past the chain
};

// Reads an access chain from `i` (".a.b", "?.a", "['a']", "?['a']", "[0]")
// and returns its last member before a method call or the chain's end.
// `dots` accepts ".name" members (JavaScript); brackets are always read.
Chain ReadChain(std::string_view text, size_t i, bool dots) {
  Chain chain;
  while (i < text.size()) {
    size_t at = i;
    if (text[i] == '?') {  // optional chaining: ?. ?[ ?.[
      ++i;
      if (i + 1 < text.size() && text[i] == '.' && text[i + 1] == '[') ++i;
    }
    if (i >= text.size()) {
      i = at;
      break;
    }
    if (dots && text[i] == '.' && i + 1 < text.size() && IsIdentStart(text[i + 1])) {
      size_t start = ++i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || text[i] == '_')) {
        ++i;
      }
      if (i < text.size() && text[i] == '(') break;  // a method: .trim()
      chain.last = text.substr(start, i - start);
      continue;
    }
    if (text[i] == '[' && i + 1 < text.size()) {
      char q = text[i + 1];
      if (q == '\'' || q == '"' || q == '`') {
        size_t end = text.find(q, i + 2);
        if (end == std::string_view::npos || end + 1 >= text.size() || text[end + 1] != ']') {
          i = at;
          break;
        }
        chain.last = text.substr(i + 2, end - i - 2);
        i = end + 2;
        continue;
      }
      size_t j = i + 1;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) != 0) ++j;
      if (j > i + 1 && j < text.size() && text[j] == ']') {
        i = j + 1;
        continue;
      }
    }
    i = at;
    break;
  }
  chain.end = i;
  // Power Automate paths: ?['body/email'].
  size_t slash = chain.last.rfind('/');
  if (slash != std::string_view::npos) chain.last = chain.last.substr(slash + 1);
  return chain;
}

// `word.a.b` references: n8n $json / .json, Node-RED msg. `anywhere` also
// accepts the bare word after any non-identifier character (code).
void ScanWordChains(std::string_view text, std::string_view word, bool anywhere, FieldSet& out) {
  for (size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + word.size())) {
    size_t after = pos + word.size();
    if (after >= text.size() || (text[after] != '.' && text[after] != '[' && text[after] != '?')) {
      continue;
    }
    if (pos > 0) {
      char before = text[pos - 1];
      bool ok = before == '$' || before == '.' || (anywhere && !IsIdentChar(before));
      if (!ok) continue;
    } else if (!anywhere) {
      continue;
    }
    out.Add(ReadChain(text, after, true).last);
  }
}

// Power Automate / Logic Apps: triggerBody()?['email'], item()?['Mail'],
// body('Get_user')?['mail']: a bracket chain right after a function call.
void ScanBracketChains(std::string_view text, FieldSet& out) {
  for (size_t pos = text.find(')'); pos != std::string_view::npos; pos = text.find(')', pos + 1)) {
    Chain chain = ReadChain(text, pos + 1, false);
    if (chain.end == pos + 1) continue;
    out.Add(chain.last);
    pos = chain.end - 1;
  }
}

// n8n $fromAI('name', ...): a field the AI agent fills in.
void ScanFromAi(std::string_view text, FieldSet& out) {
  constexpr std::string_view kCall = "$fromAI(";
  for (size_t pos = text.find(kCall); pos != std::string_view::npos;
       pos = text.find(kCall, pos + kCall.size())) {
    size_t i = pos + kCall.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() || (text[i] != '\'' && text[i] != '"' && text[i] != '`')) continue;
    size_t end = text.find(text[i], i + 1);
    if (end == std::string_view::npos) continue;
    out.Add(text.substr(i + 1, end - i - 1));
  }
}

// Make: {{1.email}}, {{lower(2.customer.name)}}.
void ScanMakeRefs(std::string_view text, FieldSet& out) {
  for (size_t open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", open + 2)) {
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(0, close);
    for (size_t i = open + 2; i < close; ++i) {
      if (std::isdigit(static_cast<unsigned char>(inner[i])) == 0) continue;
      if (IsIdentChar(inner[i - 1]) || inner[i - 1] == '.') continue;
      size_t j = i;
      while (j < close && std::isdigit(static_cast<unsigned char>(inner[j])) != 0) ++j;
      if (j + 1 < close && inner[j] == '.' && IsIdentStart(inner[j + 1])) {
        out.Add(ReadChain(inner, j, true).last);
      }
      i = j;
    }
    open = close;
  }
}

// Keys of scalar members in JSON-looking text: "{ \"email\": \"{{ ... }}\" }".
void ScanJsonTextKeys(std::string_view t, FieldSet& out) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '"') continue;
    size_t end = i + 1;
    while (end < t.size() && t[end] != '"') end += t[end] == '\\' ? 2 : 1;
    if (end >= t.size()) return;
    size_t j = end + 1;
    while (j < t.size() && std::isspace(static_cast<unsigned char>(t[j])) != 0) ++j;
    if (j < t.size() && t[j] == ':') {
      size_t k = j + 1;
      while (k < t.size() && std::isspace(static_cast<unsigned char>(t[k])) != 0) ++k;
      if (k < t.size() && t[k] != '{' && t[k] != '[') out.Add(t.substr(i + 1, end - i - 1));
    }
    i = end;
  }
}

void Walk(const ValueRef& v, int depth, model::Platform platform, bool code, FieldSet& out);
void AddLeafKeys(const ValueRef& v, int depth, FieldSet& out);

// Does this JSON value hold a JSON Schema ("properties" of an object)?
bool HoldsSchema(const ValueRef& v, int depth) {
  if (depth > 16) return false;
  if (v.is_object() && v["properties"].is_object()) return true;
  for (size_t i = 0; i < v.size() && (v.is_object() || v.is_array()); ++i) {
    if (HoldsSchema(v.value_at(i), depth + 1)) return true;
  }
  return false;
}

// JSON written as text inside a setting (n8n jsonBody, jsonOutput,
// responseBody, schema examples). Valid JSON is parsed: a schema gives its
// property names, sample data its leaf keys. Text with expressions inside is
// scanned for "key": pairs instead.
void ScanJsonText(std::string_view s, model::Platform platform, FieldSet& out) {
  std::string_view t = core::Trim(s);
  if (!t.empty() && t.front() == '=') t = core::Trim(t.substr(1));
  if (t.empty() || (t.front() != '{' && t.front() != '[')) return;
  if (t.find("{{") == std::string_view::npos) {
    auto doc = core::Document::ParseJson(std::make_shared<core::SourceFile>("", std::string(t)));
    if (doc.ok()) {
      ValueRef root = doc.value()->root();
      if (HoldsSchema(root, 0)) {
        Walk(root, 0, platform, false, out);
      } else {
        AddLeafKeys(root, 0, out);
      }
      return;
    }
  }
  ScanJsonTextKeys(t, out);
}

void ScanString(std::string_view s, model::Platform platform, bool code, FieldSet& out) {
  if (s.size() < 4) return;
  const bool expression = detect::HasExpression(s) || detect::IsExpression(s);
  if (expression || code) {
    ScanWordChains(s, "json", code, out);
    ScanWordChains(s, "msg", code || platform == model::Platform::kNodeRed, out);
    if (s.find("$fromAI") != std::string_view::npos) ScanFromAi(s, out);
    if (s.find('@') != std::string_view::npos) ScanBracketChains(s, out);
    if (platform == model::Platform::kMake) ScanMakeRefs(s, out);
  }
  if (!code) ScanJsonText(s, platform, out);
}

// Keys of the scalar members of an object.
void AddScalarKeys(const ValueRef& obj, FieldSet& out) {
  if (!obj.is_object()) return;
  for (size_t i = 0; i < obj.size(); ++i) {
    ValueRef v = obj.value_at(i);
    if (!v.is_object() && !v.is_array()) out.Add(obj.key_at(i));
  }
}

// Leaf keys of sample data (pinned items), a few levels deep.
void AddLeafKeys(const ValueRef& v, int depth, FieldSet& out) {
  if (depth > 4) return;
  if (v.is_array()) {
    for (size_t i = 0; i < v.size() && i < 50; ++i) AddLeafKeys(v.at(i), depth + 1, out);
    return;
  }
  if (!v.is_object()) return;
  for (size_t i = 0; i < v.size(); ++i) {
    ValueRef child = v.value_at(i);
    if (child.is_object() || child.is_array()) {
      AddLeafKeys(child, depth + 1, out);
    } else {
      out.Add(v.key_at(i));
    }
  }
}

// The `key` member of every element of `arr`.
void AddMember(const ValueRef& arr, std::string_view key, FieldSet& out) {
  for (size_t i = 0; i < arr.size() && arr.is_array(); ++i) out.Add(arr.at(i)[key].str());
}

// Walks parameters: JSON Schemas ("properties" of an object schema) name
// fields on every platform; every string is scanned for references.
void Walk(const ValueRef& v, int depth, model::Platform platform, bool code, FieldSet& out) {
  if (depth > 64 || !v.valid()) return;
  if (v.is_string()) {
    ScanString(v.str(), platform, code, out);
    return;
  }
  if (!v.is_object() && !v.is_array()) return;
  if (v.is_object()) {
    // App models list fields with their classification.
    ValueRef fields = v["fields"];
    if (platform == model::Platform::kAppModel && fields.is_array()) {
      for (size_t i = 0; i < fields.size(); ++i) {
        ValueRef f = fields.at(i);
        ValueRef cls = f["classification"].valid() ? f["classification"] : f["sensitivity"];
        if (f["name"].is_string()) out.Add(f["name"].str(), DeclaredClass(cls.str()));
      }
    }
    ValueRef props = v["properties"];
    if (props.is_object() && (v["type"].str() == "object" || !v["type"].valid())) {
      for (size_t i = 0; i < props.size(); ++i) {
        ValueRef p = props.value_at(i);
        if (!p.is_object() || p["type"].str() != "object") out.Add(props.key_at(i));
      }
    }
  }
  for (size_t i = 0; i < v.size(); ++i) Walk(v.value_at(i), depth + 1, platform, code, out);
}

// n8n parameters that name fields outright.
void AddN8nNodeFields(const model::Node& node, FieldSet& out) {
  const ValueRef& p = node.parameters;
  std::string_view t = ShortType(node.type);
  if (t == "set") {
    AddMember(p["assignments"]["assignments"], "name", out);  // Set v3.3+
    AddMember(p["fields"]["values"], "name", out);            // Set v3.0-3.2
    ValueRef values = p["values"];                            // Set v1-2: by value type
    for (size_t i = 0; i < values.size() && values.is_object(); ++i) {
      AddMember(values.value_at(i), "name", out);
    }
  }
  if (t == "formTrigger" || t == "form") {
    ValueRef fields = p["formFields"]["values"];
    AddMember(fields, "fieldName", out);
    AddMember(fields, "fieldLabel", out);
  }
  ValueRef columns = p["columns"];
  if (columns.is_object()) {
    AddScalarKeys(columns["value"], out);  // resource mapper: column -> value
  } else if (columns.is_string() && node.role == NodeRole::kDataStore &&
             !detect::HasExpression(columns.str())) {
    std::string_view list = columns.str();  // older SQL nodes: "id,name,email"
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string_view::npos) comma = list.size();
      out.Add(list.substr(start, comma - start));
      start = comma + 1;
    }
  }
  AddMember(p["bodyParameters"]["parameters"], "name", out);
  AddMember(p["queryParameters"]["parameters"], "name", out);
}

// Node-RED: message properties a Change node sets or moves
// ("payload.customer.email") and the one a Switch node tests.
void AddNodeRedFields(const model::Node& node, FieldSet& out) {
  const ValueRef& p = node.parameters;
  auto add_path = [&](std::string_view path) {
    size_t dot = path.rfind('.');
    out.Add(dot == std::string_view::npos ? path : path.substr(dot + 1));
  };
  ValueRef rules = p["rules"];
  if (node.type == "change") {
    for (size_t i = 0; i < rules.size() && rules.is_array(); ++i) {
      ValueRef r = rules.at(i);
      if (r["pt"].str() == "msg") add_path(r["p"].str());
      if (r["tot"].str() == "msg") add_path(r["to"].str());
    }
  }
  if (node.type == "switch" && p["propertyType"].str() == "msg") add_path(p["property"].str());
}

}  // namespace

std::vector<DataFieldSummary> CollectDataFields(const model::Workflow& wf) {
  FieldSet fields;
  for (const auto& node : wf.nodes) {
    if (node.role == NodeRole::kAnnotation || !node.parameters.valid()) continue;
    if (wf.platform == model::Platform::kN8n) AddN8nNodeFields(node, fields);
    if (wf.platform == model::Platform::kNodeRed) AddNodeRedFields(node, fields);
    Walk(node.parameters, 0, wf.platform, node.role == NodeRole::kCode, fields);
  }
  // Pinned sample data (n8n pinData: node name -> items).
  ValueRef pins = wf.pin_data;
  for (size_t i = 0; i < pins.size() && pins.is_object(); ++i) {
    ValueRef items = pins.value_at(i);
    for (size_t k = 0; k < items.size() && items.is_array() && k < 50; ++k) {
      ValueRef item = items.at(k);
      AddLeafKeys(item["json"].is_object() ? item["json"] : item, 0, fields);
    }
  }
  return fields.Take();
}

std::vector<DataFieldSummary> CollectNodeDataFields(const model::Workflow& wf,
                                                    const model::Node& node) {
  FieldSet fields;
  if (node.role == NodeRole::kAnnotation || !node.parameters.valid()) return {};
  if (wf.platform == model::Platform::kN8n) AddN8nNodeFields(node, fields);
  if (wf.platform == model::Platform::kNodeRed) AddNodeRedFields(node, fields);
  Walk(node.parameters, 0, wf.platform, node.role == NodeRole::kCode, fields);
  return fields.Take();
}

WorkflowSummary SummariseWorkflow(const model::Workflow& wf) {
  WorkflowSummary s;
  s.file = wf.file;
  s.platform = wf.platform;
  s.id = wf.id;
  s.name = wf.name;
  s.active = wf.active;
  s.owner = wf.owner;
  if (!s.owner.empty()) s.owner_source = "export";
  s.tags = wf.tags;
  s.nodes = wf.nodes.size();

  std::unordered_set<std::string> seen_connectors;
  std::set<std::tuple<std::string, std::string, std::string>> seen_credentials;
  for (const auto& node : wf.nodes) {
    if (node.role == NodeRole::kAnnotation) continue;
    if (IsEntryPoint(node)) {
      s.entry_points.push_back(EntryPointSummary{node.name, node.type, EntryKind(node),
                                                 node.exposure, node.auth, node.disabled});
    }
    if (!node.connector.empty() && seen_connectors.insert(core::ToLower(node.connector)).second) {
      s.connectors.push_back(node.connector);
    }
    for (const auto& c : node.credentials) {
      if (seen_credentials.emplace(c.type, c.name, c.id).second) {
        s.credentials.push_back(CredentialSummary{c.type, c.name, c.id});
      }
    }
    if (node.role == NodeRole::kCode) {
      s.code_steps.push_back(CodeStepSummary{node.name, node.type, CodeLanguage(node)});
    }
    if (node.role == NodeRole::kDataStore) {
      s.data_stores.push_back(DataStoreSummary{node.name, node.type, node.connector});
    }
  }

  std::set<std::pair<std::string, std::string>> seen_hosts;
  for (const auto& h : wf.hosts) {
    if (h.host.empty() || !seen_hosts.emplace(h.scheme, h.host).second) continue;
    std::string scope;
    switch (core::ClassifyHost(h.host)) {
      case core::HostScope::kLoopback:
        scope = "loopback";
        break;
      case core::HostScope::kPrivate:
        scope = "private";
        break;
      case core::HostScope::kLocalName:
        scope = "local-name";
        break;
      case core::HostScope::kPublic:
        scope = "public";
        break;
    }
    s.hosts.push_back(HostSummary{h.scheme, h.host, std::move(scope)});
  }

  s.data_fields = CollectDataFields(wf);
  return s;
}

InventoryTotals ComputeTotals(const std::vector<WorkflowSummary>& workflows) {
  InventoryTotals t;
  std::unordered_set<std::string> hosts, connectors, credentials;
  for (const auto& w : workflows) {
    ++t.workflows;
    std::string platform(model::PlatformName(w.platform));
    ++t.by_platform[platform];
    for (const auto& e : w.entry_points) {
      ++t.entry_points;
      if (e.disabled || e.exposure != Exposure::kInternet) continue;
      ++t.internet_entry_points;
      if (e.auth == "none") ++t.unauthenticated_internet_entry_points;
      if (e.auth.empty()) ++t.internet_entry_points_auth_unknown;
    }
    for (const auto& h : w.hosts) hosts.insert(h.host);
    for (const auto& c : w.connectors) connectors.insert(core::ToLower(c));
    for (const auto& c : w.credentials) {
      credentials.insert(platform + '\x1f' + c.type + '\x1f' + (c.id.empty() ? c.name : c.id));
    }
    t.code_steps += w.code_steps.size();
    t.data_stores += w.data_stores.size();
    if (w.owner.empty()) ++t.workflows_without_owner;
    std::set<detect::DataClass> classes;
    for (const auto& f : w.data_fields) classes.insert(f.sensitivity);
    for (auto c : classes) {
      if (c == detect::DataClass::kUnknown || c == detect::DataClass::kPublic) continue;
      ++t.workflows_with_sensitive_data[std::string(detect::DataClassName(c))];
    }
  }
  t.external_hosts = hosts.size();
  t.connectors = connectors.size();
  t.credentials = credentials.size();
  return t;
}

}  // namespace fw::analysis
