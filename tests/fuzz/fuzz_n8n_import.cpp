// libFuzzer entry point: one input = the bytes of one exported file.
// Runs what `flowwarden scan` runs for it (ImportFile, then every check) and
// the strict syntax scanner that explains rejected files.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/check.h"
#include "core/json.h"
#include "core/source.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);

  // FindJsonSyntaxError returns true when it found an error (json_syntax.cpp
  // and ParseJson agree on that; json.h's comment says the opposite). The
  // offset it reports must lie inside, or just past the end of, the input.
  size_t offset = 0;
  std::string message;
  if (fw::core::FindJsonSyntaxError(bytes, &offset, &message)) {
    if (offset > size || message.empty()) __builtin_trap();
  }

  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/input.json", std::move(bytes));
  fw::model::ImportResult result = fw::ingest::ImportFile(file);

  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(result.workflows, findings);
  return 0;
}
