// libFuzzer entry point for Make blueprints: one input = the bytes of one
// file. Parses it as JSON and, when it parses, runs the Make importer on it
// whatever its shape (so the fuzzer need not first discover "flow"), then
// every check on what came out.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/check.h"
#include "core/json.h"
#include "core/source.h"
#include "ingest/make/make_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/blueprint.json", std::move(bytes));
  auto parsed = fw::core::Document::ParseJson(file);
  if (!parsed.ok()) return 0;
  fw::ingest::LooksLikeMake(parsed.value()->root());
  fw::model::ImportResult result = fw::ingest::ImportMake(parsed.value());
  for (const auto& d : result.warnings) {
    if (d.file.empty()) __builtin_trap();
  }
  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(result.workflows, findings);
  return 0;
}
