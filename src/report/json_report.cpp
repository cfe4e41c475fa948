#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace fw::report {

namespace {

using Json = nlohmann::ordered_json;

double Round1(double v) { return std::round(v * 10.0) / 10.0; }

Json DiagnosticJson(const core::Diagnostic& d) {
  return Json{{"file", d.file}, {"line", d.line}, {"column", d.column}, {"message", d.message}};
}

}  // namespace

void SortFindings(std::vector<model::Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const model::Finding& a, const model::Finding& b) {
                     if (a.severity != b.severity) return a.severity > b.severity;
                     if (a.score != b.score) return a.score > b.score;
                     if (a.location.file != b.location.file)
                       return a.location.file < b.location.file;
                     if (a.location.line != b.location.line)
                       return a.location.line < b.location.line;
                     if (a.location.column != b.location.column) {
                       return a.location.column < b.location.column;
                     }
                     return a.rule < b.rule;
                   });
}

std::string RenderJson(const ScanReport& report) {
  Json out;
  out["tool"] = Json{{"name", kToolName}, {"version", kToolVersion}};
  out["scanned"] = Json{{"files", report.summary.files},
                        {"workflows", report.summary.workflows},
                        {"nodes", report.summary.nodes},
                        {"errors", report.summary.errors.size()}};
  Json errors = Json::array();
  for (const auto& e : report.summary.errors) errors.push_back(DiagnosticJson(e));
  out["errors"] = std::move(errors);
  Json warnings = Json::array();
  for (const auto& w : report.summary.warnings) warnings.push_back(DiagnosticJson(w));
  out["warnings"] = std::move(warnings);
  Json findings = Json::array();
  for (const auto& f : report.findings) {
    Json factors = Json::object();
    for (const auto& [k, v] : f.factors) factors[k] = v;
    const auto& l = f.location;
    Json workflow{{"id", l.workflow_id}, {"name", l.workflow_name}};
    Json location{
        {"file", l.file}, {"platform", model::PlatformName(l.platform)}, {"workflow", workflow}};
    if (!l.node_name.empty() || !l.node_id.empty()) {
      location["node"] = Json{{"id", l.node_id}, {"name", l.node_name}, {"type", l.node_type}};
    }
    location["pointer"] = l.pointer;
    location["line"] = l.line;
    location["column"] = l.column;
    Json contributions = Json::array();
    for (const auto& c : f.contributions) {
      contributions.push_back(Json{{"factor", c.factor},
                                   {"side", c.impact ? "impact" : "likelihood"},
                                   {"rating", Round1(c.rating)},
                                   {"points", std::round(c.points * 100.0) / 100.0}});
    }
    Json risk{
        {"likelihood", Round1(f.likelihood)}, {"impact", Round1(f.impact)}, {"factors", factors}};
    if (!contributions.empty()) risk["contributions"] = std::move(contributions);
    Json finding{
        {"id", f.id},
        {"rule", f.rule},
        {"category", f.category},
        {"title", f.title},
        {"severity", model::SeverityName(f.severity)},
        {"score", Round1(f.score)},
        {"risk", std::move(risk)},
        {"standards", f.standards},
        {"location", location},
        {"message", f.message},
        {"remediation", f.remediation},
        {"evidence", f.evidence},
    };
    if (!f.business_impact.empty()) finding["business_impact"] = f.business_impact;
    if (f.suppression) {
      const auto& s = *f.suppression;
      finding["suppressed"] = Json{{"justification", s.justification},
                                   {"approver", s.approver},
                                   {"expires", s.expires},
                                   {"waiver", s.waiver},
                                   {"source", s.source}};
    }
    findings.push_back(std::move(finding));
  }
  out["findings"] = std::move(findings);
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderRulesJson() {
  Json rules = Json::array();
  for (const analysis::RuleInfo* rp : AllRuleInfos()) {
    const auto& r = *rp;
    rules.push_back(Json{{"id", r.id},
                         {"category", r.category},
                         {"title", r.title},
                         {"owasp", r.owasp},
                         {"cwe", r.cwe},
                         {"likelihood", r.likelihood},
                         {"impact", r.impact},
                         {"description", r.description},
                         {"remediation", r.remediation}});
  }
  return Json{{"rules", rules}}.dump(2) + "\n";
}

}  // namespace fw::report
