// The YAML app model (docs/app-model.md, schemas/app-model.schema.json):
// a hand-written description of an app built on a platform without a useful
// export (Airtable, Retool, AppSheet, Power Apps canvas apps, internal form
// builders).
//
// One file gives:
// - an "app" workflow: forms are entry points (internet-facing when public or
//   sign-in based), tables and data sources are data stores, dashboards are
//   data stores that show tables, connectors are connector nodes with their
//   hosts; connections run form -> table it stores to -> dashboards showing it;
// - one workflow per automation: its trigger (a form submission inherits the
//   form's exposure) followed by its steps in order.
// Node::parameters is the element's own mapping (a step's `parameters`), so
// platform-neutral checks (secrets, plaintext URLs) see every value.
//
// The document is checked against the model's shape while it is read:
// unknown keys, wrong types and unknown enumeration values are warnings with
// their line and column; the rest of the file is still read.
//
// Pure functions; thread-safe.
#pragma once

#include <memory>

#include "core/json.h"
#include "core/source.h"
#include "model/inventory.h"

namespace fw::ingest {

// `kind: AppModel` (with or without a flowwarden.dev apiVersion).
bool LooksLikeAppModel(const core::ValueRef& root);
model::ImportResult ImportAppModel(std::shared_ptr<const core::Document> doc);

// True when `file` should go to the YAML reader: it does not start like JSON
// and it is named *.yaml / *.yml or holds a `kind: AppModel` line.
bool WantsYamlReader(const core::SourceFile& file);

// Reads a file that is not JSON as YAML and imports it when it is an app
// model. Anything else gives an error diagnostic (YAML syntax errors with
// their position, or "unrecognised YAML document").
model::ImportResult ImportYamlFile(std::shared_ptr<const core::SourceFile> file);

}  // namespace fw::ingest
