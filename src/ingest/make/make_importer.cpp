// Make blueprint reader; see make_importer.h for the shapes it accepts and
// how modules, routes and error handlers become nodes and connections.
#include "ingest/make/make_importer.h"

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "ingest/common.h"

namespace fw::ingest {

namespace {

using core::ValueRef;
using model::Exposure;
using model::NodeRole;

constexpr int kMaxNesting = 64;

// Module parameters that hold a reference to a stored connection, key or
// keychain (never the secret itself).
constexpr std::string_view kCredentialParams[] = {
    "__IMTCONN__",    "__IMTKEY__",        "makeConnectionId", "account",
    "apiKeyKeychain", "basicAuthKeychain", "oAuthAccount",     "proxyKeychain"};

bool IsModule(const ValueRef& v) { return v.is_object() && v["module"].is_string(); }

bool IsBlueprint(const ValueRef& v) {
  if (!v.is_object()) return false;
  ValueRef flow = v["flow"];
  if (!flow.is_array()) return false;
  if (flow.size() == 0) return v["metadata"].is_object() || v["name"].is_string();
  return IsModule(flow.at(0));
}

// The blueprint inside the API's wrappers, with its pointer.
ValueRef Unwrap(const ValueRef& root, std::string* pointer, ValueRef* wrapper) {
  if (IsBlueprint(root)) return root;
  if (root.is_object() && IsBlueprint(root["blueprint"])) {
    *pointer = "/blueprint";
    *wrapper = root;
    return root["blueprint"];
  }
  if (root.is_object() && root["response"].is_object() &&
      IsBlueprint(root["response"]["blueprint"])) {
    *pointer = "/response/blueprint";
    *wrapper = root["response"];
    return root["response"]["blueprint"];
  }
  return ValueRef();
}

// Equality operators a filter can use to admit only a known value.
bool IsEqualityOperator(std::string_view op) {
  return op.rfind("text:equal", 0) == 0 || op.rfind("number:equal", 0) == 0 ||
         op.rfind("text:pattern", 0) == 0;
}

// Field names that carry a shared secret: x-api-key, api_key, token,
// authorization, signature, secret... (not routing fields such as action).
bool IsCredentialFieldName(std::string_view word) {
  std::string w = core::ToLower(word);
  std::string squashed;
  for (char c : w) {
    if (c != '-' && c != '_') squashed.push_back(c);
  }
  for (std::string_view s : {"apikey", "token", "secret", "authorization", "signature", "password",
                             "passwd", "hmac", "auth", "accesskey", "key"}) {
    if (squashed == s) return true;
  }
  for (std::string_view s : {"apikey", "token", "secret", "signature", "hmac", "authorization"}) {
    if (squashed.find(s) != std::string::npos) return true;
  }
  return false;
}

// Does `expr` read a credential-like field (x-api-key, token, signature...)?
bool NamesCredentialField(std::string_view expr) {
  std::string word;
  auto flush = [&]() {
    bool hit = !word.empty() && IsCredentialFieldName(word);
    word.clear();
    return hit;
  };
  for (char c : expr) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') {
      word.push_back(c);
    } else if (flush()) {
      return true;
    }
  }
  return flush();
}

// A filter condition that admits a bundle only when a credential-like field
// of the webhook's output equals a value: {{1.`x-api-key`}} text:equal "...".
std::string KeyCheckCondition(const ValueRef& cond, std::string_view hook_id) {
  if (!cond.is_object()) return {};
  std::string_view op = cond["o"].str();
  if (!IsEqualityOperator(op)) return {};
  std::string_view a = cond["a"].str();
  std::string_view b = cond["b"].str();
  for (auto [field, other] : {std::pair{a, b}, std::pair{b, a}}) {
    if (core::Trim(other).empty()) continue;
    if (make::ReferencesModule(field, hook_id) && NamesCredentialField(field)) {
      return core::Abbreviate(field, 60) + " " + std::string(op);
    }
  }
  return {};
}

// The evidence string when every alternative (OR group) of `filter` checks
// a key; "" otherwise.
std::string FilterKeyCheck(const ValueRef& filter, std::string_view hook_id) {
  ValueRef groups = filter["conditions"];
  if (!groups.is_array() || groups.size() == 0) return {};
  std::string evidence;
  for (size_t g = 0; g < groups.size(); ++g) {
    ValueRef group = groups.at(g);
    std::string found;
    if (group.is_array()) {
      for (size_t c = 0; c < group.size() && found.empty(); ++c) {
        found = KeyCheckCondition(group.at(c), hook_id);
      }
    } else {
      found = KeyCheckCondition(group, hook_id);  // a flat list of conditions
    }
    if (found.empty()) return {};
    if (evidence.empty()) evidence = found;
  }
  return evidence;
}

class Reader {
 public:
  Reader(std::shared_ptr<core::Document> doc, model::ImportResult& result)
      : doc_(std::move(doc)), result_(result) {}

  void ReadBlueprint(const ValueRef& bp, const std::string& pointer, const ValueRef& wrapper) {
    model::Workflow wf;
    wf.platform = model::Platform::kMake;
    wf.document = doc_;
    wf.file = doc_->source().name();
    wf.source = model::SourceRef{bp, pointer};
    wf.name = Text(bp["name"]);
    ValueRef meta = bp["metadata"];
    ValueRef scenario = meta["scenario"];
    if (meta["instant"].valid()) wf.facts.emplace_back("make.instant", Text(meta["instant"]));
    if (meta["zone"].is_string()) wf.facts.emplace_back("make.zone", Text(meta["zone"]));
    for (std::string_view key : {"confidential", "dataloss", "dlq", "maxErrors", "autoCommit",
                                 "sequential", "roundtrips"}) {
      ValueRef v = scenario[key];
      if (v.is_bool() || v.is_number() || v.is_string()) {
        wf.facts.emplace_back("make.scenario." + std::string(key), Text(v));
      }
    }
    if (wrapper.valid()) {
      ValueRef sched = wrapper["scheduling"];
      if (sched["type"].is_string())
        wf.facts.emplace_back("make.scheduling.type", Text(sched["type"]));
      if (sched["interval"].valid()) {
        wf.facts.emplace_back("make.scheduling.interval", Text(sched["interval"]));
      }
      if (wrapper["isActive"].is_bool()) wf.active = wrapper["isActive"].boolean();
      if (wrapper["id"].valid()) wf.id = Text(wrapper["id"]);
    }
    wf_ = &wf;
    ReadFlow(bp["flow"], pointer + "/flow", -1, "main", 0, 0);
    ClassifyEntry(wf, bp["flow"]);
    if (!bp["flow"].is_array())
      AddDiagnostic(result_.warnings, bp, "Make blueprint without a \"flow\" array");
    wf_ = nullptr;
    result_.workflows.push_back(std::move(wf));
  }

 private:
  // Reads the modules of one flow; connects the first one from `from` (if
  // >= 0) and each following one from its predecessor. Returns nothing: the
  // nodes and connections land in wf_.
  void ReadFlow(const ValueRef& flow, const std::string& pointer, int from, const std::string& type,
                uint32_t output_index, int depth) {
    if (!flow.valid() || flow.is_null()) return;
    if (!flow.is_array()) {
      AddDiagnostic(result_.warnings, flow, "expected an array of modules at " + pointer);
      return;
    }
    if (depth > kMaxNesting) {
      AddDiagnostic(result_.warnings, flow, "routes nested deeper than 64 levels; skipped");
      return;
    }
    int prev = from;
    for (size_t i = 0; i < flow.size(); ++i) {
      ValueRef m = flow.at(i);
      std::string p = pointer;
      core::AppendPointerIndex(p, i);
      if (!IsModule(m)) {
        AddDiagnostic(result_.warnings, m,
                      "expected a module object with a \"module\" id at " + p + "; skipped");
        continue;
      }
      uint32_t index = ReadModule(m, p);
      if (prev >= 0) {
        Connect(static_cast<uint32_t>(prev), index, prev == from ? type : "main",
                prev == from ? output_index : 0, m, p);
      }
      ValueRef routes = m["routes"];
      for (size_t r = 0; r < routes.size() && routes.is_array(); ++r) {
        std::string rp = p + "/routes";
        core::AppendPointerIndex(rp, r);
        ReadFlow(routes.at(r)["flow"], rp + "/flow", static_cast<int>(index), "main",
                 static_cast<uint32_t>(r), depth + 1);
      }
      ValueRef onerror = m["onerror"];
      if (onerror.is_array() && onerror.size() > 0) {
        ReadFlow(onerror, p + "/onerror", static_cast<int>(index), "error", 0, depth + 1);
        wf_->nodes[index].on_error = ErrorDirective(onerror);
      }
      prev = static_cast<int>(index);
    }
  }

  // The directive that ends an error handler (Ignore, Resume, Commit,
  // Rollback, Break), or "handler" when it ends with another module.
  static std::string ErrorDirective(const ValueRef& onerror) {
    ValueRef last = onerror.at(onerror.size() - 1);
    std::string_view module = last["module"].str();
    if (make::AppOf(module) == "builtin") return std::string(make::ActionOf(module));
    return "handler";
  }

  void Connect(uint32_t from, uint32_t to, const std::string& type, uint32_t output_index,
               const ValueRef& at, const std::string& pointer) {
    model::Connection c;
    c.from = from;
    c.to = to;
    c.type = type;
    c.output_index = output_index;
    c.source = model::SourceRef{at, pointer};
    wf_->connections.push_back(std::move(c));
  }

  // The object checks walk: {"parameters": ..., "mapper": ..., "filter": ...}
  // with the module's own values (shared, not copied), placed at the module.
  ValueRef SettingsObject(const ValueRef& m) {
    std::vector<core::Document::Member> members;
    for (std::string_view key : {"parameters", "mapper", "filter"}) {
      ValueRef v = m[key];
      if (!v.valid() || v.is_null()) continue;
      members.push_back(core::Document::Member{doc_->AddString(key),
                                               static_cast<uint32_t>(key.size()), v.index()});
    }
    return ValueRef(doc_.get(), doc_->AddObject(m.offset(), members));
  }

  uint32_t ReadModule(const ValueRef& m, const std::string& pointer) {
    model::Node node;
    node.source = model::SourceRef{m, pointer};
    node.type = Text(m["module"]);
    node.id = Text(m["id"]);
    node.type_version = m["version"].number(1);
    ValueRef designer = m["metadata"]["designer"];
    // The label set in the designer; for webhooks the hook's own name; else
    // the module id with its number, as Make's editor shows them.
    node.name = Text(designer["name"]);
    if (node.name.empty() && make::AppOf(node.type) == "gateway") {
      node.name = Text(m["metadata"]["restore"]["parameters"]["hook"]["label"]);
    }
    if (node.name.empty()) node.name = node.type + (node.id.empty() ? "" : " (" + node.id + ")");
    node.notes = Text(designer["notes"]);
    node.disabled = m["disabled"].boolean(false);
    auto info = make::ClassifyModule(node.type);
    node.role = info.role;
    if (!info.internal) node.connector = std::string(make::AppOf(node.type));
    node.parameters = SettingsObject(m);

    ValueRef params = m["parameters"];
    if (params.valid() && !params.is_object() && !params.is_null()) {
      AddDiagnostic(result_.warnings, params, "module \"parameters\" should be an object");
    }
    ValueRef restore = m["metadata"]["restore"]["parameters"];
    for (std::string_view key : kCredentialParams) {
      ValueRef v = params[key];
      if (!v.valid() || v.is_null() || v.text().empty()) continue;
      model::CredentialRef ref;
      ValueRef label = restore[key];
      ref.type = Text(label["data"]["connection"]);
      if (ref.type.empty())
        ref.type = std::string(key == "__IMTCONN__" ? make::AppOf(node.type) : key);
      ref.id = Text(v);
      ref.name = Text(label["label"]);
      std::string p = pointer + "/parameters";
      core::AppendPointerToken(p, key);
      ref.source = model::SourceRef{v, std::move(p)};
      node.credentials.push_back(std::move(ref));
    }
    if (params["__IMTHOOK__"].valid()) {
      node.webhook_id = Text(params["__IMTHOOK__"]);
    } else if (make::AppOf(node.type) == "gateway" && params["hook"].valid()) {
      node.webhook_id = Text(params["hook"]);
    }

    auto index = static_cast<uint32_t>(wf_->nodes.size());
    CollectHosts(params, pointer + "/parameters", index, wf_->hosts);
    CollectHosts(m["mapper"], pointer + "/mapper", index, wf_->hosts);
    wf_->nodes.push_back(std::move(node));
    return index;
  }

  // Only the first module of the scenario starts it.
  void ClassifyEntry(model::Workflow& wf, const ValueRef& flow) {
    if (wf.nodes.empty() || !IsModule(flow.at(0))) {
      if (!wf.nodes.empty() || flow.size() > 0) wf.facts.emplace_back("make.trigger", "none");
      return;
    }
    model::Node& first = wf.nodes[0];
    auto info = make::ClassifyModule(first.type);
    bool instant_hook = !first.webhook_id.empty();
    if (make::IsCustomWebhook(first.type) || make::IsCustomMailhook(first.type)) {
      first.role = NodeRole::kEntryPoint;
      first.exposure = Exposure::kInternet;
      first.auth = "none";
      wf.facts.emplace_back("make.trigger",
                            make::IsCustomWebhook(first.type) ? "webhook" : "mailhook");
      if (make::IsCustomWebhook(first.type)) {
        std::string evidence = WebhookKeyCheck(wf, flow);
        if (!evidence.empty()) {
          first.auth = "filter-key-check";
          wf.facts.emplace_back("make.webhook.key-check", evidence);
        }
      }
    } else if (info.trigger || instant_hook) {
      first.role = NodeRole::kEntryPoint;
      first.exposure = Exposure::kThirdParty;
      wf.facts.emplace_back("make.trigger", instant_hook ? "instant" : "polling");
    } else {
      wf.facts.emplace_back("make.trigger", "schedule");
    }
  }

  // A filter right after the webhook (or on the first module of every route
  // of a router right after it) that admits only bundles carrying a known
  // key. The hook's IP restriction lives in Make, not in the blueprint.
  std::string WebhookKeyCheck(const model::Workflow& wf, const ValueRef& flow) {
    const std::string& hook_id = wf.nodes[0].id;
    ValueRef next = flow.at(1);
    if (!IsModule(next)) return {};
    std::string evidence = FilterKeyCheck(next["filter"], hook_id);
    if (!evidence.empty()) return evidence;
    ValueRef routes = next["routes"];
    if (!routes.is_array() || routes.size() == 0) return {};
    for (size_t r = 0; r < routes.size(); ++r) {
      // Exports put a route's filter on its first module; some tools put it
      // on the route itself.
      ValueRef head = routes.at(r)["flow"].at(0);
      std::string e = FilterKeyCheck(head["filter"], hook_id);
      if (e.empty()) e = FilterKeyCheck(routes.at(r)["filter"], hook_id);
      if (e.empty()) return {};
      if (evidence.empty()) evidence = e;
    }
    return evidence;
  }

  std::shared_ptr<core::Document> doc_;
  model::ImportResult& result_;
  model::Workflow* wf_ = nullptr;
};

}  // namespace

bool LooksLikeMake(const ValueRef& root) {
  std::string pointer;
  ValueRef wrapper;
  if (Unwrap(root, &pointer, &wrapper).valid()) return true;
  return root.is_array() && root.size() > 0 && IsBlueprint(root.at(0));
}

model::ImportResult ImportMake(std::shared_ptr<const core::Document> original) {
  model::ImportResult result;
  // Node::parameters objects are added beside the parsed values, so the
  // workflows get their own copy of the tree (Make files only).
  auto doc = std::make_shared<core::Document>(*original);
  Reader reader(doc, result);
  ValueRef root = doc->root();
  std::string pointer;
  ValueRef wrapper;
  ValueRef bp = Unwrap(root, &pointer, &wrapper);
  if (bp.valid()) {
    reader.ReadBlueprint(bp, pointer, wrapper);
  } else if (root.is_array()) {
    for (size_t i = 0; i < root.size(); ++i) {
      std::string p;
      core::AppendPointerIndex(p, i);
      ValueRef w;
      std::string inner;
      ValueRef b = Unwrap(root.at(i), &inner, &w);
      if (!b.valid()) {
        AddDiagnostic(result.warnings, root.at(i),
                      "array element is not a Make blueprint; skipped");
        continue;
      }
      reader.ReadBlueprint(b, p + inner, w);
    }
  } else {
    AddDiagnostic(result.errors, root, "not a Make blueprint (expected \"flow\": [modules])");
  }
  return result;
}

}  // namespace fw::ingest
