// Renders an analysis::Inventory as a terminal table, JSON (the contract in
// schemas/inventory.schema.json) or CSV (RFC 4180, one row per workflow).
// Pure functions returning text; the CLI decides where it goes.
#pragma once

#include <string>

#include "analysis/inventory.h"

namespace fw::report {

// A block per workflow, then unreadable files, then the totals.
std::string RenderInventoryTable(const analysis::Inventory& inventory);

// Everything, including every data field and error.
std::string RenderInventoryJson(const analysis::Inventory& inventory);

// A header row, one `workflow` row per workflow and one `error` row per
// unreadable or broken file. Multi-valued cells are joined with "; ". Text
// cells that a spreadsheet would run as a formula (starting with = + - @,
// tab or carriage return) get a leading apostrophe.
std::string RenderInventoryCsv(const analysis::Inventory& inventory);

}  // namespace fw::report
