// A stable JSON projection of a threat model for golden files and test
// diagnostics: every diagram, element, flow and threat field that the
// analysis decides, in the order the analysis produces them.
#pragma once

#include <nlohmann/json.hpp>

#include "threat/threat.h"

namespace fw::threat::testing {

using Json = nlohmann::ordered_json;

inline Json PairsJson(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Json o = Json::object();
  for (const auto& [k, v] : pairs) o[k] = v;
  return o;
}

inline Json DiagramJson(const DataFlowDiagram& d) {
  Json boundaries = Json::array();
  for (const auto& b : d.boundaries) {
    boundaries.push_back({{"id", b.id}, {"name", b.name}, {"kind", BoundaryKindName(b.kind)}});
  }
  Json elements = Json::array();
  for (const auto& e : d.elements) {
    elements.push_back({{"id", e.id},
                        {"kind", ElementKindName(e.kind)},
                        {"name", e.name},
                        {"boundary", e.boundary},
                        {"properties", PairsJson(e.properties)},
                        {"findings", e.findings.size()}});
  }
  Json flows = Json::array();
  for (const auto& f : d.flows) {
    flows.push_back({{"id", f.id},
                     {"label", f.label},
                     {"protocol", f.protocol},
                     {"data_classes", f.data_classes},
                     {"crosses_boundary", f.crosses_boundary},
                     {"findings", f.findings.size()}});
  }
  return Json{{"key", d.key},         {"name", d.name},
              {"file", d.file},       {"boundaries", boundaries},
              {"elements", elements}, {"flows", flows}};
}

inline Json ThreatJson(const Threat& t) {
  return Json{{"id", t.id},
              {"rule", t.rule},
              {"stride", StrideLetter(t.category)},
              {"workflow", t.workflow},
              {"target", t.target},
              {"title", t.title},
              {"scenario", t.scenario},
              {"findings", t.findings.size()},
              {"likelihood", t.likelihood},
              {"impact", t.impact},
              {"score", t.score},
              {"severity", model::SeverityName(t.severity)},
              {"factors", PairsJson(t.factors)},
              {"mitigations", t.mitigations.size()}};
}

inline Json ModelJson(const ThreatModel& m) {
  Json diagrams = Json::array();
  for (const auto& d : m.diagrams) diagrams.push_back(DiagramJson(d));
  Json threats = Json::array();
  for (const auto& t : m.threats) threats.push_back(ThreatJson(t));
  return Json{{"diagrams", diagrams}, {"estate", DiagramJson(m.estate)}, {"threats", threats}};
}

}  // namespace fw::threat::testing
