// JUnit XML in the shape Jenkins and GitLab read: <testsuites> of
// <testsuite>s, each <testcase> passing or holding one <failure>, <error> or
// <skipped>. A workflow is a suite, a finding (a rule at a location) a test
// case; a workflow without findings still has one passing case so the
// report shows it was checked.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "report/output_util.h"
#include "report/report.h"

namespace fw::report {

namespace {

using internal::XmlEscape;

struct Suite {
  std::string file;
  std::string workflow_id;
  std::string workflow_name;
  std::string platform;
  const analysis::WorkflowSummary* summary = nullptr;
  std::vector<const model::Finding*> findings;
};

std::string Attr(std::string_view s) { return XmlEscape(s, true); }

bool Fails(const model::Finding& f, FailOn fail_on) {
  return !f.suppression && fail_on.has_value() && f.severity >= *fail_on;
}

std::string CaseName(const model::Finding& f) {
  std::string where =
      f.location.node_name.empty() ? f.location.workflow_name : f.location.node_name;
  std::string name = f.rule;
  if (!where.empty()) name += " @ " + where;
  if (f.location.line > 0) name += fmt::format(" ({}:{})", f.location.line, f.location.column);
  return name;
}

std::string Details(const model::Finding& f) {
  std::string out = fmt::format("{} {} ({})\n", model::SeverityName(f.severity),
                                internal::Score1(f.score), f.category);
  out += "location: " + internal::Where(f.location) + "\n";
  if (!f.location.node_name.empty()) out += "node: " + f.location.node_name + "\n";
  out += "message: " + f.message + "\n";
  out += "business impact: " + internal::BusinessImpact(f) + "\n";
  if (!f.evidence.empty()) out += "evidence: " + f.evidence + "\n";
  if (!f.remediation.empty()) out += "remediation: " + f.remediation + "\n";
  out += "finding id: " + f.id + "\n";
  return out;
}

void Property(std::string& out, std::string_view name, std::string_view value) {
  out += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", Attr(name), Attr(value));
}

}  // namespace

std::string RenderJunit(const ScanReport& report, FailOn fail_on) {
  // Suites in scan order; findings join the suite of their workflow (file,
  // id and name), or a suite of their own when no summary matches.
  std::vector<Suite> suites;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
  for (const auto& w : report.workflows) {
    auto key = std::make_tuple(w.file, w.id, w.name);
    if (index.count(key) != 0) continue;
    index.emplace(key, suites.size());
    suites.push_back(
        Suite{w.file, w.id, w.name, std::string(model::PlatformName(w.platform)), &w, {}});
  }
  for (const auto& f : report.findings) {
    const auto& l = f.location;
    auto key = std::make_tuple(l.file, l.workflow_id, l.workflow_name);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, suites.size()).first;
      suites.push_back(Suite{l.file,
                             l.workflow_id,
                             l.workflow_name,
                             std::string(model::PlatformName(l.platform)),
                             nullptr,
                             {}});
    }
    suites[it->second].findings.push_back(&f);
  }

  size_t total_tests = 0;
  size_t total_failures = 0;
  size_t total_skipped = 0;
  std::string body;
  for (const auto& s : suites) {
    size_t failures = 0;
    size_t skipped = 0;
    for (const auto* f : s.findings) {
      failures += Fails(*f, fail_on) ? 1 : 0;
      skipped += f->suppression ? 1 : 0;
    }
    size_t tests = s.findings.empty() ? 1 : s.findings.size();
    total_tests += tests;
    total_failures += failures;
    total_skipped += skipped;
    std::string title = s.workflow_name.empty() ? s.file : s.file + " :: " + s.workflow_name;
    std::string classname = s.workflow_name.empty() ? s.file : s.file + "." + s.workflow_name;
    body += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
        "time=\"0\">\n",
        Attr(title), tests, failures, skipped);
    body += "    <properties>\n";
    Property(body, "file", s.file);
    Property(body, "platform", s.platform);
    Property(body, "workflow.id", s.workflow_id);
    Property(body, "workflow.name", s.workflow_name);
    if (s.summary != nullptr) {
      Property(body, "workflow.active", s.summary->active ? "true" : "false");
      Property(body, "workflow.owner", s.summary->owner);
      Property(body, "workflow.nodes", std::to_string(s.summary->nodes));
      Property(body, "workflow.entry_points", std::to_string(s.summary->entry_points.size()));
    }
    body += "    </properties>\n";
    if (s.findings.empty()) {
      body += fmt::format(
          "    <testcase name=\"no findings\" classname=\"{}\" file=\"{}\" time=\"0\"/>\n",
          Attr(classname), Attr(s.file));
    }
    for (const auto* f : s.findings) {
      body += fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"0\">\n",
                          Attr(CaseName(*f)), Attr(classname), Attr(f->location.file));
      if (f->suppression) {
        const auto& w = *f->suppression;
        std::string why = "waived: " + w.justification;
        if (!w.approver.empty()) why += " (approved by " + w.approver + ")";
        if (!w.expires.empty()) why += " (expires " + w.expires + ")";
        body += fmt::format("      <skipped message=\"{}\"/>\n", Attr(why));
      } else if (Fails(*f, fail_on)) {
        body += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                            Attr(f->message), Attr(f->rule), XmlEscape(Details(*f)));
      }
      // Findings below the threshold pass; their details stay visible.
      if (!Fails(*f, fail_on)) {
        body += fmt::format("      <system-out>{}</system-out>\n", XmlEscape(Details(*f)));
      }
      body += "    </testcase>\n";
    }
    body += "  </testsuite>\n";
  }

  // Files that could not be read: one suite whose cases are errors.
  if (!report.summary.errors.empty()) {
    size_t n = report.summary.errors.size();
    total_tests += n;
    body += fmt::format(
        "  <testsuite name=\"unreadable files\" tests=\"{}\" failures=\"0\" errors=\"{}\" "
        "skipped=\"0\" time=\"0\">\n",
        n, n);
    for (const auto& e : report.summary.errors) {
      std::string where = e.line > 0 ? fmt::format("{}:{}:{}", e.file, e.line, e.column) : e.file;
      body += fmt::format(
          "    <testcase name=\"{}\" classname=\"unreadable files\" file=\"{}\" time=\"0\">\n"
          "      <error message=\"{}\" type=\"unreadable-file\">{}</error>\n"
          "    </testcase>\n",
          Attr(where), Attr(e.file), Attr(e.message), XmlEscape(where + ": " + e.message));
    }
    body += "  </testsuite>\n";
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" "
      "time=\"0\">\n",
      kToolName, total_tests, total_failures, report.summary.errors.size(), total_skipped);
  out += body;
  out += "</testsuites>\n";
  return out;
}

}  // namespace fw::report
