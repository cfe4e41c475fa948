#include "ingest/nodered/nodered_importer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "ingest/ingest.h"
#include "ingest/nodered/settings.h"
#include "ingest/nodered/settings_script.h"

using fw::model::Exposure;
using fw::model::ImportResult;
using fw::model::NodeRole;
using fw::model::Workflow;

namespace {

// Companion files from memory, keyed by the relative name asked for.
class MapSiblings final : public fw::ingest::SiblingReader {
 public:
  explicit MapSiblings(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  std::shared_ptr<const fw::core::SourceFile> Read(const fw::core::SourceFile&,
                                                   std::string_view relative) const override {
    auto it = files_.find(std::string(relative));
    if (it == files_.end()) return nullptr;
    std::string name = relative == fw::ingest::kSettingsArgument ? "conf/settings.js" : it->first;
    return std::make_shared<fw::core::SourceFile>(name, it->second);
  }

 private:
  std::map<std::string, std::string> files_;
};

ImportResult Import(const std::string& text, const std::string& name = "flows.json",
                    const fw::ingest::SiblingReader* siblings = nullptr) {
  return fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>(name, text), siblings);
}

const Workflow* FindWorkflow(const ImportResult& r, std::string_view name) {
  for (const auto& wf : r.workflows) {
    if (wf.name == name) return &wf;
  }
  return nullptr;
}

const fw::model::Node* FindNode(const Workflow& wf, std::string_view id) {
  for (const auto& n : wf.nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

// Two tabs, a link across them, a shared MQTT broker with TLS settings, an
// unused config node and a node without a name.
const char* kFlows = R"([
  {"id": "t1", "type": "tab", "label": "API", "disabled": false, "info": "Public API"},
  {"id": "t2", "type": "tab", "label": "Workers", "disabled": false, "info": ""},
  {"id": "n1", "type": "http in", "z": "t1", "name": "", "url": "/run", "method": "post",
   "x": 100, "y": 100, "wires": [["n2", "n3"]]},
  {"id": "n2", "type": "function", "z": "t1", "name": "Check", "func": "return msg;",
   "outputs": 2, "x": 300, "y": 100, "wires": [["n4"], []]},
  {"id": "n3", "type": "http response", "z": "t1", "name": "", "x": 300, "y": 160, "wires": []},
  {"id": "n4", "type": "link out", "z": "t1", "name": "", "mode": "link", "links": ["n5"],
   "x": 500, "y": 100, "wires": []},
  {"id": "n5", "type": "link in", "z": "t2", "name": "jobs", "links": ["n4"],
   "x": 100, "y": 100, "wires": [["n6"]]},
  {"id": "n6", "type": "exec", "z": "t2", "name": "Run job", "command": "job.sh", "addpay": true,
   "x": 300, "y": 100, "wires": [["n7"], [], []]},
  {"id": "n7", "type": "mqtt out", "z": "t2", "name": "", "topic": "jobs/done", "broker": "b1",
   "x": 500, "y": 100, "wires": []},
  {"id": "n8", "type": "mqtt in", "z": "t1", "name": "Events", "topic": "ev/#", "broker": "b1",
   "x": 100, "y": 200, "wires": [["n2"]]},
  {"id": "n9", "type": "comment", "z": "t1", "name": "See README", "info": "", "x": 100, "y": 20,
   "wires": []},
  {"id": "b1", "type": "mqtt-broker", "name": "Broker", "broker": "mq.example-plant.com",
   "port": "8883", "usetls": true, "tls": "c1", "credentials": {"user": "svc", "password": ""}},
  {"id": "c1", "type": "tls-config", "name": "", "verifyservercert": false},
  {"id": "u1", "type": "http proxy", "name": "Old proxy", "url": "http://proxy.corp.example:3128"}
])";

}  // namespace

TEST(NodeRedImporter, DetectsFormats) {
  auto parse = [](const char* text) {
    auto src = std::make_shared<fw::core::SourceFile>("f.json", text);
    return fw::core::Document::ParseJson(src).value();
  };
  EXPECT_TRUE(fw::ingest::LooksLikeNodeRed(parse(kFlows)->root()));
  EXPECT_TRUE(fw::ingest::LooksLikeNodeRed(parse(R"({"flows": [], "rev": "1"})")->root()));
  EXPECT_TRUE(fw::ingest::LooksLikeNodeRed(
      parse(R"({"id": "a", "type": "inject", "z": "t", "wires": [[]]})")->root()));
  EXPECT_TRUE(fw::ingest::LooksLikeNodeRed(
      parse(R"({"id": "t", "label": "L", "nodes": [{"id": "a", "type": "inject", "z": "t",
                "wires": []}], "configs": []})")
          ->root()));
  EXPECT_FALSE(fw::ingest::LooksLikeNodeRed(parse(R"([])")->root()));
  EXPECT_FALSE(fw::ingest::LooksLikeNodeRed(parse(R"([{"id": "a", "type": "x"}])")->root()));
  EXPECT_FALSE(fw::ingest::LooksLikeNodeRed(parse(R"([{"name": "a"}])")->root()));
  EXPECT_FALSE(fw::ingest::LooksLikeNodeRed(
      parse(R"({"name": "n8n", "nodes": [], "connections": {}})")->root()));
}

TEST(NodeRedImporter, OneWorkflowPerTabWithRolesAndConnections) {
  auto r = Import(kFlows);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].ToString();
  EXPECT_TRUE(r.warnings.empty()) << r.warnings[0].ToString();
  // API, Workers, and the unused proxy config.
  ASSERT_EQ(r.workflows.size(), 3u);
  const Workflow& api = r.workflows[0];
  EXPECT_EQ(api.platform, fw::model::Platform::kNodeRed);
  EXPECT_EQ(api.id, "t1");
  EXPECT_EQ(api.name, "API");
  EXPECT_EQ(api.description, "Public API");
  EXPECT_TRUE(api.active);
  EXPECT_EQ(api.Fact("nodered.kind"), "tab");
  EXPECT_EQ(api.Fact("nodered.settings"), "none");
  EXPECT_EQ(api.Fact("nodered.httpNodeAuth"), "unknown");

  const auto* http = FindNode(api, "n1");
  ASSERT_NE(http, nullptr);
  EXPECT_EQ(http->name, "[post] /run");
  EXPECT_EQ(http->role, NodeRole::kEntryPoint);
  EXPECT_EQ(http->exposure, Exposure::kInternet);
  EXPECT_EQ(http->auth, "");  // no settings: unknown
  EXPECT_EQ(http->source.pointer, "/2");
  EXPECT_EQ(http->source.value.position().line, 4u);
  EXPECT_EQ(http->source.value.position().column, 3u);
  EXPECT_EQ(http->parameters["url"].str(), "/run");

  EXPECT_EQ(FindNode(api, "n2")->role, NodeRole::kCode);
  EXPECT_EQ(FindNode(api, "n9")->role, NodeRole::kAnnotation);
  const auto* mqtt_in = FindNode(api, "n8");
  EXPECT_EQ(mqtt_in->exposure, Exposure::kThirdParty);
  EXPECT_EQ(mqtt_in->connector, "mqtt");
  ASSERT_EQ(mqtt_in->credentials.size(), 1u);
  EXPECT_EQ(mqtt_in->credentials[0].type, "mqtt-broker");
  EXPECT_EQ(mqtt_in->credentials[0].id, "b1");
  EXPECT_EQ(mqtt_in->credentials[0].source.pointer, "/9/broker");

  // Config nodes join the workflows that use them, transitively.
  EXPECT_NE(FindNode(api, "b1"), nullptr);
  EXPECT_NE(FindNode(api, "c1"), nullptr);
  EXPECT_EQ(FindNode(api, "u1"), nullptr);

  // Wires: n1 -> n2, n1 -> n3 (port 0), n2 -> n4 (port 0), n8 -> n2.
  ASSERT_EQ(api.connections.size(), 4u);
  const auto& c0 = api.connections[0];
  EXPECT_EQ(api.nodes[c0.from].id, "n1");
  EXPECT_EQ(api.nodes[c0.to].id, "n2");
  EXPECT_EQ(c0.type, "main");
  EXPECT_EQ(c0.output_index, 0u);
  EXPECT_EQ(c0.source.pointer, "/2/wires/0/0");
  EXPECT_EQ(c0.source.value.position().line, 5u);

  const Workflow& workers = r.workflows[1];
  EXPECT_EQ(workers.name, "Workers");
  EXPECT_TRUE(workers.active);
  // The link in fed from another tab is an internal entry point.
  const auto* link_in = FindNode(workers, "n5");
  EXPECT_EQ(link_in->role, NodeRole::kEntryPoint);
  EXPECT_EQ(link_in->exposure, Exposure::kInternal);
  // The exec node is reachable from the http in node on the other tab.
  EXPECT_EQ(workers.Fact("nodered.reach.n6"), "internet\thttp in '[post] /run' on 'API'");
  EXPECT_EQ(api.Fact("nodered.reach.n2"), "internet\thttp in '[post] /run'");
  EXPECT_EQ(FindNode(workers, "n7")->role, NodeRole::kConnector);

  const Workflow& unused = r.workflows[2];
  EXPECT_EQ(unused.name, "flows (unused configuration)");
  EXPECT_EQ(unused.Fact("nodered.kind"), "unused-configuration");
  ASSERT_EQ(unused.nodes.size(), 1u);
  EXPECT_EQ(unused.nodes[0].id, "u1");
  ASSERT_EQ(unused.hosts.size(), 1u);
  EXPECT_EQ(unused.hosts[0].host, "proxy.corp.example");

  // The broker host, written without a scheme.
  bool broker_host = false;
  for (const auto& h : api.hosts) {
    if (h.host == "mq.example-plant.com" && h.scheme == "mqtts") broker_host = true;
  }
  EXPECT_TRUE(broker_host);
}

TEST(NodeRedImporter, DisabledTabDisablesItsNodes) {
  auto r = Import(R"([
    {"id": "t", "type": "tab", "label": "Old", "disabled": true},
    {"id": "a", "type": "http in", "z": "t", "url": "/x", "method": "get", "x": 1, "y": 1,
     "wires": [["b"]]},
    {"id": "b", "type": "exec", "z": "t", "command": "ls", "x": 1, "y": 1, "wires": [[], [], []]}
  ])");
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_FALSE(r.workflows[0].active);
  EXPECT_TRUE(r.workflows[0].nodes[0].disabled);
  EXPECT_TRUE(r.workflows[0].nodes[1].disabled);
  EXPECT_EQ(r.workflows[0].Fact("nodered.reach.b"), "");
}

TEST(NodeRedImporter, SubflowsAndNodesWithoutTab) {
  const char* text = R"([
    {"id": "sf", "type": "subflow", "name": "Parse", "in": [{"x": 1, "y": 1, "wires": [{"id": "f1"}]}],
     "out": [{"x": 1, "y": 1, "wires": [{"id": "f1", "port": 0}]}], "env": []},
    {"id": "f1", "type": "function", "z": "sf", "func": "return msg;", "x": 1, "y": 1, "wires": [[]]},
    {"id": "w1", "type": "websocket in", "z": "gone", "server": "l1", "client": "", "x": 1, "y": 1,
     "wires": [["i1"]]},
    {"id": "i1", "type": "subflow:sf", "z": "gone", "x": 1, "y": 1, "wires": [["fw"]]},
    {"id": "fw", "type": "file", "z": "gone", "filename": "", "x": 1, "y": 1, "wires": [[]]},
    {"id": "l1", "type": "websocket-listener", "path": "/ws"}
  ])";
  auto r = Import(text, "exports/line 4.json");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 2u);
  const Workflow& sub = r.workflows[0];
  EXPECT_EQ(sub.name, "Parse (subflow)");
  EXPECT_EQ(sub.Fact("nodered.kind"), "subflow");
  EXPECT_EQ(sub.Fact("nodered.reach.f1"), "internet\twebsocket in '/ws' on 'line 4'");
  const Workflow& loose = r.workflows[1];
  EXPECT_EQ(loose.name, "line 4");
  EXPECT_EQ(loose.id, "gone");
  EXPECT_EQ(loose.Fact("nodered.kind"), "nodes-without-tab");
  const auto* ws = FindNode(loose, "w1");
  EXPECT_EQ(ws->exposure, Exposure::kInternet);
  EXPECT_EQ(FindNode(loose, "i1")->role, NodeRole::kStep);
  // The file node after the subflow instance is reached through the
  // subflow's output port.
  EXPECT_EQ(loose.Fact("nodered.reach.fw"), "internet\twebsocket in '/ws'");
  EXPECT_EQ(FindNode(loose, "fw")->role, NodeRole::kDataStore);
}

TEST(NodeRedImporter, AdminApiShapes) {
  auto v2 = Import(R"({"rev": "abc123", "flows": [
      {"id": "t", "type": "tab", "label": "Main"},
      {"id": "a", "type": "inject", "z": "t", "x": 1, "y": 1, "wires": [["b"]]},
      {"id": "b", "type": "debug", "z": "t", "x": 1, "y": 1, "wires": []}]})");
  ASSERT_TRUE(v2.errors.empty());
  ASSERT_EQ(v2.workflows.size(), 1u);
  EXPECT_EQ(v2.workflows[0].version_id, "abc123");
  EXPECT_EQ(v2.workflows[0].nodes[0].source.pointer, "/flows/1");
  EXPECT_EQ(v2.workflows[0].nodes[0].exposure, Exposure::kInternal);
  EXPECT_EQ(v2.workflows[0].connections.size(), 1u);

  auto single = Import(R"({"id": "t9", "label": "One flow", "nodes": [
      {"id": "a", "type": "http in", "z": "t9", "url": "/x", "method": "get", "x": 1, "y": 1,
       "wires": []}], "configs": [{"id": "c", "type": "tls-config", "z": "t9"}]})");
  ASSERT_TRUE(single.errors.empty());
  ASSERT_EQ(single.workflows.size(), 1u);
  EXPECT_EQ(single.workflows[0].name, "One flow");
  ASSERT_EQ(single.workflows[0].nodes.size(), 2u);
  EXPECT_EQ(single.workflows[0].nodes[1].source.pointer, "/configs/0");

  auto node = Import(R"({"id": "a", "type": "exec", "z": "t", "command": "ls", "x": 1, "y": 1,
                        "wires": [[], [], []]})",
                     "node.json");
  ASSERT_TRUE(node.errors.empty());
  ASSERT_EQ(node.workflows.size(), 1u);
  EXPECT_EQ(node.workflows[0].nodes[0].source.pointer, "");
  EXPECT_EQ(node.workflows[0].nodes[0].role, NodeRole::kCode);
}

TEST(NodeRedImporter, MalformedInputGivesDiagnostics) {
  auto broken =
      Import("[{\"id\": \"a\", \"type\": \"inject\", \"z\": \"t\",\n  \"wires\": [[\"b\"]] ");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].file, "flows.json");
  EXPECT_EQ(broken.errors[0].line, 2u);
  EXPECT_TRUE(broken.workflows.empty());

  auto r = Import(R"([
    {"id": "a", "type": "inject", "z": "t", "x": 1, "y": 1, "wires": [["nowhere", 7]]},
    {"id": "a", "type": "debug", "z": "t", "x": 1, "y": 1, "wires": []},
    {"type": "debug", "z": "t", "x": 1, "y": 1, "wires": []},
    {"id": "c", "type": "", "z": "t", "wires": []},
    {"id": "d", "type": "change", "z": "t", "x": 1, "y": 1, "wires": "oops"},
    {"id": "e", "type": "link out", "z": "t", "x": 1, "y": 1, "links": ["zzz"], "wires": []}
  ])");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  std::vector<std::string> messages;
  for (const auto& w : r.warnings) messages.push_back(w.ToString());
  ASSERT_EQ(messages.size(), 7u) << ::testing::PrintToString(messages);
  EXPECT_NE(messages[0].find("duplicate node id 'a'"), std::string::npos);
  EXPECT_NE(messages[1].find("without an \"id\""), std::string::npos);
  EXPECT_NE(messages[2].find("without a \"type\""), std::string::npos);
  EXPECT_NE(messages[3].find("expected \"wires\" to be an array"), std::string::npos);
  EXPECT_NE(messages[4].find("wire to unknown node 'nowhere'"), std::string::npos);
  EXPECT_EQ(messages[4].rfind("flows.json:2:", 0), 0u);
  EXPECT_NE(messages[5].find("expected a node id string"), std::string::npos);
  EXPECT_NE(messages[6].find("link to unknown node 'zzz'"), std::string::npos);

  auto elements = Import(R"([{"id": "a", "type": "inject", "z": "t", "wires": []},
                             {"id": "b", "type": "debug", "z": "t", "wires": []}, 5, "x"])");
  ASSERT_TRUE(elements.errors.empty());
  EXPECT_EQ(elements.warnings.size(), 2u);
}

TEST(NodeRedSettings, ScriptScannerReadsObjectLiteral) {
  const char* script = R"(// settings
const path = require('path');
/* module.exports = { decoy: true } */
var s = "module.exports = {fake: 1}";
module.exports = {
    uiPort: process.env.PORT || 1880,
    'flowFile': "flows.json",
    credentialSecret: `tpl-secret`,
    other: `x${y}`,
    enabled: true, off: false, nothing: null, undef: undefined,
    hex: 0x1F, neg: -2.5e1,
    list: [1, 'two', {three: 3},],
    re: /a[/]b/g,
    nested: { deep: { deeper: "yes" } },
    fn: function (req, res, next) { if (a) { next(); } },
    arrow: (x) => { return {a: 1}; },
    method(a) { return a + "}"; },
    get value() { return 1; },
    shorthand,
    ...spread,
    dup: 1,
    dup: 2,
    last: "ok", // trailing comma
}
)";
  auto file = std::make_shared<fw::core::SourceFile>("settings.js", script);
  std::string error;
  size_t offset = 0;
  auto s = fw::ingest::nodered::ScanSettingsScript(file, &error, &offset);
  ASSERT_TRUE(s.document) << error;
  EXPECT_EQ(error, "");
  auto root = s.document->root();
  ASSERT_TRUE(root.is_object());
  EXPECT_FALSE(root["decoy"].valid());
  EXPECT_FALSE(root["fake"].valid());
  EXPECT_TRUE(s.IsUnknown(root["uiPort"]));
  EXPECT_EQ(root["uiPort"].str(), "process.env.PORT || 1880");
  EXPECT_EQ(root["flowFile"].str(), "flows.json");
  EXPECT_EQ(root["credentialSecret"].str(), "tpl-secret");
  EXPECT_FALSE(s.IsUnknown(root["credentialSecret"]));
  EXPECT_TRUE(s.IsUnknown(root["other"]));
  EXPECT_TRUE(root["enabled"].boolean(false));
  EXPECT_TRUE(root["off"].is_bool());
  EXPECT_TRUE(root["nothing"].is_null());
  EXPECT_TRUE(root["undef"].is_null());
  EXPECT_EQ(root["hex"].number(), 31);
  EXPECT_EQ(root["neg"].number(), -25);
  ASSERT_EQ(root["list"].size(), 3u);
  EXPECT_EQ(root["list"].at(2)["three"].number(), 3);
  EXPECT_TRUE(s.IsUnknown(root["re"]));
  EXPECT_EQ(root["nested"]["deep"]["deeper"].str(), "yes");
  EXPECT_TRUE(s.IsUnknown(root["fn"]));
  EXPECT_TRUE(s.IsUnknown(root["arrow"]));
  EXPECT_TRUE(s.IsUnknown(root["method"]));
  EXPECT_TRUE(s.IsUnknown(root["value"]));
  EXPECT_TRUE(s.IsUnknown(root["shorthand"]));
  EXPECT_EQ(root["dup"].number(), 2);
  EXPECT_EQ(root["last"].str(), "ok");
  // Positions point into the script.
  EXPECT_EQ(root.position().line, 5u);
  EXPECT_EQ(root["credentialSecret"].position().line, 8u);
  EXPECT_EQ(root["credentialSecret"].position().column, 23u);
}

TEST(NodeRedSettings, ScriptScannerAliasAndErrors) {
  std::string error;
  size_t offset = 0;
  auto alias = fw::ingest::nodered::ScanSettingsScript(
      std::make_shared<fw::core::SourceFile>("s.js",
                                             "var settings = {adminAuth: {type: 'credentials'}};\n"
                                             "module.exports = settings;\n"),
      &error, &offset);
  ASSERT_TRUE(alias.document) << error;
  EXPECT_EQ(alias.document->root()["adminAuth"]["type"].str(), "credentials");

  auto none = fw::ingest::nodered::ScanSettingsScript(
      std::make_shared<fw::core::SourceFile>("s.js", "console.log('hi')"), &error, &offset);
  EXPECT_FALSE(none.document);
  EXPECT_NE(error.find("module.exports"), std::string::npos);

  auto call = fw::ingest::nodered::ScanSettingsScript(
      std::make_shared<fw::core::SourceFile>("s.js", "module.exports = require('./x');"), &error,
      &offset);
  EXPECT_FALSE(call.document);
  EXPECT_NE(error.find("not set to an object literal"), std::string::npos);

  // Unterminated: what was read is kept, the error says where it stopped.
  auto cut = fw::ingest::nodered::ScanSettingsScript(
      std::make_shared<fw::core::SourceFile>("s.js", "module.exports = {\n  uiPort: 1880,\n  a: {"),
      &error, &offset);
  ASSERT_TRUE(cut.document);
  EXPECT_EQ(cut.document->root()["uiPort"].number(), 1880);
  EXPECT_NE(error.find("expected '}'"), std::string::npos);
}

TEST(NodeRedSettings, SettingsBesideFlowsBecomeFactsAndARuntimeWorkflow) {
  MapSiblings siblings({{"settings.js", R"(module.exports = {
    uiHost: "127.0.0.1",
    credentialSecret: "hunter2-but-longer",
    httpNodeAuth: {user: process.env.NR_USER, pass: process.env.NR_PASS},
    httpAdminRoot: '/admin',
    functionGlobalContext: { os: require('os'), cp: require('child_process') },
})"},
                        {".config.runtime.json", R"({"_credentialSecret": "abcd"})"}});
  auto r = Import(R"([{"id": "a", "type": "http in", "z": "t", "url": "/u", "method": "get",
                       "x": 1, "y": 1, "wires": []}])",
                  "flows.json", &siblings);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 2u);
  const Workflow& flow = r.workflows[0];
  EXPECT_EQ(flow.Fact("nodered.settings"), "settings.js");
  EXPECT_EQ(flow.Fact("nodered.httpNodeAuth"), "set");
  EXPECT_EQ(flow.Fact("nodered.adminAuth"), "unset");
  EXPECT_EQ(flow.Fact("nodered.credentialSecret"), "literal");
  EXPECT_EQ(flow.Fact("nodered.httpAdminRoot"), "/admin");
  EXPECT_EQ(flow.Fact("nodered.functionGlobalContext"), "os,cp");
  EXPECT_EQ(flow.nodes[0].auth, "basicAuth");

  const Workflow& runtime = r.workflows[1];
  EXPECT_EQ(runtime.file, "settings.js");
  EXPECT_EQ(runtime.name, "Node-RED runtime (settings.js)");
  EXPECT_EQ(runtime.Fact("nodered.kind"), "runtime");
  ASSERT_EQ(runtime.nodes.size(), 1u);
  EXPECT_EQ(runtime.nodes[0].type, "nodered-editor");
  EXPECT_EQ(runtime.nodes[0].auth, "none");
  EXPECT_EQ(runtime.nodes[0].exposure, Exposure::kInternal);  // uiHost is loopback
  EXPECT_EQ(runtime.nodes[0].source.pointer, "/httpAdminRoot");
  EXPECT_EQ(runtime.nodes[0].source.value.position().line, 5u);
}

TEST(NodeRedSettings, CommandLineSettingsWinAndGeneratedKeyIsNoted) {
  MapSiblings siblings({{std::string(fw::ingest::kSettingsArgument),
                         R"({"adminAuth": {"type": "strategy"}, "httpNodeAuth": null})"},
                        {"settings.js", "module.exports = { adminAuth: null }"},
                        {".config.runtime.json", R"({"_credentialSecret": "abcd"})"}});
  auto r = Import(R"([{"id": "a", "type": "ui_button", "z": "t", "x": 1, "y": 1, "wires": []}])",
                  "flows.json", &siblings);
  ASSERT_EQ(r.workflows.size(), 2u);
  const Workflow& flow = r.workflows[0];
  EXPECT_EQ(flow.Fact("nodered.settings"), "conf/settings.js");
  EXPECT_EQ(flow.Fact("nodered.adminAuth"), "set");
  EXPECT_EQ(flow.Fact("nodered.adminAuth.type"), "strategy");
  EXPECT_EQ(flow.Fact("nodered.httpNodeAuth"), "unset");
  EXPECT_EQ(flow.Fact("nodered.credentialSecret"), "generated");
  EXPECT_EQ(flow.Fact("nodered.credentialSecret.file"), ".config.runtime.json");
  EXPECT_EQ(flow.nodes[0].role, NodeRole::kEntryPoint);
  EXPECT_EQ(flow.nodes[0].exposure, Exposure::kInternet);
  EXPECT_EQ(flow.nodes[0].auth, "none");
  EXPECT_EQ(r.workflows[1].nodes[0].auth, "strategy");
}

TEST(NodeRedSettings, BrokenSettingsScriptIsAWarning) {
  MapSiblings siblings(
      std::map<std::string, std::string>{{"settings.js", "module.exports = loadSettings();"}});
  auto r = Import(R"([{"id": "a", "type": "inject", "z": "t", "x": 1, "y": 1, "wires": []}])",
                  "flows.json", &siblings);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].file, "settings.js");
  EXPECT_NE(r.warnings[0].message.find("not set to an object literal"), std::string::npos);
  EXPECT_EQ(r.workflows[0].Fact("nodered.httpNodeAuth"), "unknown");
}

TEST(NodeRedSettings, CompanionFilesAreRecognisedNotErrors) {
  for (const char* text :
       {R"({"uiPort": 1880, "flowFile": "flows.json"})", R"({"$": "4f2a9c0e"})",
        R"({"_credentialSecret": "abcd", "instanceId": "x"})",
        R"({"3f1c0a9b8d7e6f50": {"user": "u", "password": "p"}})",
        R"({"node-red": {"name": "node-red", "version": "3.1.0", "nodes": {}}})"}) {
    auto r = Import(text, "companion.json");
    EXPECT_TRUE(r.errors.empty()) << text;
    EXPECT_TRUE(r.workflows.empty()) << text;
    ASSERT_EQ(r.warnings.size(), 1u) << text;
    EXPECT_NE(r.warnings[0].message.find("not a flow export"), std::string::npos);
  }
  auto js = Import("// settings\nmodule.exports = {\n  uiPort: 1880,\n}\n", "settings.js");
  EXPECT_TRUE(js.errors.empty());
  EXPECT_EQ(js.warnings.size(), 1u);
  // Other JSON objects stay unrecognised.
  auto other = Import(R"({"abc": {"user": "u"}})", "other.json");
  EXPECT_EQ(other.errors.size(), 1u);
}
