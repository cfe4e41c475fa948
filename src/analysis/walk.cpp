#include "analysis/walk.h"

namespace fw::analysis {

namespace {

void Walk(const core::ValueRef& v, std::string& pointer, std::string_view key, int depth,
          const std::function<void(const StringSite&)>& fn) {
  if (depth > 128 || !v.valid()) return;
  if (v.is_object() || v.is_array()) {
    const size_t base = pointer.size();
    for (size_t i = 0; i < v.size(); ++i) {
      std::string_view child_key = key;
      if (v.is_object()) {
        child_key = v.key_at(i);
        core::AppendPointerToken(pointer, child_key);
      } else {
        core::AppendPointerIndex(pointer, i);
      }
      Walk(v.value_at(i), pointer, child_key, depth + 1, fn);
      pointer.resize(base);
    }
    return;
  }
  if (v.is_null()) return;
  fn(StringSite{key, v.text(), v, pointer});
}

}  // namespace

std::string ParametersPointer(const model::Node& node) {
  const core::ValueRef& p = node.parameters;
  const core::ValueRef& n = node.source.value;
  if (n.valid() && p.valid() && p.document() == n.document()) {
    if (p.index() == n.index()) return node.source.pointer;
    if (n.is_object()) {
      for (size_t i = 0; i < n.size(); ++i) {
        if (n.value_at(i).index() == p.index()) {
          std::string ptr = node.source.pointer;
          core::AppendPointerToken(ptr, n.key_at(i));
          return ptr;
        }
      }
      // An object the importer assembled from the node's own members (Make:
      // {"parameters", "mapper", "filter"}): its keys are member names, so
      // pointers under it continue from the node itself.
      if (p.is_object() && p.size() > 0) {
        bool assembled = true;
        for (size_t i = 0; i < p.size() && assembled; ++i) {
          assembled = n[p.key_at(i)].index() == p.value_at(i).index() && n[p.key_at(i)].valid();
        }
        if (assembled) return node.source.pointer;
      }
    }
  }
  return node.source.pointer + "/parameters";
}

void ForEachScalar(const core::ValueRef& root, const std::string& pointer,
                   const std::function<void(const StringSite&)>& fn) {
  std::string p = pointer;
  Walk(root, p, "", 0, fn);
}

}  // namespace fw::analysis
