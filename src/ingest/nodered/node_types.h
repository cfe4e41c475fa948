// What flowwarden knows about Node-RED node types: the role each plays in a
// flow, who can fire the entry points, and which service a node talks to.
// Covers the core palette, node-red-dashboard (1.x `ui_*` and 2.x `ui-*`
// widgets) and common community nodes; unknown types are plain steps.
#pragma once

#include <string_view>

#include "model/inventory.h"

namespace fw::ingest::nodered {

struct NodeTypeInfo {
  model::NodeRole role = model::NodeRole::kStep;
  model::Exposure exposure = model::Exposure::kNone;
  std::string_view connector;  // service name for connectors ("http", "mqtt"), else ""
};

// Role of a flow node (one with wires) by its type. `websocket in` depends on
// its configuration and is refined by the importer.
NodeTypeInfo ClassifyNodeType(std::string_view type);

// Dashboard widgets a visitor of the dashboard can use to send messages.
bool IsDashboardInput(std::string_view type);

// Config node types that hold a login, key or certificate for the nodes that
// use them (mqtt-broker, http proxy, tls-config, *-credentials...).
bool IsCredentialConfig(std::string_view type);

// The service a config node connects to ("mqtt" for mqtt-broker), or "".
std::string_view ConfigConnector(std::string_view type);

}  // namespace fw::ingest::nodered
