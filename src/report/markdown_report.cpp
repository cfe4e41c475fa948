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

// GitHub refuses comments over 65,536 characters, so each part stops where
// the comment reaches its budget and says how many it left out.
constexpr size_t kTableEnd = 20000;
constexpr size_t kDetailsEnd = 45000;
constexpr size_t kWaivedEnd = 53000;
constexpr size_t kErrorsEnd = 61000;

// Appends items while the text stays under `end`; then "…and N more" (N
// counts up to `total`). Returns how many were appended.
size_t AppendCapped(std::string& out, const std::vector<std::string>& items, size_t total,
                    size_t end, std::string_view more_format) {
  size_t n = 0;
  while (n < items.size() && out.size() + items[n].size() <= end) out += items[n++];
  if (total > n) out += fmt::format(fmt::runtime(more_format), total - n);
  return n;
}

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

  const size_t cap = options.max_findings;
  size_t shown = std::min(active.size(), cap);
  if (shown > 0) {
    out += "### Top findings\n\n";
    out += "| severity | score | rule | where | workflow › node |\n|---|---:|---|---|---|\n";
    std::vector<std::string> rows;
    for (size_t i = 0; i < shown; ++i) {
      const auto& f = *active[i];
      rows.push_back(fmt::format("| {} | {} | {} | {} | {} |\n", model::SeverityName(f.severity),
                                 internal::Score1(f.score), MarkdownCode(f.rule),
                                 MarkdownCode(internal::Where(f.location)),
                                 WorkflowAndNode(f.location)));
    }
    shown = AppendCapped(out, rows, active.size(), kTableEnd,
                         "\n…and {} more (see the full report).\n");
    out += fmt::format(
        "\n<details><summary>What the {} finding{} above mean and how to fix them</summary>\n\n",
        shown, shown == 1 ? "" : "s");
    std::vector<std::string> items;
    for (size_t i = 0; i < shown; ++i) {
      const auto& f = *active[i];
      std::string item =
          fmt::format("**{}. {}** {}  \n", i + 1, MarkdownEscape(f.title), MarkdownCode(f.rule));
      item += fmt::format("{} at {}  \n", WorkflowAndNode(f.location),
                          MarkdownCode(internal::Where(f.location)));
      item += "Impact: " + MarkdownEscape(internal::BusinessImpact(f)) + "  \n";
      if (!f.evidence.empty()) item += "Evidence: " + MarkdownCode(f.evidence) + "  \n";
      if (!f.remediation.empty()) item += "Fix: " + MarkdownEscape(f.remediation) + "\n";
      items.push_back(item + "\n");
    }
    AppendCapped(out, items, shown, kDetailsEnd, "…and {} more (see the full report).\n\n");
    out += "</details>\n\n";
  }

  if (!waived.empty()) {
    out += fmt::format("<details><summary>Waived ({})</summary>\n\n", waived.size());
    std::vector<std::string> items;
    for (size_t i = 0; i < waived.size() && i < cap; ++i) {
      const auto* f = waived[i];
      const auto& s = *f->suppression;
      std::string item =
          fmt::format("- {} at {}: {}", MarkdownCode(f->rule),
                      MarkdownCode(internal::Where(f->location)), MarkdownEscape(s.justification));
      if (!s.approver.empty()) item += " (approved by " + MarkdownEscape(s.approver) + ")";
      if (!s.expires.empty()) item += " (expires " + MarkdownEscape(s.expires) + ")";
      items.push_back(item + "\n");
    }
    AppendCapped(out, items, waived.size(), kWaivedEnd, "- …and {} more\n");
    out += "\n</details>\n\n";
  }

  if (!report.summary.errors.empty()) {
    const auto& errors = report.summary.errors;
    out += fmt::format("<details><summary>Unreadable files ({})</summary>\n\n", errors.size());
    std::vector<std::string> items;
    for (size_t i = 0; i < errors.size() && i < cap; ++i) {
      const auto& e = errors[i];
      std::string where = e.line > 0 ? fmt::format("{}:{}:{}", e.file, e.line, e.column) : e.file;
      items.push_back("- " + MarkdownCode(where) + ": " + MarkdownEscape(e.message) + "\n");
    }
    AppendCapped(out, items, errors.size(), kErrorsEnd, "- …and {} more\n");
    out += "\n</details>\n\n";
  }

  out += fmt::format("<sub>{} {}: {} files, {} workflows, {} nodes scanned.</sub>\n", kToolName,
                     kToolVersion, report.summary.files, report.summary.workflows,
                     report.summary.nodes);
  return out;
}

}  // namespace fw::report
