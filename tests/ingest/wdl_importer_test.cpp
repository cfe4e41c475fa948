// Power Automate and Logic Apps importers: fields, roles, exposure, entry
// point authentication, connectors, runAfter and container edges, positions,
// companion files and malformed input.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "ingest/ingest.h"
#include "ingest/wdl/solution_xml.h"
#include "ingest/wdl/wdl.h"

using fw::model::Exposure;
using fw::model::ImportResult;
using fw::model::NodeRole;
using fw::model::Platform;

namespace {

// Companion files from a map of paths, named the way the CLI's file-system
// reader names them (relative to the importing file's folder).
class MapSiblings final : public fw::ingest::SiblingReader {
 public:
  explicit MapSiblings(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  std::shared_ptr<const fw::core::SourceFile> Read(const fw::core::SourceFile& of,
                                                   std::string_view relative) const override {
    std::string dir = of.name().substr(0, of.name().rfind('/') + 1);
    std::string path = dir + std::string(relative);
    // Fold "a/b/../" segments.
    for (size_t up; (up = path.find("/../")) != std::string::npos;) {
      size_t start = path.rfind('/', up - 1);
      start = start == std::string::npos ? 0 : start + 1;
      path.erase(start, up + 4 - start);
    }
    if (path.rfind("../", 0) == 0) return nullptr;
    auto it = files_.find(path);
    if (it == files_.end()) return nullptr;
    return std::make_shared<fw::core::SourceFile>(path, it->second);
  }

 private:
  std::map<std::string, std::string> files_;
};

ImportResult Import(const std::string& text, const std::string& name = "flow.json",
                    const fw::ingest::SiblingReader* siblings = nullptr) {
  return fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>(name, text), siblings);
}

int NodeIndex(const fw::model::Workflow& wf, std::string_view name) { return wf.FindNode(name); }

bool HasEdge(const fw::model::Workflow& wf, std::string_view from, std::string_view to,
             std::string_view type) {
  int f = wf.FindNode(from);
  int t = wf.FindNode(to);
  for (const auto& c : wf.connections) {
    if (static_cast<int>(c.from) == f && static_cast<int>(c.to) == t && c.type == type) return true;
  }
  return false;
}

const char* kPowerAutomateFlow = R"({
  "name": "5f1c2a0e-7d3b-4c8e-9a61-2b4d8e0f1a37",
  "type": "Microsoft.Flow/flows",
  "properties": {
    "displayName": "Receive partner orders",
    "definition": {
      "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      "metadata": {"creator": {"id": "7c6b5a49-3827-4160-9f8e-7d6c5b4a3928", "type": "User"}},
      "parameters": {"$authentication": {"defaultValue": {}, "type": "SecureObject"}},
      "triggers": {
        "manual": {"type": "Request", "kind": "Http", "inputs": {"schema": {}}}
      },
      "actions": {
        "Add_row": {
          "runAfter": {},
          "type": "OpenApiConnection",
          "inputs": {
            "host": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_sql",
                     "connectionName": "shared_sql", "operationId": "PostItem_V2"},
            "parameters": {"table": "[dbo].[Orders]"}
          }
        },
        "Each_line": {
          "runAfter": {"Add_row": ["Succeeded"]},
          "type": "Foreach",
          "foreach": "@triggerBody()?['lines']",
          "actions": {
            "Post_line": {
              "runAfter": {},
              "type": "Http",
              "inputs": {"method": "POST", "uri": "https://erp.contoso.example/lines"}
            },
            "Check": {
              "runAfter": {"Post_line": ["Succeeded", "Failed"]},
              "type": "If",
              "expression": {"equals": ["@outputs('Post_line')['statusCode']", 200]},
              "actions": {"Ok": {"runAfter": {}, "type": "Compose", "inputs": "ok"}},
              "else": {"actions": {"Bad": {"runAfter": {}, "type": "Terminate",
                                           "inputs": {"runStatus": "Failed"}}}}
            }
          }
        },
        "Mail": {
          "runAfter": {"Each_line": ["Succeeded"]},
          "type": "OpenApiConnection",
          "inputs": {"host": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_office365",
                              "connectionName": "shared_office365_1", "operationId": "SendEmailV2"}}
        }
      }
    },
    "connectionReferences": {
      "shared_sql": {"connectionName": "sql-conn-1", "source": "Embedded",
                     "id": "/providers/Microsoft.PowerApps/apis/shared_sql"},
      "shared_office365_1": {"api": {"name": "shared_office365"},
                             "connection": {"connectionReferenceLogicalName": "cr_o365"}}
    }
  }
})";

}  // namespace

TEST(PowerAutomateImporter, ReadsFlowNodesEdgesAndConnectors) {
  auto r = Import(kPowerAutomateFlow);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.platform, Platform::kPowerAutomate);
  EXPECT_EQ(wf.name, "Receive partner orders");
  EXPECT_EQ(wf.id, "5f1c2a0e-7d3b-4c8e-9a61-2b4d8e0f1a37");
  EXPECT_EQ(wf.owner, "7c6b5a49-3827-4160-9f8e-7d6c5b4a3928");
  EXPECT_EQ(wf.Fact("powerautomate.format"), "export-package");
  ASSERT_EQ(wf.nodes.size(), 8u);

  const auto& trigger = wf.nodes[NodeIndex(wf, "manual")];
  EXPECT_EQ(trigger.role, NodeRole::kEntryPoint);
  EXPECT_EQ(trigger.exposure, Exposure::kInternet);
  EXPECT_EQ(trigger.auth, "sas-key");
  EXPECT_EQ(trigger.source.pointer, "/properties/definition/triggers/manual");
  EXPECT_TRUE(trigger.parameters["inputs"]["schema"].is_object());

  const auto& add_row = wf.nodes[NodeIndex(wf, "Add_row")];
  EXPECT_EQ(add_row.type, "OpenApiConnection");
  EXPECT_EQ(add_row.connector, "shared_sql");
  EXPECT_EQ(add_row.role, NodeRole::kDataStore);
  ASSERT_EQ(add_row.credentials.size(), 1u);
  EXPECT_EQ(add_row.credentials[0].id, "sql-conn-1");
  EXPECT_EQ(add_row.parameters["inputs"]["host"]["operationId"].str(), "PostItem_V2");

  const auto& mail = wf.nodes[NodeIndex(wf, "Mail")];
  EXPECT_EQ(mail.connector, "shared_office365");
  EXPECT_EQ(mail.role, NodeRole::kConnector);
  ASSERT_EQ(mail.credentials.size(), 1u);
  EXPECT_EQ(mail.credentials[0].id, "cr_o365");

  const auto& post = wf.nodes[NodeIndex(wf, "Post_line")];
  EXPECT_EQ(post.connector, "http");
  EXPECT_EQ(post.source.pointer, "/properties/definition/actions/Each_line/actions/Post_line");
  EXPECT_EQ(post.source.value.position().line, 28u);
  // A container's settings are its own expression, not its nested actions.
  EXPECT_EQ(wf.nodes[NodeIndex(wf, "Each_line")].parameters.str(), "@triggerBody()?['lines']");
  EXPECT_TRUE(wf.nodes[NodeIndex(wf, "Check")].parameters["equals"].is_array());

  EXPECT_TRUE(HasEdge(wf, "manual", "Add_row", "trigger"));
  EXPECT_TRUE(HasEdge(wf, "Add_row", "Each_line", "runAfter"));
  EXPECT_TRUE(HasEdge(wf, "Each_line", "Post_line", "contains"));
  EXPECT_TRUE(HasEdge(wf, "Post_line", "Check", "runAfter"));
  EXPECT_TRUE(HasEdge(wf, "Check", "Ok", "contains"));
  EXPECT_TRUE(HasEdge(wf, "Check", "Bad", "contains"));
  EXPECT_TRUE(HasEdge(wf, "Each_line", "Mail", "runAfter"));
  EXPECT_FALSE(HasEdge(wf, "manual", "Post_line", "trigger"));

  ASSERT_EQ(wf.hosts.size(), 1u);
  EXPECT_EQ(wf.hosts[0].host, "erp.contoso.example");
  EXPECT_EQ(wf.hosts[0].source.pointer,
            "/properties/definition/actions/Each_line/actions/Post_line/inputs/uri");
}

TEST(PowerAutomateImporter, TriggerAuthenticationAndKinds) {
  auto flow = [](const std::string& trigger) {
    return R"({"properties": {"displayName": "t", "definition": {
      "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      "parameters": {"$authentication": {"type": "SecureObject"}},
      "triggers": {"manual": )" +
           trigger + R"(}, "actions": {}}}})";
  };
  auto auth_of = [&](const std::string& trigger) {
    auto r = Import(flow(trigger));
    EXPECT_EQ(r.workflows.size(), 1u);
    return r.workflows.empty() ? std::string("?") : r.workflows[0].nodes[0].auth;
  };
  EXPECT_EQ(
      auth_of(
          R"({"type": "Request", "kind": "Http", "inputs": {"triggerAuthenticationType": "All"}})"),
      "sas-key");
  EXPECT_EQ(
      auth_of(
          R"({"type": "Request", "kind": "Http", "inputs": {"triggerAuthenticationType": "Tenant"}})"),
      "aad-tenant");
  EXPECT_EQ(
      auth_of(
          R"({"type": "Request", "kind": "Http", "inputs": {"triggerAuthenticationType": "SpecificUsers"}})"),
      "aad-specific-users");
  EXPECT_EQ(auth_of(R"({"type": "Request", "kind": "Button", "inputs": {}})"), "aad-user");

  auto r = Import(flow(R"({"type": "Request", "kind": "PowerAppV2", "inputs": {}})"));
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_EQ(r.workflows[0].nodes[0].exposure, Exposure::kInternal);
  r = Import(flow(R"({"type": "Recurrence", "recurrence": {"frequency": "Day"}})"));
  EXPECT_EQ(r.workflows[0].nodes[0].exposure, Exposure::kInternal);
  r = Import(flow(
      R"({"type": "OpenApiConnectionWebhook", "inputs": {"host": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_sharepointonline", "connectionName": "shared_sharepointonline"}}})"));
  EXPECT_EQ(r.workflows[0].nodes[0].exposure, Exposure::kThirdParty);
  EXPECT_EQ(r.workflows[0].nodes[0].connector, "shared_sharepointonline");
}

TEST(PowerAutomateImporter, ClientDataIsParsedAsItsOwnFile) {
  std::string inner =
      R"({\"properties\":{\"definition\":{\"$schema\":\"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#\",)"
      R"(\"triggers\":{\"manual\":{\"type\":\"Request\",\"kind\":\"Http\"}},\"actions\":{\"Compose\":{\"runAfter\":{},\"type\":\"Compose\",\"inputs\":\"x\"}}}},\"schemaVersion\":\"1.0.0.0\"})";
  std::string row =
      "{\n  \"workflowid\": \"8d2f6e1a\",\n  \"name\": \"Helpdesk\",\n  \"statecode\": 1,\n"
      "  \"_ownerid_value\": \"owner-guid\",\n  \"clientdata\": \"" +
      inner + "\"\n}";
  auto r = Import(row, "rows/helpdesk.json");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.file, "rows/helpdesk.json#clientdata");
  EXPECT_EQ(wf.name, "Helpdesk");
  EXPECT_EQ(wf.id, "8d2f6e1a");
  EXPECT_TRUE(wf.active);
  EXPECT_EQ(wf.owner, "owner-guid");
  EXPECT_EQ(wf.Fact("clientdata.at"), "rows/helpdesk.json:6:17");
  ASSERT_EQ(wf.nodes.size(), 2u);
  // Positions count in the decoded string.
  EXPECT_EQ(wf.nodes[0].source.value.position().line, 1u);
  EXPECT_GT(wf.nodes[0].source.value.position().column, 100u);

  auto bad = Import(R"({"name": "x", "clientdata": "{\"properties\": {"})", "bad.json");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file, "bad.json#clientdata");
  EXPECT_NE(bad.errors[0].message.find("clientdata (the string at line 1, column 29 of bad.json)"),
            std::string::npos)
      << bad.errors[0].message;
}

TEST(PowerAutomateImporter, SolutionCompanionsGiveNameOwnerAndConnections) {
  const std::string flow = R"({"properties": {
      "connectionReferences": {"shared_sql": {"runtimeSource": "embedded",
        "connection": {"connectionReferenceLogicalName": "cfo_sql"}, "api": {"name": "shared_sql"}}},
      "definition": {"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
        "triggers": {"Recurrence": {"type": "Recurrence"}},
        "actions": {"Get_rows": {"runAfter": {}, "type": "OpenApiConnection",
          "inputs": {"host": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_sql", "connectionName": "shared_sql"}}}}}},
    "schemaVersion": "1.0.0.0"})";
  MapSiblings siblings({
      {"pkg/customizations.xml",
       R"(<?xml version="1.0"?><ImportExportXml><Workflows>
          <Workflow WorkflowId="{abc}" Name="Invoice &amp; receipts"><JsonFileName>/Workflows/Invoices-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json</JsonFileName><StateCode>1</StateCode></Workflow>
          </Workflows><connectionreferences><connectionreference connectionreferencelogicalname="cfo_sql">
          <connectionreferencedisplayname>Finance SQL</connectionreferencedisplayname>
          <connectorid>/providers/Microsoft.PowerApps/apis/shared_sql</connectorid></connectionreference></connectionreferences></ImportExportXml>)"},
      {"pkg/solution.xml",
       R"(<ImportExportXml><SolutionManifest><UniqueName>InvoiceIntake</UniqueName><Version>1.2.0.0</Version><Managed>1</Managed>
          <Publisher><UniqueName>contosofinance</UniqueName><LocalizedNames><LocalizedName description="Contoso Finance" languagecode="1033" /></LocalizedNames></Publisher>
          </SolutionManifest></ImportExportXml>)"},
  });
  auto r =
      Import(flow, "pkg/Workflows/Invoices-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json", &siblings);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.name, "Invoice & receipts");
  EXPECT_EQ(wf.id, "{abc}");
  EXPECT_TRUE(wf.active);
  EXPECT_EQ(wf.owner, "Contoso Finance");
  EXPECT_EQ(wf.Fact("solution"), "InvoiceIntake");
  EXPECT_EQ(wf.Fact("solution.managed"), "true");
  EXPECT_EQ(wf.Fact("solution.publisher"), "contosofinance");
  ASSERT_EQ(wf.nodes.size(), 2u);
  ASSERT_EQ(wf.nodes[1].credentials.size(), 1u);
  EXPECT_EQ(wf.nodes[1].credentials[0].name, "Finance SQL");
  EXPECT_EQ(wf.nodes[1].credentials[0].id, "cfo_sql");

  // SolutionPackager's unpacked layout keeps the XML in Other/.
  MapSiblings unpacked(std::map<std::string, std::string>{
      {"src/Other/Solution.xml",
       "<ImportExportXml><SolutionManifest><UniqueName>Unpacked</UniqueName>"
       "</SolutionManifest></ImportExportXml>"}});
  auto u =
      Import(flow, "src/Workflows/Invoices-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json", &unpacked);
  ASSERT_EQ(u.workflows.size(), 1u);
  EXPECT_EQ(u.workflows[0].Fact("solution"), "Unpacked");

  // Without companions the name comes from the file name.
  auto alone = Import(flow, "Workflows/Invoices-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json");
  ASSERT_EQ(alone.workflows.size(), 1u);
  EXPECT_EQ(alone.workflows[0].name, "Invoices");
  EXPECT_EQ(alone.workflows[0].id, "3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B");
}

TEST(SolutionXml, ToleratesBrokenXml) {
  auto c =
      fw::ingest::wdl::ParseCustomizationsXml("<ImportExportXml><Workflows><Workflow Name=\"x");
  EXPECT_TRUE(c.present);
  auto s = fw::ingest::wdl::ParseSolutionXml("<SolutionManifest><UniqueName>a</Uniq");
  EXPECT_TRUE(s.present);
  EXPECT_EQ(fw::ingest::wdl::ParseSolutionXml("").present, false);
}

TEST(LogicAppsImporter, ConsumptionTemplateWithAccessControl) {
  const char* arm = R"({
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "resources": [
      {"type": "Microsoft.Logic/workflows", "name": "[parameters('logicAppName')]",
       "tags": {"team": "orders"},
       "properties": {
         "state": "Disabled",
         "definition": {"triggers": {"manual": {"type": "Request", "kind": "Http"}},
                        "actions": {"Send": {"runAfter": {}, "type": "ApiConnection",
                          "inputs": {"host": {"connection": {"name": "@parameters('$connections')['servicebus']['connectionId']"}}}},
                                    "Code": {"runAfter": {"Send": ["Succeeded"]}, "type": "JavaScriptCode",
                                             "inputs": {"code": "return 1;"}}}},
         "parameters": {"$connections": {"value": {"servicebus": {
           "id": "[subscriptionResourceId('Microsoft.Web/locations/managedApis', parameters('location'), 'servicebus')]",
           "connectionName": "servicebus-orders"}}}}}},
      {"type": "Microsoft.Resources/deployments", "name": "nested",
       "properties": {"template": {"resources": [
         {"type": "Microsoft.Logic/workflows", "name": "la-ip",
          "properties": {"definition": {"triggers": {"manual": {"type": "Request"}}, "actions": {}},
                         "accessControl": {"triggers": {"allowedCallerIpAddresses": [{"addressRange": "10.0.0.0/8"}],
                           "openAuthenticationPolicies": {"policies": {"p": {"type": "AAD"}}}}}}}]}}}
    ]})";
  auto r = Import(arm, "arm/template.json");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.workflows.size(), 2u);
  const auto& a = r.workflows[0];
  EXPECT_EQ(a.platform, Platform::kLogicApps);
  EXPECT_EQ(a.name, "[parameters('logicAppName')]");
  EXPECT_FALSE(a.active);
  EXPECT_EQ(a.Fact("logicapps.sku"), "consumption");
  ASSERT_EQ(a.tags.size(), 1u);
  EXPECT_EQ(a.tags[0], "team=orders");
  EXPECT_EQ(a.nodes[0].auth, "sas-key");
  EXPECT_EQ(a.nodes[0].source.pointer, "/resources/0/properties/definition/triggers/manual");
  EXPECT_EQ(a.nodes[1].connector, "servicebus");
  ASSERT_EQ(a.nodes[1].credentials.size(), 1u);
  EXPECT_EQ(a.nodes[1].credentials[0].id, "servicebus-orders");
  EXPECT_EQ(a.nodes[2].role, NodeRole::kCode);
  const auto& b = r.workflows[1];
  EXPECT_EQ(b.name, "la-ip");
  EXPECT_EQ(b.nodes[0].auth, "aad-oauth+ip-restriction");
  EXPECT_EQ(b.nodes[0].exposure, Exposure::kInternet);
  EXPECT_EQ(b.source.pointer, "/resources/1/properties/template/resources/0");
}

TEST(LogicAppsImporter, StandardWorkflowReadsConnectionsAndTemplateManifests) {
  const char* workflow = R"({"definition": {
      "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
      "triggers": {"When_a_blob_is_added": {"type": "ServiceProvider", "inputs": {
        "serviceProviderConfiguration": {"connectionName": "blob", "operationId": "whenABlobIsAdded",
                                         "serviceProviderId": "/serviceProviders/AzureBlob"}}}},
      "actions": {
        "Send_mail": {"runAfter": {}, "type": "ApiConnection",
                      "inputs": {"host": {"connection": {"referenceName": "office365"}}}},
        "Call_function": {"runAfter": {"Send_mail": ["SUCCEEDED"]}, "type": "Function",
                          "inputs": {"function": {"connectionName": "scorer"}}}}},
    "kind": "Stateful"})";
  MapSiblings siblings({
      {"app/connections.json", R"({
        "managedApiConnections": {"office365": {"api": {"id": "/subscriptions/x/providers/Microsoft.Web/locations/westeurope/managedApis/office365"},
                                                "connection": {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/connections/o365-prod"}}},
        "serviceProviderConnections": {"blob": {"serviceProvider": {"id": "/serviceProviders/AzureBlob"}, "displayName": "Invoices"}},
        "functionConnections": {"scorer": {"function": {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/fn/functions/score"}}}})"},
      {"app/manifest.json", R"({"id": "invoice-template", "title": "Invoices", "skus": ["standard"],
        "workflows": {"Invoice_Flow": {"name": "Process_Invoices"}}, "details": {"By": "Contoso"}})"},
      {"app/Invoice_Flow/manifest.json",
       R"({"id": "default", "title": "Process invoices", "description": "Reads invoices.", "artifacts": [{"type": "workflow", "file": "workflow.json"}]})"},
  });
  auto r = Import(workflow, "app/Invoice_Flow/workflow.json", &siblings);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  const auto& wf = r.workflows[0];
  EXPECT_EQ(wf.id, "Invoice_Flow");
  EXPECT_EQ(wf.name, "Process_Invoices");
  EXPECT_EQ(wf.owner, "Contoso");
  EXPECT_EQ(wf.description, "Reads invoices.");
  EXPECT_EQ(wf.Fact("logicapps.sku"), "standard");
  EXPECT_EQ(wf.Fact("logicapps.kind"), "Stateful");
  EXPECT_EQ(wf.Fact("logicapps.connections-file"), "app/connections.json");
  ASSERT_EQ(wf.nodes.size(), 3u);
  EXPECT_EQ(wf.nodes[0].connector, "AzureBlob");
  EXPECT_EQ(wf.nodes[0].exposure, Exposure::kThirdParty);
  ASSERT_EQ(wf.nodes[0].credentials.size(), 1u);
  EXPECT_EQ(wf.nodes[0].credentials[0].name, "Invoices");
  EXPECT_EQ(wf.nodes[1].connector, "office365");
  EXPECT_EQ(wf.nodes[1].credentials[0].id, "o365-prod");
  EXPECT_EQ(wf.nodes[2].connector, "azurefunctions");
  EXPECT_TRUE(HasEdge(wf, "When_a_blob_is_added", "Send_mail", "trigger"));
  EXPECT_TRUE(HasEdge(wf, "Send_mail", "Call_function", "runAfter"));

  // A bare definition (the template gallery's workflow.json) is Standard too.
  auto bare = Import(
      R"({"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
                         "triggers": {"When_a_HTTP_request_is_received": {"type": "Request", "kind": "Http",
                                      "operationOptions": "IncludeAuthorizationHeadersInOutputs"}},
                         "actions": {}})",
      "tpl/default/workflow.json");
  ASSERT_EQ(bare.workflows.size(), 1u);
  EXPECT_EQ(bare.workflows[0].platform, Platform::kLogicApps);
  EXPECT_EQ(bare.workflows[0].name, "default");
  EXPECT_EQ(bare.workflows[0].nodes[0].auth, "easyauth");
}

TEST(WdlImporter, CompanionFilesAreWarningsNotErrors) {
  for (
      const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
          {"connections.json", R"({"managedApiConnections": {}})"},
          {"host.json",
           R"({"version": "2.0", "extensionBundle": {"id": "Microsoft.Azure.Functions.ExtensionBundle.Workflows"}})"},
          {"parameters.json", R"({"Table": {"type": "String", "value": "dbo.Orders"}})"},
          {"t/manifest.json",
           R"({"id": "x", "title": "T", "skus": ["standard"], "workflows": {"default": {"name": "A"}}})"},
          {"manifest.json", R"(["tool-a", "tool-b"])"},
          {"p/manifest.json",
           R"({"schema": "1.0", "details": {"displayName": "P"}, "resources": {}})"},
          {"p/Microsoft.Flow/flows/manifest.json",
           R"({"packageSchemaVersion": "1.0", "flowAssets": {"assetPaths": []}})"},
          {"p/apisMap.json", R"({"shared_office365": "a1b2"})"},
          {"p/connectionsMap.json", "{}"},
      }) {
    auto r = Import(text, name);
    EXPECT_TRUE(r.errors.empty()) << name;
    EXPECT_TRUE(r.workflows.empty()) << name;
    ASSERT_EQ(r.warnings.size(), 1u) << name;
    EXPECT_NE(r.warnings[0].message.find("companion file"), std::string::npos) << name;
  }
  // An empty object under another name is not a companion.
  EXPECT_FALSE(Import("{}", "other.json").errors.empty());
}

TEST(WdlImporter, MalformedDefinitionsGiveWarningsAndKeepGoing) {
  auto r = Import(R"({"definition": {
      "triggers": {"t": {"type": "Request"}, "bad": 3},
      "actions": {
        "A": {"runAfter": {"Missing": ["Succeeded"]}, "type": "Compose"},
        "B": {"runAfter": [1], "type": "Compose"},
        "C": "text",
        "D": {"runAfter": {}}
      }}, "kind": "Stateless"})",
                  "w/workflow.json");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.workflows.size(), 1u);
  EXPECT_EQ(r.workflows[0].nodes.size(), 4u);
  EXPECT_EQ(r.warnings.size(), 5u);
  for (const auto& w : r.warnings) {
    EXPECT_EQ(w.file, "w/workflow.json");
    EXPECT_GT(w.line, 0u);
  }

  // Deep nesting stops with a warning instead of recursing without bound.
  std::string deep = R"({"definition": {"triggers": {}, "actions": )";
  // 100 scopes (about 200 JSON levels): under the JSON reader's limit of
  // 256, over the importer's own limit of 48 nested actions.
  for (int i = 0; i < 100; ++i)
    deep += R"({"S)" + std::to_string(i) + R"(": {"type": "Scope", "actions": )";
  deep += "{}";
  for (int i = 0; i < 100; ++i) deep += "}}";
  deep += "}}";
  auto d = Import(deep, "deep/workflow.json");
  ASSERT_EQ(d.workflows.size(), 1u);
  EXPECT_LT(d.workflows[0].nodes.size(), 100u);
  EXPECT_FALSE(d.warnings.empty());

  auto expr = Import(R"({"resources": [{"type": "Microsoft.Logic/workflows", "name": "x",
                          "properties": {"definition": "[variables('d')]"}}]})");
  EXPECT_TRUE(expr.workflows.empty());
  ASSERT_EQ(expr.errors.size(), 1u);
  EXPECT_NE(expr.errors[0].message.find("without a literal definition"), std::string::npos);
}
