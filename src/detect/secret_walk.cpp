#include "detect/secret_walk.h"

#include <utility>

namespace fw::detect {

namespace {

struct PairShape {
  std::string_view name_key;
  std::string_view value_key;
};
constexpr PairShape kPairs[] = {{"name", "value"},
                                {"key", "value"},
                                {"keyValue", "valueValue"},
                                {"parameterName", "parameterValue"}};

// The name of a name/value pair object and the key of its value, or {}.
std::pair<std::string_view, std::string_view> PairOf(const core::ValueRef& v) {
  for (const auto& p : kPairs) {
    core::ValueRef name = v[p.name_key];
    if (name.is_string() && v[p.value_key].is_string() && !name.str().empty()) {
      return {name.str(), p.value_key};
    }
  }
  return {};
}

void Walk(const core::ValueRef& v, std::string& pointer, std::string_view key, bool pair,
          bool binary, int depth, const std::function<void(const SecretSite&)>& fn) {
  if (depth > 128 || !v.valid()) return;
  if (v.is_string()) {
    fn(SecretSite{v, v.str(), SecretContext{key, pointer, binary}, pair});
    return;
  }
  if (!v.is_object() && !v.is_array()) return;
  const size_t base = pointer.size();
  if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      core::AppendPointerIndex(pointer, i);
      Walk(v.value_at(i), pointer, key, false, binary, depth + 1, fn);
      pointer.resize(base);
    }
    return;
  }
  auto [pair_name, pair_value_key] = PairOf(v);
  const bool file_object = v["mimeType"].is_string() || v["mime_type"].is_string();
  for (size_t i = 0; i < v.size(); ++i) {
    std::string_view child_key = v.key_at(i);
    core::AppendPointerToken(pointer, child_key);
    const bool is_pair_value = !pair_name.empty() && child_key == pair_value_key;
    const bool child_binary = binary || child_key == "binary" || (file_object && child_key == "data");
    Walk(v.value_at(i), pointer, is_pair_value ? pair_name : child_key, is_pair_value,
         child_binary, depth + 1, fn);
    pointer.resize(base);
  }
}

}  // namespace

void ForEachSecretSite(const core::ValueRef& root, const std::string& pointer,
                       const std::function<void(const SecretSite&)>& fn) {
  std::string p = pointer;
  Walk(root, p, "", false, false, 0, fn);
}

}  // namespace fw::detect
