// Deriving the data-flow diagram of one workflow, and of the estate.
//
// Every executing step is a process (no collapsing: renderers cluster by
// boundary, and keeping one element per step keeps ids stable when a chain
// of Set/If steps is edited). Entry points get a caller: an internet caller
// per public entry point, the vendor's organisation for a service's own
// trigger, the platform's scheduler or operator for internal ones. Steps
// that talk to a service get a flow to that organisation's entity (one per
// registrable domain, see organisation.h); data-store steps get a store
// element in the internal-data-stores boundary, or in the vendor's boundary
// for cloud stores (Google Sheets, Airtable). Connections become flows
// labelled with the sensitive fields their target step reads; responses to
// webhook callers flow back to the caller.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "threat/derive_internal.h"
#include "threat/organisation.h"
#include "threat/threat.h"

namespace fw::threat {

namespace {

using model::Exposure;
using model::NodeRole;

bool IsResponseStep(const model::Node& node) {
  std::string_view t = node.type;
  return t.ends_with("respondToWebhook") || t == "http response" || t == "Response" ||
         t == "gateway:WebhookRespond";
}

// Steps whose every run costs money or time: AI models, agents and chains
// (not their memory or tool helpers), and loops.
bool IsExpensiveStep(const model::Node& node) {
  const std::string t = core::ToLower(node.type);
  const size_t dot = t.rfind('.');
  const std::string_view s =
      dot == std::string::npos ? std::string_view(t) : std::string_view(t).substr(dot + 1);
  for (std::string_view p : {"agent", "lmchat", "lmopenai", "lmollama", "chain", "openai",
                             "anthropic", "googlegemini", "mistralai", "ollama", "aitransform"}) {
    if (s.rfind(p, 0) == 0) return true;
  }
  return s == "splitinbatches" || s == "loopoveritems";
}

std::string CallerName(const analysis::EntryPointSummary* ep, const model::Node& node) {
  std::string_view kind = ep != nullptr ? std::string_view(ep->kind) : std::string_view();
  if (kind == "schedule") return "Scheduler ('" + node.name + "')";
  if (kind == "manual") return "Operator starting '" + node.name + "' by hand";
  if (kind == "sub-workflow") return "Calling workflow ('" + node.name + "')";
  if (kind == "error") return "Failing workflow ('" + node.name + "')";
  return "Platform event ('" + node.name + "')";
}

std::string PlatformTitle(model::Platform p) {
  switch (p) {
    case model::Platform::kN8n:
      return "n8n";
    case model::Platform::kNodeRed:
      return "Node-RED";
    case model::Platform::kPowerAutomate:
      return "Power Automate";
    case model::Platform::kLogicApps:
      return "Logic Apps";
    case model::Platform::kMake:
      return "Make";
    case model::Platform::kAppModel:
      return "App platform";
  }
  return "Automation platform";
}

// Builds one diagram; keeps indexes so elements and flows are added once.
class DiagramBuilder {
 public:
  explicit DiagramBuilder(DataFlowDiagram& d) : d_(d) {}

  void AddBoundary(const std::string& id, std::string name, BoundaryKind kind) {
    if (boundaries_.emplace(id, d_.boundaries.size()).second) {
      d_.boundaries.push_back(Boundary{id, std::move(name), kind});
    }
  }
  // Returns the element (existing or new).
  Element& AddElement(const std::string& id, ElementKind kind, std::string name,
                      const std::string& boundary) {
    auto [it, added] = elements_.emplace(id, d_.elements.size());
    if (added) {
      Element e;
      e.id = id;
      e.kind = kind;
      e.name = std::move(name);
      e.boundary = boundary;
      d_.elements.push_back(std::move(e));
    }
    return d_.elements[it->second];
  }
  Flow& AddFlow(const std::string& from, const std::string& to, std::string_view protocol) {
    std::string id = "f:" + from + "->" + to;
    auto [it, added] = flows_.emplace(id, d_.flows.size());
    if (added) {
      Flow f;
      f.id = std::move(id);
      f.from = from;
      f.to = to;
      f.protocol = std::string(protocol);
      d_.flows.push_back(std::move(f));
    }
    return d_.flows[it->second];
  }
  // Adds the sensitive fields (and their classes) to a flow, once each.
  static void AddFields(Flow& f, const std::vector<analysis::DataFieldSummary>& fields) {
    for (const auto& field : fields) {
      if (field.sensitivity == detect::DataClass::kUnknown ||
          field.sensitivity == detect::DataClass::kPublic) {
        continue;
      }
      std::string cls(detect::DataClassName(field.sensitivity));
      if (std::find(f.data_classes.begin(), f.data_classes.end(), cls) == f.data_classes.end()) {
        f.data_classes.push_back(std::move(cls));
      }
      if (std::find(f.fields.begin(), f.fields.end(), field.name) == f.fields.end()) {
        f.fields.push_back(field.name);
      }
    }
  }

  std::unordered_map<std::string, size_t>& elements() { return elements_; }
  std::unordered_map<std::string, size_t>& boundaries() { return boundaries_; }

 private:
  DataFlowDiagram& d_;
  std::unordered_map<std::string, size_t> boundaries_;
  std::unordered_map<std::string, size_t> elements_;
  std::unordered_map<std::string, size_t> flows_;
};

void SetProperty(Element& e, std::string key, std::string value) {
  for (auto& [k, v] : e.properties) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  e.properties.emplace_back(std::move(key), std::move(value));
}

void AddFinding(std::vector<std::string>& ids, const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "HTTPS: email, phone" ; internal flows show only their fields.
void Label(Flow& f) {
  std::string fields;
  const size_t shown = std::min<size_t>(f.fields.size(), 4);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) fields += ", ";
    fields += f.fields[i];
  }
  if (f.fields.size() > shown) fields += " +" + std::to_string(f.fields.size() - shown) + " more";
  if (f.protocol.empty() || f.protocol == "internal") {
    f.label = fields;
  } else {
    f.label = Upper(f.protocol);
    if (!fields.empty()) f.label += ": " + fields;
  }
}

void FinishFlows(DataFlowDiagram& d, const std::unordered_map<std::string, size_t>& elements) {
  for (auto& f : d.flows) {
    auto a = elements.find(f.from);
    auto b = elements.find(f.to);
    f.crosses_boundary = a != elements.end() && b != elements.end() &&
                         d.elements[a->second].boundary != d.elements[b->second].boundary;
    Label(f);
  }
}

std::string NodeKey(const model::Node& n) { return n.name.empty() ? n.id : n.name; }

}  // namespace

std::string ThreatId(std::string_view rule, std::string_view workflow, std::string_view target) {
  std::string key;
  key.reserve(rule.size() + workflow.size() + target.size() + 3);
  for (auto part : {rule, workflow, target}) {
    key.append(part);
    key.push_back('\x1f');
  }
  return "TM-" + core::Hex64(core::Fnv1a64(key)).substr(0, 12);
}

void Builder::Add(const model::Workflow& wf, const analysis::WorkflowSummary& summary,
                  std::span<const model::Finding> findings) {
  // The workflow key survives re-export: its id, else its name. A second
  // workflow with the same key (a copy in another file) is told apart by
  // its file.
  std::string key = !wf.id.empty() ? wf.id : (!wf.name.empty() ? wf.name : wf.file);
  auto pos = std::lower_bound(keys_.begin(), keys_.end(), key);
  if (pos != keys_.end() && *pos == key) {
    key += "@" + wf.file;
    pos = std::lower_bound(keys_.begin(), keys_.end(), key);
  }
  keys_.insert(pos, key);

  DataFlowDiagram& d = model_.diagrams.emplace_back();
  d.key = key;
  d.name = wf.name;
  d.file = wf.file;
  d.platform = wf.platform;
  DiagramBuilder b(d);
  analysis::WorkflowView view(wf);
  WorkflowContext ctx{wf, summary, view, key, d, {}, {}, {}, {}};
  ctx.nodes.resize(wf.nodes.size());

  const std::string runtime = "b:runtime:" + std::string(model::PlatformName(wf.platform));
  b.AddBoundary(runtime, PlatformTitle(wf.platform) + " runtime", BoundaryKind::kPlatformRuntime);

  // Findings by node (name first, then id, as the checks report them).
  for (const auto& f : findings) {
    int n = -1;
    if (!f.location.node_name.empty()) n = wf.FindNode(f.location.node_name);
    if (n < 0 && !f.location.node_id.empty()) n = wf.FindNodeByNameOrId(f.location.node_id);
    if (n >= 0) {
      ctx.nodes[static_cast<size_t>(n)].findings.push_back(&f);
    } else {
      ctx.workflow_findings.push_back(&f);
    }
  }

  std::unordered_map<std::string_view, const analysis::EntryPointSummary*> entries;
  for (const auto& ep : summary.entry_points) entries.emplace(ep.node, &ep);
  std::unordered_map<std::string_view, std::string_view> languages;
  for (const auto& c : summary.code_steps) languages.emplace(c.node, c.language);

  std::string logging = "default";
  if (wf.settings.save_data_error_execution == "none") {
    logging = "errors-not-saved";
  } else if (wf.settings.save_data_success_execution == "none") {
    logging = "successes-not-saved";
  }

  // Node fields are read once; flows into a step carry what it reads.
  std::vector<std::vector<analysis::DataFieldSummary>> fields(wf.nodes.size());
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    fields[i] = analysis::CollectNodeDataFields(wf, wf.nodes[i]);
  }

  // Processes.
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const model::Node& node = wf.nodes[i];
    if (node.role == NodeRole::kAnnotation) continue;
    NodeInfo& info = ctx.nodes[i];
    info.process = "p:" + key + "/" + NodeKey(node);
    info.expensive = IsExpensiveStep(node);
    Element& e = b.AddElement(info.process, ElementKind::kProcess, node.name, runtime);
    e.workflow = key;
    e.node_type = node.type;
    e.source = SourcePosition{wf.file, node.source.pointer, node.source.value.position().line,
                              node.source.value.position().column};
    SetProperty(e, "role", std::string(model::NodeRoleName(node.role)));
    if (node.role == NodeRole::kEntryPoint) {
      auto it = entries.find(node.name);
      if (it != entries.end()) SetProperty(e, "kind", it->second->kind);
      SetProperty(e, "exposure", std::string(model::ExposureName(node.exposure)));
      if (!node.auth.empty()) SetProperty(e, "auth", node.auth);
      SetProperty(e, "logging", logging);
    } else if (node.exposure == Exposure::kInternet && !node.auth.empty()) {
      SetProperty(e, "exposure", "internet");  // a Wait step resuming on a webhook
      SetProperty(e, "auth", node.auth);
    }
    if (auto it = languages.find(node.name); it != languages.end()) {
      SetProperty(e, "code", std::string(it->second));
    }
    if (!node.connector.empty()) SetProperty(e, "connector", node.connector);
    if (!node.credentials.empty()) {
      SetProperty(e, "credentials", std::to_string(node.credentials.size()));
    }
    size_t secrets = 0;
    for (const auto* f : info.findings) {
      AddFinding(e.findings, f->id);
      secrets += f->category == "hardcoded-secret";
    }
    if (secrets > 0) SetProperty(e, "secrets", std::to_string(secrets));
    if (view.internet_source[i] >= 0) SetProperty(e, "internet-reachable", "yes");
    if (info.expensive) SetProperty(e, "expensive", "yes");
    if (node.disabled) SetProperty(e, "disabled", "yes");
  }

  // Hosts each step calls, and the element that stands for each.
  std::vector<std::vector<const model::ExternalHost*>> hosts(wf.nodes.size());
  for (const auto& h : wf.hosts) {
    if (h.node < wf.nodes.size() && !h.host.empty()) hosts[h.node].push_back(&h);
  }
  auto host_target = [&](const model::ExternalHost& h, ElementKind kind,
                         const std::string& store_id, const std::string& store_name) {
    core::HostScope scope = core::ClassifyHost(h.host);
    std::string boundary, id, name;
    if (scope == core::HostScope::kPublic) {
      Organisation org = OrganisationOfHost(h.host);
      boundary = "b:org:" + org.key;
      b.AddBoundary(boundary, org.name, BoundaryKind::kExternalOrganisation);
      id = "e:org:" + org.key;
      name = org.name;
    } else if (kind == ElementKind::kDataStore) {
      boundary = "b:stores";
      b.AddBoundary(boundary, "Internal data stores", BoundaryKind::kInternalDataStores);
    } else {
      boundary = "b:internal";
      b.AddBoundary(boundary, "Internal network", BoundaryKind::kInternalNetwork);
      id = "e:host:" + h.host;
      name = h.host;
    }
    if (kind == ElementKind::kDataStore) {
      Element& s = b.AddElement(store_id, kind, store_name, boundary);
      s.workflow = key;
      if (scope == core::HostScope::kPublic)
        SetProperty(s, "organisation", RegistrableDomain(h.host));
      SetProperty(s, "host", h.host);
      return store_id;
    }
    Element& e = b.AddElement(id, ElementKind::kExternalEntity, name, boundary);
    if (scope == core::HostScope::kPublic)
      SetProperty(e, "organisation", RegistrableDomain(h.host));
    return id;
  };

  // A service known only by its connector name; protocols without a host
  // (an HTTP Request whose URL comes from data) go to one unknown entity.
  auto service_target = [&](const std::string& connector) {
    if (IsGenericConnector(connector)) {
      b.AddBoundary("b:internet", "Internet", BoundaryKind::kInternet);
      b.AddElement("e:org:unknown", ElementKind::kExternalEntity,
                   "Unknown service (address set at run time)", "b:internet");
      return std::string("e:org:unknown");
    }
    Organisation org = OrganisationOfConnector(connector);
    std::string boundary = "b:org:" + org.key;
    b.AddBoundary(boundary, org.name, BoundaryKind::kExternalOrganisation);
    Element& e = b.AddElement("e:org:" + org.key, ElementKind::kExternalEntity, org.name, boundary);
    SetProperty(e, "organisation", org.key);
    return e.id;
  };

  // Callers of entry points.
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const model::Node& node = wf.nodes[i];
    if (node.role != NodeRole::kEntryPoint || node.disabled) continue;
    NodeInfo& info = ctx.nodes[i];
    auto ep = entries.find(node.name);
    const analysis::EntryPointSummary* eps = ep == entries.end() ? nullptr : ep->second;
    std::string protocol;
    if (node.exposure == Exposure::kInternet) {
      b.AddBoundary("b:internet", "Internet", BoundaryKind::kInternet);
      info.caller = "e:caller:" + key + "/" + NodeKey(node);
      Element& c = b.AddElement(info.caller, ElementKind::kExternalEntity,
                                "Internet caller ('" + node.name + "')", "b:internet");
      c.workflow = key;
      SetProperty(c, "exposure", "internet");
      SetProperty(c, "auth", node.auth.empty() ? std::string("unknown") : node.auth);
      protocol = eps != nullptr ? eps->kind : "http";
    } else if (node.exposure == Exposure::kThirdParty && !hosts[i].empty()) {
      // A broker or mailbox the trigger listens to (MQTT, IMAP).
      info.caller = host_target(*hosts[i].front(), ElementKind::kExternalEntity, {}, {});
      protocol = hosts[i].front()->scheme;
    } else if (node.exposure == Exposure::kThirdParty && !node.connector.empty()) {
      info.caller = service_target(node.connector);
      protocol = "api";
    } else {
      info.caller = "e:internal:" + key + "/" + NodeKey(node);
      Element& c =
          b.AddElement(info.caller, ElementKind::kExternalEntity, CallerName(eps, node), runtime);
      c.workflow = key;
      SetProperty(c, "exposure", std::string(model::ExposureName(node.exposure)));
      protocol = "internal";
    }
    Flow& f = b.AddFlow(info.caller, info.process, protocol);
    DiagramBuilder::AddFields(f, fields[i]);
    for (uint32_t next : view.next[i]) DiagramBuilder::AddFields(f, fields[next]);
    for (const auto* fd : info.findings) {
      if (fd->category == "unauthenticated-entry-point") AddFinding(f.findings, fd->id);
    }
  }

  // Connections between steps.
  for (const auto& c : wf.connections) {
    if (c.from >= wf.nodes.size() || c.to >= wf.nodes.size()) continue;
    const auto& from = ctx.nodes[c.from];
    const auto& to = ctx.nodes[c.to];
    if (from.process.empty() || to.process.empty() || c.from == c.to) continue;
    Flow& f = b.AddFlow(from.process, to.process, "internal");
    DiagramBuilder::AddFields(f, fields[c.to]);
  }

  // Where each step sends data: services, stores, callers.
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const model::Node& node = wf.nodes[i];
    NodeInfo& info = ctx.nodes[i];
    if (info.process.empty() || node.role == NodeRole::kEntryPoint || node.disabled) continue;
    std::vector<std::pair<std::string, std::string>> targets;  // element id, protocol
    if (node.role == NodeRole::kDataStore) {
      const std::string store_id = "d:" + key + "/" + NodeKey(node);
      const std::string store_name =
          (node.connector.empty() ? std::string("Data store") : node.connector) + " ('" +
          node.name + "')";
      if (!hosts[i].empty()) {
        for (const auto* h : hosts[i]) {
          targets.emplace_back(host_target(*h, ElementKind::kDataStore, store_id, store_name),
                               h->scheme);
        }
      } else {
        std::string boundary = "b:stores";
        std::string org_key;
        if (!node.connector.empty() && !IsSelfHostedStore(node.connector)) {
          Organisation org = OrganisationOfConnector(node.connector);
          if (org.known) {
            boundary = "b:org:" + org.key;
            b.AddBoundary(boundary, org.name, BoundaryKind::kExternalOrganisation);
            org_key = org.key;
          }
        }
        if (boundary == "b:stores") {
          b.AddBoundary(boundary, "Internal data stores", BoundaryKind::kInternalDataStores);
        }
        Element& s = b.AddElement(store_id, ElementKind::kDataStore, store_name, boundary);
        s.workflow = key;
        if (!org_key.empty()) SetProperty(s, "organisation", org_key);
        if (!node.connector.empty()) SetProperty(s, "connector", node.connector);
        targets.emplace_back(store_id, org_key.empty() ? "internal" : "api");
      }
    } else {
      for (const auto* h : hosts[i]) {
        targets.emplace_back(host_target(*h, ElementKind::kExternalEntity, {}, {}), h->scheme);
      }
      // Code steps name no service: only the hosts they call count.
      if (hosts[i].empty() && !node.connector.empty() && node.role == NodeRole::kConnector) {
        std::string to = service_target(node.connector);
        targets.emplace_back(to, to == "e:org:unknown" ? "unknown" : "api");
      }
    }
    if (IsResponseStep(node) && view.internet_source[i] >= 0) {
      const auto& caller = ctx.nodes[static_cast<size_t>(view.internet_source[i])].caller;
      if (!caller.empty()) targets.emplace_back(caller, "response");
    }
    for (const auto& [to, protocol] : targets) {
      Flow& f = b.AddFlow(info.process, to, protocol);
      if (f.protocol != protocol && (protocol == "http" || protocol == "ftp"))
        f.protocol = protocol;
      DiagramBuilder::AddFields(f, fields[i]);
      for (const auto* fd : info.findings) {
        if (fd->category == "sensitive-data-exposure" || fd->category == "insecure-transport") {
          AddFinding(f.findings, fd->id);
        }
      }
    }
  }

  FinishFlows(d, b.elements());
  ctx.element_index = std::move(b.elements());
  ctx.boundary_index = std::move(b.boundaries());
  DeriveThreats(ctx, model_.threats);
}

ThreatModel Builder::Finish() {
  DataFlowDiagram& estate = model_.estate;
  estate = DataFlowDiagram{};
  estate.key = "estate";
  estate.name = "All workflows";
  if (!model_.diagrams.empty()) estate.platform = model_.diagrams.front().platform;
  DiagramBuilder b(estate);
  for (const auto& d : model_.diagrams) {
    for (const auto& bd : d.boundaries) b.AddBoundary(bd.id, bd.name, bd.kind);
    for (const auto& e : d.elements) {
      Element& m = b.AddElement(e.id, e.kind, e.name, e.boundary);
      if (m.properties.empty()) {
        m.workflow = e.workflow;
        m.node_type = e.node_type;
        m.properties = e.properties;
        m.source = e.source;
      }
      for (const auto& id : e.findings) AddFinding(m.findings, id);
    }
    for (const auto& f : d.flows) {
      Flow& m = b.AddFlow(f.from, f.to, f.protocol);
      for (const auto& c : f.data_classes) {
        if (std::find(m.data_classes.begin(), m.data_classes.end(), c) == m.data_classes.end()) {
          m.data_classes.push_back(c);
        }
      }
      for (const auto& n : f.fields) {
        if (std::find(m.fields.begin(), m.fields.end(), n) == m.fields.end()) m.fields.push_back(n);
      }
      for (const auto& id : f.findings) AddFinding(m.findings, id);
    }
  }
  FinishFlows(estate, b.elements());
  DeriveEstateThreats(estate, model_.threats);
  std::sort(model_.threats.begin(), model_.threats.end(), [](const Threat& a, const Threat& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id < b.id;
  });
  keys_.clear();
  ThreatModel out = std::move(model_);
  model_ = ThreatModel{};
  return out;
}

}  // namespace fw::threat
