// Make (formerly Integromat) scenario blueprints: the JSON that "Export
// Blueprint" downloads ({"name", "flow": [modules], "metadata"}), the Make
// API's answer around it ({"response": {"blueprint": ..., "scheduling": ...}}
// or {"blueprint": ...}), and arrays of blueprints.
//
// One workflow per blueprint; one node per module, including modules inside
// router routes (/flow/3/routes/0/flow/1) and error handlers
// (/flow/2/onerror/0). Connections: sequential within a flow, router -> first
// module of each route (output_index = route index), module -> first module
// of its error handler (type "error").
//
// Node::parameters is an object built beside the file's values that holds
// the module's `parameters` (connections, hooks, static configuration),
// `mapper` (mapped values: URLs, bodies, code) and `filter` (the condition
// in front of the module) under those names, so platform-neutral checks see
// all three; its values keep their own positions. Routes and error handlers
// are not inside it: they are nodes of their own.
//
// Pure functions; thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "core/json.h"
#include "model/inventory.h"

namespace fw::ingest {

bool LooksLikeMake(const core::ValueRef& root);
model::ImportResult ImportMake(std::shared_ptr<const core::Document> doc);

namespace make {

// "google-sheets" for "google-sheets:addRow"; the whole id when it has no ':'.
std::string_view AppOf(std::string_view module);
// "addRow" for "google-sheets:addRow"; "" when there is no ':'.
std::string_view ActionOf(std::string_view module);

// What a module does, from its id alone (entry points are decided by
// position: only the first module of a scenario starts it).
struct ModuleInfo {
  model::NodeRole role = model::NodeRole::kConnector;
  bool internal = false;  // built-in tool (router, JSON, variables...): no external service
  bool trigger = false;   // a watch/trigger module when it starts the scenario
};
ModuleInfo ClassifyModule(std::string_view module);

// True for Make's custom webhook and mailhook gateways.
bool IsCustomWebhook(std::string_view module);
bool IsCustomMailhook(std::string_view module);
// True for modules that run user-written code (Make Code app and the like).
bool IsCodeModule(std::string_view module);
// True for the HTTP app's request modules (url in mapper.url).
bool IsHttpRequestModule(std::string_view module);

// True when a Make expression ({{...}}) in `text` reads the output of module
// `id`: "1" matches {{1.email}}, {{lower(1.email)}} and {{1.`x-api-key`}}.
bool ReferencesModule(std::string_view text, std::string_view id);

}  // namespace make

}  // namespace fw::ingest
