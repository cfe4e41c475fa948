#include "analysis/checks/make_util.h"

#include <cctype>

namespace fw::analysis::checks {

std::string_view MakeApp(const model::Node& node) {
  std::string_view t = node.type;
  size_t colon = t.find(':');
  return colon == std::string_view::npos ? t : t.substr(0, colon);
}

bool ReadsMakeModuleOutput(std::string_view text) {
  for (size_t open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", open + 2)) {
    size_t close = text.find("}}", open + 2);
    std::string_view e = text.substr(
        open + 2, close == std::string_view::npos ? std::string_view::npos : close - open - 2);
    for (size_t i = 0; i < e.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(e[i]))) continue;
      bool starts = i == 0 || !(std::isalnum(static_cast<unsigned char>(e[i - 1])) ||
                                e[i - 1] == '_' || e[i - 1] == '.');
      size_t j = i;
      while (j < e.size() && std::isdigit(static_cast<unsigned char>(e[j]))) ++j;
      if (starts && j < e.size() && e[j] == '.' && j + 1 < e.size() &&
          !std::isdigit(static_cast<unsigned char>(e[j + 1]))) {
        return true;
      }
      i = j;
    }
  }
  return false;
}

model::SourceRef MakeRef(const model::Node& node, std::string_view section, std::string_view key) {
  core::ValueRef sect = node.parameters[section];
  core::ValueRef v = sect[key];
  std::string p = node.source.pointer;
  core::AppendPointerToken(p, section);
  if (!v.valid()) {
    return sect.valid() ? model::SourceRef{sect, std::move(p)}
                        : model::SourceRef{node.source.value, node.source.pointer};
  }
  core::AppendPointerToken(p, key);
  return model::SourceRef{v, std::move(p)};
}

}  // namespace fw::analysis::checks
