#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/json_writer.h"
#include "report/report.h"

namespace fw::report {

namespace {

using Json = nlohmann::ordered_json;

double Round1(double v) { return std::round(v * 10.0) / 10.0; }

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
  // Streamed: an estate's report has thousands of findings and tens of
  // thousands of warnings; a document tree of them costs more than the scan.
  JsonWriter w(4096 + report.findings.size() * 2048 + report.summary.warnings.size() * 160);
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Member("name", kToolName);
  w.Member("version", kToolVersion);
  w.EndObject();
  w.Key("scanned");
  w.BeginObject();
  w.Key("files");
  w.Uint(report.summary.files);
  w.Key("workflows");
  w.Uint(report.summary.workflows);
  w.Key("nodes");
  w.Uint(report.summary.nodes);
  w.Key("errors");
  w.Uint(report.summary.errors.size());
  w.EndObject();
  auto diagnostics = [&w](std::string_view key, const core::Diagnostics& list) {
    w.Key(key);
    w.BeginArray();
    for (const auto& d : list) {
      w.BeginObject();
      w.Member("file", d.file);
      w.Key("line");
      w.Uint(d.line);
      w.Key("column");
      w.Uint(d.column);
      w.Member("message", d.message);
      w.EndObject();
    }
    w.EndArray();
  };
  diagnostics("errors", report.summary.errors);
  diagnostics("warnings", report.summary.warnings);
  w.Key("findings");
  w.BeginArray();
  std::vector<std::pair<std::string_view, std::string_view>> factors;
  for (const auto& f : report.findings) {
    w.BeginObject();
    w.Member("id", f.id);
    w.Member("rule", f.rule);
    w.Member("category", f.category);
    w.Member("title", f.title);
    w.Member("severity", model::SeverityName(f.severity));
    w.Key("score");
    w.Double(Round1(f.score));
    w.Key("risk");
    w.BeginObject();
    w.Key("likelihood");
    w.Double(Round1(f.likelihood));
    w.Key("impact");
    w.Double(Round1(f.impact));
    // A factor named twice keeps its first place and its last value.
    factors.clear();
    for (const auto& [k, v] : f.factors) {
      auto it = std::find_if(factors.begin(), factors.end(),
                             [&k = k](const auto& e) { return e.first == k; });
      if (it == factors.end()) {
        factors.emplace_back(k, v);
      } else {
        it->second = v;
      }
    }
    w.Key("factors");
    w.BeginObject();
    for (const auto& [k, v] : factors) w.Member(k, v);
    w.EndObject();
    if (!f.contributions.empty()) {
      w.Key("contributions");
      w.BeginArray();
      for (const auto& c : f.contributions) {
        w.BeginObject();
        w.Member("factor", c.factor);
        w.Member("side", c.impact ? "impact" : "likelihood");
        w.Key("rating");
        w.Double(Round1(c.rating));
        w.Key("points");
        w.Double(std::round(c.points * 100.0) / 100.0);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    w.Key("standards");
    w.BeginArray();
    for (const auto& s : f.standards) w.String(s);
    w.EndArray();
    const auto& l = f.location;
    w.Key("location");
    w.BeginObject();
    w.Member("file", l.file);
    w.Member("platform", model::PlatformName(l.platform));
    w.Key("workflow");
    w.BeginObject();
    w.Member("id", l.workflow_id);
    w.Member("name", l.workflow_name);
    w.EndObject();
    if (!l.node_name.empty() || !l.node_id.empty()) {
      w.Key("node");
      w.BeginObject();
      w.Member("id", l.node_id);
      w.Member("name", l.node_name);
      w.Member("type", l.node_type);
      w.EndObject();
    }
    w.Member("pointer", l.pointer);
    w.Key("line");
    w.Uint(l.line);
    w.Key("column");
    w.Uint(l.column);
    w.EndObject();
    w.Member("message", f.message);
    w.Member("remediation", f.remediation);
    w.Member("evidence", f.evidence);
    if (!f.business_impact.empty()) w.Member("business_impact", f.business_impact);
    if (f.suppression) {
      const auto& s = *f.suppression;
      w.Key("suppressed");
      w.BeginObject();
      w.Member("justification", s.justification);
      w.Member("approver", s.approver);
      w.Member("expires", s.expires);
      w.Member("waiver", s.waiver);
      w.Member("source", s.source);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
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
