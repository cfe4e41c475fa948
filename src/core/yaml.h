// YAML reading into the same positioned value tree as JSON (core::Document),
// so importers and checks walk YAML files exactly like JSON ones and every
// value still knows its line and column.
//
// yaml-cpp's event parser drives a small builder: mappings become objects,
// sequences arrays. Plain (unquoted) scalars follow the YAML 1.2 core schema
// (true/false, null/~, decimal numbers); quoted and block scalars are
// strings. Anchors and aliases resolve by sharing the anchored subtree; the
// values aliases would add when expanded are capped, so a "billion laughs"
// file is rejected instead of exhausting memory in later walks. `<<` merge
// keys are applied. Only the first document of a multi-document stream is
// read (with a warning).
//
// Thread-safety: ParseYaml is reentrant; the Document it returns is
// immutable.
#pragma once

#include <cstdint>
#include <memory>

#include "core/diagnostic.h"
#include "core/json.h"
#include "core/result.h"
#include "core/source.h"

namespace fw::core {

struct YamlLimits {
  // How many values aliases may add to the document once expanded.
  uint64_t max_alias_expansion = 1'000'000;
  // Nesting depth of mappings and sequences.
  uint32_t max_depth = 256;
};

// Parses the first YAML document of `src`. Errors (syntax, unknown alias,
// limits) name the file, 1-based line and column, and what went wrong.
// Warnings (further documents, duplicate or complex keys) go to `warnings`
// when it is not null. An empty stream gives a document whose root is null.
Result<std::shared_ptr<const Document>> ParseYaml(std::shared_ptr<const SourceFile> src,
                                                  Diagnostics* warnings = nullptr,
                                                  const YamlLimits& limits = YamlLimits());

// True when the text starts like a JSON document ('{' or '[' after white
// space and a byte order mark); such files go to the JSON parser.
bool LooksLikeJsonText(std::string_view bytes);

}  // namespace fw::core
