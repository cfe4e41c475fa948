// Node-RED flow export reader. Accepts what Node-RED writes and serves:
// - a flow file or editor export: a JSON array of node objects (tabs,
//   subflows, groups, config nodes and flow nodes with `z` and `wires`);
// - the admin API v2 wrapper {"flows": [...], "rev": "..."};
// - the admin API's single flow {"id", "label", "nodes", "configs"} and its
//   global flow {"id": "global", "configs", "subflows"};
// - one node object (a copied node) with `id`, `type` and `wires`.
// One model::Workflow per tab and per subflow definition; nodes whose tab is
// not in the export form a workflow named after the file. Runtime settings
// come through the SiblingReader (see settings.h).
//
// Pure functions; thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "core/json.h"
#include "core/source.h"
#include "ingest/ingest.h"
#include "model/inventory.h"

namespace fw::ingest {

// The relative name under which a SiblingReader answers with the settings
// file the user passed (`flowwarden scan --nodered-settings FILE`). It wins
// over settings.js / settings.json beside the flows.
inline constexpr std::string_view kSettingsArgument = "<nodered-settings>";

bool LooksLikeNodeRed(const core::ValueRef& root);
model::ImportResult ImportNodeRed(std::shared_ptr<const core::Document> doc,
                                  const SiblingReader* siblings = nullptr);

// Node-RED files that belong beside flows but are not flows: settings.js,
// settings.json, .config.runtime.json, flows_cred.json, the node registry.
// `doc` is null when the file is not JSON. Returns true and fills `out`
// (no workflows, one warning naming what the file is) when recognised.
bool ReadNodeRedCompanion(const core::SourceFile& file, const core::Document* doc,
                          model::ImportResult* out);

}  // namespace fw::ingest
