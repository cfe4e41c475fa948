#include "core/json.h"
#include "ingest/ingest.h"

namespace fw::ingest {

model::ImportResult ImportFile(std::shared_ptr<const core::SourceFile> file,
                               const SiblingReader* siblings) {
  (void)siblings;  // used by importers that read companion files
  model::ImportResult result;
  auto parsed = core::Document::ParseJson(file);
  if (!parsed.ok()) {
    result.errors.push_back(parsed.error());
    return result;
  }
  const auto& doc = parsed.value();
  if (LooksLikeN8n(doc->root())) return ImportN8n(doc);
  core::Position pos = doc->root().position();
  result.errors.push_back(core::Diagnostic{
      file->name(), pos.line, pos.column,
      "unrecognised format: expected an n8n workflow (an object with \"nodes\" and "
      "\"connections\") or an array of workflows"});
  return result;
}

}  // namespace fw::ingest
