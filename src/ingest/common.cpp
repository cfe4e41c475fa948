#include "ingest/common.h"

#include "core/url.h"

namespace fw::ingest {

namespace {

void Collect(const core::ValueRef& v, std::string& pointer, uint32_t node_index,
             std::vector<model::ExternalHost>& out, int depth) {
  if (depth > 64) return;
  if (v.is_string()) {
    std::string_view s = v.str();
    if (s.find("://") == std::string_view::npos) return;
    for (std::string_view url : core::FindUrls(s)) {
      core::UrlParts parts;
      if (!core::ParseUrl(url, &parts) || !parts.host_is_literal) continue;
      out.push_back(model::ExternalHost{parts.host, parts.scheme, std::string(url), node_index,
                                        model::SourceRef{v, pointer}});
    }
    return;
  }
  const size_t base = pointer.size();
  for (size_t i = 0; i < v.size(); ++i) {
    if (v.is_object()) {
      core::AppendPointerToken(pointer, v.key_at(i));
    } else {
      core::AppendPointerIndex(pointer, i);
    }
    Collect(v.value_at(i), pointer, node_index, out, depth + 1);
    pointer.resize(base);
  }
}

}  // namespace

void CollectHosts(const core::ValueRef& v, const std::string& pointer, uint32_t node_index,
                  std::vector<model::ExternalHost>& out) {
  std::string p = pointer;
  Collect(v, p, node_index, out, 0);
}

void AddDiagnostic(core::Diagnostics& out, const core::ValueRef& at, std::string message) {
  core::Position pos = at.position();
  out.push_back(core::Diagnostic{at.document()->source().name(), pos.line, pos.column,
                                 std::move(message)});
}

}  // namespace fw::ingest
