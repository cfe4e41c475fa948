#include "ingest/appmodel/appmodel_importer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "analysis/check.h"
#include "core/yaml.h"
#include "ingest/appmodel/appmodel_shape.h"
#include "ingest/ingest.h"

using fw::model::Exposure;
using fw::model::ImportResult;
using fw::model::NodeRole;
using fw::model::Platform;

namespace {

ImportResult Import(const std::string& text, const std::string& name = "app.yaml") {
  return fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>(name, text));
}

std::vector<fw::model::Finding> Findings(const ImportResult& r) {
  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(r.workflows, findings);
  return findings;
}

size_t Count(const std::vector<fw::model::Finding>& f, const std::string& rule) {
  size_t n = 0;
  for (const auto& x : f) n += x.rule == rule;
  return n;
}

const char* kModel = R"(apiVersion: flowwarden.dev/v1
kind: AppModel
app:
  name: Intake
  platform: airtable
  owners:
    - name: Dana
      email: dana@example.com
forms:
  - name: Signup
    access: public
    stores_to: People
    fields:
      - {name: email, classification: personal}
      - {name: favourite colour}
tables:
  - name: People
    fields:
      - {name: email, classification: personal}
      - name: iban
    sharing:
      - {audience: public-link, access: view, export: true}
dashboards:
  - name: Board
    shows: [People]
connectors:
  - name: crm
    service: hubspot
    host: api.hubapi.com
    credential: vault://crm
    parameters:
      api_key: sk_live_51Hc9Kq2Lm8TxQ0aZbV7Tn0aZ4eRw
automations:
  - name: Welcome
    trigger: {type: form_submit, form: Signup}
    steps:
      - name: Mail
        action: send_email
        parameters: {to: "{{record.email}}"}
      - name: Notify
        action: call_webhook
        parameters: {url: "http://hooks.example.net/new"}
  - name: Import
    owners: [ops@example.com]
    trigger: {type: webhook}
    steps:
      - {name: Script, action: run_script, parameters: {code: "return 1"}}
)";

}  // namespace

TEST(AppModelImporter, AppWorkflowHasFormsStoresDashboardsConnectors) {
  auto r = Import(kModel);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].ToString();
  EXPECT_TRUE(r.warnings.empty()) << r.warnings[0].ToString();
  ASSERT_EQ(r.workflows.size(), 3u);
  const auto& app = r.workflows[0];
  EXPECT_EQ(app.platform, Platform::kAppModel);
  EXPECT_EQ(app.name, "Intake");
  EXPECT_EQ(app.owner, "dana@example.com");
  EXPECT_EQ(app.Fact("appmodel.kind"), "app");
  EXPECT_EQ(app.Fact("appmodel.platform"), "airtable");
  ASSERT_EQ(app.nodes.size(), 4u);
  const auto& table = app.nodes[0];
  EXPECT_EQ(table.type, "appmodel:table");
  EXPECT_EQ(table.role, NodeRole::kDataStore);
  EXPECT_EQ(table.source.pointer, "/tables/0");
  EXPECT_EQ(table.source.value.position().line, 17u);
  const auto& form = app.nodes[1];
  EXPECT_EQ(form.type, "appmodel:form");
  EXPECT_EQ(form.role, NodeRole::kEntryPoint);
  EXPECT_EQ(form.exposure, Exposure::kInternet);
  EXPECT_EQ(form.auth, "none");
  EXPECT_EQ(app.nodes[2].type, "appmodel:dashboard");
  const auto& conn = app.nodes[3];
  EXPECT_EQ(conn.role, NodeRole::kConnector);
  EXPECT_EQ(conn.connector, "hubspot");
  ASSERT_EQ(conn.credentials.size(), 1u);
  EXPECT_EQ(conn.credentials[0].id, "vault://crm");
  // The literal key is inside Node::parameters, where the secret checks look.
  EXPECT_EQ(conn.parameters["parameters"]["api_key"].str(),
            "sk_live_51Hc9Kq2Lm8TxQ0aZbV7Tn0aZ4eRw");
  ASSERT_EQ(app.hosts.size(), 1u);
  EXPECT_EQ(app.hosts[0].host, "api.hubapi.com");
  // form -> table, table -> dashboard
  ASSERT_EQ(app.connections.size(), 2u);
  EXPECT_EQ(app.connections[0].from, 1u);
  EXPECT_EQ(app.connections[0].to, 0u);
  EXPECT_EQ(app.connections[1].from, 0u);
  EXPECT_EQ(app.connections[1].to, 2u);
}

TEST(AppModelImporter, AutomationsAreWorkflows) {
  auto r = Import(kModel);
  ASSERT_EQ(r.workflows.size(), 3u);
  const auto& welcome = r.workflows[1];
  EXPECT_EQ(welcome.name, "Welcome");
  EXPECT_EQ(welcome.source.pointer, "/automations/0");
  EXPECT_EQ(welcome.owner, "dana@example.com");  // inherited from the app
  ASSERT_EQ(welcome.nodes.size(), 3u);
  EXPECT_EQ(welcome.nodes[0].role, NodeRole::kEntryPoint);
  EXPECT_EQ(welcome.nodes[0].exposure, Exposure::kInternet);  // the public form
  EXPECT_EQ(welcome.nodes[0].name, "form: Signup");
  EXPECT_EQ(welcome.nodes[1].connector, "email");
  EXPECT_EQ(welcome.nodes[2].connector, "http");
  EXPECT_EQ(welcome.nodes[2].parameters["url"].str(), "http://hooks.example.net/new");
  EXPECT_EQ(welcome.nodes[2].source.pointer, "/automations/0/steps/1");
  ASSERT_EQ(welcome.connections.size(), 2u);
  ASSERT_EQ(welcome.hosts.size(), 1u);
  EXPECT_EQ(welcome.hosts[0].source.pointer, "/automations/0/steps/1/parameters/url");

  const auto& imp = r.workflows[2];
  EXPECT_EQ(imp.owner, "ops@example.com");
  EXPECT_EQ(imp.nodes[0].exposure, Exposure::kInternet);
  EXPECT_EQ(imp.nodes[0].auth, "none");
  EXPECT_EQ(imp.nodes[1].role, NodeRole::kCode);
}

TEST(AppModelImporter, Checks) {
  auto f = Findings(Import(kModel));
  EXPECT_EQ(Count(f, "appmodel.form.public-no-auth"), 1u);
  EXPECT_EQ(Count(f, "appmodel.sharing.public-link"), 1u);
  EXPECT_EQ(Count(f, "appmodel.owner.missing"), 0u);
  EXPECT_EQ(Count(f, "transport.plaintext-http"), 1u);
  EXPECT_EQ(Count(f, "secret.api-token"), 1u);  // the connector's literal api_key
  for (const auto& x : f) {
    if (x.rule != "appmodel.sharing.public-link") continue;
    EXPECT_EQ(x.location.pointer, "/tables/0/sharing/0/audience");
    EXPECT_EQ(x.location.line, 22u);
    EXPECT_NE(x.message.find("iban (financial)"), std::string::npos) << x.message;
  }

  std::string no_owner = kModel;
  const std::string owners = "  owners:\n    - name: Dana\n      email: dana@example.com\n";
  no_owner.replace(no_owner.find(owners), owners.size(), "");
  auto g = Findings(Import(no_owner));
  EXPECT_EQ(Count(g, "appmodel.owner.missing"), 1u);
}

TEST(AppModelImporter, ShapeWarningsHavePositions) {
  auto r = Import(R"(apiVersion: flowwarden.dev/v1
kind: AppModel
app:
  name: Shapes
  owner: someone
forms:
  - name: F
    access: everyone
    captcha: yes
    fields:
      - {classification: secret}
automations:
  - name: A
    steps: not-a-list
)");
  ASSERT_TRUE(r.errors.empty());
  std::vector<std::string> messages;
  for (const auto& w : r.warnings) messages.push_back(std::to_string(w.line) + ": " + w.message);
  ASSERT_EQ(messages.size(), 7u) << ::testing::PrintToString(messages);
  EXPECT_NE(messages[0].find("5: unknown key 'owner' in app"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("8: unknown value 'everyone' for 'access' in form 'F'"),
            std::string::npos)
      << messages[1];
  EXPECT_NE(messages[2].find("9: expected true or false for 'captcha'"), std::string::npos)
      << messages[2];
  EXPECT_NE(messages[3].find("11: unknown value 'secret'"), std::string::npos) << messages[3];
  EXPECT_NE(messages[4].find("11: missing required key 'name' in field"), std::string::npos)
      << messages[4];
  EXPECT_NE(messages[5].find("14: expected a list for 'steps'"), std::string::npos) << messages[5];
  EXPECT_NE(messages[6].find("missing required key 'trigger' in automation 'A'"), std::string::npos)
      << messages[6];
  // Still read: the app and the automation (without a trigger).
  EXPECT_EQ(r.workflows.size(), 2u);
}

TEST(AppModelImporter, YamlErrorsAndOtherYaml) {
  auto bad = Import("apiVersion: flowwarden.dev/v1\nkind: AppModel\napp: {name: [x\n");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file, "app.yaml");
  EXPECT_GT(bad.errors[0].line, 0u);
  EXPECT_NE(bad.errors[0].message.find("invalid YAML"), std::string::npos);

  auto compose = Import("services:\n  web:\n    image: nginx\n", "docker-compose.yml");
  ASSERT_EQ(compose.errors.size(), 1u);
  EXPECT_NE(compose.errors[0].message.find("not an app model"), std::string::npos);

  // JSON app models are read too, and content decides, not the name.
  auto json = Import(R"({"apiVersion": "flowwarden.dev/v1", "kind": "AppModel",
                         "app": {"name": "J", "owners": ["a@example.com"]}})",
                     "model.json");
  ASSERT_EQ(json.workflows.size(), 1u);
  EXPECT_EQ(json.workflows[0].platform, Platform::kAppModel);
  auto named =
      Import("kind: AppModel\napiVersion: flowwarden.dev/v1\napp: {name: N}\n", "model.txt");
  ASSERT_EQ(named.workflows.size(), 1u);
}

// The importer's shape table and the published JSON Schema list the same
// properties for every definition.
TEST(AppModelShape, MatchesPublishedSchema) {
  std::ifstream in(std::filesystem::path(FW_SOURCE_DIR) / "schemas" / "app-model.schema.json");
  ASSERT_TRUE(in.good());
  auto schema = nlohmann::json::parse(in);
  for (const auto* def : fw::ingest::appmodel::AllDefs()) {
    const nlohmann::json& node =
        def->name == "root" ? schema : schema["definitions"][std::string(def->name)];
    ASSERT_TRUE(node.contains("properties")) << def->name;
    std::set<std::string> in_schema;
    for (const auto& [k, v] : node["properties"].items()) in_schema.insert(k);
    std::set<std::string> in_table;
    std::set<std::string> required;
    for (const auto& p : def->props) {
      in_table.insert(std::string(p.name));
      if (p.required) required.insert(std::string(p.name));
    }
    EXPECT_EQ(in_schema, in_table) << def->name;
    std::set<std::string> schema_required;
    for (const auto& r : node.value("required", nlohmann::json::array())) {
      schema_required.insert(r.get<std::string>());
    }
    EXPECT_EQ(schema_required, required) << def->name;
    EXPECT_EQ(node.value("additionalProperties", true), false) << def->name;
  }
}

// The full example in docs/app-model.md and the examples read cleanly.
TEST(AppModelShape, DocumentedExampleReadsWithoutWarnings) {
  std::ifstream in(std::filesystem::path(FW_SOURCE_DIR) / "docs" / "app-model.md");
  std::string doc((std::istreambuf_iterator<char>(in)), {});
  size_t start = doc.find("```yaml\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  size_t end = doc.find("```", start);
  auto r = Import(doc.substr(start, end - start), "docs/app-model.md");
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].ToString();
  EXPECT_TRUE(r.warnings.empty()) << r.warnings[0].ToString();
  EXPECT_EQ(r.workflows.size(), 3u);

  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(FW_SOURCE_DIR) /
                                                           "examples" / "appmodel")) {
    std::ifstream f(e.path());
    std::string text((std::istreambuf_iterator<char>(f)), {});
    auto x = Import(text, e.path().filename().string());
    EXPECT_TRUE(x.errors.empty()) << e.path();
    EXPECT_TRUE(x.warnings.empty()) << e.path() << ": " << x.warnings[0].ToString();
    EXPECT_GE(x.workflows.size(), 2u) << e.path();
  }
}

namespace {

nlohmann::json ToJson(const fw::core::ValueRef& v) {
  switch (v.type()) {
    case fw::core::ValueType::kNull:
      return nullptr;
    case fw::core::ValueType::kBool:
      return v.boolean();
    case fw::core::ValueType::kNumber:
      return v.number();
    case fw::core::ValueType::kString:
      return std::string(v.str());
    case fw::core::ValueType::kArray: {
      auto a = nlohmann::json::array();
      for (size_t i = 0; i < v.size(); ++i) a.push_back(ToJson(v.at(i)));
      return a;
    }
    case fw::core::ValueType::kObject: {
      auto o = nlohmann::json::object();
      for (size_t i = 0; i < v.size(); ++i) o[std::string(v.key_at(i))] = ToJson(v.value_at(i));
      return o;
    }
  }
  return nullptr;
}

// Validation errors of `yaml` against the published schema ("" when valid).
std::string SchemaErrors(const std::string& yaml) {
  std::ifstream in(std::filesystem::path(FW_SOURCE_DIR) / "schemas" / "app-model.schema.json");
  nlohmann::json schema_json = nlohmann::json::parse(in);
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  auto parsed = fw::core::ParseYaml(std::make_shared<fw::core::SourceFile>("x.yaml", yaml));
  if (!parsed.ok()) return parsed.error().ToString();
  nlohmann::json doc = ToJson(parsed.value()->root());
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    for (const auto& c : error.context) out += c;
    out += ": " + error.description + "\n";
  }
  return out;
}

std::string ReadText(const std::filesystem::path& p) {
  std::ifstream f(p);
  return std::string((std::istreambuf_iterator<char>(f)), {});
}

}  // namespace

// The published schema accepts the documented example and the examples, and
// rejects what the reader warns about.
TEST(AppModelShape, SchemaValidatesExamples) {
  std::string doc = ReadText(std::filesystem::path(FW_SOURCE_DIR) / "docs" / "app-model.md");
  size_t start = doc.find("```yaml\n") + 8;
  EXPECT_EQ(SchemaErrors(doc.substr(start, doc.find("```", start) - start)), "");
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(FW_SOURCE_DIR) /
                                                           "examples" / "appmodel")) {
    EXPECT_EQ(SchemaErrors(ReadText(e.path())), "") << e.path();
  }
  EXPECT_NE(SchemaErrors("apiVersion: flowwarden.dev/v1\nkind: AppModel\napp: {name: x, owner: y}\n"),
            "");
  EXPECT_NE(SchemaErrors("apiVersion: flowwarden.dev/v1\nkind: AppModel\napp: {name: x}\n"
                         "forms: [{name: f, access: everyone}]\n"),
            "");
}
