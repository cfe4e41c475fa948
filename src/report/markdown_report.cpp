// A pull-request comment in GitHub-flavoured Markdown. It starts with a
// hidden marker so a CI job can find and update its previous comment, keeps
// the table short (the rest is counted, and folded into <details>), and
// escapes everything that came from a scanned file.
#include <fmt/format.h>

#include <array>

#include "report/output_util.h"
#include "report/report.h"

namespace fw::report {

namespace {

using internal::MarkdownCode;
using internal::MarkdownEscape;

std::string WorkflowAndNode(const model::Location& l) {
  std::string out = MarkdownEscape(l.workflow_name.empty() ? l.workflow_id : l.workflow_name);
  if (!l.node_name.empty()) out += " › " + MarkdownEscape(l.node_name);
  return out;
}

}  // namespace

std::string RenderMarkdown(const ScanReport& report, const MarkdownOptions& options) {
  std::array<size_t, 5> counts{};
  std::vector<const model::Finding*> active;
  std::vector<const model::Finding*> waived;
  size_t gating = 0;
  for (const auto& f : report.findings) {
    if (f.suppression) {
      waived.push_back(&f);
      continue;
    }
    active.push_back(&f);
    ++counts[static_cast<size_t>(f.severity)];
    if (options.fail_on && f.severity >= *options.fail_on) ++gating;
  }

  std::string out = "<!-- flowwarden-report -->\n";
  const char* verdict = gating > 0 ? "fails" : "passes";
  out += fmt::format("## flowwarden: {} finding{}, gate {}\n\n", active.size(),
                     active.size() == 1 ? "" : "s", verdict);
  out += "| critical | high | medium | low | info | waived |\n|---:|---:|---:|---:|---:|---:|\n";
  out += fmt::format("| {} | {} | {} | {} | {} | {} |\n\n", counts[4], counts[3], counts[2],
                     counts[1], counts[0], waived.size());
  if (options.fail_on) {
    out += fmt::format("Gate `--fail-on {}`: {} finding{} at or above {}.\n\n",
                       model::SeverityName(*options.fail_on), gating, gating == 1 ? "" : "s",
                       model::SeverityName(*options.fail_on));
  } else {
    out += "Gate `--fail-on never`: findings are reported, never fail the build.\n\n";
  }

  size_t shown = std::min(active.size(), options.max_findings);
  if (shown > 0) {
    out += "### Top findings\n\n";
    out += "| severity | score | rule | where | workflow › node |\n|---|---:|---|---|---|\n";
    for (size_t i = 0; i < shown; ++i) {
      const auto& f = *active[i];
      out += fmt::format("| {} | {} | {} | {} | {} |\n", model::SeverityName(f.severity),
                         internal::Score1(f.score), MarkdownCode(f.rule),
                         MarkdownCode(internal::Where(f.location)), WorkflowAndNode(f.location));
    }
    if (active.size() > shown) {
      size_t more = active.size() - shown;
      out += fmt::format("\n…and {} more finding{} (see the full report).\n", more,
                         more == 1 ? "" : "s");
    }
    out += fmt::format(
        "\n<details><summary>What the {} finding{} above mean and how to fix them</summary>\n\n",
        shown, shown == 1 ? "" : "s");
    for (size_t i = 0; i < shown; ++i) {
      const auto& f = *active[i];
      out += fmt::format("**{}. {}** {}  \n", i + 1, MarkdownEscape(f.title), MarkdownCode(f.rule));
      out += fmt::format("{} at {}  \n", WorkflowAndNode(f.location),
                         MarkdownCode(internal::Where(f.location)));
      out += "Impact: " + MarkdownEscape(internal::BusinessImpact(f)) + "  \n";
      if (!f.evidence.empty()) out += "Evidence: " + MarkdownCode(f.evidence) + "  \n";
      if (!f.remediation.empty()) out += "Fix: " + MarkdownEscape(f.remediation) + "\n";
      out += "\n";
    }
    out += "</details>\n\n";
  }

  if (!waived.empty()) {
    out += fmt::format("<details><summary>Waived ({})</summary>\n\n", waived.size());
    for (const auto* f : waived) {
      const auto& s = *f->suppression;
      out +=
          fmt::format("- {} at {}: {}", MarkdownCode(f->rule),
                      MarkdownCode(internal::Where(f->location)), MarkdownEscape(s.justification));
      if (!s.approver.empty()) out += " (approved by " + MarkdownEscape(s.approver) + ")";
      if (!s.expires.empty()) out += " (expires " + MarkdownEscape(s.expires) + ")";
      out += "\n";
    }
    out += "\n</details>\n\n";
  }

  if (!report.summary.errors.empty()) {
    out += fmt::format("<details><summary>Unreadable files ({})</summary>\n\n",
                       report.summary.errors.size());
    for (const auto& e : report.summary.errors) {
      std::string where = e.line > 0 ? fmt::format("{}:{}:{}", e.file, e.line, e.column) : e.file;
      out += "- " + MarkdownCode(where) + ": " + MarkdownEscape(e.message) + "\n";
    }
    out += "\n</details>\n\n";
  }

  out += fmt::format("<sub>{} {}: {} files, {} workflows, {} nodes scanned.</sub>\n", kToolName,
                     kToolVersion, report.summary.files, report.summary.workflows,
                     report.summary.nodes);
  return out;
}

}  // namespace fw::report
