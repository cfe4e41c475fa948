// libFuzzer entry point for the JSON layer alone: Document::ParseJson (and,
// on failure, the validating scanner it falls back to for the message), then
// a full walk of the resulting tree so every accessor is exercised.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/json.h"
#include "core/source.h"

namespace {

size_t Walk(const fw::core::ValueRef& v, int depth) {
  if (!v || depth > 4096) return 0;
  size_t n = 1;
  (void)v.position();
  (void)v.text();
  (void)v.str();
  (void)v.number();
  (void)v.boolean();
  if (v.is_object()) {
    for (size_t i = 0; i < v.size(); ++i) {
      (void)v[v.key_at(i)];
      n += Walk(v.value_at(i), depth + 1);
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) n += Walk(v.at(i), depth + 1);
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto file = std::make_shared<const fw::core::SourceFile>(
      "fuzz/input.json", std::string(reinterpret_cast<const char*>(data), size));
  auto parsed = fw::core::Document::ParseJson(file);
  if (parsed.ok()) {
    (void)Walk(parsed.value()->root(), 0);
  } else {
    (void)parsed.error();
  }
  return 0;
}
