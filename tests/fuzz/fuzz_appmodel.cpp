// libFuzzer entry point for YAML app models: one input = the bytes of one
// file. Runs the YAML reader (yaml-cpp events into a Document), and when it
// gives a document, the app model import (shape check included) whatever
// the document's kind, then every check. Positions must stay inside the
// file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/check.h"
#include "core/source.h"
#include "core/yaml.h"
#include "ingest/appmodel/appmodel_importer.h"

namespace {

void Walk(const fw::core::ValueRef& v, size_t size, int depth) {
  if (v.offset() > size) __builtin_trap();
  if (depth > 300) return;
  for (size_t i = 0; i < v.size(); ++i) Walk(v.value_at(i), size, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/app.yaml", std::move(bytes));
  fw::core::Diagnostics warnings;
  fw::core::YamlLimits limits;
  limits.max_alias_expansion = 20000;  // keep each run fast; the cap itself is what is tested
  auto parsed = fw::core::ParseYaml(file, &warnings, limits);
  if (!parsed.ok()) {
    if (parsed.error().message.empty()) __builtin_trap();
    return 0;
  }
  Walk(parsed.value()->root(), size, 0);
  fw::model::ImportResult result = fw::ingest::ImportAppModel(parsed.value());
  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(result.workflows, findings);
  fw::ingest::WantsYamlReader(*file);
  return 0;
}
