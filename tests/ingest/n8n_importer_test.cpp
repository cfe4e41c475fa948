#include <gtest/gtest.h>

#include "ingest/ingest.h"

using fw::model::ImportResult;
using fw::model::NodeRole;
using fw::model::Exposure;

namespace {

ImportResult Import(const std::string& text, const std::string& name = "wf.json") {
  return fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>(name, text));
}

const char* kWorkflow = R"({
  "id": "wf1", "name": "Lead intake", "active": true,
  "nodes": [
    {"id": "n1", "name": "Webhook", "type": "n8n-nodes-base.webhook", "typeVersion": 2,
     "webhookId": "abc", "parameters": {"path": "lead", "httpMethod": "POST"}},
    {"id": "n2", "name": "Code", "type": "n8n-nodes-base.code", "typeVersion": 2,
     "onError": "continueRegularOutput", "parameters": {"jsCode": "return items;"}},
    {"id": "n3", "name": "CRM", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2,
     "disabled": true,
     "parameters": {"url": "https://api.hubspot.com/crm/v3/objects"},
     "credentials": {"httpHeaderAuth": {"id": "c1", "name": "HubSpot"}}},
    {"id": "n4", "name": "Agent", "type": "@n8n/n8n-nodes-langchain.agent", "parameters": {}},
    {"id": "n5", "name": "Tool", "type": "@n8n/n8n-nodes-langchain.toolCode", "parameters": {}},
    {"id": "n6", "name": "Note", "type": "n8n-nodes-base.stickyNote", "parameters": {"content": "hi"}}
  ],
  "connections": {
    "Webhook": {"main": [[{"node": "Code", "type": "main", "index": 0}]]},
    "Code": {"main": [[{"node": "CRM", "type": "main", "index": 0}]]},
    "Tool": {"ai_tool": [[{"node": "Agent", "type": "ai_tool", "index": 0}]]}
  },
  "settings": {"callerPolicy": "any", "saveDataErrorExecution": "none", "errorWorkflow": "7"},
  "pinData": {"Webhook": [{"json": {"email": "a@b.co"}}]},
  "shared": [{"role": "workflow:owner", "project": {"name": "Sales Ops"}}]
})";

}  // namespace

TEST(N8nImporter, ReadsEveryField) {
  auto r = Import(kWorkflow);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.id, "wf1");
  EXPECT_EQ(wf.name, "Lead intake");
  EXPECT_TRUE(wf.active);
  EXPECT_EQ(wf.owner, "Sales Ops");
  ASSERT_EQ(wf.nodes.size(), 6u);
  EXPECT_EQ(wf.nodes[0].role, NodeRole::kEntryPoint);
  EXPECT_EQ(wf.nodes[0].exposure, Exposure::kInternet);
  EXPECT_EQ(wf.nodes[0].webhook_id, "abc");
  EXPECT_EQ(wf.nodes[1].role, NodeRole::kCode);
  EXPECT_EQ(wf.nodes[1].on_error, "continueRegularOutput");
  EXPECT_EQ(wf.nodes[2].role, NodeRole::kConnector);
  EXPECT_TRUE(wf.nodes[2].disabled);
  EXPECT_EQ(wf.nodes[2].type_version, 4.2);
  ASSERT_EQ(wf.nodes[2].credentials.size(), 1u);
  EXPECT_EQ(wf.nodes[2].credentials[0].type, "httpHeaderAuth");
  EXPECT_EQ(wf.nodes[2].credentials[0].name, "HubSpot");
  EXPECT_EQ(wf.nodes[2].credentials[0].source.pointer, "/nodes/2/credentials/httpHeaderAuth");
  EXPECT_EQ(wf.nodes[4].role, NodeRole::kCode);
  EXPECT_EQ(wf.nodes[5].role, NodeRole::kAnnotation);
  ASSERT_EQ(wf.connections.size(), 3u);
  EXPECT_EQ(wf.connections[2].type, "ai_tool");
  EXPECT_EQ(wf.connections[2].from, 4u);
  EXPECT_EQ(wf.connections[2].to, 3u);
  EXPECT_EQ(wf.settings.caller_policy, "any");
  EXPECT_EQ(wf.settings.save_data_error_execution, "none");
  EXPECT_EQ(wf.settings.error_workflow, "7");
  EXPECT_TRUE(wf.pin_data["Webhook"].is_array());
  ASSERT_EQ(wf.hosts.size(), 1u);
  EXPECT_EQ(wf.hosts[0].host, "api.hubspot.com");
  EXPECT_EQ(wf.hosts[0].source.pointer, "/nodes/2/parameters/url");
  EXPECT_EQ(wf.nodes[1].source.pointer, "/nodes/1");
  EXPECT_EQ(wf.nodes[1].source.value.position().line, 6u);
}

TEST(N8nImporter, ReadsArraysOfWorkflowsAndApiPages) {
  std::string one = kWorkflow;
  auto r = Import("[" + one + "," + one + "]");
  ASSERT_EQ(r.workflows.size(), 2u);
  EXPECT_EQ(r.workflows[1].nodes[0].source.pointer, "/1/nodes/0");
  auto page = Import("{\"data\": [" + one + "], \"nextCursor\": null}");
  ASSERT_EQ(page.workflows.size(), 1u);
  EXPECT_EQ(page.workflows[0].nodes[0].source.pointer, "/data/0/nodes/0");
}

TEST(N8nImporter, ConnectionsKeyedByIdAndUnknownTargets) {
  auto r = Import(R"({"name": "x", "nodes": [
      {"id": "a", "name": "A", "type": "n8n-nodes-base.manualTrigger", "parameters": {}},
      {"id": "b", "name": "B", "type": "n8n-nodes-base.set", "parameters": {}}],
    "connections": {"a": {"main": [[{"node": "b", "type": "main", "index": 0},
                                    {"node": "ghost", "type": "main", "index": 0}]]}}})");
  ASSERT_EQ(r.workflows.size(), 1u);
  ASSERT_EQ(r.workflows[0].connections.size(), 1u);
  EXPECT_EQ(r.workflows[0].connections[0].to, 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.find("ghost"), std::string::npos);
  EXPECT_GT(r.warnings[0].line, 0u);
}

TEST(N8nImporter, MalformedAndUnrecognisedFiles) {
  auto bad = Import("{\"nodes\": [\n  {\"name\": \"A\"}\n  {\"name\": \"B\"}]}", "broken.json");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file, "broken.json");
  EXPECT_EQ(bad.errors[0].line, 3u);
  EXPECT_EQ(bad.errors[0].column, 3u);
  EXPECT_TRUE(bad.workflows.empty());

  auto other = Import("{\"hello\": \"world\"}", "other.json");
  ASSERT_EQ(other.errors.size(), 1u);
  EXPECT_NE(other.errors[0].message.find("unrecognised"), std::string::npos);
}

TEST(N8nImporter, ChatTriggerExposureDependsOnPublic) {
  auto r = Import(R"({"name": "c", "connections": {}, "nodes": [
      {"name": "Chat", "type": "@n8n/n8n-nodes-langchain.chatTrigger", "parameters": {"public": true}},
      {"name": "Chat2", "type": "@n8n/n8n-nodes-langchain.chatTrigger", "parameters": {}}]})");
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_EQ(r.workflows[0].nodes[0].exposure, Exposure::kInternet);
  EXPECT_EQ(r.workflows[0].nodes[1].exposure, Exposure::kInternal);
}
