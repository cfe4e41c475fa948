#include "analysis/checks/sensitive_data_flow.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "core/url.h"
#include "detect/personal_data.h"
#include "detect/pii_references.h"
#include "detect/pii_scanner.h"

namespace fw::analysis::checks {

namespace {

using detect::DataClass;
using detect::FieldClass;

std::string_view ShortType(std::string_view type) {
  size_t dot = type.rfind('.');
  return dot == std::string_view::npos ? type : type.substr(dot + 1);
}

// Field names compare by their folded words: "First name", "first_name" and
// "firstName" are one field.
std::string Norm(std::string_view name) {
  std::string out;
  for (const auto& w : detect::FieldNameWords(name)) out += w;
  return out;
}

bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  for (auto n : needles) {
    if (haystack.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// A string of a step's parameters, with the key that holds it and, for n8n
// name/value pairs ({"name": "email", "value": "={{ ... }}"}), the name.
struct Site {
  std::string_view text;
  std::string_view key;
  std::string_view pair_name;
  core::ValueRef ref;
  const std::string& pointer;
};

void WalkStrings(const core::ValueRef& v, std::string& pointer, std::string_view key,
                 std::string_view pair_name, int depth,
                 const std::function<void(const Site&)>& fn) {
  if (depth > 64 || !v.valid()) return;
  if (v.is_string()) {
    fn(Site{v.str(), key, pair_name, v, pointer});
    return;
  }
  if (!v.is_object() && !v.is_array()) return;
  std::string_view name = v.is_object() ? v["name"].str() : std::string_view();
  const size_t base = pointer.size();
  for (size_t i = 0; i < v.size(); ++i) {
    std::string_view child_key = key;
    std::string_view child_pair;
    if (v.is_object()) {
      child_key = v.key_at(i);
      core::AppendPointerToken(pointer, child_key);
      if (child_key == "value") child_pair = name;
    } else {
      core::AppendPointerIndex(pointer, i);
    }
    WalkStrings(v.value_at(i), pointer, child_key, child_pair, depth + 1, fn);
    pointer.resize(base);
  }
}

struct Declared {
  std::string display;
  FieldClass cls;
};

struct SourceInfo {
  bool source = false;
  bool open = false;  // provides any field (webhook bodies, table rows)
  std::string kind;
  std::map<std::string, Declared> fields;  // Norm(name) -> field
};

// A field and its class, keeping the stronger of two.
void Declare(SourceInfo& s, std::string_view name, FieldClass cls) {
  std::string key = Norm(name);
  if (key.empty()) return;
  auto [it, inserted] = s.fields.emplace(key, Declared{std::string(name), cls});
  if (!inserted && !detect::IsProtectedDataClass(it->second.cls.cls) &&
      detect::IsProtectedDataClass(cls.cls)) {
    it->second.cls = cls;
  }
}

bool IsReadOperation(const model::Node& node) {
  const core::ValueRef& p = node.parameters;
  std::string op = core::ToLower(p["operation"].str());
  if (op.empty()) op = core::ToLower(p["action"].str());
  std::string query = core::ToLower(core::Trim(p["query"].str()));
  if (!query.empty() && query.front() == '=') query.erase(0, 1);
  query = std::string(core::Trim(query));
  bool select = query.rfind("select", 0) == 0 || query.rfind("with", 0) == 0;
  // Google Sheets leaves its default operation ("Get Row(s)") out of the
  // export; its lookup filters show it.
  if (op.empty() && (p["filtersUI"].valid() || p["lookupColumn"].valid())) return true;
  if (op.empty() || op == "executequery") return select;
  static constexpr std::string_view kReads[] = {
      "select", "read",      "get",   "getall", "getmany", "lookup",   "search",  "find",
      "list",   "aggregate", "query", "fetch",  "getrows", "readrows", "findone", "getrow"};
  return std::find(std::begin(kReads), std::end(kReads), op) != std::end(kReads);
}

// Services whose records describe people: customers, contacts, leads.
bool IsCustomerService(const model::Node& node) {
  std::string s = core::ToLower(node.connector.empty() ? ShortType(node.type) : node.connector);
  return ContainsAny(
      s,
      {"hubspot",    "salesforce", "pipedrive",      "zoho",      "copper",      "agilecrm",
       "freshworks", "keap",       "activecampaign", "mailchimp", "intercom",    "zendesk",
       "freshdesk",  "helpscout",  "stripe",         "shopify",   "woocommerce", "googlecontacts",
       "dynamics",   "customerio", "sendinblue",     "brevo",     "mautic",      "klaviyo",
       "bitrix",     "odoo",       "affinity",       "attio",     "monica",      "salesmate",
       "highlevel",  "airtable",   "notion",         "baserow",   "nocodb"});
}

// Column names of a SELECT list; false when it selects everything.
bool SelectColumns(std::string_view query, std::vector<std::string>& out) {
  std::string q = core::ToLower(query);
  size_t sel = q.find("select");
  size_t from = q.find(" from ", sel == std::string::npos ? 0 : sel);
  if (sel == std::string::npos || from == std::string::npos) return false;
  std::string_view list(query.data() + sel + 6, from - sel - 6);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string_view item = core::Trim(list.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (item.find('*') != std::string_view::npos || item.find('(') != std::string_view::npos) {
      return false;
    }
    size_t cut = item.find_last_of(" .");
    std::string_view name = cut == std::string_view::npos ? item : item.substr(cut + 1);
    while (!name.empty() && std::string_view("\"`[").find(name.front()) != std::string_view::npos) {
      name.remove_prefix(1);
    }
    while (!name.empty() && std::string_view("\"`]").find(name.back()) != std::string_view::npos) {
      name.remove_suffix(1);
    }
    if (!name.empty()) out.emplace_back(name);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return !out.empty();
}

// Pinned sample items: every leaf key, classified by its name and, when the
// name says nothing, by what its values hold ("chatInput" holding e-mail
// addresses is personal).
void DeclarePinned(SourceInfo& s, const core::ValueRef& v, std::string_view key, int depth) {
  if (depth > 16 || !v.valid()) return;
  if (v.is_object() || v.is_array()) {
    for (size_t i = 0; i < v.size() && i < 200; ++i) {
      DeclarePinned(s, v.value_at(i), v.is_object() ? v.key_at(i) : key, depth + 1);
    }
    return;
  }
  if (key.empty()) return;
  FieldClass cls = detect::ClassifyField(key);
  if (!detect::IsProtectedDataClass(cls.cls) && v.is_string()) {
    for (const auto& m : detect::ScanPersonalData(v.str(), key)) {
      cls = FieldClass{detect::PersonalKindClass(m.kind), detect::PersonalKindId(m.kind)};
      break;
    }
  }
  Declare(s, key, cls);
}

SourceInfo DescribeSource(const model::Workflow& wf, const model::Node& node) {
  SourceInfo s;
  if (node.disabled) return s;
  const std::string_view type = ShortType(node.type);
  const core::ValueRef& p = node.parameters;
  if (node.role == model::NodeRole::kEntryPoint &&
      (node.exposure == model::Exposure::kInternet ||
       node.exposure == model::Exposure::kThirdParty)) {
    s.source = true;
    if (type == "formTrigger" || type == "form") {
      s.kind = "form";
      const core::ValueRef fields = p["formFields"]["values"];
      for (size_t i = 0; i < fields.size() && fields.is_array(); ++i) {
        const core::ValueRef f = fields.at(i);
        std::string_view label = f["fieldLabel"].str();
        if (label.empty()) label = f["fieldName"].str();
        if (label.empty()) label = f["label"].str();
        FieldClass cls = detect::ClassifyField(label);
        if (f["fieldType"].str() == "email") cls = FieldClass{DataClass::kPersonal, "email"};
        Declare(s, label, cls);
      }
      s.open = s.fields.empty();
    } else if (type == "chatTrigger") {
      s.kind = "chat";
      for (std::string_view f : {"chatInput", "sessionId", "action"}) Declare(s, f, {});
    } else if (type == "webhook" || type == "mcpTrigger" ||
               node.exposure == model::Exposure::kInternet) {
      s.kind = "webhook request";
      s.open = true;
    } else {
      s.kind = "trigger";
      s.open = true;
    }
  } else if ((node.role == model::NodeRole::kDataStore ||
              (node.role == model::NodeRole::kConnector && IsCustomerService(node))) &&
             IsReadOperation(node)) {
    s.source = true;
    s.kind = node.role == model::NodeRole::kDataStore ? "data store read" : "record read";
    std::vector<std::string> columns;
    std::string_view query = core::Trim(p["query"].str());
    if (!query.empty() && query.front() == '=') query.remove_prefix(1);
    if (SelectColumns(query, columns)) {
      for (const auto& c : columns) Declare(s, c, detect::ClassifyField(c));
    } else {
      s.open = true;
    }
  }
  if (s.source && wf.pin_data.is_object()) {
    core::ValueRef items = wf.pin_data[node.name];
    for (size_t i = 0; i < items.size() && items.is_array() && i < 50; ++i) {
      core::ValueRef item = items.at(i);
      DeclarePinned(s, item["json"].valid() ? item["json"] : item, "", 0);
    }
  }
  return s;
}

// n8n Set (and Edit Fields) assignments: new field name -> the expression.
void ReadAssignments(const model::Node& node, std::map<std::string, std::string_view>& out) {
  if (node.role == model::NodeRole::kAnnotation) return;
  const core::ValueRef& p = node.parameters;
  const core::ValueRef list = p["assignments"]["assignments"];
  for (size_t i = 0; i < list.size() && list.is_array(); ++i) {
    const core::ValueRef a = list.at(i);
    std::string_view name = a["name"].str();
    if (!name.empty()) out[Norm(name)] = a["value"].text();
  }
  const core::ValueRef values = p["values"];
  for (size_t k = 0; k < values.size() && values.is_object(); ++k) {
    const core::ValueRef group = values.value_at(k);
    for (size_t i = 0; i < group.size() && group.is_array(); ++i) {
      std::string_view name = group.at(i)["name"].str();
      if (!name.empty()) out[Norm(name)] = group.at(i)["value"].text();
    }
  }
}

struct Origin {
  uint32_t node = 0;
  std::optional<FieldClass> declared;
};

class FlowAnalysis {
 public:
  explicit FlowAnalysis(const WorkflowView& view) : view_(view), wf_(view.workflow) {
    const size_t n = wf_.nodes.size();
    prev_.resize(n);
    for (uint32_t u = 0; u < n; ++u) {
      for (uint32_t v : view_.next[u]) prev_[v].push_back(u);
    }
    sources_.reserve(n);
    assigns_.resize(n);
    for (uint32_t u = 0; u < n; ++u) {
      sources_.push_back(DescribeSource(wf_, wf_.nodes[u]));
      any_source_ = any_source_ || sources_.back().source;
      ReadAssignments(wf_.nodes[u], assigns_[u]);
    }
  }

  std::vector<SensitiveFlow> Run() {
    std::vector<SensitiveFlow> flows;
    if (!any_source_) return flows;
    for (uint32_t j = 0; j < wf_.nodes.size(); ++j) {
      SensitiveFlow flow;
      if (!Sink(j, flow)) continue;
      Collect(j, flow);
      if (!flow.uses.empty()) flows.push_back(std::move(flow));
    }
    return flows;
  }

 private:
  int FindRef(const std::string& name) const {
    if (name == "#trigger") {
      for (uint32_t u = 0; u < wf_.nodes.size(); ++u) {
        if (wf_.nodes[u].role == model::NodeRole::kEntryPoint) return static_cast<int>(u);
      }
      return -1;
    }
    int k = wf_.FindNodeByNameOrId(name);
    if (k < 0 && name.find('_') != std::string::npos) {
      std::string spaced = name;
      std::replace(spaced.begin(), spaced.end(), '_', ' ');
      k = wf_.FindNode(spaced);
    }
    return k;
  }

  bool Provides(uint32_t u, const std::string& field, Origin& o) const {
    const SourceInfo& s = sources_[u];
    if (!s.source) return false;
    auto it = s.fields.find(field);
    if (it != s.fields.end()) {
      o = Origin{u, it->second.cls};
      return true;
    }
    if (s.open) {
      o = Origin{u, std::nullopt};
      return true;
    }
    return false;
  }

  // The source a field reaches `start` from, following renames.
  std::optional<Origin> Resolve(const std::string& field, uint32_t start, bool include_start,
                                int depth) const {
    if (depth > 6 || field.empty()) return std::nullopt;
    std::vector<bool> seen(wf_.nodes.size(), false);
    std::deque<uint32_t> queue;
    auto push = [&](uint32_t u) {
      if (!seen[u]) {
        seen[u] = true;
        queue.push_back(u);
      }
    };
    if (include_start) {
      push(start);
    } else {
      seen[start] = true;
      for (uint32_t p : prev_[start]) push(p);
    }
    while (!queue.empty()) {
      uint32_t u = queue.front();
      queue.pop_front();
      auto it = assigns_[u].find(field);
      if (it != assigns_[u].end()) {
        // Renamed or computed here: follow what it is made of; a constant
        // ends the trail.
        for (const auto& r : detect::FindFieldReferences(it->second)) {
          if (r.whole_item) continue;
          if (auto o = ResolveRef(r, u, depth + 1)) return o;
        }
        continue;
      }
      Origin o;
      if (Provides(u, field, o)) return o;
      for (uint32_t p : prev_[u]) push(p);
    }
    return std::nullopt;
  }

  std::optional<Origin> ResolveRef(const detect::FieldReference& r, uint32_t at, int depth) const {
    std::string field = Norm(r.Field());
    if (!r.node.empty()) {
      int k = FindRef(r.node);
      if (k < 0) return std::nullopt;
      return Resolve(field, static_cast<uint32_t>(k), true, depth);
    }
    return Resolve(field, at, false, depth);
  }

  static bool IsLogService(std::string_view s) {
    return ContainsAny(s, {"datadog", "splunk", "sentry", "loggly", "papertrail", "logtail",
                           "betterstack", "newrelic", "graylog", "syslog", "logstash"});
  }

  bool Sink(uint32_t j, SensitiveFlow& flow) {
    const model::Node& node = wf_.nodes[j];
    if (node.disabled || node.role == model::NodeRole::kAnnotation) return false;
    flow.node = j;
    const std::string_view type = ShortType(node.type);
    const std::string lower_type = core::ToLower(type);
    const std::string connector = core::ToLower(node.connector);
    code_log_only_ = false;
    implicit_prompt_ = false;
    if (type == "stopAndError") {
      flow.kind = SensitiveSink::kLog;
      flow.destination = "the execution log and the error workflow";
      return true;
    }
    if (lower_type == "debug") {
      flow.kind = SensitiveSink::kLog;
      flow.destination = "the debug log";
      return true;
    }
    if (IsLogService(connector) || IsLogService(lower_type)) {
      flow.kind = SensitiveSink::kLog;
      flow.destination =
          "log service " + (node.connector.empty() ? std::string(type) : node.connector);
      return true;
    }
    if (node.role == model::NodeRole::kCode) {
      flow.kind = SensitiveSink::kLog;
      flow.destination = "the console log";
      code_log_only_ = true;
      return true;
    }
    if (type == "respondToWebhook" || lower_type == "http response" || type == "Response" ||
        node.type == "gateway:WebhookRespond") {
      int entry = view_.internet_source[j];
      if (entry < 0) return false;
      const std::string& auth = wf_.nodes[static_cast<size_t>(entry)].auth;
      if (!(auth.empty() || auth == "none")) return false;
      flow.kind = SensitiveSink::kPublicResponse;
      flow.destination =
          "unauthenticated callers of " + Quote(wf_.nodes[static_cast<size_t>(entry)].name);
      return true;
    }
    if (node.role == model::NodeRole::kConnector) {
      bool has_host = false;
      std::string public_host;
      for (const auto& h : wf_.hosts) {
        if (h.node != j || h.host.empty()) continue;
        has_host = true;
        core::HostScope scope = core::ClassifyHost(h.host);
        if (scope == core::HostScope::kPublic && public_host.empty()) public_host = h.host;
      }
      if (has_host && public_host.empty()) return false;  // only hosts inside the network
      flow.kind = SensitiveSink::kThirdParty;
      flow.destination = node.connector.empty() ? std::string(type) : node.connector;
      if (!public_host.empty()) flow.destination += " (" + public_host + ")";
      return true;
    }
    // AI agents and chains send their prompt to the language model attached.
    for (const auto& c : wf_.connections) {
      if (c.to != j || c.type != "ai_languageModel" || c.from >= wf_.nodes.size()) continue;
      const model::Node& model_node = wf_.nodes[c.from];
      if (model_node.disabled || model_node.role != model::NodeRole::kConnector) continue;
      flow.kind = SensitiveSink::kThirdParty;
      flow.destination = (model_node.connector.empty() ? std::string(ShortType(model_node.type))
                                                       : model_node.connector) +
                         " through " + Quote(model_node.name);
      const core::ValueRef& p = node.parameters;
      std::string_view prompt_type = p["promptType"].str();
      implicit_prompt_ = prompt_type == "auto" || (prompt_type.empty() && !p["text"].valid());
      return true;
    }
    return false;
  }

  void AddUse(SensitiveFlow& flow, std::string field, FieldClass cls, const Origin& o,
              const model::SourceRef& where) {
    if (flow.kind == SensitiveSink::kPublicResponse &&
        static_cast<int>(o.node) == view_.internet_source[flow.node]) {
      return;  // the caller's own input echoed back
    }
    std::string key = Norm(field);
    for (const auto& u : flow.uses) {
      if (Norm(u.field) == key && u.cls.cls == cls.cls) return;
    }
    flow.uses.push_back(SensitiveUse{std::move(field), cls, o.node, sources_[o.node].kind, where});
  }

  // Whole items: every protected field the sources upstream declare.
  void AddWholeItem(SensitiveFlow& flow, uint32_t j, const std::string& via,
                    const model::SourceRef& where) {
    std::vector<bool> seen(wf_.nodes.size(), false);
    std::deque<uint32_t> queue;
    if (!via.empty()) {
      int k = FindRef(via);
      if (k < 0) return;
      queue.push_back(static_cast<uint32_t>(k));
      seen[static_cast<size_t>(k)] = true;
    } else {
      seen[j] = true;
      for (uint32_t p : prev_[j]) {
        seen[p] = true;
        queue.push_back(p);
      }
    }
    while (!queue.empty()) {
      uint32_t u = queue.front();
      queue.pop_front();
      for (const auto& [norm, d] : sources_[u].fields) {
        if (detect::IsProtectedDataClass(d.cls.cls))
          AddUse(flow, d.display, d.cls, Origin{u, d.cls}, where);
      }
      for (const auto& [norm, expr] : assigns_[u]) {
        FieldClass cls = detect::ClassifyField(norm);
        if (!detect::IsProtectedDataClass(cls.cls)) continue;
        for (const auto& r : detect::FindFieldReferences(expr)) {
          if (r.whole_item) continue;
          if (auto o = ResolveRef(r, u, 1)) {
            AddUse(flow, norm, cls, *o, where);
            break;
          }
        }
      }
      for (uint32_t p : prev_[u]) {
        if (!seen[p]) {
          seen[p] = true;
          queue.push_back(p);
        }
      }
    }
  }

  void Reference(SensitiveFlow& flow, uint32_t j, const detect::FieldReference& r,
                 std::string_view key, std::string_view pair_name, const model::SourceRef& where) {
    if (r.whole_item) {
      AddWholeItem(flow, j, r.node, where);
      return;
    }
    std::string_view field = r.Field();
    if (field.empty()) return;
    auto origin = ResolveRef(r, j, 0);
    if (!origin) return;
    FieldClass cls = detect::ClassifyField(field);
    if (origin->declared && detect::IsProtectedDataClass(origin->declared->cls)) {
      cls = *origin->declared;
    }
    std::string name(field);
    if (!detect::IsProtectedDataClass(cls.cls)) {
      // The parameter it fills may say what it is: "email": "={{ $json.field_3 }}".
      std::string_view target = key == "value" && !pair_name.empty() ? pair_name : key;
      FieldClass by_target = detect::ClassifyField(target);
      if (!detect::IsProtectedDataClass(by_target.cls)) return;
      cls = by_target;
      name += " (as " + std::string(target) + ")";
    }
    AddUse(flow, std::move(name), cls, *origin, where);
  }

  // Code steps log only what they print.
  static bool IsLogLine(std::string_view line) {
    return ContainsAny(line, {"console.", "print(", "logger.", "logging.", "node.warn(",
                              "node.log(", "node.error("});
  }

  void Collect(uint32_t j, SensitiveFlow& flow) {
    const model::Node& node = wf_.nodes[j];
    std::string pointer = ParametersPointer(node);
    WalkStrings(node.parameters, pointer, "", "", 0, [&](const Site& s) {
      if (s.text.size() < 4) return;
      const model::SourceRef where{s.ref, s.pointer};
      if (code_log_only_) {
        size_t start = 0;
        while (start < s.text.size()) {
          size_t end = s.text.find('\n', start);
          if (end == std::string_view::npos) end = s.text.size();
          std::string_view line = s.text.substr(start, end - start);
          if (IsLogLine(line)) {
            for (const auto& r : detect::FindFieldReferences(line)) {
              Reference(flow, j, r, s.key, s.pair_name, where);
            }
          }
          start = end + 1;
        }
        return;
      }
      for (const auto& r : detect::FindFieldReferences(s.text)) {
        Reference(flow, j, r, s.key, s.pair_name, where);
      }
    });
    // Node-RED debug nodes print the whole message (or its payload).
    if (flow.kind == SensitiveSink::kLog && core::ToLower(ShortType(node.type)) == "debug" &&
        node.parameters["complete"].text() != "false") {
      AddWholeItem(flow, j, "", node.source);
    }
    if (flow.kind == SensitiveSink::kPublicResponse) {
      std::string_view with = node.parameters["respondWith"].str();
      if (with == "allIncomingItems" || with == "firstIncomingItem") {
        AddWholeItem(flow, j, "", ParamRef(node, "respondWith"));
      }
    }
    if (implicit_prompt_) {
      detect::FieldReference chat;
      chat.path = {"chatInput"};
      Reference(flow, j, chat, "text", "",
                node.parameters.valid() ? model::SourceRef{node.parameters, pointer} : node.source);
    }
  }

  const WorkflowView& view_;
  const model::Workflow& wf_;
  std::vector<std::vector<uint32_t>> prev_;
  std::vector<SourceInfo> sources_;
  std::vector<std::map<std::string, std::string_view>> assigns_;
  bool any_source_ = false;
  bool code_log_only_ = false;
  bool implicit_prompt_ = false;
};

}  // namespace

std::vector<SensitiveFlow> FindSensitiveFlows(const WorkflowView& wf) {
  return FlowAnalysis(wf).Run();
}

}  // namespace fw::analysis::checks
