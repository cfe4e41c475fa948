// libFuzzer entry point for the threat register (threat-model.yaml): one
// input = the bytes of one register file. A parse error must say something;
// a register that parses must write back to text that parses to a register
// writing the very same text (the round trip people rely on when they edit
// the file between runs).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/source.h"
#include "threat/threat.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fw::core::SourceFile file("fuzz/threat-model.yaml",
                            std::string(reinterpret_cast<const char*>(data), size));
  auto parsed = fw::threat::ParseRegister(file);
  if (!parsed.ok()) {
    if (parsed.error().message.empty()) __builtin_trap();
    return 0;
  }
  const std::string written = fw::threat::WriteRegister(parsed.value());
  auto again = fw::threat::ParseRegister(fw::core::SourceFile("fuzz/again.yaml", written));
  if (!again.ok()) __builtin_trap();
  if (fw::threat::WriteRegister(again.value()) != written) __builtin_trap();
  // Merging with an empty analysis moves every entry to disappeared or unmatched.
  auto merge = fw::threat::MergeRegister(fw::threat::ThreatModel{}, parsed.value());
  if (merge.disappeared.size() + merge.unmatched.size() != parsed.value().entries.size()) {
    __builtin_trap();
  }
  return 0;
}
