// Reads a Node-RED settings.js without running it. A small, tolerant scanner
// finds `module.exports = { ... }` (or `module.exports = name` and then
// `name = { ... }`) and turns that object literal into a core::Document whose
// values keep their byte offsets in the script, so findings point at the
// right line and column of settings.js.
//
// It understands what settings files hold: strings in three quote styles,
// numbers, true/false/null/undefined, nested objects and arrays, `//` and
// `/* */` comments, unquoted keys and trailing commas. Anything it cannot
// evaluate (function calls such as require(...), process.env lookups,
// functions, arithmetic, templates with `${}`) becomes a string holding the
// expression's source text, and its value index is listed in `unknown`, so
// callers can tell "set to something we cannot read" from a literal.
//
// Pure function of its input; safe on hostile text (no recursion without a
// depth limit, linear time).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/source.h"

namespace fw::ingest::nodered {

struct SettingsScript {
  std::shared_ptr<const core::Document> document;  // root: the exported object
  std::vector<uint32_t> unknown;                   // value indices of unevaluated expressions
  bool IsUnknown(const core::ValueRef& v) const;
};

// Quick content test: does this text look like a Node-RED settings script
// (a `module.exports` assignment with at least one well-known settings key)?
bool LooksLikeSettingsScript(std::string_view text);

// Scans the script. On failure `error` says what was expected and `offset`
// where, and the result has no document.
SettingsScript ScanSettingsScript(std::shared_ptr<const core::SourceFile> file, std::string* error,
                                  size_t* offset);

}  // namespace fw::ingest::nodered
