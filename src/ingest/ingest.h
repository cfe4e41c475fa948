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

// Lets an importer read files next to the one it imports (Logic Apps
// connections.json beside workflow.json, Node-RED settings beside flows,
// members of the same zip archive) without touching the file system itself.
class SiblingReader {
 public:
  virtual ~SiblingReader() = default;
  // The file at `relative_path` from the folder of `of` ("../connections.json"
  // is allowed), or null when there is none.
  virtual std::shared_ptr<const core::SourceFile> Read(const core::SourceFile& of,
                                                       std::string_view relative_path) const = 0;
};

// Detects the platform from the content and imports it. A file that is not
// JSON, or JSON of no known format, gives an error diagnostic. `siblings`
// may be null.
model::ImportResult ImportFile(std::shared_ptr<const core::SourceFile> file,
                               const SiblingReader* siblings = nullptr);

// Importers by platform, for callers that know the format (and for fuzzing).
bool LooksLikeN8n(const core::ValueRef& root);
model::ImportResult ImportN8n(std::shared_ptr<const core::Document> doc);

}  // namespace fw::ingest
