// model::Inventory: the platform-neutral picture of what was scanned.
// Importers fill it; analysis passes, reports and the threat model read it.
// Every element keeps where it came from (a ValueRef into the parsed file,
// which gives line and column, and an RFC 6901 pointer).
//
// Plain data. Thread-safety: immutable once an importer returns it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"

namespace fw::model {

enum class Platform : uint8_t { kN8n, kNodeRed, kPowerAutomate, kLogicApps, kMake, kAppModel };
std::string_view PlatformName(Platform p);

// What a node does in its workflow.
enum class NodeRole : uint8_t {
  kEntryPoint,  // starts the workflow (trigger, webhook, form, schedule)
  kStep,        // internal logic: set, if, merge, wait
  kCode,        // runs user-written code or OS commands
  kConnector,   // talks to an external service or API
  kDataStore,   // reads or writes a database, spreadsheet or vector store
  kAnnotation,  // sticky notes and other non-executing elements
};
std::string_view NodeRoleName(NodeRole r);

// Who can fire an entry point.
enum class Exposure : uint8_t {
  kNone,        // not an entry point
  kInternal,    // manual, schedule, called by another workflow, error trigger
  kThirdParty,  // a service's own trigger (Slack, Stripe...) or polling
  kInternet,    // anyone who can reach the platform's HTTP endpoint
};
std::string_view ExposureName(Exposure e);

struct SourceRef {
  core::ValueRef value;  // the JSON value; gives line and column
  std::string pointer;   // RFC 6901 pointer into the file
};

struct CredentialRef {
  std::string type;  // e.g. "httpHeaderAuth"
  std::string id;
  std::string name;
  SourceRef source;
};

struct Node {
  std::string id;
  std::string name;
  std::string type;  // platform type id, e.g. "n8n-nodes-base.webhook"
  double type_version = 1;
  NodeRole role = NodeRole::kStep;
  Exposure exposure = Exposure::kNone;
  bool disabled = false;
  std::string on_error;  // n8n: stopWorkflow, continueRegularOutput, continueErrorOutput
  std::string webhook_id;
  std::string notes;
  // Entry points: how callers authenticate ("none", "basicAuth", "headerAuth",
  // "sas-key", "aad-oauth", "ip-restriction", ...); empty when unknown or
  // not an entry point.
  std::string auth;
  // The external service or connector this step talks to, as the platform
  // names it ("hubspot", "shared_office365", "slack"); empty for internal steps.
  std::string connector;
  core::ValueRef parameters;  // the raw parameter object, positions included
  std::vector<CredentialRef> credentials;
  SourceRef source;
};

struct Connection {
  uint32_t from = 0;  // node indices
  uint32_t to = 0;
  std::string type;  // "main", "ai_tool", "ai_languageModel", ...
  uint32_t output_index = 0;
  uint32_t input_index = 0;
  SourceRef source;
};

struct ExternalHost {
  std::string host;    // lower case
  std::string scheme;  // lower case
  std::string url;     // as written
  uint32_t node = 0;
  SourceRef source;
};

struct WorkflowSettings {
  bool present = false;
  std::string caller_policy;  // n8n: any, none, workflowsFromAList, workflowsFromSameOwner
  std::string save_data_error_execution;    // n8n: all, none (empty: instance default)
  std::string save_data_success_execution;  // n8n: all, none
  std::string save_manual_executions;
  std::string error_workflow;  // id of the workflow run on failure
  std::string execution_order;
  std::string timezone;
  SourceRef source;
};

struct Workflow {
  Platform platform = Platform::kN8n;
  std::string file;  // SourceFile name
  std::string id;
  std::string name;
  bool active = false;
  bool archived = false;
  std::string version_id;
  std::string owner;
  std::vector<std::string> tags;
  std::vector<Node> nodes;
  std::vector<Connection> connections;
  WorkflowSettings settings;
  core::ValueRef pin_data;  // node name -> array of items
  core::ValueRef static_data;
  std::vector<ExternalHost> hosts;
  std::string description;
  // Platform-specific facts importers record for checks and the inventory
  // (Node-RED runtime settings, Logic Apps connection names...), key -> value.
  std::vector<std::pair<std::string, std::string>> facts;
  SourceRef source;
  std::shared_ptr<const core::Document> document;  // keeps every ValueRef alive

  // The value of a fact, or "" when absent.
  std::string_view Fact(std::string_view key) const;
  // Index of the node with this name, or -1.
  int FindNode(std::string_view name) const;
  // Index of the node named `key`, or else with that id (some tools key
  // connections by id), or -1.
  int FindNodeByNameOrId(std::string_view key) const;
};

// Settings that travel with an export but belong to no single step: Logic
// Apps connections.json, parameters.json and local.settings.json, ARM
// template and deployment parameters, Node-RED tab and subflow env, a
// plaintext flows_cred.json. They are scanned for literal secrets once,
// where they are written.
struct ConfigValues {
  Platform platform = Platform::kN8n;
  std::string what;         // "Logic Apps Standard connections.json", "env of tab 'Orders'"
  std::string workflow_id;  // when the values belong to one workflow
  std::string workflow_name;
  // Members are parameters keyed by name whose value sits under "value" or
  // "defaultValue" (ARM and Logic Apps parameters): the name is the key
  // the secret engine sees, not "value".
  bool named_parameters = false;
  SourceRef source;                                // the subtree to scan
  std::shared_ptr<const core::Document> document;  // keeps `source` alive
};

// What importers return for one input file.
struct ImportResult {
  std::vector<ConfigValues> config;  // settings to scan for secrets
  std::vector<Workflow> workflows;
  core::Diagnostics errors;    // the file could not be read as a whole
  core::Diagnostics warnings;  // parts were skipped; the rest was read
};

}  // namespace fw::model
