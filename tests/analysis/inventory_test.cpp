// The inventory summary (analysis/inventory), its renderings
// (report/inventory_report) and the owners file (cli/owners).
#include "analysis/inventory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/owners.h"
#include "ingest/ingest.h"
#include "report/inventory_report.h"

namespace fw {
namespace {

using analysis::WorkflowSummary;

std::vector<model::Workflow> Import(const std::string& name, const std::string& json) {
  auto src = std::make_shared<core::SourceFile>(name, json);
  auto result = ingest::ImportFile(src);
  EXPECT_TRUE(result.errors.empty()) << (result.errors.empty() ? "" : result.errors[0].ToString());
  return std::move(result.workflows);
}

WorkflowSummary SummariseOne(const std::string& json) {
  auto wfs = Import("wf.json", json);
  EXPECT_EQ(wfs.size(), 1u);
  return wfs.empty() ? WorkflowSummary{} : analysis::SummariseWorkflow(wfs[0]);
}

// A workflow of one node of `platform` whose parameters are `params`, for
// the platform-neutral field scanners.
model::Workflow OneNode(model::Platform platform, const std::string& params,
                        model::NodeRole role = model::NodeRole::kStep,
                        const std::string& type = "t") {
  auto src = std::make_shared<core::SourceFile>("x.json", params);
  auto doc = core::Document::ParseJson(src);
  EXPECT_TRUE(doc.ok());
  model::Workflow wf;
  wf.platform = platform;
  wf.document = doc.value();
  model::Node node;
  node.name = "n";
  node.type = type;
  node.role = role;
  node.parameters = wf.document->root();
  wf.nodes.push_back(node);
  return wf;
}

std::vector<std::string> Fields(const model::Workflow& wf) {
  std::vector<std::string> names;
  for (const auto& f : analysis::CollectDataFields(wf)) names.push_back(f.name);
  return names;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const analysis::DataFieldSummary* Field(const WorkflowSummary& s, const std::string& name) {
  for (const auto& f : s.data_fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const char* kIntake = R"J({
  "id": "wf1", "name": "Lead intake", "active": true,
  "tags": [{"id": "t", "name": "marketing"}],
  "nodes": [
    {"id": "1", "name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": 2,
     "parameters": {"path": "lead", "authentication": "headerAuth"},
     "credentials": {"httpHeaderAuth": {"id": "c1", "name": "intake key"}}},
    {"id": "2", "name": "Form", "type": "n8n-nodes-base.formTrigger",
     "parameters": {"formFields": {"values": [{"fieldLabel": "Email"}, {"fieldLabel": "Company"}]}}},
    {"id": "3", "name": "Chat", "type": "@n8n/n8n-nodes-langchain.chatTrigger",
     "parameters": {"public": true}},
    {"id": "4", "name": "Chat (editor)", "type": "@n8n/n8n-nodes-langchain.chatTrigger",
     "parameters": {}},
    {"id": "5", "name": "Pause", "type": "n8n-nodes-base.wait",
     "parameters": {"resume": "webhook", "incomingAuthentication": "basicAuth"}},
    {"id": "6", "name": "Nightly", "type": "n8n-nodes-base.scheduleTrigger", "parameters": {}},
    {"id": "7", "name": "Shape", "type": "n8n-nodes-base.set", "typeVersion": 3.4,
     "parameters": {"assignments": {"assignments": [
       {"name": "iban", "value": "={{ $json.body.iban }}"},
       {"name": "note", "value": "={{ $json.body.comment.trim() }}"}]}}},
    {"id": "8", "name": "Py", "type": "n8n-nodes-base.code",
     "parameters": {"language": "python", "pythonCode": "return _input.all()"}},
    {"id": "9", "name": "Js", "type": "n8n-nodes-base.code",
     "parameters": {"jsCode": "return items.map(i => ({json: {x: i.json.customer.dateOfBirth}}))"}},
    {"id": "10", "name": "CRM", "type": "n8n-nodes-base.httpRequest",
     "parameters": {"url": "https://api.crm.example/v1/leads?src={{ $json.source }}",
                    "bodyParameters": {"parameters": [{"name": "phone", "value": "x"}]}}},
    {"id": "11", "name": "DB", "type": "n8n-nodes-base.postgres",
     "parameters": {"columns": {"value": {"salary": "={{ $json.pay }}", "nested": {"a": 1}}}},
     "credentials": {"postgres": {"id": "p1", "name": "hr-db"}}},
    {"id": "12", "name": "Slack in", "type": "n8n-nodes-base.slackTrigger", "parameters": {}},
    {"id": "13", "name": "Note", "type": "n8n-nodes-base.stickyNote",
     "parameters": {"content": "see {{ $json.secretNote }} at http://docs.internal.example"}},
    {"id": "14", "name": "Old hook", "type": "n8n-nodes-base.webhook", "disabled": true,
     "parameters": {"path": "old"}},
    {"id": "15", "name": "Reply", "type": "n8n-nodes-base.respondToWebhook",
     "parameters": {"respondWith": "json", "responseBody": "={ \"received\": true, \"ticket\": {\"id\": 1} }"}},
    {"id": "16", "name": "Agent model", "type": "@n8n/n8n-nodes-langchain.lmChatOpenAi",
     "parameters": {}},
    {"id": "17", "name": "Sheet", "type": "n8n-nodes-base.googleSheetsTool",
     "parameters": {"columns": {"value": {"Name": "={{ $fromAI('customer_name') }}"}}}}
  ],
  "pinData": {"Hook": [{"json": {"body": {"email": "a@b.example", "ssn": "x"}, "headers": {"host": "h"}}}]},
  "connections": {}
})J";

TEST(InventorySummary, WorkflowFacts) {
  WorkflowSummary s = SummariseOne(kIntake);
  EXPECT_EQ(s.file, "wf.json");
  EXPECT_EQ(s.platform, model::Platform::kN8n);
  EXPECT_EQ(s.id, "wf1");
  EXPECT_EQ(s.name, "Lead intake");
  EXPECT_TRUE(s.active);
  EXPECT_EQ(s.tags, std::vector<std::string>{"marketing"});
  EXPECT_EQ(s.nodes, 17u);
  EXPECT_TRUE(s.owner.empty());
  EXPECT_TRUE(s.owner_source.empty());
}

TEST(InventorySummary, EntryPointsWithKindExposureAndAuth) {
  WorkflowSummary s = SummariseOne(kIntake);
  struct Want {
    std::string node, kind, exposure, auth;
    bool disabled;
  };
  std::vector<Want> want = {
      {"Hook", "webhook", "internet", "headerAuth", false},
      {"Form", "form", "internet", "none", false},
      {"Chat", "chat", "internet", "none", false},
      {"Chat (editor)", "chat", "internal", "", false},
      {"Pause", "resume-webhook", "internet", "basicAuth", false},
      {"Nightly", "schedule", "internal", "", false},
      {"Slack in", "service-event", "third-party", "", false},
      {"Old hook", "webhook", "internet", "none", true},
  };
  ASSERT_EQ(s.entry_points.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const auto& e = s.entry_points[i];
    EXPECT_EQ(e.node, want[i].node);
    EXPECT_EQ(e.kind, want[i].kind) << e.node;
    EXPECT_EQ(model::ExposureName(e.exposure), want[i].exposure) << e.node;
    EXPECT_EQ(e.auth, want[i].auth) << e.node;
    EXPECT_EQ(e.disabled, want[i].disabled) << e.node;
  }
}

TEST(InventorySummary, ServiceTriggersAreEvents) {
  auto s = SummariseOne(R"({"name": "w", "connections": {}, "nodes": [
    {"name": "Typeform", "type": "n8n-nodes-base.typeformTrigger", "parameters": {}},
    {"name": "Mailchimp", "type": "n8n-nodes-base.mailchimpTrigger", "parameters": {}},
    {"name": "Gmail", "type": "n8n-nodes-base.gmailTrigger", "parameters": {}}]})");
  ASSERT_EQ(s.entry_points.size(), 3u);
  EXPECT_EQ(s.entry_points[0].kind, "service-event");
  EXPECT_EQ(s.entry_points[1].kind, "service-event");
  EXPECT_EQ(s.entry_points[2].kind, "email");
  EXPECT_EQ(s.connectors, (std::vector<std::string>{"typeform", "mailchimp", "gmail"}));
}

TEST(InventorySummary, ConnectorsHostsCredentialsCodeStores) {
  WorkflowSummary s = SummariseOne(kIntake);
  EXPECT_EQ(s.connectors, (std::vector<std::string>{"httpRequest", "postgres", "slack", "openAi",
                                                    "googleSheets"}));
  ASSERT_EQ(s.hosts.size(), 1u);  // the sticky note's link is not a host the workflow calls
  EXPECT_EQ(s.hosts[0].scheme, "https");
  EXPECT_EQ(s.hosts[0].host, "api.crm.example");
  EXPECT_EQ(s.hosts[0].scope, "public");
  ASSERT_EQ(s.credentials.size(), 2u);
  EXPECT_EQ(s.credentials[0].type, "httpHeaderAuth");
  EXPECT_EQ(s.credentials[0].name, "intake key");
  EXPECT_EQ(s.credentials[1].id, "p1");
  ASSERT_EQ(s.code_steps.size(), 2u);
  EXPECT_EQ(s.code_steps[0].node, "Py");
  EXPECT_EQ(s.code_steps[0].language, "python");
  EXPECT_EQ(s.code_steps[1].language, "javascript");
  ASSERT_EQ(s.data_stores.size(), 2u);
  EXPECT_EQ(s.data_stores[0].node, "DB");
  EXPECT_EQ(s.data_stores[0].connector, "postgres");
  EXPECT_EQ(s.data_stores[1].node, "Sheet");
}

TEST(InventorySummary, DataFieldsFromEveryN8nSource) {
  WorkflowSummary s = SummariseOne(kIntake);
  std::vector<std::string> names;
  for (const auto& f : s.data_fields) names.push_back(f.name);
  // Form fields, Set assignments and their $json references, code,
  // body parameters, column mappings, $fromAI, respond bodies, pinned data.
  for (const char* n :
       {"Email", "Company", "iban", "note", "comment", "dateOfBirth", "source", "phone", "salary",
        "pay", "received", "customer_name", "Name", "ssn", "host"}) {
    EXPECT_TRUE(Has(names, n)) << n;
  }
  // Structure and methods are not fields; nested objects are not columns;
  // sticky notes are not read.
  for (const char* n : {"body", "trim", "nested", "headers", "secretNote", "json"}) {
    EXPECT_FALSE(Has(names, n)) << n;
  }
  // Duplicates differing only in case are kept once (first spelling).
  EXPECT_EQ(std::count_if(names.begin(), names.end(),
                          [](const std::string& n) { return n == "email" || n == "Email"; }),
            1);
  ASSERT_NE(Field(s, "Email"), nullptr);
  EXPECT_EQ(Field(s, "Email")->sensitivity, detect::DataClass::kPersonal);
  ASSERT_NE(Field(s, "iban"), nullptr);
  EXPECT_EQ(Field(s, "iban")->sensitivity, detect::DataClass::kFinancial);
}

TEST(InventoryFields, N8nSetOlderVersionsAndSqlColumnLists) {
  auto s = SummariseOne(R"({"name": "w", "connections": {}, "nodes": [
    {"name": "Set1", "type": "n8n-nodes-base.set", "typeVersion": 2,
     "parameters": {"values": {"string": [{"name": "firstName"}], "number": [{"name": "age"}]}}},
    {"name": "Set3", "type": "n8n-nodes-base.set", "typeVersion": 3.2,
     "parameters": {"fields": {"values": [{"name": "city"}]}}},
    {"name": "Set raw", "type": "n8n-nodes-base.set", "typeVersion": 3.4,
     "parameters": {"mode": "raw", "jsonOutput": "={\n  \"vatId\": \"{{ $json.vat }}\"\n}"}},
    {"name": "SQL", "type": "n8n-nodes-base.postgres", "typeVersion": 1,
     "parameters": {"operation": "insert", "columns": "id, lastName ,email"}}]})");
  std::vector<std::string> names;
  for (const auto& f : s.data_fields) names.push_back(f.name);
  for (const char* n : {"firstName", "age", "city", "vatId", "vat", "lastName", "email", "id"}) {
    EXPECT_TRUE(Has(names, n)) << n;
  }
}

TEST(InventoryFields, ExpressionReferences) {
  auto wf = OneNode(model::Platform::kN8n, R"({
    "a": "={{ $json.customer.email.toLowerCase() }}",
    "b": "={{ $('Form').item.json[\"Phone Number\"] }}",
    "c": "={{ $json?.contact?.['mobile'] }}",
    "d": "={{ $json.items.length }} {{ $json.lines[0].sku }}",
    "e": "plain text about json.stuff and data.json files",
    "f": "={{ $json.userId }}"
  })");
  auto names = Fields(wf);
  for (const char* n : {"email", "Phone Number", "mobile", "sku", "userId"}) {
    EXPECT_TRUE(Has(names, n)) << n;
  }
  for (const char* n : {"toLowerCase", "length", "stuff", "customer", "items", "lines"}) {
    EXPECT_FALSE(Has(names, n)) << n;
  }
}

TEST(InventoryFields, OtherPlatformsAndSchemas) {
  auto pa = OneNode(model::Platform::kPowerAutomate, R"({
    "inputs": {"body": {"to": "@{triggerBody()?['requesterEmail']}",
                        "x": "@body('Get_user')?['value']?[0]?['birthDate']",
                        "y": "@triggerOutputs()?['body/salary']"},
               "schema": {"type": "object", "properties": {
                  "diagnosis": {"type": "string"},
                  "address": {"type": "object", "properties": {"street": {"type": "string"}}}}}}
  })");
  auto names = Fields(pa);
  for (const char* n : {"requesterEmail", "birthDate", "salary", "diagnosis", "street"}) {
    EXPECT_TRUE(Has(names, n)) << n;
  }
  EXPECT_FALSE(Has(names, "address"));  // an object, not a field
  EXPECT_FALSE(Has(names, "value"));

  auto red = OneNode(model::Platform::kNodeRed,
                     R"({"func": "msg.payload.creditCard = msg.payload.card.number; return msg;"})",
                     model::NodeRole::kCode);
  names = Fields(red);
  EXPECT_TRUE(Has(names, "creditCard"));
  EXPECT_TRUE(Has(names, "number"));
  EXPECT_FALSE(Has(names, "payload"));

  auto change = OneNode(model::Platform::kNodeRed, R"({"rules": [
      {"t": "set", "p": "payload.customer.taxId", "pt": "msg", "to": "payload.vat", "tot": "msg"},
      {"t": "set", "p": "flowCounter", "pt": "flow", "to": "1", "tot": "num"}]})",
                        model::NodeRole::kStep, "change");
  names = Fields(change);
  EXPECT_TRUE(Has(names, "taxId"));
  EXPECT_TRUE(Has(names, "vat"));
  EXPECT_FALSE(Has(names, "flowCounter"));  // context, not the message
  auto sw = OneNode(model::Platform::kNodeRed,
                    R"({"property": "payload.country", "propertyType": "msg"})",
                    model::NodeRole::kStep, "switch");
  EXPECT_TRUE(Has(Fields(sw), "country"));

  auto pa_noise = OneNode(model::Platform::kPowerAutomate,
                          R"({"a": "@{triggerBody()?['{Link}']} @{body('x')?['@odata.etag']}"})");
  EXPECT_TRUE(Fields(pa_noise).empty());

  auto make = OneNode(
      model::Platform::kMake,
      R"({"mapper": {"to": "{{1.email}}", "text": "{{lower(2.customer.lastName)}} v1.5"}})");
  names = Fields(make);
  EXPECT_TRUE(Has(names, "email"));
  EXPECT_TRUE(Has(names, "lastName"));
}

TEST(InventoryFields, JsonWrittenAsText) {
  auto wf = OneNode(model::Platform::kN8n, R"({
    "inputSchema": "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"email\": {\"type\": \"string\", \"description\": \"x\"}, \"address\": {\"type\": \"object\", \"properties\": {\"zip\": {\"type\": \"string\"}}}}}",
    "jsonSchemaExample": "{\"customer\": {\"iban\": \"DE00\", \"tags\": [\"a\"]}}",
    "jsonBody": "={ \"ticket\": \"{{ $json.ticketId }}\" }"
  })");
  auto names = Fields(wf);
  for (const char* n : {"email", "zip", "iban", "ticket", "ticketId"}) {
    EXPECT_TRUE(Has(names, n)) << n;
  }
  for (const char* n : {"type", "additionalProperties", "description", "address", "customer"}) {
    EXPECT_FALSE(Has(names, n)) << n;
  }
}

TEST(InventoryFields, AppModelDeclaredClassesWin) {
  auto wf = OneNode(model::Platform::kAppModel, R"({"name": "Intake form", "fields": [
      {"name": "Reason for visit", "classification": "health"},
      {"name": "Email", "classification": "public"},
      {"name": "Insurance number", "classification": "financial"},
      {"name": "Notes", "classification": "internal"},
      {"name": "Phone"}]})");
  auto fields = analysis::CollectDataFields(wf);
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0].sensitivity, detect::DataClass::kHealth);
  EXPECT_EQ(fields[1].sensitivity, detect::DataClass::kPublic);  // as declared
  EXPECT_EQ(fields[2].sensitivity, detect::DataClass::kFinancial);
  EXPECT_EQ(fields[4].sensitivity, detect::DataClass::kPersonal);  // from the name
}

TEST(InventoryFields, GuardsAgainstNoise) {
  std::string columns;
  for (int i = 0; i < 700; ++i) {
    columns += (i ? ", " : "") + std::string("\"c") + std::to_string(i) + "\": 1";
  }
  auto s = SummariseOne(R"({"name": "w", "connections": {}, "nodes": [
    {"name": "DB", "type": "n8n-nodes-base.postgres", "parameters": {"columns": {"value": {)" +
                        columns + "}}}}]}");
  EXPECT_EQ(s.data_fields.size(), analysis::kMaxFieldsPerWorkflow);

  auto odd = OneNode(model::Platform::kN8n,
                     R"({"x": "{ \"12\": 1, \"={{a}}\": 2, \"a\nb\": 4, \"ok\": 5 }"})");
  auto names = Fields(odd);
  EXPECT_FALSE(Has(names, "12"));
  EXPECT_FALSE(Has(names, "={{a}}"));
  EXPECT_FALSE(Has(names, "a\nb"));
  EXPECT_TRUE(Has(names, "ok"));
}

TEST(InventoryTotals, CountsAcrossWorkflows) {
  auto wfs = Import("all.json", R"([
    {"id": "a", "name": "A", "connections": {}, "nodes": [
      {"name": "Hook", "type": "n8n-nodes-base.webhook", "parameters": {"url": "x"}},
      {"name": "Hook2", "type": "n8n-nodes-base.webhook", "parameters": {"authentication": "basicAuth"}},
      {"name": "Off", "type": "n8n-nodes-base.webhook", "disabled": true, "parameters": {}},
      {"name": "Get", "type": "n8n-nodes-base.httpRequest",
       "parameters": {"url": "https://api.one.example/x"},
       "credentials": {"httpHeaderAuth": {"id": "k1", "name": "key"}}},
      {"name": "Code", "type": "n8n-nodes-base.code", "parameters": {"jsCode": "x"}},
      {"name": "Set", "type": "n8n-nodes-base.set",
       "parameters": {"assignments": {"assignments": [{"name": "email"}]}}}]},
    {"id": "b", "name": "B", "connections": {}, "shared": [{"role": "workflow:owner", "project": {"name": "Ops"}}],
     "nodes": [
      {"name": "Get", "type": "n8n-nodes-base.httpRequest",
       "parameters": {"url": "http://api.one.example/y"},
       "credentials": {"httpHeaderAuth": {"id": "k1", "name": "key"}}},
      {"name": "Slack", "type": "n8n-nodes-base.slack", "parameters": {}},
      {"name": "Sheet", "type": "n8n-nodes-base.googleSheets", "parameters": {}}]}
  ])");
  ASSERT_EQ(wfs.size(), 2u);
  std::vector<WorkflowSummary> s;
  for (const auto& wf : wfs) s.push_back(analysis::SummariseWorkflow(wf));
  EXPECT_EQ(s[1].owner, "Ops");
  EXPECT_EQ(s[1].owner_source, "export");
  auto t = analysis::ComputeTotals(s);
  EXPECT_EQ(t.workflows, 2u);
  EXPECT_EQ(t.by_platform["n8n"], 2u);
  EXPECT_EQ(t.entry_points, 3u);
  EXPECT_EQ(t.internet_entry_points, 2u);  // the disabled one does not count
  EXPECT_EQ(t.unauthenticated_internet_entry_points, 1u);
  EXPECT_EQ(t.internet_entry_points_auth_unknown, 0u);
  EXPECT_EQ(t.external_hosts, 1u);  // same host over http and https
  EXPECT_EQ(t.connectors, 3u);      // httpRequest, slack, googleSheets
  EXPECT_EQ(t.credentials, 1u);
  EXPECT_EQ(t.code_steps, 1u);
  EXPECT_EQ(t.data_stores, 1u);
  EXPECT_EQ(t.workflows_without_owner, 1u);
  EXPECT_EQ(t.workflows_with_sensitive_data["personal"], 1u);
}

// --- Renderings ------------------------------------------------------------

analysis::Inventory SmallInventory() {
  analysis::Inventory inv;
  inv.scanned.files = 2;
  inv.scanned.workflows = 1;
  inv.scanned.errors.push_back(core::Diagnostic{"broken.json", 3, 7, "expected ',' or '}'"});
  WorkflowSummary w;
  w.file = "sales/a.json";
  w.name = "=HYPERLINK(\"x\"), \"quoted\"\nsecond line";
  w.id = "1";
  w.entry_points.push_back(analysis::EntryPointSummary{"Hook", "n8n-nodes-base.webhook", "webhook",
                                                       model::Exposure::kInternet, "none", false});
  w.connectors = {"slack", "hubspot"};
  w.data_fields = {{"email", detect::DataClass::kPersonal}, {"note", detect::DataClass::kUnknown}};
  inv.workflows.push_back(w);
  inv.totals = analysis::ComputeTotals(inv.workflows);
  return inv;
}

// Splits RFC 4180 text into rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(InventoryReport, CsvQuotingAndErrors) {
  std::string csv = report::RenderInventoryCsv(SmallInventory());
  auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& r : rows) EXPECT_EQ(r.size(), rows[0].size());
  EXPECT_EQ(rows[0][0], "record");
  EXPECT_EQ(rows[1][0], "workflow");
  EXPECT_EQ(rows[1][4], "'=HYPERLINK(\"x\"), \"quoted\"\nsecond line");  // formula neutralised
  EXPECT_EQ(rows[1][8], "Hook (webhook, internet, auth none)");
  EXPECT_EQ(rows[1][9], "1");
  EXPECT_EQ(rows[1][10], "1");
  EXPECT_EQ(rows[1][11], "slack; hubspot");
  EXPECT_EQ(rows[1][15], "email; note");
  EXPECT_EQ(rows[1][16], "email (personal)");
  EXPECT_EQ(rows[2][0], "error");
  EXPECT_EQ(rows[2][1], "broken.json");
  EXPECT_EQ(rows[2].back(), "3:7: expected ',' or '}'");
}

TEST(InventoryReport, TableHasBlocksErrorsAndTotals) {
  std::string t = report::RenderInventoryTable(SmallInventory());
  EXPECT_EQ(t.find('\x1b'), std::string::npos);
  EXPECT_NE(t.find("=HYPERLINK(\"x\"), \"quoted\" second line\n"), std::string::npos);
  EXPECT_NE(t.find("Hook (webhook, internet, auth none)"), std::string::npos);
  EXPECT_NE(t.find("email (personal), note"), std::string::npos);
  EXPECT_NE(t.find("ERRORS (1)\n  broken.json:3:7: expected ',' or '}'"), std::string::npos);
  EXPECT_NE(t.find("TOTALS"), std::string::npos);
  EXPECT_NE(t.find("unauthenticated 1"), std::string::npos);
  EXPECT_NE(t.find("without owner  1 workflows"), std::string::npos);
}

// --- Owners file -----------------------------------------------------------

TEST(Owners, ParsesRulesInOrder) {
  auto f = cli::ParseOwners(R"(# who owns what
owners:
  - match: "sales/**"
    owner: sales-ops@acme.example
  - workflow: "Lead *"
    owner: marketing@acme.example
  - match: "hr/*.json"
    workflow: "*payroll*"
    owner: hr@acme.example
)",
                            "owners.yaml");
  ASSERT_TRUE(f.errors.empty()) << f.errors[0].ToString();
  ASSERT_EQ(f.rules.size(), 3u);
  EXPECT_EQ(f.rules[0].line, 3u);
  EXPECT_EQ(cli::FindOwner(f.rules, "sales/eu/a.json", "Lead intake")->owner,
            "sales-ops@acme.example");  // first match wins
  EXPECT_EQ(cli::FindOwner(f.rules, "marketing/a.json", "lead intake")->owner,
            "marketing@acme.example");  // names ignore case
  EXPECT_EQ(cli::FindOwner(f.rules, "hr/x.json", "Monthly Payroll run")->owner, "hr@acme.example");
  EXPECT_EQ(cli::FindOwner(f.rules, "hr/sub/x.json", "Monthly Payroll run"), nullptr);
  EXPECT_EQ(cli::FindOwner(f.rules, "hr/x.json", "Holidays"), nullptr);
}

TEST(Owners, ErrorsHaveLineAndColumn) {
  struct Case {
    std::string text;
    uint32_t line, column;
    std::string says;
  };
  std::vector<Case> cases = {
      {"owners:\n  - match: \"a/**\"\n    owner: x\n    team: y\n", 4, 5, "unknown key 'team'"},
      {"owners:\n  - match: [a, b]\n    owner: x\n", 2, 12, "'match' must be a non-empty string"},
      {"owners:\n  - match: a\n    owner:\n", 0, 0, "'owner' must be a non-empty string"},
      {"owners:\n  - match: a\n", 2, 5, "rule without 'owner'"},
      {"owners:\n  - owner: a\n", 2, 5, "needs 'match'"},
      {"owners: {a: 1}\n", 1, 9, "must be a list"},
      {"owner:\n  - match: a\n", 1, 1, "unknown key 'owner'"},
      {"owners:\n  - match: \"a\n    owner: b\n", 0, 0, ""},  // syntax: position checked below
      {"", 0, 0, "expected a mapping"},
  };
  for (const auto& c : cases) {
    auto f = cli::ParseOwners(c.text, "own.yaml");
    ASSERT_FALSE(f.errors.empty()) << c.text;
    EXPECT_TRUE(f.rules.empty());
    const auto& e = f.errors[0];
    EXPECT_EQ(e.file, "own.yaml");
    if (c.line > 0) {
      EXPECT_EQ(e.line, c.line) << c.text << " -> " << e.ToString();
      EXPECT_EQ(e.column, c.column) << c.text << " -> " << e.ToString();
    }
    EXPECT_NE(e.message.find(c.says), std::string::npos) << e.ToString();
  }
  auto syntax = cli::ParseOwners("owners:\n  - match: \"a\n    owner: b\n", "own.yaml");
  EXPECT_GT(syntax.errors[0].line, 0u);
}

TEST(Owners, GlobMatching) {
  using cli::GlobMatch;
  EXPECT_TRUE(GlobMatch("sales/**", "sales/a.json", true));
  EXPECT_TRUE(GlobMatch("sales/**", "sales/x/y/z.json", true));
  EXPECT_FALSE(GlobMatch("sales/**", "salesforce/a.json", true));
  EXPECT_TRUE(GlobMatch("**/flows.json", "flows.json", true));
  EXPECT_TRUE(GlobMatch("**/flows.json", "a/b/flows.json", true));
  EXPECT_FALSE(GlobMatch("*.json", "a/b.json", true));
  EXPECT_TRUE(GlobMatch("*/*.zip!/**", "pa/pkg.zip!/Workflows/x.json", true));
  EXPECT_TRUE(GlobMatch("f?le[0-9].json", "file7.json", true));
  EXPECT_FALSE(GlobMatch("f?le[!0-9].json", "file7.json", true));
  EXPECT_FALSE(GlobMatch("Sales/*", "sales/a", true));       // paths keep case
  EXPECT_TRUE(GlobMatch("lead *", "Lead / intake", false));  // names: '/' is ordinary
  EXPECT_TRUE(GlobMatch("\\*star", "*star", false));
  EXPECT_FALSE(GlobMatch("\\*star", "xstar", false));
  EXPECT_TRUE(GlobMatch("[unclosed", "[unclosed", false));
  std::string hard(40, 'a');
  EXPECT_FALSE(GlobMatch("**a**a**a**a**a**a**b", hard, false));  // stays fast
}

}  // namespace
}  // namespace fw
