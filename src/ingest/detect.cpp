#include "core/json.h"
#include "ingest/appmodel/appmodel_importer.h"
#include "ingest/archive.h"
#include "ingest/ingest.h"
#include "ingest/make/make_importer.h"
#include "ingest/nodered/nodered_importer.h"
#include "ingest/wdl/wdl.h"

namespace fw::ingest {

model::ImportResult ImportFile(std::shared_ptr<const core::SourceFile> file,
                               const SiblingReader* siblings) {
  (void)siblings;  // used by importers that read companion files
  model::ImportResult result;
  if (LooksLikeZip(file->bytes())) return ImportArchive(file, siblings);
  if (WantsYamlReader(*file)) return ImportYamlFile(file);
  auto parsed = core::Document::ParseJson(file);
  if (!parsed.ok()) {
    if (ReadNodeRedCompanion(*file, nullptr, &result)) return result;  // settings.js
    result.errors.push_back(parsed.error());
    return result;
  }
  const auto& doc = parsed.value();
  if (LooksLikeN8n(doc->root())) return ImportN8n(doc);
  if (LooksLikeNodeRed(doc->root())) return ImportNodeRed(doc, siblings);
  if (LooksLikeMake(doc->root())) return ImportMake(doc);
  if (LooksLikeAppModel(doc->root())) return ImportAppModel(doc);
  if (LooksLikeWdl(doc->root(), file->name())) return ImportWdl(doc, siblings);
  if (ReadNodeRedCompanion(*file, doc.get(), &result)) {
    for (auto& config : result.config) config.document = doc;
    return result;
  }
  core::Position pos = doc->root().position();
  result.errors.push_back(core::Diagnostic{
      file->name(), pos.line, pos.column,
      "unrecognised format: expected a workflow export: n8n (an object with \"nodes\" and "
      "\"connections\", or an array of them), Node-RED (an array of nodes with \"id\" and "
      "\"type\"), Power Automate or Logic Apps (a \"definition\" with \"triggers\" and "
      "\"actions\"), Make (a blueprint with \"flow\") or a flowwarden app model"});
  return result;
}

}  // namespace fw::ingest
