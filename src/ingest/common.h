// Helpers every importer shares.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "model/inventory.h"

namespace fw::ingest {

// Adds every literal host found in URLs inside the strings under `v`.
void CollectHosts(const core::ValueRef& v, const std::string& pointer, uint32_t node_index,
                  std::vector<model::ExternalHost>& out);
// Appends a diagnostic positioned at `at`.
void AddDiagnostic(core::Diagnostics& out, const core::ValueRef& at, std::string message);
// The value as text ("" when missing).
inline std::string Text(const core::ValueRef& v) { return std::string(v.text()); }

}  // namespace fw::ingest
