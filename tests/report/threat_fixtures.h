// Threat models built by hand for the renderer tests, and schema validation
// against the shared Threat Dragon and OTM schemas (read from
// $FW_SHARED_DIR/schemas; callers skip when it is unset).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "threat/threat_model.h"

namespace fw::testing {

inline threat::Element MakeElement(std::string id, threat::ElementKind kind, std::string name,
                                   std::string boundary, std::string workflow) {
  threat::Element e;
  e.id = std::move(id);
  e.kind = kind;
  e.name = std::move(name);
  e.boundary = std::move(boundary);
  e.workflow = std::move(workflow);
  return e;
}

inline threat::Flow MakeFlow(const std::string& from, const std::string& to,
                             std::vector<std::string> classes, std::vector<std::string> fields,
                             bool crosses, std::string protocol = "https") {
  threat::Flow f;
  f.id = "f:" + from + "->" + to;
  f.from = from;
  f.to = to;
  f.data_classes = std::move(classes);
  f.fields = std::move(fields);
  f.crosses_boundary = crosses;
  f.protocol = std::move(protocol);
  return f;
}

// "Lead intake": an unauthenticated webhook whose data goes through a code
// step to HubSpot and into a spreadsheet. `name_suffix` lets tests put
// hostile characters into every name.
inline threat::ThreatModel SampleModel(const std::string& name_suffix = "") {
  using threat::BoundaryKind;
  using threat::ElementKind;
  threat::DataFlowDiagram d;
  d.key = "lead-intake";
  d.name = "Lead intake" + name_suffix;
  d.file = "n8n/lead-intake.json";
  d.boundaries = {{"b:internet", "Internet" + name_suffix, BoundaryKind::kInternet},
                  {"b:runtime:n8n", "n8n runtime", BoundaryKind::kPlatformRuntime},
                  {"b:org:hubspot.com", "HubSpot (hubspot.com)" + name_suffix,
                   BoundaryKind::kExternalOrganisation},
                  {"b:stores", "Company data stores", BoundaryKind::kInternalDataStores}};
  auto caller = MakeElement("e:caller:lead-intake/Webhook", ElementKind::kExternalEntity,
                            "Internet caller" + name_suffix, "b:internet", "lead-intake");
  auto hook = MakeElement("p:lead-intake/Webhook", ElementKind::kProcess, "Webhook" + name_suffix,
                          "b:runtime:n8n", "lead-intake");
  hook.properties = {{"role", "entry-point"}, {"exposure", "internet"}, {"auth", "none"}};
  hook.node_type = "n8n-nodes-base.webhook";
  auto code = MakeElement("p:lead-intake/Clean up", ElementKind::kProcess, "Clean up" + name_suffix,
                          "b:runtime:n8n", "lead-intake");
  code.properties = {{"code", "javascript"}};
  auto hubspot = MakeElement("e:org:hubspot.com", ElementKind::kExternalEntity,
                             "HubSpot (hubspot.com)" + name_suffix, "b:org:hubspot.com", "");
  auto sheet = MakeElement("d:lead-intake/Leads sheet", ElementKind::kDataStore,
                           "Leads sheet" + name_suffix, "b:stores", "lead-intake");
  d.elements = {caller, hook, code, hubspot, sheet};
  d.flows = {MakeFlow(caller.id, hook.id, {"personal"}, {"email", "phone"}, true),
             MakeFlow(hook.id, code.id, {"personal"}, {}, false, "internal"),
             MakeFlow(code.id, hubspot.id, {"personal"}, {"email", "phone" + name_suffix}, true),
             MakeFlow(code.id, sheet.id, {}, {}, true, "https")};

  threat::ThreatModel m;
  m.diagrams.push_back(d);
  m.estate = d;
  m.estate.key = "estate";
  m.estate.name = "All workflows";
  m.estate.file = "";

  threat::Threat spoof;
  spoof.id = "TM-000000000001";
  spoof.rule = "stride.spoofing.unauthenticated-entry-point";
  spoof.category = threat::Stride::kSpoofing;
  spoof.workflow = "lead-intake";
  spoof.target = hook.id;
  spoof.title = "Anyone can start Lead intake" + name_suffix;
  spoof.scenario =
      "Anyone who learns the webhook URL can push fake leads into HubSpot" + name_suffix;
  spoof.findings = {"FW-7c1e0a9d3b2f4e11"};
  spoof.likelihood = 7.4;
  spoof.impact = 8;
  spoof.score = 8.1;
  spoof.severity = model::Severity::kHigh;
  spoof.factors = {{"exposure", "internet"}};
  spoof.mitigations = {"Require Header Auth on the webhook"};

  threat::Threat leak;
  leak.id = "TM-000000000002";
  leak.rule = "stride.information-disclosure.personal-data-to-third-party";
  leak.category = threat::Stride::kInformationDisclosure;
  leak.workflow = "lead-intake";
  leak.target = d.flows[2].id;
  leak.title = "Customer contact details sent to HubSpot";
  leak.scenario =
      "Customer e-mail addresses and phone numbers are copied to HubSpot; a breach there exposes "
      "the company's customers.";
  leak.likelihood = 5;
  leak.impact = 7;
  leak.score = 6.2;
  leak.severity = model::Severity::kMedium;
  leak.mitigations = {"Check the data processing agreement with HubSpot"};

  threat::Threat code_threat;
  code_threat.id = "TM-000000000003";
  code_threat.rule = "stride.elevation.code-step";
  code_threat.category = threat::Stride::kElevationOfPrivilege;
  code_threat.workflow = "lead-intake";
  code_threat.target = code.id;
  code_threat.title = "Code step runs on the automation server";
  code_threat.scenario = "The code step can read anything the automation server can.";
  code_threat.likelihood = 3;
  code_threat.impact = 6;
  code_threat.score = 4.1;
  code_threat.severity = model::Severity::kMedium;
  m.threats = {spoof, leak, code_threat};
  return m;
}

inline std::string SharedSchemaDir() {
  const char* shared = std::getenv("FW_SHARED_DIR");
  if (shared == nullptr || *shared == 0) return "";
  auto dir = std::filesystem::path(shared) / "schemas";
  return std::filesystem::exists(dir) ? dir.string() : "";
}

// Empty when `doc` is valid against the schema file; else the first errors.
inline std::string SchemaErrors(const std::string& schema_path, const nlohmann::json& doc) {
  std::ifstream in(schema_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json schema_json = nlohmann::json::parse(ss.str());
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error) && shown++ < 20) {
    std::string where;
    for (const auto& c : error.context) where += c;
    out += where + ": " + error.description + "\n";
  }
  return out;
}

}  // namespace fw::testing
