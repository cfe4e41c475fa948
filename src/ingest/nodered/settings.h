// The Node-RED runtime settings that decide who can reach a flow and how
// credentials are kept: adminAuth, httpNodeAuth, credentialSecret,
// requireHttps and friends. Read from the file given with
// `--nodered-settings`, or from settings.js / settings.json beside the flow
// export, plus the generated key in .config.runtime.json (or the older
// .config.json). Everything goes through the SiblingReader; nothing here
// touches the file system or runs JavaScript.
//
// What was found becomes Workflow::facts ("nodered.httpNodeAuth" = "set",
// "unset" or "unknown", ...) on every workflow of the flow file, and, when a
// settings file was read, one extra workflow, "Node-RED runtime", whose only
// node is the editor and admin API as an entry point (see
// docs/decisions/0005-nodered-tabs.md).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "ingest/ingest.h"
#include "model/inventory.h"

namespace fw::ingest::nodered {

struct RuntimeSettings {
  // The settings object (settings.js's module.exports or a JSON object);
  // null document when no settings file was found.
  std::shared_ptr<const core::Document> document;
  core::ValueRef root;
  std::string file;               // its name, as outputs show it
  std::vector<uint32_t> unknown;  // value indices the script scanner could not evaluate
  std::vector<std::pair<std::string, std::string>> facts;

  bool found() const { return document != nullptr; }
  bool IsUnknown(const core::ValueRef& v) const;
  std::string_view Fact(std::string_view key) const;
};

// Reads the settings that apply to the flow file `flows`. Problems (a
// settings.js that cannot be scanned) become warnings; missing files are
// not a problem.
RuntimeSettings ReadRuntimeSettings(const core::SourceFile& flows, const SiblingReader* siblings,
                                    core::Diagnostics& warnings);

// Parses one settings file, JSON or JavaScript, named as `file` says.
// Exposed for tests and fuzzing.
RuntimeSettings ParseSettingsFile(std::shared_ptr<const core::SourceFile> file,
                                  core::Diagnostics& warnings);

// The "Node-RED runtime" workflow of a settings file. REQUIRES: found().
model::Workflow RuntimeWorkflow(const RuntimeSettings& settings);

// Node-RED files that sit beside flows but are not flows (settings, the
// runtime's generated key, credentials, the node registry, a project's
// package.json). Returns what the file is, or "" when it is none of them.
std::string CompanionKind(const core::ValueRef& root);

}  // namespace fw::ingest::nodered
