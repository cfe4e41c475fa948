// Reading the Workflow Definition Language (WDL) that Power Automate and
// Azure Logic Apps share: `definition.triggers` and `definition.actions`,
// each action ordered by `runAfter`, containers (If, Switch, Foreach, Until,
// Scope, Agent tools) holding nested actions. The platform importers find the
// definition in their envelopes (solution packages, ARM templates,
// workflow.json) and call ReadDefinition; what differs between the platforms
// (how entry points are authenticated, where connections are declared) they
// fill in before or after.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json.h"
#include "model/inventory.h"

namespace fw::ingest::wdl {

// A declared connection: a Power Automate connection reference, a Logic Apps
// Standard connections.json entry, or a Consumption `$connections` value.
struct ConnectionInfo {
  std::string name;     // the key actions refer to ("shared_office365", "sql")
  std::string api;      // the connector ("shared_office365", "sql", "AzureBlob")
  std::string id;       // the connection's own name or logical name, if any
  std::string display;  // a display name or the account it signs in with
};

class ConnectionTable {
 public:
  void Add(ConnectionInfo info);
  // Case-insensitive lookup by the key actions use; null when unknown.
  const ConnectionInfo* Find(std::string_view name) const;
  bool empty() const { return items_.empty(); }
  const std::vector<ConnectionInfo>& items() const { return items_; }

 private:
  std::vector<ConnectionInfo> items_;
};

// True when `v` is a WDL definition: an object with a "triggers" or
// "actions" object, or a "$schema" naming workflowdefinition.json.
bool IsDefinition(const core::ValueRef& v);

// The last segment of an API id ("/providers/Microsoft.PowerApps/apis/
// shared_office365" -> "shared_office365"); ARM expressions are kept whole.
std::string ApiNameFromId(std::string_view id);

// Appends every trigger and action under `def` (found at JSON pointer
// `pointer`) to `wf` as nodes, with the runAfter / container / trigger edges
// between them and the external hosts their inputs name. Node names are the
// trigger and action keys; a problem in one element becomes a warning and
// the rest is read.
void ReadDefinition(const core::ValueRef& def, const std::string& pointer,
                    const ConnectionTable& connections, model::Workflow& wf,
                    core::Diagnostics& warnings);

// Case-insensitive type comparison (WDL types are case-insensitive:
// "Foreach" and "foreach" are the same).
bool TypeIs(std::string_view type, std::string_view expected);

// The Request trigger's `kind` says who calls it: "Http" (or none) is the
// HTTP endpoint; Power Automate's Button, PowerApp, ApiConnection (for a
// selected item), Skills... are started by signed-in users.
bool IsHttpRequestTrigger(const model::Node& node);

// Path helpers for SourceFile names, which may be `pkg.zip!/inner/path`:
// the name of the folder holding the file ("" at the top of a scan or an
// archive) and the file name without its folder.
std::string_view ParentFolderName(std::string_view file_name);
std::string_view BaseName(std::string_view file_name);

// The value at `key` of a node's settings with its JSON pointer; the node
// itself when the key is absent.
model::SourceRef SettingRef(const model::Node& node, std::string_view key);

}  // namespace fw::ingest::wdl
