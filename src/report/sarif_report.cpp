// SARIF 2.1.0 as GitHub code scanning reads it: rules carry descriptions,
// help, tags and `security-severity`; results carry a level, a region when
// the position is known, and a partial fingerprint (the finding id) so an
// alert keeps its identity while lines move.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "analysis/check.h"
#include "report/json_writer.h"
#include "report/output_util.h"
#include "report/report.h"

namespace fw::report {

namespace {

using Json = nlohmann::ordered_json;
using internal::RuleDescriptor;

constexpr const char* kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char* kSrcRoot = "%SRCROOT%";
constexpr const char* kFingerprintKey = "flowwardenFindingId/v1";

const char* Level(model::Severity s) {
  switch (s) {
    case model::Severity::kCritical:
    case model::Severity::kHigh:
      return "error";
    case model::Severity::kMedium:
      return "warning";
    case model::Severity::kLow:
    case model::Severity::kInfo:
      return "note";
  }
  return "note";
}

// GitHub's "problem.severity": error, warning or recommendation.
const char* ProblemSeverity(model::Severity s) {
  switch (s) {
    case model::Severity::kCritical:
    case model::Severity::kHigh:
      return "error";
    case model::Severity::kMedium:
      return "warning";
    case model::Severity::kLow:
    case model::Severity::kInfo:
      return "recommendation";
  }
  return "recommendation";
}

// A path as a URI reference: unreserved characters and '/' stay, the rest
// is percent-encoded (':' too, so "c:x" never reads as a scheme).
std::string UriEncode(std::string_view path) {
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

// A file name as the report shows it ("a.zip!/inner.json" for an archive
// member) split into the file on disk and the member inside it.
struct SplitPath {
  std::string file;
  std::string member;  // empty unless inside an archive
};
SplitPath Split(std::string_view name) {
  size_t bang = name.find("!/");
  if (bang == std::string_view::npos) return {std::string(name), {}};
  return {std::string(name.substr(0, bang)), std::string(name.substr(bang + 2))};
}

Json ArtifactLocation(const std::string& file, const SarifOptions& options) {
  if (!file.empty() && file.front() == '/') {
    return Json{{"uri", "file://" + UriEncode(file)}};
  }
  std::string path = options.uri_prefix;
  if (!path.empty() && path.back() != '/') path.push_back('/');
  path += file;
  if (path.rfind("./", 0) == 0) path.erase(0, 2);
  return Json{{"uri", UriEncode(path)}, {"uriBaseId", kSrcRoot}};
}

// Region only where a position inside the file on disk is known: a line in
// an archive member is no line of the archive.
Json PhysicalLocation(const std::string& name, uint32_t line, uint32_t column,
                      const SarifOptions& options) {
  SplitPath split = Split(name);
  Json physical{{"artifactLocation", ArtifactLocation(split.file, options)}};
  if (split.member.empty() && line > 0) {
    Json region{{"startLine", line}};
    if (column > 0) region["startColumn"] = column;
    physical["region"] = std::move(region);
  }
  return physical;
}

std::string ScoreString(double score) { return internal::Score1(std::clamp(score, 0.0, 10.0)); }

Json RuleJson(const RuleDescriptor& d) {
  std::string help_uri = std::string(kDocsUri) + "rules.md#" + internal::RuleAnchor(d.id);
  std::string text = d.description;
  if (!d.remediation.empty()) text += "\n\nRemediation: " + d.remediation;
  std::string markdown = "**" + internal::MarkdownEscape(d.title) + "**\n\n" +
                         internal::MarkdownEscape(d.description) + "\n\n";
  if (!d.remediation.empty()) {
    markdown += "**Remediation.** " + internal::MarkdownEscape(d.remediation) + "\n\n";
  }
  if (!d.standards.empty()) {
    markdown += "Standards: ";
    for (size_t i = 0; i < d.standards.size(); ++i) {
      markdown += (i > 0 ? ", " : "") + internal::MarkdownEscape(d.standards[i]);
    }
    markdown += "\n\n";
  }
  if (d.builtin) markdown += "[Rule reference](" + help_uri + ")\n";

  Json tags = Json::array({"security"});
  if (!d.category.empty()) tags.push_back(d.category);
  for (const auto& s : d.standards) tags.push_back(s);
  model::Severity sev = model::SeverityFromScore(d.default_score);
  Json properties{{"tags", tags},
                  {"precision", d.id == "secret.generic" ? "medium" : "high"},
                  {"security-severity", ScoreString(d.default_score)},
                  {"problem.severity", ProblemSeverity(sev)}};
  Json rule{{"id", d.id},
            {"name", d.id},
            {"shortDescription", Json{{"text", d.title}}},
            {"fullDescription", Json{{"text", d.description.empty() ? d.title : d.description}}},
            {"defaultConfiguration", Json{{"level", Level(sev)}}},
            {"help", Json{{"text", text.empty() ? d.title : text}, {"markdown", markdown}}}};
  if (d.builtin) rule["helpUri"] = help_uri;
  rule["properties"] = std::move(properties);
  return rule;
}

Json ResultJson(const model::Finding& f, size_t rule_index, const SarifOptions& options) {
  const auto& l = f.location;
  SplitPath split = Split(l.file);
  std::string message = f.message.empty() ? f.title : f.message;
  if (!split.member.empty()) {
    message += fmt::format(" (in archive member {}", split.member);
    if (l.line > 0) message += fmt::format(", line {}, column {}", l.line, l.column);
    message += ")";
  }
  Json location{{"physicalLocation", PhysicalLocation(l.file, l.line, l.column, options)}};
  if (!l.workflow_name.empty() || !l.node_name.empty()) {
    Json logical{{"name", l.node_name.empty() ? l.workflow_name : l.node_name},
                 {"fullyQualifiedName",
                  l.node_name.empty() ? l.workflow_name : l.workflow_name + "/" + l.node_name},
                 {"kind", l.node_name.empty() ? "workflow" : "node"}};
    location["logicalLocations"] = Json::array({logical});
  }
  Json factors = Json::object();
  for (const auto& [k, v] : f.factors) factors[k] = v;
  Json properties{{"findingId", f.id},
                  {"severity", model::SeverityName(f.severity)},
                  {"score", std::round(f.score * 10.0) / 10.0},
                  {"likelihood", std::round(f.likelihood * 10.0) / 10.0},
                  {"impact", std::round(f.impact * 10.0) / 10.0},
                  {"factors", factors},
                  {"category", f.category},
                  {"businessImpact", internal::BusinessImpact(f)},
                  {"platform", model::PlatformName(l.platform)},
                  {"workflow", l.workflow_name},
                  {"pointer", l.pointer},
                  {"evidence", f.evidence},
                  {"remediation", f.remediation}};
  if (!split.member.empty()) properties["archiveMember"] = split.member;
  Json result{{"ruleId", f.rule},
              {"ruleIndex", rule_index},
              {"level", Level(f.severity)},
              {"message", Json{{"text", message}}},
              {"locations", Json::array({location})},
              {"partialFingerprints", Json{{kFingerprintKey, f.id}}}};
  if (f.suppression) {
    const auto& s = *f.suppression;
    std::string justification = s.justification;
    if (!s.approver.empty()) justification += " (approved by " + s.approver + ")";
    if (!s.expires.empty()) justification += " (expires " + s.expires + ")";
    Json suppression{
        {"kind", "external"}, {"status", "accepted"}, {"justification", justification}};
    Json sp{{"waiver", s.waiver},
            {"approver", s.approver},
            {"expires", s.expires},
            {"source", s.source}};
    suppression["properties"] = std::move(sp);
    result["suppressions"] = Json::array({suppression});
  }
  result["properties"] = std::move(properties);
  return result;
}

Json Notification(const core::Diagnostic& d, const char* level, const SarifOptions& options) {
  Json n{{"level", level}, {"message", Json{{"text", d.message}}}};
  if (!d.file.empty()) {
    SplitPath split = Split(d.file);
    Json loc{{"physicalLocation", PhysicalLocation(d.file, d.line, d.column, options)}};
    n["locations"] = Json::array({loc});
    if (!split.member.empty()) {
      n["message"]["text"] =
          d.message + fmt::format(" (in archive member {}", split.member) +
          (d.line > 0 ? fmt::format(", line {}, column {})", d.line, d.column) : std::string(")"));
    }
  }
  n["descriptor"] =
      Json{{"id", std::string(level) == "error" ? "unreadable-file" : "import-warning"}};
  return n;
}

}  // namespace

std::string RenderSarif(const ScanReport& report, const SarifOptions& options) {
  // Every built-in rule, so rule indices are the same in every run and a
  // consumer knows the rules that found nothing; then any other rule a
  // finding names (policy rules), described from the finding.
  Json rules = Json::array();
  std::map<std::string, size_t, std::less<>> index;
  for (const auto& c : analysis::AllChecks()) {
    model::Finding probe;
    probe.rule = std::string(c.info.id);
    index.emplace(probe.rule, rules.size());
    rules.push_back(RuleJson(internal::DescribeRule(probe)));
  }
  for (const auto& f : report.findings) {
    if (index.count(f.rule) != 0) continue;
    index.emplace(f.rule, rules.size());
    rules.push_back(RuleJson(internal::DescribeRule(f)));
  }

  Json notifications = Json::array();
  for (const auto& e : report.summary.errors) {
    notifications.push_back(Notification(e, "error", options));
  }
  if (options.include_warnings) {
    for (const auto& w : report.summary.warnings) {
      notifications.push_back(Notification(w, "warning", options));
    }
  }
  Json invocation{{"executionSuccessful", report.summary.files > 0}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  // The document is streamed; each result is a small tree rendered on its
  // own, so an estate's thousands of results never form one large tree.
  auto dump = [](const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); };
  JsonWriter w(8192 + report.findings.size() * 3072);
  w.BeginObject();
  w.Member("$schema", kSchemaUri);
  w.Member("version", "2.1.0");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Member("name", kToolName);
  w.Member("version", kToolVersion);
  w.Member("semanticVersion", kToolVersion);
  w.Member("informationUri", kProjectUri);
  w.Key("rules");
  w.Rendered(dump(rules));
  w.EndObject();
  w.EndObject();
  w.Key("originalUriBaseIds");
  w.Rendered(
      dump(Json{{kSrcRoot, Json{{"description", Json{{"text", "The folder the scan ran in"}}}}}}));
  w.Key("invocations");
  w.BeginArray();
  w.Rendered(dump(invocation));
  w.EndArray();
  w.Key("results");
  w.BeginArray();
  for (const auto& f : report.findings) w.Rendered(dump(ResultJson(f, index[f.rule], options)));
  w.EndArray();
  w.Member("columnKind", "unicodeCodePoints");
  w.Key("properties");
  w.BeginObject();
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
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace fw::report
