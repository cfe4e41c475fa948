// The inventory: a compact, platform-neutral summary of each workflow (who
// can start it and how they authenticate, which services, hosts, credentials
// and code it uses, which data fields pass through it and how sensitive they
// look, where it stores data, who owns it) and totals over all of them.
//
// A WorkflowSummary holds only strings and counts, never the parsed
// Document, so an inventory of tens of thousands of workflows stays small:
// the caller summarises each workflow as soon as it is imported and lets the
// import go.
//
// Pure functions; thread-safety: summaries are plain values.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "detect/fields.h"
#include "model/finding.h"
#include "model/inventory.h"

namespace fw::analysis {

struct EntryPointSummary {
  std::string node;  // node name
  std::string type;  // platform type id
  // What starts it: "webhook", "http", "form", "chat", "mcp", "resume-webhook",
  // "schedule", "manual", "sub-workflow", "error", "email", "file", "message",
  // "service-event" or "other".
  std::string kind;
  model::Exposure exposure = model::Exposure::kNone;
  // How callers authenticate: "none" (nobody is asked), a method name, or ""
  // when the export does not say (or it does not apply, e.g. a schedule).
  std::string auth;
  bool disabled = false;
};

struct HostSummary {
  std::string scheme;
  std::string host;
  std::string scope;  // "public", "private", "loopback", "local-name"
};

struct CredentialSummary {
  std::string type;
  std::string name;
  std::string id;
};

struct CodeStepSummary {
  std::string node;
  std::string type;
  std::string language;  // "javascript", "python", "shell", "powershell", "csharp", "unknown"
};

struct DataFieldSummary {
  std::string name;
  detect::DataClass sensitivity = detect::DataClass::kUnknown;
};

struct DataStoreSummary {
  std::string node;
  std::string type;
  std::string connector;
};

struct WorkflowSummary {
  std::string file;
  model::Platform platform = model::Platform::kN8n;
  std::string id;
  std::string name;
  bool active = false;
  std::string owner;
  std::string owner_source;  // "export", "owners-file" or "" when unknown
  std::vector<std::string> tags;
  size_t nodes = 0;
  std::vector<EntryPointSummary> entry_points;
  std::vector<std::string> connectors;  // distinct, in order of appearance
  std::vector<HostSummary> hosts;       // distinct scheme + host
  std::vector<CredentialSummary> credentials;
  std::vector<CodeStepSummary> code_steps;
  std::vector<DataFieldSummary> data_fields;  // distinct names (case-insensitive)
  std::vector<DataStoreSummary> data_stores;
};

// At most this many data fields are kept per workflow (a guard against
// generated exports with thousands of columns).
inline constexpr size_t kMaxFieldsPerWorkflow = 500;

// Summarises one imported workflow. The owner is the one the export records
// (owner_source "export"); owners files are applied by the caller.
WorkflowSummary SummariseWorkflow(const model::Workflow& wf);

// The data fields a workflow mentions, in order of first appearance, without
// duplicates, each with the class its model declares (app models) or else
// the one its name suggests (detect::ClassifyFieldName).
std::vector<DataFieldSummary> CollectDataFields(const model::Workflow& wf);
// The same for one step's parameters only (the threat model labels each data
// flow with the fields its target step reads).
std::vector<DataFieldSummary> CollectNodeDataFields(const model::Workflow& wf,
                                                    const model::Node& node);

struct InventoryTotals {
  size_t workflows = 0;
  std::map<std::string, size_t> by_platform;  // platform name -> workflows
  size_t entry_points = 0;
  // Enabled entry points anyone on the internet can call.
  size_t internet_entry_points = 0;
  size_t unauthenticated_internet_entry_points = 0;  // auth "none"
  size_t internet_entry_points_auth_unknown = 0;     // auth not recorded
  size_t external_hosts = 0;                         // distinct host names
  size_t connectors = 0;                             // distinct connector names
  size_t credentials = 0;                            // distinct (platform, type, id or name)
  size_t code_steps = 0;
  size_t data_stores = 0;
  size_t workflows_without_owner = 0;
  // Workflows handling at least one field of each sensitive class.
  std::map<std::string, size_t> workflows_with_sensitive_data;
};

InventoryTotals ComputeTotals(const std::vector<WorkflowSummary>& workflows);

// Everything the inventory command reports.
struct Inventory {
  model::ScanSummary scanned;  // files read, errors, warnings
  std::vector<WorkflowSummary> workflows;
  InventoryTotals totals;
};

}  // namespace fw::analysis
