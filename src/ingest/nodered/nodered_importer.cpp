// Node-RED flows to model workflows. The export is a flat list of nodes;
// this file groups it: tabs and subflow definitions become workflows, flow
// nodes join the workflow their `z` names, config nodes join every workflow
// whose nodes use them (directly or through another config node), and what
// nothing uses lands in a workflow named after the file. Wires, link out ->
// link in and link call -> link in become connections. A second, file-wide
// graph (wires, links across tabs, subflow instances into their definition)
// tells which code and file nodes a network entry point can reach; that is
// recorded as a fact on the workflow, since such paths cross workflows.
#include "ingest/nodered/nodered_importer.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/text.h"
#include "ingest/common.h"
#include "ingest/nodered/node_types.h"
#include "ingest/nodered/settings.h"
#include "ingest/nodered/settings_script.h"

namespace fw::ingest {

namespace {

using core::ValueRef;
using model::Exposure;
using model::NodeRole;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// A node object as Node-RED writes it: string id and type.
bool IsNodeObject(const ValueRef& v) {
  return v.is_object() && v["id"].is_string() && v["type"].is_string();
}

// An element that only Node-RED writes: a node with wires or a tab id (z),
// a tab, a subflow, or a config node with no position.
bool IsNodeRedNode(const ValueRef& v) {
  if (!IsNodeObject(v)) return false;
  if (v["nodes"].valid() && v["connections"].valid()) return false;    // an n8n workflow
  if (v["parameters"].valid() && v["position"].valid()) return false;  // an n8n node
  std::string_view type = v["type"].str();
  return v["wires"].is_array() || v["z"].is_string() || type == "tab" || type == "subflow";
}

enum class FlowKind { kTab, kSubflow, kLoose, kConfig };

struct Flow {
  FlowKind kind = FlowKind::kTab;
  std::string id;
  std::string name;
  ValueRef source;
  std::string pointer;
  bool disabled = false;
  std::string info;
  std::vector<size_t> members;  // raw node indices, file order
  std::vector<size_t> configs;  // global config nodes its members use
};

struct RawNode {
  ValueRef v;
  std::string pointer;
  std::string_view id;
  std::string_view type;
  std::string_view z;
  bool config = false;
  int flow = -1;  // the flow a flow node or scoped config node belongs to
  // Filled when workflows are built (flow nodes only).
  int workflow = -1;
  uint32_t node = 0;
  NodeRole role = NodeRole::kStep;
  Exposure exposure = Exposure::kNone;
  bool disabled = false;
  std::string label;
};

std::string FileStem(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  size_t bang = name.find('!');
  if (bang != std::string_view::npos) name.remove_prefix(bang + 1);
  if (name.size() > 5 && core::IEquals(name.substr(name.size() - 5), ".json")) {
    name.remove_suffix(5);
  }
  return std::string(name);
}

// What the Node-RED editor shows for a node without a name.
std::string Label(std::string_view type, const ValueRef& v) {
  std::string name = Text(v["name"]);
  if (!core::Trim(name).empty()) return name;
  auto with = [&](std::string_view prefix, std::string_view detail) {
    if (core::Trim(detail).empty()) return std::string(type);
    return std::string(prefix) + core::Abbreviate(detail, 60);
  };
  if (type == "http in") {
    return "[" + Text(v["method"]) + "] " + (v["url"].str().empty() ? "" : Text(v["url"]));
  }
  if (type == "http request") return with("http request ", v["url"].str());
  if (type == "mqtt in" || type == "mqtt out")
    return with(std::string(type) + " ", v["topic"].str());
  if (type == "exec" || type == "daemon") return with("exec: ", v["command"].str());
  if (type == "file" || type == "file in")
    return with(std::string(type) + " ", v["filename"].str());
  if (type == "watch") return with("watch ", v["files"].str());
  if (type == "websocket-listener" || type == "websocket-client") return with("", v["path"].str());
  if (type == "mqtt-broker") {
    std::string broker = Text(v["broker"]);
    std::string port = Text(v["port"]);
    if (broker.empty()) return std::string(type);
    return port.empty() ? broker : broker + ":" + port;
  }
  if (type == "ui_tab" || type == "ui_group" || type == "ui-page" || type == "ui-group") {
    return with("", v["name"].str());
  }
  return std::string(type);
}

// A plain host (no scheme) written into a field: broker names, SMTP servers.
void AddPlainHost(const ValueRef& v, const std::string& pointer, std::string_view scheme,
                  std::string_view port, uint32_t node, std::vector<model::ExternalHost>& out) {
  std::string_view host = core::Trim(v.str());
  if (host.empty() || host.find("://") != std::string_view::npos) return;  // CollectHosts has it
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == ':' || c == '_';
    if (!ok) return;  // ${ENV}, expressions, free text
  }
  std::string url = std::string(scheme) + "://" + std::string(host);
  if (!port.empty()) url += ":" + std::string(port);
  out.push_back(model::ExternalHost{core::ToLower(host), std::string(scheme), url, node,
                                    model::SourceRef{v, pointer}});
}

class FlowReader {
 public:
  FlowReader(std::shared_ptr<const core::Document> doc, const SiblingReader* siblings)
      : doc_(std::move(doc)), siblings_(siblings) {}

  model::ImportResult Run() {
    settings_ = nodered::ReadRuntimeSettings(doc_->source(), siblings_, result_.warnings);
    CollectItems(doc_->root());
    if (!result_.errors.empty()) return std::move(result_);
    IndexNodes();
    AssignFlows();
    ResolveConfigs();
    BuildWorkflows();
    ConnectAndReach();
    for (auto& wf : result_.workflows) {
      for (const auto& f : settings_.facts) wf.facts.push_back(f);
    }
    if (settings_.found()) result_.workflows.push_back(nodered::RuntimeWorkflow(settings_));
    return std::move(result_);
  }

 private:
  struct Item {
    ValueRef v;
    std::string pointer;
  };

  void AddItems(const ValueRef& arr, const std::string& prefix) {
    for (size_t i = 0; i < arr.size(); ++i) {
      std::string p = prefix;
      core::AppendPointerIndex(p, i);
      items_.push_back(Item{arr.at(i), std::move(p)});
    }
  }

  void CollectItems(const ValueRef& root) {
    if (root.is_array()) {
      AddItems(root, "");
    } else if (root.is_object() && root["flows"].is_array()) {
      version_ = Text(root["rev"]);
      AddItems(root["flows"], "/flows");
    } else if (root.is_object() && (root["nodes"].is_array() || root["configs"].is_array())) {
      // Admin API GET /flow/:id: the flow object is the tab itself.
      if (root["id"].str() != "global") {
        api_tab_ = true;
        items_.push_back(Item{root, ""});
      }
      AddItems(root["nodes"], "/nodes");
      AddItems(root["configs"], "/configs");
      ValueRef subflows = root["subflows"];
      for (size_t i = 0; i < subflows.size(); ++i) {
        std::string p = "/subflows";
        core::AppendPointerIndex(p, i);
        ValueRef sf = subflows.at(i);
        items_.push_back(Item{sf, p});
        AddItems(sf["nodes"], p + "/nodes");
        AddItems(sf["configs"], p + "/configs");
      }
    } else if (IsNodeObject(root)) {
      items_.push_back(Item{root, ""});
    } else {
      AddDiagnostic(result_.errors, root, "not a Node-RED flow export");
    }
  }

  void IndexNodes() {
    for (size_t i = 0; i < items_.size(); ++i) {
      const Item& item = items_[i];
      const ValueRef& v = item.v;
      if (!v.is_object()) {
        AddDiagnostic(result_.warnings, v, "expected a Node-RED node object; skipped");
        continue;
      }
      bool api_tab = api_tab_ && i == 0;
      std::string_view id = v["id"].str();
      std::string_view type = api_tab ? std::string_view("tab") : v["type"].str();
      if (!v["id"].is_string() || id.empty()) {
        AddDiagnostic(result_.warnings, v, "Node-RED node without an \"id\"; skipped");
        continue;
      }
      if (type.empty()) {
        AddDiagnostic(result_.warnings, v,
                      "Node-RED node '" + std::string(id) + "' without a \"type\"; skipped");
        continue;
      }
      if (type == "tab" || type == "subflow") {
        if (flow_by_id_.count(id) != 0) {
          AddDiagnostic(result_.warnings, v,
                        "duplicate " + std::string(type) + " id '" + std::string(id) +
                            "'; its nodes join the first one");
          continue;
        }
        Flow f;
        f.kind = type == "tab" ? FlowKind::kTab : FlowKind::kSubflow;
        f.id = std::string(id);
        f.source = v;
        f.pointer = item.pointer;
        f.disabled = v["disabled"].boolean(false);
        f.info = Text(v["info"]);
        if (f.kind == FlowKind::kTab) {
          f.name = Text(v["label"]);
          if (f.name.empty()) f.name = f.id;
        } else {
          f.name = Text(v["name"]);
          if (f.name.empty()) f.name = f.id;
          f.name += " (subflow)";
          subflow_items_.emplace(id, v);
        }
        flow_by_id_.emplace(id, flows_.size());
        flows_.push_back(std::move(f));
        continue;
      }
      RawNode r;
      r.v = v;
      r.pointer = item.pointer;
      r.id = id;
      r.type = type;
      r.z = v["z"].str();
      r.config = !v["wires"].valid() && !v["x"].valid() && type != "group" && type != "comment" &&
                 type != "junction";
      if (!r.config && v["wires"].valid() && !v["wires"].is_array()) {
        AddDiagnostic(result_.warnings, v["wires"],
                      "expected \"wires\" to be an array of output ports");
      }
      if (!raw_by_id_.emplace(id, raws_.size()).second) {
        AddDiagnostic(result_.warnings, v,
                      "duplicate node id '" + std::string(id) + "'; wires reach the first one");
      }
      raws_.push_back(std::move(r));
    }
  }

  int FlowFor(std::string_view z, bool create) {
    auto it = flow_by_id_.find(z);
    if (it != flow_by_id_.end()) return static_cast<int>(it->second);
    if (!create) return -1;
    Flow f;
    f.kind = FlowKind::kLoose;
    f.id = std::string(z);
    flow_by_id_.emplace(z, flows_.size());
    flows_.push_back(std::move(f));
    ++loose_count_;
    return static_cast<int>(flows_.size() - 1);
  }

  void AssignFlows() {
    for (size_t i = 0; i < raws_.size(); ++i) {
      RawNode& r = raws_[i];
      if (r.config) {
        // Config nodes scoped to a tab or subflow (Node-RED 1.3+) belong to it.
        r.flow = r.z.empty() ? -1 : FlowFor(r.z, false);
      } else {
        r.flow = FlowFor(r.z, true);
        Flow& f = flows_[r.flow];
        if (!f.source.valid()) {
          f.source = r.v;
          f.pointer = r.pointer;
        }
      }
      if (r.flow >= 0) flows_[r.flow].members.push_back(i);
    }
    const std::string stem = FileStem(doc_->source().name());
    for (auto& f : flows_) {
      if (f.kind != FlowKind::kLoose) continue;
      f.name = loose_count_ == 1 || f.id.empty() ? stem : stem + " (" + f.id + ")";
    }
  }

  // Config nodes a node refers to by id in one of its top-level fields
  // (broker, tls, server, proxy, group...).
  template <typename F>
  void ForEachConfigRef(const RawNode& r, F&& fn) const {
    const ValueRef& v = r.v;
    for (size_t k = 0; k < v.size(); ++k) {
      std::string_view key = v.key_at(k);
      if (key == "id" || key == "z" || key == "type" || key == "name" || key == "g") continue;
      ValueRef val = v.value_at(k);
      if (!val.is_string() || val.str().empty()) continue;
      auto it = raw_by_id_.find(val.str());
      if (it == raw_by_id_.end() || !raws_[it->second].config || it->second == Index(r)) continue;
      fn(it->second, key, val);
    }
  }

  size_t Index(const RawNode& r) const { return static_cast<size_t>(&r - raws_.data()); }

  void ResolveConfigs() {
    std::vector<bool> used(raws_.size(), false);
    for (auto& f : flows_) {
      std::unordered_set<size_t> in_flow(f.members.begin(), f.members.end());
      std::deque<size_t> queue(f.members.begin(), f.members.end());
      while (!queue.empty()) {
        size_t n = queue.front();
        queue.pop_front();
        ForEachConfigRef(raws_[n], [&](size_t c, std::string_view, const ValueRef&) {
          used[c] = true;
          if (!in_flow.insert(c).second) return;
          f.configs.push_back(c);
          queue.push_back(c);
        });
      }
      std::sort(f.configs.begin(), f.configs.end());
    }
    // Global config nodes nothing uses still hold hosts and secrets: keep
    // them in a workflow named after the file.
    Flow unused;
    unused.kind = FlowKind::kConfig;
    unused.id = "global";
    unused.name = FileStem(doc_->source().name()) + " (unused configuration)";
    for (size_t i = 0; i < raws_.size(); ++i) {
      if (!raws_[i].config || raws_[i].flow >= 0 || used[i]) continue;
      if (!unused.source.valid()) {
        unused.source = raws_[i].v;
        unused.pointer = raws_[i].pointer;
      }
      unused.members.push_back(i);
    }
    if (!unused.members.empty()) flows_.push_back(std::move(unused));
  }

  std::string AuthForHttp() const {
    std::string_view node_auth = settings_.Fact("nodered.httpNodeAuth");
    if (node_auth == "set") return "basicAuth";
    if (settings_.Fact("nodered.httpNodeMiddleware") == "set") return "middleware";
    if (node_auth == "unset") return "none";
    return {};
  }

  // `flow_disabled`: the node's tab is disabled, so Node-RED does not start it.
  model::Node MakeNode(RawNode& r, bool flow_disabled) {
    model::Node node;
    const ValueRef& v = r.v;
    node.id = std::string(r.id);
    node.type = std::string(r.type);
    node.name = Label(r.type, v);
    if ((r.type == "websocket in" || r.type == "websocket out") && node.name == r.type) {
      // The editor labels these with the listener's or client's path.
      for (std::string_view key : {"server", "client"}) {
        auto it = raw_by_id_.find(v[key].str());
        if (it == raw_by_id_.end() || v[key].str().empty()) continue;
        std::string path = Text(raws_[it->second].v["path"]);
        if (!path.empty()) node.name = path;
      }
    }
    node.disabled = v["d"].boolean(false) || flow_disabled;
    node.notes = Text(v["info"]);
    node.parameters = v;
    node.source = model::SourceRef{v, r.pointer};
    if (r.config) {
      node.role = NodeRole::kStep;
      node.connector = std::string(nodered::ConfigConnector(r.type));
    } else if (StartsWith(r.type, "subflow:")) {
      node.role = NodeRole::kStep;
    } else {
      auto info = nodered::ClassifyNodeType(r.type);
      node.role = info.role;
      node.exposure = info.exposure;
      node.connector = std::string(info.connector);
    }
    const bool http_served = r.type == "http in" || nodered::IsDashboardInput(r.type);
    if (http_served && node.role == NodeRole::kEntryPoint) {
      node.auth = AuthForHttp();
      // httpNodeRoot: false turns every HTTP endpoint and the dashboard off.
      if (settings_.Fact("nodered.httpNodeRoot") == "false") node.exposure = Exposure::kInternal;
    }
    if (r.type == "websocket in") {
      // A listener is served at a path of Node-RED's own HTTP server; a
      // client connects out. httpNodeAuth does not cover WebSocket
      // upgrades; webSocketNodeVerifyClient does.
      ValueRef server = v["server"];
      auto it = raw_by_id_.find(server.str());
      bool listener = !server.str().empty() &&
                      (it == raw_by_id_.end() || raws_[it->second].type == "websocket-listener");
      if (listener) {
        node.exposure = Exposure::kInternet;
        std::string_view verify = settings_.Fact("nodered.webSocketNodeVerifyClient");
        node.auth = verify == "set" ? "verifyClient" : verify == "unset" ? "none" : "";
      }
    }
    ValueRef creds = v["credentials"];
    if (creds.is_object()) {
      node.credentials.push_back(model::CredentialRef{
          node.type, node.id, node.name, model::SourceRef{creds, r.pointer + "/credentials"}});
    }
    ForEachConfigRef(r, [&](size_t c, std::string_view key, const ValueRef& val) {
      const RawNode& cfg = raws_[c];
      if (!nodered::IsCredentialConfig(cfg.type) && !cfg.v["credentials"].valid()) return;
      std::string p = r.pointer;
      core::AppendPointerToken(p, key);
      node.credentials.push_back(model::CredentialRef{std::string(cfg.type), std::string(cfg.id),
                                                      Label(cfg.type, cfg.v),
                                                      model::SourceRef{val, std::move(p)}});
    });
    r.role = node.role;
    r.exposure = node.exposure;
    r.disabled = node.disabled;
    r.label = node.name;
    return node;
  }

  void AddHosts(const RawNode& r, uint32_t index, model::Workflow& wf) {
    if (r.role == NodeRole::kAnnotation) return;
    CollectHosts(r.v, r.pointer, index, wf.hosts);
    const ValueRef& v = r.v;
    auto field = [&](std::string_view key) {
      std::string p = r.pointer;
      core::AppendPointerToken(p, key);
      return p;
    };
    if (r.type == "mqtt-broker") {
      bool tls = v["usetls"].boolean(false);
      AddPlainHost(v["broker"], field("broker"), tls ? "mqtts" : "mqtt", v["port"].text(), index,
                   wf.hosts);
    } else if (r.type == "e-mail") {
      AddPlainHost(v["server"], field("server"), v["secure"].boolean(false) ? "smtps" : "smtp",
                   v["port"].text(), index, wf.hosts);
    } else if (r.type == "e-mail in") {
      std::string scheme = core::ToLower(v["protocol"].str());
      if (scheme.empty()) scheme = "imap";
      if (v["useSSL"].boolean(false)) scheme += "s";
      AddPlainHost(v["server"], field("server"), scheme, v["port"].text(), index, wf.hosts);
    } else if (r.type == "tcp out" || r.type == "tcp request" ||
               (r.type == "tcp in" && v["server"].str() == "client")) {
      AddPlainHost(v["host"], field("host"), "tcp", v["port"].text(), index, wf.hosts);
    } else if (r.type == "udp out") {
      AddPlainHost(v["addr"], field("addr"), "udp", v["port"].text(), index, wf.hosts);
    }
  }

  void BuildWorkflows() {
    for (size_t fi = 0; fi < flows_.size(); ++fi) {
      Flow& f = flows_[fi];
      model::Workflow wf;
      wf.platform = model::Platform::kNodeRed;
      wf.document = doc_;
      wf.file = doc_->source().name();
      wf.id = f.id;
      wf.name = f.name;
      wf.active = !f.disabled;
      wf.description = f.info;
      wf.version_id = version_;
      wf.source = model::SourceRef{f.source.valid() ? f.source : doc_->root(), f.pointer};
      switch (f.kind) {
        case FlowKind::kTab:
          wf.facts.emplace_back("nodered.kind", "tab");
          break;
        case FlowKind::kSubflow:
          wf.facts.emplace_back("nodered.kind", "subflow");
          break;
        case FlowKind::kLoose:
          wf.facts.emplace_back("nodered.kind", "nodes-without-tab");
          break;
        case FlowKind::kConfig:
          wf.facts.emplace_back("nodered.kind", "unused-configuration");
          break;
      }
      // Tab and subflow env variables ({name, value, type}) are settings
      // people fill with keys; scanned where they are written.
      if ((f.kind == FlowKind::kTab || f.kind == FlowKind::kSubflow) && f.source.valid() &&
          f.source["env"].is_array() && f.source["env"].size() > 0) {
        model::ConfigValues config;
        config.platform = model::Platform::kNodeRed;
        config.what = std::string(f.kind == FlowKind::kTab ? "env of tab '" : "env of subflow '") +
                      f.name + "'";
        config.workflow_id = f.id;
        config.workflow_name = f.name;
        config.source = model::SourceRef{f.source["env"], f.pointer + "/env"};
        config.document = doc_;
        result_.config.push_back(std::move(config));
      }
      std::vector<size_t> order = f.members;
      order.insert(order.end(), f.configs.begin(), f.configs.end());
      wf.nodes.reserve(order.size());
      for (size_t raw : order) {
        RawNode& r = raws_[raw];
        uint32_t index = static_cast<uint32_t>(wf.nodes.size());
        wf.nodes.push_back(MakeNode(r, f.disabled));
        if (!r.config) {
          r.workflow = static_cast<int>(result_.workflows.size());
          r.node = index;
        }
        AddHosts(r, index, wf);
      }
      result_.workflows.push_back(std::move(wf));
    }
  }

  // Adds a connection when both ends are flow nodes of the same workflow.
  void Connect(const RawNode& from, size_t to_raw, const ValueRef& at, std::string pointer,
               std::string_view type, uint32_t output) {
    const RawNode& to = raws_[to_raw];
    if (from.workflow < 0 || to.workflow != from.workflow) return;
    model::Connection c;
    c.from = from.node;
    c.to = to.node;
    c.type = std::string(type);
    c.output_index = output;
    c.source = model::SourceRef{at, std::move(pointer)};
    result_.workflows[from.workflow].connections.push_back(std::move(c));
  }

  // Raw index of the node with this id, or -1 with a warning.
  long Target(const ValueRef& ref, std::string_view what) {
    if (!ref.is_string()) {
      AddDiagnostic(result_.warnings, ref, std::string(what) + ": expected a node id string");
      return -1;
    }
    std::string_view id = ref.str();
    auto it = raw_by_id_.find(id);
    if (it == raw_by_id_.end() || raws_[it->second].config) {
      if (flow_by_id_.count(id) == 0) {
        AddDiagnostic(result_.warnings, ref,
                      std::string(what) + " to unknown node '" + std::string(id) + "'");
      }
      return -1;
    }
    return static_cast<long>(it->second);
  }

  void ConnectAndReach() {
    std::vector<std::vector<size_t>> next(raws_.size());
    std::unordered_map<std::string_view, std::vector<size_t>> instances;
    for (size_t i = 0; i < raws_.size(); ++i) {
      RawNode& r = raws_[i];
      if (r.config) continue;
      ValueRef wires = r.v["wires"];
      for (size_t o = 0; o < wires.size() && wires.is_array(); ++o) {
        ValueRef port = wires.at(o);
        for (size_t k = 0; k < port.size() && port.is_array(); ++k) {
          ValueRef target = port.at(k);
          long t = Target(target, "wire");
          if (t < 0) continue;
          next[i].push_back(static_cast<size_t>(t));
          std::string p = r.pointer + "/wires";
          core::AppendPointerIndex(p, o);
          core::AppendPointerIndex(p, k);
          Connect(r, static_cast<size_t>(t), target, std::move(p), "main",
                  static_cast<uint32_t>(o));
        }
      }
      const bool link_source =
          (r.type == "link out" && r.v["mode"].str() != "return") || r.type == "link call";
      if (link_source) {
        ValueRef links = r.v["links"];
        for (size_t k = 0; k < links.size() && links.is_array(); ++k) {
          ValueRef target = links.at(k);
          long t = Target(target, "link");
          if (t < 0) continue;
          next[i].push_back(static_cast<size_t>(t));
          RawNode& to = raws_[static_cast<size_t>(t)];
          if (to.type == "link in" && to.workflow != r.workflow && to.workflow >= 0) {
            // Called from another tab: an entry point of its own tab.
            auto& node = result_.workflows[to.workflow].nodes[to.node];
            if (node.role == NodeRole::kStep) {
              node.role = NodeRole::kEntryPoint;
              node.exposure = Exposure::kInternal;
              to.role = node.role;
              to.exposure = node.exposure;
            }
          }
          std::string p = r.pointer + "/links";
          core::AppendPointerIndex(p, k);
          Connect(r, static_cast<size_t>(t), target, std::move(p), "link", 0);
        }
      }
      if (StartsWith(r.type, "subflow:")) instances[r.type.substr(8)].push_back(i);
    }
    // Subflow instances feed the nodes behind the definition's input port;
    // nodes wired to its output ports feed what each instance is wired to.
    for (const auto& [sid, list] : instances) {
      auto def = subflow_items_.find(sid);
      if (def == subflow_items_.end()) continue;
      ValueRef in = def->second["in"];
      for (size_t p = 0; p < in.size(); ++p) {
        ValueRef w = in.at(p)["wires"];
        for (size_t k = 0; k < w.size(); ++k) {
          long t = Target(w.at(k)["id"], "subflow input");
          if (t < 0) continue;
          for (size_t inst : list) next[inst].push_back(static_cast<size_t>(t));
        }
      }
      ValueRef out = def->second["out"];
      for (size_t p = 0; p < out.size(); ++p) {
        ValueRef w = out.at(p)["wires"];
        for (size_t k = 0; k < w.size(); ++k) {
          long from = Target(w.at(k)["id"], "subflow output");
          if (from < 0) continue;
          for (size_t inst : list) {
            ValueRef targets = raws_[inst].v["wires"].at(p);
            for (size_t j = 0; j < targets.size(); ++j) {
              auto it = raw_by_id_.find(targets.at(j).str());
              if (it != raw_by_id_.end()) next[static_cast<size_t>(from)].push_back(it->second);
            }
          }
        }
      }
    }
    Reach(next);
  }

  // Which network entry point (internet first, then third-party) reaches
  // each code and data-store node, across tabs, links and subflows.
  void Reach(const std::vector<std::vector<size_t>>& next) {
    std::vector<long> source(raws_.size(), -1);
    for (Exposure level : {Exposure::kInternet, Exposure::kThirdParty}) {
      std::deque<size_t> queue;
      for (size_t i = 0; i < raws_.size(); ++i) {
        const RawNode& r = raws_[i];
        if (r.config || r.disabled || r.role != NodeRole::kEntryPoint || r.exposure != level ||
            source[i] >= 0) {
          continue;
        }
        source[i] = static_cast<long>(i);
        queue.push_back(i);
      }
      while (!queue.empty()) {
        size_t u = queue.front();
        queue.pop_front();
        for (size_t w : next[u]) {
          if (source[w] >= 0 || raws_[w].disabled || raws_[w].config) continue;
          source[w] = source[u];
          queue.push_back(w);
        }
      }
    }
    for (size_t i = 0; i < raws_.size(); ++i) {
      const RawNode& r = raws_[i];
      if (source[i] < 0 || source[i] == static_cast<long>(i) || r.workflow < 0) continue;
      if (r.role != NodeRole::kCode && r.role != NodeRole::kDataStore) continue;
      const RawNode& e = raws_[static_cast<size_t>(source[i])];
      std::string via = std::string(e.type) + " '" + e.label + "'";
      if (e.workflow != r.workflow && e.workflow >= 0) {
        via += " on '" + result_.workflows[e.workflow].name + "'";
      }
      std::string level = e.exposure == Exposure::kInternet ? "internet" : "network";
      result_.workflows[r.workflow].facts.emplace_back("nodered.reach." + std::string(r.id),
                                                       level + "\t" + via);
    }
  }

  std::shared_ptr<const core::Document> doc_;
  const SiblingReader* siblings_;
  model::ImportResult result_;
  nodered::RuntimeSettings settings_;
  std::vector<Item> items_;
  bool api_tab_ = false;
  std::string version_;
  std::vector<Flow> flows_;
  std::unordered_map<std::string_view, size_t> flow_by_id_;
  std::unordered_map<std::string_view, ValueRef> subflow_items_;
  std::vector<RawNode> raws_;
  std::unordered_map<std::string_view, size_t> raw_by_id_;
  size_t loose_count_ = 0;
};

}  // namespace

bool LooksLikeNodeRed(const ValueRef& root) {
  if (root.is_array()) {
    if (root.size() == 0) return false;
    // The first element and most of the first few are node objects, and at
    // least one element is unmistakably Node-RED's (config nodes alone have
    // neither wires nor z).
    if (!IsNodeObject(root.at(0))) return false;
    size_t objects = 0;
    size_t seen = 0;
    for (; seen < root.size() && seen < 8; ++seen) objects += IsNodeObject(root.at(seen));
    if (objects * 2 < seen) return false;
    for (size_t i = 0; i < root.size(); ++i) {
      if (IsNodeRedNode(root.at(i))) return true;
    }
    return false;
  }
  if (!root.is_object()) return false;
  ValueRef flows = root["flows"];
  if (flows.is_array()) {
    return (flows.size() == 0 && root["rev"].is_string()) || IsNodeRedNode(flows.at(0));
  }
  if (root["nodes"].is_array() && (root["label"].is_string() || root["configs"].is_array())) {
    return root["nodes"].size() == 0 || IsNodeRedNode(root["nodes"].at(0));
  }
  if (root["id"].str() == "global" && root["configs"].is_array()) return true;
  return IsNodeObject(root) && root["wires"].is_array() && IsNodeRedNode(root);
}

model::ImportResult ImportNodeRed(std::shared_ptr<const core::Document> doc,
                                  const SiblingReader* siblings) {
  return FlowReader(std::move(doc), siblings).Run();
}

bool ReadNodeRedCompanion(const core::SourceFile& file, const core::Document* doc,
                          model::ImportResult* out) {
  std::string kind;
  if (doc == nullptr) {
    if (!nodered::LooksLikeSettingsScript(file.bytes())) return false;
    kind = "Node-RED runtime settings script";
  } else {
    kind = nodered::CompanionKind(doc->root());
    if (kind.empty()) return false;
  }
  *out = model::ImportResult{};
  out->warnings.push_back(core::Diagnostic{
      file.name(), 1, 1,
      kind + ": not a flow export; settings and keys are read with the flow files in the same "
             "folder (or pass settings with --nodered-settings)"});
  // Credentials stored in clear text (credentialSecret: false) are secrets
  // written into a file that travels with the flows. The caller, which owns
  // the document, sets ConfigValues::document.
  if (doc != nullptr && kind.find("unencrypted") != std::string::npos) {
    model::ConfigValues config;
    config.platform = model::Platform::kNodeRed;
    config.what = "unencrypted Node-RED credentials file";
    config.source = model::SourceRef{doc->root(), ""};
    out->config.push_back(std::move(config));
  }
  return true;
}

}  // namespace fw::ingest
