// ingest: turns the bytes of one exported file into model workflows. Every
// importer is a pure function of its input (no file system, no printing);
// `ImportFile` recognises the format from content, not from the file name.
// Thread-safety: all functions are reentrant.
#pragma once

#include <memory>
#include <string_view>

#include "core/source.h"
#include "model/inventory.h"

namespace fw::ingest {

// Detects the platform from the parsed document and imports it. A file that
// is not JSON, or JSON of no known format, gives an error diagnostic.
model::ImportResult ImportFile(std::shared_ptr<const core::SourceFile> file);

// Importers by platform, for callers that know the format (and for fuzzing).
bool LooksLikeN8n(const core::ValueRef& root);
model::ImportResult ImportN8n(std::shared_ptr<const core::Document> doc);

}  // namespace fw::ingest
