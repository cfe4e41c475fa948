// The threat model renderers on hostile names: the input is split at NUL
// bytes into names for a small diagram (boundaries, elements, a flow label,
// a threat title and scenario). Every text output is rendered; the JSON
// exports must parse and the SVG must lay out. Catches escaping that lets a
// name break the syntax of DOT, Mermaid, HTML or JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/threat_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      parts.emplace_back();
    } else {
      parts.back().push_back(static_cast<char>(data[i]));
    }
  }
  while (parts.size() < 6) parts.emplace_back("x");
  using namespace fw::threat;
  DataFlowDiagram d;
  d.key = parts[0];
  d.name = parts[0];
  d.boundaries = {{"b:internet", parts[1], BoundaryKind::kInternet},
                  {"b:org", parts[2], BoundaryKind::kExternalOrganisation}};
  Element a;
  a.id = "e:" + parts[3];
  a.name = parts[3];
  a.kind = ElementKind::kExternalEntity;
  a.boundary = "b:internet";
  Element b;
  b.id = "p:" + parts[4];
  b.name = parts[4];
  b.kind = ElementKind::kProcess;
  b.boundary = "b:org";
  d.elements = {a, b};
  Flow f;
  f.id = "f:" + a.id + "->" + b.id;
  f.from = a.id;
  f.to = b.id;
  f.label = parts[5];
  f.crosses_boundary = true;
  d.flows = {f};
  ThreatModel m;
  m.diagrams = {d};
  m.estate = d;
  Threat t;
  t.id = "TM-000000000001";
  t.target = b.id;
  t.workflow = d.key;
  t.title = parts[5];
  t.scenario = parts[1];
  m.threats = {t};
  RegisterMerge merge;
  fw::report::RenderDfdDot(d);
  fw::report::RenderDfdMermaid(d);
  fw::report::RenderThreatMarkdown(m, merge);
  fw::report::RenderReview(m, merge.merged, nullptr);
  if (!nlohmann::json::accept(fw::report::RenderThreatDragon(m, merge.merged))) std::abort();
  if (!nlohmann::json::accept(fw::report::RenderOtm(m, merge.merged))) std::abort();
  // Layout is the slow part: only for inputs small enough to keep the fuzzer fast.
  if (size < 256) {
    auto svg = fw::report::RenderDfdSvg(d);
    if (!svg.ok()) std::abort();
  }
  return 0;
}
