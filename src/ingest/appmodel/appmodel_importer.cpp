// App model reader; see appmodel_importer.h for what becomes which node and
// docs/app-model.md for the format.
#include "ingest/appmodel/appmodel_importer.h"

#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "core/url.h"
#include "core/yaml.h"
#include "ingest/appmodel/appmodel_shape.h"
#include "ingest/common.h"

namespace fw::ingest {

namespace {

using core::ValueRef;
using model::Exposure;
using model::NodeRole;

std::string Pointer(std::string_view base, std::string_view key, size_t index) {
  std::string p(base);
  core::AppendPointerToken(p, key);
  core::AppendPointerIndex(p, index);
  return p;
}

// The first owner as the inventory shows it: e-mail, else name, else team.
std::string FirstOwner(const ValueRef& owners) {
  for (size_t i = 0; i < owners.size() && owners.is_array(); ++i) {
    ValueRef o = owners.at(i);
    if (o.is_string() && !o.str().empty()) return Text(o);
    for (std::string_view key : {"email", "name", "team"}) {
      if (!o[key].text().empty()) return Text(o[key]);
    }
  }
  return {};
}

// Exposure and authentication of a form from its `access`.
void FormEntry(const ValueRef& form, model::Node& node) {
  std::string_view access = form["access"].str();
  node.role = NodeRole::kEntryPoint;
  if (access == "internal") {
    node.exposure = Exposure::kInternal;
    node.auth = "organisation";
  } else if (access == "authenticated") {
    node.exposure = Exposure::kInternet;
    node.auth = "login";
  } else {
    node.exposure = Exposure::kInternet;  // public, or not said: assume the worst
    node.auth = "none";
  }
}

NodeRole StepRole(std::string_view action) {
  if (action == "run_script") return NodeRole::kCode;
  if (action == "create_record" || action == "update_record" || action == "delete_record" ||
      action == "query_records") {
    return NodeRole::kDataStore;
  }
  return NodeRole::kConnector;
}

std::string StepConnector(const ValueRef& step) {
  if (!step["connector"].text().empty()) return Text(step["connector"]);
  std::string_view action = step["action"].str();
  if (action == "send_email") return "email";
  if (action == "http_request" || action == "call_webhook") return "http";
  return {};
}

class Reader {
 public:
  Reader(std::shared_ptr<const core::Document> doc, model::ImportResult& result)
      : doc_(std::move(doc)), result_(result), root_(doc_->root()) {}

  void Read() {
    appmodel::CheckShape(root_, result_.warnings);
    ValueRef app = root_["app"];
    app_name_ = Text(app["name"]);
    if (app_name_.empty()) app_name_ = doc_->source().name();
    owner_ = FirstOwner(app["owners"]);
    platform_ = Text(app["platform"]);
    ReadApp(app);
    ValueRef autos = root_["automations"];
    for (size_t i = 0; i < autos.size() && autos.is_array(); ++i) {
      if (autos.at(i).is_object()) ReadAutomation(autos.at(i), Pointer("", "automations", i));
    }
  }

 private:
  model::Workflow NewWorkflow(const ValueRef& at, std::string pointer, std::string name,
                              std::string_view kind) {
    model::Workflow wf;
    wf.platform = model::Platform::kAppModel;
    wf.document = doc_;
    wf.file = doc_->source().name();
    wf.source = model::SourceRef{at, std::move(pointer)};
    wf.name = std::move(name);
    wf.owner = owner_;
    wf.active = true;
    wf.facts.emplace_back("appmodel.kind", std::string(kind));
    wf.facts.emplace_back("appmodel.app", app_name_);
    if (!platform_.empty()) wf.facts.emplace_back("appmodel.platform", platform_);
    return wf;
  }

  static uint32_t AddNode(model::Workflow& wf, const ValueRef& v, std::string pointer,
                          std::string type, NodeRole role, const ValueRef& parameters) {
    model::Node node;
    node.source = model::SourceRef{v, std::move(pointer)};
    node.id = Text(v["id"]);
    node.name = Text(v["name"]);
    node.type = std::move(type);
    node.role = role;
    node.parameters = parameters;
    node.disabled = v["disabled"].boolean(false);
    node.notes = Text(v["description"]);
    auto index = static_cast<uint32_t>(wf.nodes.size());
    wf.nodes.push_back(std::move(node));
    return index;
  }

  static void Connect(model::Workflow& wf, uint32_t from, uint32_t to, const ValueRef& at,
                      std::string pointer) {
    model::Connection c;
    c.from = from;
    c.to = to;
    c.type = "main";
    c.source = model::SourceRef{at, std::move(pointer)};
    wf.connections.push_back(std::move(c));
  }

  void ReadApp(const ValueRef& app) {
    model::Workflow wf = NewWorkflow(root_, "", app_name_, "app");
    wf.id = Text(app["id"]);
    wf.description = Text(app["description"]);
    ValueRef tags = app["tags"];
    for (size_t i = 0; i < tags.size() && tags.is_array(); ++i) wf.tags.push_back(Text(tags.at(i)));
    if (!app["environment"].text().empty()) {
      wf.facts.emplace_back("appmodel.environment", Text(app["environment"]));
    }

    // Stores first, so forms and dashboards can point at them by name.
    for (std::string_view list : {"tables", "data_sources"}) {
      ValueRef stores = root_[list];
      for (size_t i = 0; i < stores.size() && stores.is_array(); ++i) {
        ValueRef s = stores.at(i);
        if (!s.is_object()) continue;
        std::string type = list == "tables" ? "appmodel:table" : "appmodel:data-source";
        uint32_t n = AddNode(wf, s, Pointer("", list, i), type, NodeRole::kDataStore, s);
        wf.nodes[n].connector = Text(s["connector"]);
        if (wf.nodes[n].connector.empty() && list == "data_sources") {
          wf.nodes[n].connector = Text(s["storage"]);
        }
      }
    }
    ValueRef forms = root_["forms"];
    for (size_t i = 0; i < forms.size() && forms.is_array(); ++i) {
      ValueRef f = forms.at(i);
      if (!f.is_object()) continue;
      std::string p = Pointer("", "forms", i);
      uint32_t n = AddNode(wf, f, p, "appmodel:form", NodeRole::kEntryPoint, f);
      FormEntry(f, wf.nodes[n]);
      std::string target = Text(f["stores_to"]);
      if (target.empty()) continue;
      int t = FindStore(wf, target);
      if (t < 0) {
        AddDiagnostic(result_.warnings, f["stores_to"],
                      "form '" + wf.nodes[n].name + "' stores to unknown table '" + target + "'");
        continue;
      }
      Connect(wf, n, static_cast<uint32_t>(t), f["stores_to"], p + "/stores_to");
    }
    ValueRef dashboards = root_["dashboards"];
    for (size_t i = 0; i < dashboards.size() && dashboards.is_array(); ++i) {
      ValueRef d = dashboards.at(i);
      if (!d.is_object()) continue;
      std::string p = Pointer("", "dashboards", i);
      uint32_t n = AddNode(wf, d, p, "appmodel:dashboard", NodeRole::kDataStore, d);
      ValueRef shows = d["shows"];
      for (size_t k = 0; k < shows.size() && shows.is_array(); ++k) {
        std::string name = Text(shows.at(k));
        int t = FindStore(wf, name);
        if (t < 0) {
          AddDiagnostic(result_.warnings, shows.at(k),
                        "dashboard '" + wf.nodes[n].name + "' shows unknown table '" + name + "'");
          continue;
        }
        std::string sp = p + "/shows";
        core::AppendPointerIndex(sp, k);
        Connect(wf, static_cast<uint32_t>(t), n, shows.at(k), std::move(sp));
      }
    }
    ValueRef connectors = root_["connectors"];
    for (size_t i = 0; i < connectors.size() && connectors.is_array(); ++i) {
      ValueRef c = connectors.at(i);
      if (!c.is_object()) continue;
      std::string p = Pointer("", "connectors", i);
      uint32_t n = AddNode(wf, c, p, "appmodel:connector", NodeRole::kConnector, c);
      model::Node& node = wf.nodes[n];
      node.connector = Text(c["service"]);
      if (node.connector.empty()) node.connector = node.name;
      if (!c["credential"].text().empty()) {
        std::string auth = c["auth"].text().empty() ? "reference" : Text(c["auth"]);
        node.credentials.push_back(
            model::CredentialRef{std::move(auth), Text(c["credential"]), Text(c["credential"]),
                                 model::SourceRef{c["credential"], p + "/credential"}});
      }
      // Not `credential`: a vault:// reference is no host.
      CollectHosts(c["base_url"], p + "/base_url", n, wf.hosts);
      CollectHosts(c["parameters"], p + "/parameters", n, wf.hosts);
      std::string host = core::ToLower(core::Trim(c["host"].str()));
      if (!host.empty() && host.find("://") == std::string::npos &&
          host.find("{{") == std::string::npos) {
        wf.hosts.push_back(
            model::ExternalHost{host, "https", host, n, model::SourceRef{c["host"], p + "/host"}});
      }
    }
    // Stores that name a connector read from it.
    for (uint32_t s = 0; s < wf.nodes.size(); ++s) {
      if (wf.nodes[s].role != NodeRole::kDataStore || wf.nodes[s].connector.empty()) continue;
      int c = FindNode(wf, "appmodel:connector", wf.nodes[s].connector);
      if (c >= 0) {
        const ValueRef& at = wf.nodes[s].source.value;
        Connect(wf, static_cast<uint32_t>(c), s, at["connector"],
                wf.nodes[s].source.pointer + "/connector");
      }
    }
    result_.workflows.push_back(std::move(wf));
    app_index_ = result_.workflows.size() - 1;
  }

  static int FindNode(const model::Workflow& wf, std::string_view type, std::string_view name) {
    for (size_t i = 0; i < wf.nodes.size(); ++i) {
      if (wf.nodes[i].type == type && (wf.nodes[i].name == name || wf.nodes[i].id == name)) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  static int FindStore(const model::Workflow& wf, std::string_view name) {
    int t = FindNode(wf, "appmodel:table", name);
    return t >= 0 ? t : FindNode(wf, "appmodel:data-source", name);
  }

  void ReadAutomation(const ValueRef& a, const std::string& pointer) {
    model::Workflow wf = NewWorkflow(a, pointer, Text(a["name"]), "automation");
    wf.id = Text(a["id"]);
    wf.description = Text(a["description"]);
    wf.active = a["enabled"].boolean(true);
    std::string own = FirstOwner(a["owners"]);
    if (!own.empty()) wf.owner = own;
    if (!a["run_as"].text().empty()) wf.facts.emplace_back("appmodel.run_as", Text(a["run_as"]));
    if (!a["on_error"].text().empty()) {
      wf.facts.emplace_back("appmodel.on_error", Text(a["on_error"]));
    }

    ValueRef trigger = a["trigger"];
    std::string tp = pointer + "/trigger";
    if (trigger.is_object()) {  // a missing or wrong trigger is a shape warning already
      std::string type = Text(trigger["type"]);
      uint32_t n =
          AddNode(wf, trigger, tp, "appmodel:trigger:" + type, NodeRole::kEntryPoint, trigger);
      model::Node& node = wf.nodes[n];
      node.name = "trigger: " + type;
      node.exposure = Exposure::kInternal;
      if (type == "webhook") {
        node.exposure = Exposure::kInternet;
        node.auth = trigger["auth"].text().empty() ? "none" : Text(trigger["auth"]);
      } else if (type == "form_submit") {
        std::string form = Text(trigger["form"]);
        const model::Workflow& app = result_.workflows[app_index_];
        int f = FindNode(app, "appmodel:form", form);
        if (f >= 0) {
          node.exposure = app.nodes[f].exposure;
          node.auth = app.nodes[f].auth;
          node.name = "form: " + form;
        } else {
          AddDiagnostic(result_.warnings, trigger["form"].valid() ? trigger["form"] : trigger,
                        "automation '" + wf.name + "' is triggered by unknown form '" + form + "'");
        }
      } else if (type == "email") {
        node.exposure = Exposure::kInternet;
        node.auth = "none";
      }
    }

    ValueRef steps = a["steps"];
    int prev = wf.nodes.empty() ? -1 : 0;
    for (size_t i = 0; i < steps.size() && steps.is_array(); ++i) {
      ValueRef s = steps.at(i);
      if (!s.is_object()) continue;
      std::string p = Pointer(pointer, "steps", i);
      ValueRef params = s["parameters"].is_object() ? s["parameters"] : s;
      std::string action = Text(s["action"]);
      uint32_t n = AddNode(wf, s, p, "appmodel:step:" + action, StepRole(action), params);
      wf.nodes[n].connector = StepConnector(s);
      CollectHosts(params, params.index() == s.index() ? p : p + "/parameters", n, wf.hosts);
      if (prev >= 0) Connect(wf, static_cast<uint32_t>(prev), n, s, p);
      prev = static_cast<int>(n);
    }
    result_.workflows.push_back(std::move(wf));
  }

  std::shared_ptr<const core::Document> doc_;
  model::ImportResult& result_;
  ValueRef root_;
  std::string app_name_;
  std::string owner_;
  std::string platform_;
  size_t app_index_ = 0;  // the app workflow, read before any automation
};

}  // namespace

bool LooksLikeAppModel(const ValueRef& root) {
  if (!root.is_object()) return false;
  return root["kind"].str() == "AppModel";
}

model::ImportResult ImportAppModel(std::shared_ptr<const core::Document> doc) {
  model::ImportResult result;
  ValueRef root = doc->root();
  if (!LooksLikeAppModel(root)) {
    AddDiagnostic(result.errors, root, "not an app model (expected kind: AppModel)");
    return result;
  }
  std::string_view api = root["apiVersion"].str();
  if (!api.empty() && api != "flowwarden.dev/v1") {
    AddDiagnostic(
        result.warnings, root["apiVersion"],
        "apiVersion '" + std::string(api) + "' is not known; reading it as flowwarden.dev/v1");
  }
  Reader(doc, result).Read();
  return result;
}

bool WantsYamlReader(const core::SourceFile& file) {
  if (core::LooksLikeJsonText(file.bytes())) return false;
  std::string name = core::ToLower(file.name());
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".yaml") || ends_with(".yml")) return true;
  std::string_view bytes = file.bytes();
  for (size_t pos = bytes.find("kind:"); pos != std::string_view::npos;
       pos = bytes.find("kind:", pos + 5)) {
    if (pos != 0 && bytes[pos - 1] != '\n') continue;
    std::string_view rest = core::Trim(bytes.substr(pos + 5, 40));
    if (rest.rfind("AppModel", 0) == 0) return true;
  }
  return false;
}

model::ImportResult ImportYamlFile(std::shared_ptr<const core::SourceFile> file) {
  model::ImportResult result;
  auto parsed = core::ParseYaml(file, &result.warnings);
  if (!parsed.ok()) {
    result.errors.push_back(parsed.error());
    return result;
  }
  const auto& doc = parsed.value();
  if (LooksLikeAppModel(doc->root())) {
    model::ImportResult imported = ImportAppModel(doc);
    imported.warnings.insert(imported.warnings.begin(), result.warnings.begin(),
                             result.warnings.end());
    return imported;
  }
  AddDiagnostic(result.errors, doc->root(),
                "unrecognised format: a YAML document that is not an app model (expected "
                "apiVersion: flowwarden.dev/v1 and kind: AppModel)");
  return result;
}

}  // namespace fw::ingest
