// Entry points of the Workflow Definition Language family: Power Automate
// flows and Azure Logic Apps workflows, plus the companion files that travel
// with them (connections.json, parameters.json, host.json, template and
// package manifests, connection maps). ImportFile calls LooksLikeWdl and
// ImportWdl; the per-platform functions are for tests and fuzzing.
//
// Which platform a bare definition belongs to is decided from content: see
// docs/decisions/0006-wdl-import.md. Pure functions; thread-safe.
#pragma once

#include <memory>

#include "core/json.h"
#include "ingest/ingest.h"
#include "model/inventory.h"

namespace fw::ingest {

// True for a Power Automate flow, a Logic Apps workflow (Standard
// workflow.json, Consumption ARM template or resource) or a known companion.
bool LooksLikeWdl(const core::ValueRef& root, std::string_view file_name);
// Imports what LooksLikeWdl recognised. Companion files give no workflow and
// one warning saying what they are; their content is read by the workflows
// beside them through `siblings`.
model::ImportResult ImportWdl(std::shared_ptr<const core::Document> doc,
                              const SiblingReader* siblings);

bool LooksLikePowerAutomate(const core::ValueRef& root);
model::ImportResult ImportPowerAutomate(std::shared_ptr<const core::Document> doc,
                                        const SiblingReader* siblings);
bool LooksLikeLogicApps(const core::ValueRef& root);
model::ImportResult ImportLogicApps(std::shared_ptr<const core::Document> doc,
                                    const SiblingReader* siblings);

// What a companion file is ("Logic Apps connections.json"), or "" when the
// content is not one of the known companions.
std::string_view WdlCompanionKind(const core::ValueRef& root, std::string_view file_name);

}  // namespace fw::ingest
