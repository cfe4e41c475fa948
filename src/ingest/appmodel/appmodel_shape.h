// The shape of an app model document, as a table the importer checks the
// YAML against (the same rules as schemas/app-model.schema.json: known keys,
// value types, enumerations, required keys). Kept in one place so the
// schema, the docs and the reader agree; tests compare it with the schema.
#pragma once

#include <span>
#include <string_view>

#include "core/diagnostic.h"
#include "core/json.h"

namespace fw::ingest::appmodel {

enum class Type : uint8_t {
  kString,
  kBool,
  kNumber,
  kStringList,
  kObject,      // a mapping described by `def`
  kObjectList,  // a sequence of mappings described by `def`
  kFree,        // any mapping (step and connector parameters)
  kOwnerList,   // a sequence of e-mail strings or owner mappings
};

struct Def;

struct Prop {
  std::string_view name;
  Type type;
  const Def* def = nullptr;
  std::span<const std::string_view> values = {};  // allowed strings; empty: any
  bool required = false;
};

struct Def {
  std::string_view name;  // "form", "field", ... as the schema's $defs call them
  std::span<const Prop> props;
};

// The document's top level.
const Def& RootDef();
// Every definition, for tests that compare the table with the JSON Schema.
std::span<const Def* const> AllDefs();

// Classifications a field may carry.
std::span<const std::string_view> Classifications();

// Appends a warning for every unknown key, wrong type, unknown enumeration
// value and missing required key under `root`.
void CheckShape(const core::ValueRef& root, core::Diagnostics& warnings);

}  // namespace fw::ingest::appmodel
