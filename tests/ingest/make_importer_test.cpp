#include "ingest/make/make_importer.h"

#include <gtest/gtest.h>

#include "analysis/check.h"
#include "ingest/ingest.h"

using fw::model::Exposure;
using fw::model::ImportResult;
using fw::model::NodeRole;
using fw::model::Platform;

namespace {

ImportResult Import(const std::string& text, const std::string& name = "bp.json") {
  return fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>(name, text));
}

std::vector<std::string> Rules(const ImportResult& r) {
  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(r.workflows, findings);
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const char* kBlueprint = R"({
  "name": "Lead intake",
  "flow": [
    {"id": 1, "module": "gateway:CustomWebHook", "version": 1,
     "parameters": {"hook": 991, "maxResults": 1}, "mapper": {},
     "metadata": {"designer": {"x": 0, "y": 0}}},
    {"id": 2, "module": "builtin:BasicRouter", "version": 1, "routes": [
      {"flow": [
        {"id": 3, "module": "google-sheets:addRow", "version": 2,
         "parameters": {"__IMTCONN__": 4455},
         "mapper": {"values": {"0": "{{1.email}}"}},
         "metadata": {"designer": {"name": "Save lead"},
                      "restore": {"parameters": {"__IMTCONN__": {
                        "data": {"connection": "google"}, "label": "Ops Google"}}}}}
      ]},
      {"flow": [
        {"id": 4, "module": "http:ActionSendData", "version": 3,
         "parameters": {"handleErrors": true},
         "mapper": {"url": "https://api.example.com/leads", "method": "post"},
         "onerror": [
           {"id": 6, "module": "slack:CreateMessage", "parameters": {"__IMTCONN__": 12},
            "mapper": {"text": "failed"}},
           {"id": 7, "module": "builtin:Ignore"}
         ]},
        {"id": 5, "module": "code:ExecuteCode", "version": 0, "parameters": {},
         "mapper": {"language": "javascript", "codeEditorJavascript": "return {};"}}
      ]}
    ]}
  ],
  "metadata": {"instant": true, "version": 1, "zone": "eu1.make.com",
               "scenario": {"roundtrips": 1, "maxErrors": 3, "confidential": false, "dlq": false}}
})";

}  // namespace

TEST(MakeImporter, ReadsModulesRoutesAndErrorHandlers) {
  auto r = Import(kBlueprint);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].ToString();
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.platform, Platform::kMake);
  EXPECT_EQ(wf.name, "Lead intake");
  ASSERT_EQ(wf.nodes.size(), 7u);

  const auto& hook = wf.nodes[0];
  EXPECT_EQ(hook.type, "gateway:CustomWebHook");
  EXPECT_EQ(hook.id, "1");
  EXPECT_EQ(hook.role, NodeRole::kEntryPoint);
  EXPECT_EQ(hook.exposure, Exposure::kInternet);
  EXPECT_EQ(hook.auth, "none");
  EXPECT_EQ(hook.webhook_id, "991");
  EXPECT_EQ(hook.source.pointer, "/flow/0");

  EXPECT_EQ(wf.nodes[1].role, NodeRole::kStep);
  EXPECT_TRUE(wf.nodes[1].connector.empty());

  const auto& sheet = wf.nodes[2];
  EXPECT_EQ(sheet.name, "Save lead");
  EXPECT_EQ(sheet.source.pointer, "/flow/1/routes/0/flow/0");
  EXPECT_EQ(sheet.role, NodeRole::kDataStore);
  EXPECT_EQ(sheet.connector, "google-sheets");
  ASSERT_EQ(sheet.credentials.size(), 1u);
  EXPECT_EQ(sheet.credentials[0].id, "4455");
  EXPECT_EQ(sheet.credentials[0].type, "google");
  EXPECT_EQ(sheet.credentials[0].name, "Ops Google");
  EXPECT_EQ(sheet.credentials[0].source.pointer, "/flow/1/routes/0/flow/0/parameters/__IMTCONN__");

  const auto& http = wf.nodes[3];
  EXPECT_EQ(http.name, "http:ActionSendData (4)");
  EXPECT_EQ(http.role, NodeRole::kConnector);
  EXPECT_EQ(http.connector, "http");
  EXPECT_EQ(http.on_error, "Ignore");
  EXPECT_EQ(http.type_version, 3);
  // parameters holds parameters, mapper (and filter) of the module.
  EXPECT_EQ(http.parameters["mapper"]["url"].str(), "https://api.example.com/leads");
  EXPECT_TRUE(http.parameters["parameters"]["handleErrors"].boolean());
  EXPECT_FALSE(http.parameters["onerror"].valid());

  EXPECT_EQ(wf.nodes[4].source.pointer, "/flow/1/routes/1/flow/0/onerror/0");
  EXPECT_EQ(wf.nodes[5].type, "builtin:Ignore");
  EXPECT_EQ(wf.nodes[6].role, NodeRole::kCode);
  EXPECT_EQ(wf.nodes[6].source.pointer, "/flow/1/routes/1/flow/1");

  // webhook -> router, router -> each route, http -> error handler -> ignore, http -> code
  std::vector<std::tuple<uint32_t, uint32_t, std::string, uint32_t>> expected = {
      {0, 1, "main", 0},  {1, 2, "main", 0}, {1, 3, "main", 1},
      {3, 4, "error", 0}, {4, 5, "main", 0}, {3, 6, "main", 0}};
  ASSERT_EQ(wf.connections.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& c = wf.connections[i];
    EXPECT_EQ(c.from, std::get<0>(expected[i])) << i;
    EXPECT_EQ(c.to, std::get<1>(expected[i])) << i;
    EXPECT_EQ(c.type, std::get<2>(expected[i])) << i;
    EXPECT_EQ(c.output_index, std::get<3>(expected[i])) << i;
  }

  ASSERT_EQ(wf.hosts.size(), 1u);
  EXPECT_EQ(wf.hosts[0].host, "api.example.com");
  EXPECT_EQ(wf.hosts[0].source.pointer, "/flow/1/routes/1/flow/0/mapper/url");
  EXPECT_EQ(wf.Fact("make.instant"), "true");
  EXPECT_EQ(wf.Fact("make.zone"), "eu1.make.com");
  EXPECT_EQ(wf.Fact("make.trigger"), "webhook");
  EXPECT_EQ(wf.Fact("make.scenario.maxErrors"), "3");

  // Positions come from the file.
  auto pos = http.parameters["mapper"]["url"].position();
  EXPECT_EQ(pos.line, 19u);
  EXPECT_EQ(wf.nodes[2].source.value.position().line, 9u);
}

TEST(MakeImporter, FindingsOnTheBlueprint) {
  auto rules = Rules(Import(kBlueprint));
  EXPECT_TRUE(Has(rules, "make.webhook.no-auth"));
  EXPECT_TRUE(Has(rules, "make.code.execution"));
  EXPECT_FALSE(Has(rules, "make.http.url-from-input"));
  EXPECT_FALSE(Has(rules, "transport.plaintext-http"));
}

TEST(MakeImporter, FilterCheckingAKeyCountsAsAuthentication) {
  const char* bp = R"({"name": "Hook", "flow": [
    {"id": 1, "module": "gateway:CustomWebHook", "parameters": {"hook": 1}},
    {"id": 2, "module": "http:ActionSendData",
     "filter": {"name": "key", "conditions": [[
       {"a": "{{1.`x-api-key`}}", "b": "k-93f1c0", "o": "text:equal"}]]},
     "mapper": {"url": "https://api.example.com"}}
  ]})";
  auto r = Import(bp);
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_EQ(r.workflows[0].nodes[0].auth, "filter-key-check");
  EXPECT_EQ(r.workflows[0].Fact("make.webhook.key-check"), "{{1.`x-api-key`}} text:equal");
  EXPECT_FALSE(Has(Rules(r), "make.webhook.no-auth"));

  // A filter on routing data, or an OR branch without the key, is no check.
  const char* weak = R"({"name": "Hook", "flow": [
    {"id": 1, "module": "gateway:CustomWebHook", "parameters": {"hook": 1}},
    {"id": 2, "module": "http:ActionSendData",
     "filter": {"name": "key", "conditions": [
       [{"a": "{{1.`x-api-key`}}", "b": "k-93f1c0", "o": "text:equal"}],
       [{"a": "{{1.action}}", "b": "ping", "o": "text:equal"}]]},
     "mapper": {"url": "https://api.example.com"}}
  ]})";
  auto w = Import(weak);
  EXPECT_EQ(w.workflows[0].nodes[0].auth, "none");
  EXPECT_TRUE(Has(Rules(w), "make.webhook.no-auth"));
}

TEST(MakeImporter, TriggersAndApiWrapper) {
  const char* api = R"({"code": "OK", "response": {
    "blueprint": {"name": "Sync", "flow": [
      {"id": 1, "module": "google-sheets:watchRows", "parameters": {"__IMTCONN__": 5}},
      {"id": 2, "module": "http:ActionSendData",
       "mapper": {"url": "{{1.`3`}}/api", "rejectUnauthorized": false}}
    ], "metadata": {"instant": false}},
    "scheduling": {"type": "indefinitely", "interval": 900}}})";
  auto r = Import(api);
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.source.pointer, "/response/blueprint");
  EXPECT_EQ(wf.nodes[0].source.pointer, "/response/blueprint/flow/0");
  EXPECT_EQ(wf.nodes[0].role, NodeRole::kEntryPoint);
  EXPECT_EQ(wf.nodes[0].exposure, Exposure::kThirdParty);
  EXPECT_EQ(wf.Fact("make.trigger"), "polling");
  EXPECT_EQ(wf.Fact("make.scheduling.interval"), "900");
  auto rules = Rules(r);
  EXPECT_TRUE(Has(rules, "make.http.url-from-input"));
  EXPECT_TRUE(Has(rules, "transport.tls-verification-disabled"));

  // A scenario that starts with an action runs on Make's schedule.
  auto s = Import(R"({"name": "Poll", "flow": [
    {"id": 1, "module": "http:ActionSendData", "mapper": {"url": "http://status.example.org/"}}]})");
  ASSERT_EQ(s.workflows.size(), 1u);
  EXPECT_EQ(s.workflows[0].nodes[0].role, NodeRole::kConnector);
  EXPECT_EQ(s.workflows[0].Fact("make.trigger"), "schedule");
  EXPECT_TRUE(Has(Rules(s), "transport.plaintext-http"));
}

TEST(MakeImporter, MalformedModulesAreWarningsNotCrashes) {
  auto r = Import(R"({"name": "Odd", "flow": [
    {"id": 1, "module": "gateway:CustomWebHook"},
    42,
    {"id": 3, "module": "builtin:BasicRouter", "routes": [{"flow": "nope"}, {"flow": [{"id": 4}]}]},
    {"id": 5, "module": "json:ParseJSON", "parameters": [1, 2]}
  ]})");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_EQ(r.workflows[0].nodes.size(), 3u);
  ASSERT_EQ(r.warnings.size(), 4u);
  EXPECT_EQ(r.warnings[0].line, 3u);
  EXPECT_NE(r.warnings[0].message.find("/flow/1"), std::string::npos) << r.warnings[0].message;
}

TEST(MakeImporter, ArraysOfBlueprintsAndDetection) {
  auto r = Import(R"([{"name": "A", "flow": [{"id": 1, "module": "util:SetVariable2"}]},
                      {"name": "B", "flow": []}, {"nodes": 1}])");
  EXPECT_EQ(r.workflows.size(), 2u);
  EXPECT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.workflows[1].source.pointer, "/1");

  auto n8n = Import(R"({"name": "x", "nodes": [], "connections": {}})");
  ASSERT_EQ(n8n.workflows.size(), 1u);
  EXPECT_EQ(n8n.workflows[0].platform, Platform::kN8n);
}

TEST(MakeModules, Classification) {
  using fw::ingest::make::ClassifyModule;
  EXPECT_EQ(ClassifyModule("code:ExecuteCode").role, NodeRole::kCode);
  EXPECT_EQ(ClassifyModule("datastore:AddRecord").role, NodeRole::kDataStore);
  EXPECT_EQ(ClassifyModule("slack:CreateMessage").role, NodeRole::kConnector);
  EXPECT_TRUE(ClassifyModule("json:ParseJSON").internal);
  EXPECT_TRUE(ClassifyModule("gmail:TriggerWatchEmails").trigger);
  EXPECT_FALSE(ClassifyModule("gmail:ActionSendEmail").trigger);
  EXPECT_TRUE(fw::ingest::make::ReferencesModule("{{lower(1.email)}}", "1"));
  EXPECT_TRUE(fw::ingest::make::ReferencesModule("{{1.`x-api-key`}}", "1"));
  EXPECT_FALSE(fw::ingest::make::ReferencesModule("{{11.email}}", "1"));
  EXPECT_FALSE(fw::ingest::make::ReferencesModule("1.email", "1"));
}
