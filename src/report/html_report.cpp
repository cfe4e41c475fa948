// The HTML report: one file that opens offline anywhere. Markup is built in
// C++ with one escaper (internal::HtmlEscape) through which every piece of
// scanned text passes; docs/decisions/0009-html-report.md says why this is
// not a template engine. A Content-Security-Policy forbids every external
// load, so even a mistake could not make the page fetch anything.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "report/output_util.h"
#include "report/report.h"

namespace fw::report {

namespace {

using internal::HtmlEscape;

constexpr std::string_view kStyle = R"CSS(
:root{--c:#7a1fa2;--h:#c62828;--m:#ef6c00;--l:#1565c0;--i:#607d8b;--bg:#fafafa;--fg:#212121;--mut:#616161}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;background:var(--bg);color:var(--fg)}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:21px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:36px}
h3{font-size:17px;margin:20px 0 6px}
.muted{color:var(--mut)}
nav{margin:12px 0;font-size:14px}
nav a{margin-right:14px}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.tile{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:150px}
.tile b{display:block;font-size:24px}
.sev{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:12px;font-weight:600;text-transform:uppercase}
.sev-critical{background:var(--c)}.sev-high{background:var(--h)}.sev-medium{background:var(--m)}.sev-low{background:var(--l)}.sev-info{background:var(--i)}
.impact{background:#fff;border-left:4px solid #bbb;padding:8px 12px;margin:8px 0}
.impact.sev-border-critical{border-color:var(--c)}.impact.sev-border-high{border-color:var(--h)}.impact.sev-border-medium{border-color:var(--m)}.impact.sev-border-low{border-color:var(--l)}
ol.risks li{margin-bottom:12px}
table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0 12px;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
article.workflow{background:#fff;border:1px solid #ddd;border-radius:8px;padding:4px 18px 12px;margin:18px 0}
.waived{opacity:.6}
#filter{padding:4px 8px;font-size:14px;width:280px}
footer{padding:24px;font-size:13px}
@media print{nav,#filter{display:none}article.workflow{break-before:page;border:0}}
)CSS";

// Minimal behaviour: filter the workflow pages by name. It also records
// script errors on the root element, which the browser test reads.
constexpr std::string_view kScript = R"JS(
(function(){
  var root=document.documentElement;
  window.addEventListener('error',function(e){root.setAttribute('data-fw-error',String(e.message));});
  document.addEventListener('securitypolicyviolation',function(e){root.setAttribute('data-fw-blocked',String(e.blockedURI));});
  window.addEventListener('DOMContentLoaded',function(){
    var input=document.getElementById('filter');
    if(input){input.addEventListener('input',function(){
      var q=input.value.toLowerCase();
      var pages=document.querySelectorAll('article.workflow');
      for(var i=0;i<pages.length;i++){
        var name=(pages[i].getAttribute('data-name')||'').toLowerCase();
        pages[i].style.display=name.indexOf(q)>=0?'':'none';
      }
    });}
    root.setAttribute('data-fw-ready','1');
  });
})();
)JS";

constexpr std::string_view kCsp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'";

// A plain heading for each finding category, for readers who do not know
// the categories.
std::string_view CategoryHeading(std::string_view category) {
  static const std::map<std::string_view, std::string_view> kHeadings = {
      {"hardcoded-secret", "Passwords and keys are written into automations"},
      {"unauthenticated-entry-point", "Anyone who finds the address can start an automation"},
      {"code-execution", "Automations run custom code or system commands"},
      {"injection", "Outside input can change what an automation does"},
      {"sensitive-data-exposure", "Personal or sensitive data leaves the company's control"},
      {"insecure-transport", "Data travels without encryption"},
      {"filesystem-access", "Automations read or write files on servers"},
      {"unapproved-component", "Services and components that are not approved are in use"},
      {"excessive-permission", "Access is wider than needed"},
      {"logging-gap", "Failures may go unnoticed"},
      {"asset-hygiene", "Automations without a clear owner or upkeep"},
      {"misconfiguration", "Settings the policy forbids"},
      {"drift", "Automations changed from their approved version"},
  };
  auto it = kHeadings.find(category);
  return it == kHeadings.end() ? category : it->second;
}

std::string Badge(model::Severity s) {
  return fmt::format("<span class=\"sev sev-{0}\">{0}</span>", model::SeverityName(s));
}

std::string Code(std::string_view text) { return "<code>" + HtmlEscape(text) + "</code>"; }

std::string WorkflowLabel(const model::Location& l) {
  std::string out = HtmlEscape(l.workflow_name.empty() ? l.workflow_id : l.workflow_name);
  if (!l.node_name.empty()) out += " › " + HtmlEscape(l.node_name);
  return out;
}

using WorkflowKey = std::tuple<std::string, std::string, std::string>;  // file, id, name

void RenderSummary(std::string& out, const ScanReport& report,
                   const std::vector<const model::Finding*>& active) {
  analysis::InventoryTotals totals = analysis::ComputeTotals(report.workflows);
  std::array<size_t, 5> counts{};
  for (const auto* f : active) ++counts[static_cast<size_t>(f->severity)];

  out += "<section id=\"summary\">\n<h2>Business impact</h2>\n";
  out += fmt::format(
      "<p>{} automation{} in {} file{} were reviewed. {} problem{} need attention: {} critical, {} "
      "high, {} medium, {} low.</p>\n",
      report.summary.workflows, report.summary.workflows == 1 ? "" : "s", report.summary.files,
      report.summary.files == 1 ? "" : "s", active.size(), active.size() == 1 ? "" : "s", counts[4],
      counts[3], counts[2], counts[1]);
  out += "<div class=\"tiles\">\n";
  auto tile = [&](size_t n, std::string_view label) {
    out += fmt::format("<div class=\"tile\"><b>{}</b>{}</div>\n", n, label);
  };
  tile(totals.workflows, "workflows");
  tile(totals.entry_points, "entry points");
  tile(totals.internet_entry_points, "entry points open to the internet");
  tile(totals.unauthenticated_internet_entry_points, "of them without authentication");
  tile(totals.connectors, "third-party services");
  tile(totals.external_hosts, "external hosts");
  tile(totals.workflows_without_owner, "workflows without an owner");
  out += "</div>\n";
  if (!totals.workflows_with_sensitive_data.empty()) {
    out += "<p>Sensitive data handled: ";
    bool first = true;
    for (const auto& [cls, n] : totals.workflows_with_sensitive_data) {
      out += fmt::format("{}{} data in {} workflow{}", first ? "" : "; ", HtmlEscape(cls), n,
                         n == 1 ? "" : "s");
      first = false;
    }
    out += ".</p>\n";
  }

  // Plain sentences grouped by what could happen, the gravest group first.
  struct Group {
    std::string category;
    double top = 0;
    model::Severity worst = model::Severity::kInfo;
    std::vector<std::pair<std::string, size_t>> sentences;  // distinct, with counts
  };
  std::vector<Group> groups;
  for (const auto* f : active) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const Group& x) { return x.category == f->category; });
    if (g == groups.end()) {
      groups.push_back(Group{f->category, 0, model::Severity::kInfo, {}});
      g = groups.end() - 1;
    }
    g->top = std::max(g->top, f->score);
    g->worst = std::max(g->worst, f->severity);
    const std::string& s = internal::BusinessImpact(*f);
    auto it = std::find_if(g->sentences.begin(), g->sentences.end(),
                           [&](const auto& p) { return p.first == s; });
    if (it == g->sentences.end()) {
      g->sentences.emplace_back(s, 1);
    } else {
      ++it->second;
    }
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.top > b.top; });
  if (groups.empty()) out += "<p>No problems were found.</p>\n";
  constexpr size_t kSentencesPerGroup = 5;
  for (const auto& g : groups) {
    size_t n = 0;
    for (const auto& s : g.sentences) n += s.second;
    out += fmt::format(
        "<div class=\"impact sev-border-{}\">\n<h3>{} {}</h3>\n<p class=\"muted\">{} "
        "finding{}</p>\n<ul>\n",
        model::SeverityName(g.worst), Badge(g.worst), HtmlEscape(CategoryHeading(g.category)), n,
        n == 1 ? "" : "s");
    for (size_t i = 0; i < g.sentences.size() && i < kSentencesPerGroup; ++i) {
      const auto& [s, count] = g.sentences[i];
      out += "<li>" + HtmlEscape(s);
      if (count > 1) out += fmt::format(" <span class=\"muted\">({} places)</span>", count);
      out += "</li>\n";
    }
    if (g.sentences.size() > kSentencesPerGroup) {
      out += fmt::format("<li class=\"muted\">and {} more</li>\n",
                         g.sentences.size() - kSentencesPerGroup);
    }
    out += "</ul>\n</div>\n";
  }
  out += "</section>\n";
}

void RenderTopRisks(std::string& out, std::vector<const model::Finding*> active, size_t limit) {
  std::stable_sort(active.begin(), active.end(),
                   [](const auto* a, const auto* b) { return a->score > b->score; });
  out += "<section id=\"top-risks\">\n<h2>Top risks</h2>\n";
  if (active.empty()) {
    out += "<p>None.</p>\n</section>\n";
    return;
  }
  out += "<ol class=\"risks\">\n";
  for (size_t i = 0; i < active.size() && i < limit; ++i) {
    const auto& f = *active[i];
    out += fmt::format("<li>{} <b>{}</b> {} <span class=\"muted\">score {}</span><br>\n",
                       Badge(f.severity), HtmlEscape(f.title), Code(f.rule),
                       internal::Score1(f.score));
    out += fmt::format("<span class=\"muted\">{} ({})</span><br>\n", WorkflowLabel(f.location),
                       Code(internal::Where(f.location)));
    out += "<b>Impact:</b> " + HtmlEscape(internal::BusinessImpact(f)) + "<br>\n";
    out += "<b>What to do:</b> " + HtmlEscape(f.remediation) + "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

void RenderWorkflow(std::string& out, size_t index, const analysis::WorkflowSummary& w,
                    const std::vector<const model::Finding*>& findings) {
  out += fmt::format("<article class=\"workflow\" id=\"wf-{}\" data-name=\"{}\">\n", index,
                     HtmlEscape(w.name));
  out += fmt::format("<h3>{}</h3>\n", HtmlEscape(w.name.empty() ? w.id : w.name));
  out += fmt::format("<p class=\"muted\">{}, {}, {}{}, {} nodes, owner: {}</p>\n",
                     model::PlatformName(w.platform), Code(w.file),
                     w.active ? "active" : "inactive", w.id.empty() ? "" : ", id " + Code(w.id),
                     w.nodes, w.owner.empty() ? "unknown" : HtmlEscape(w.owner));

  out += "<h4>Entry points</h4>\n";
  if (w.entry_points.empty()) {
    out += "<p class=\"muted\">None recorded.</p>\n";
  } else {
    out +=
        "<table><tr><th>entry point</th><th>kind</th><th>who can start "
        "it</th><th>authentication</th></tr>\n";
    for (const auto& e : w.entry_points) {
      out += fmt::format(
          "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", HtmlEscape(e.node),
          e.disabled ? " <span class=\"muted\">(disabled)</span>" : "", HtmlEscape(e.kind),
          model::ExposureName(e.exposure), e.auth.empty() ? "not recorded" : HtmlEscape(e.auth));
    }
    out += "</table>\n";
  }

  out += "<h4>Data</h4>\n";
  std::vector<std::string> sensitive;
  size_t other = 0;
  for (const auto& d : w.data_fields) {
    if (detect::IsProtectedDataClass(d.sensitivity)) {
      sensitive.push_back(HtmlEscape(d.name) + " <span class=\"muted\">(" +
                          std::string(detect::DataClassName(d.sensitivity)) + ")</span>");
    } else {
      ++other;
    }
  }
  if (sensitive.empty() && other == 0) {
    out += "<p class=\"muted\">No data fields recorded.</p>\n";
  } else {
    out += "<p>";
    for (size_t i = 0; i < sensitive.size(); ++i) out += (i > 0 ? ", " : "") + sensitive[i];
    if (other > 0) {
      out += fmt::format("{}{} other field{}", sensitive.empty() ? "" : "; ", other,
                         other == 1 ? "" : "s");
    }
    out += "</p>\n";
  }
  if (!w.data_stores.empty()) {
    out += "<p>Stores data in: ";
    for (size_t i = 0; i < w.data_stores.size(); ++i) {
      const auto& s = w.data_stores[i];
      out += (i > 0 ? ", " : "") + HtmlEscape(s.node) +
             (s.connector.empty() ? "" : " (" + HtmlEscape(s.connector) + ")");
    }
    out += "</p>\n";
  }

  out += "<h4>Services and hosts</h4>\n";
  if (w.connectors.empty() && w.hosts.empty()) {
    out += "<p class=\"muted\">None.</p>\n";
  } else {
    out += "<p>";
    bool first = true;
    for (const auto& c : w.connectors) {
      out += (first ? "" : ", ") + HtmlEscape(c);
      first = false;
    }
    for (const auto& h : w.hosts) {
      out += (first ? "" : ", ") + Code(h.scheme + "://" + h.host) + " <span class=\"muted\">(" +
             HtmlEscape(h.scope) + ")</span>";
      first = false;
    }
    out += "</p>\n";
  }

  out += fmt::format("<h4>Findings ({})</h4>\n", findings.size());
  if (findings.empty()) {
    out += "<p class=\"muted\">None.</p>\n";
  } else {
    out += "<table><tr><th>severity</th><th>what</th><th>where</th><th>what to do</th></tr>\n";
    for (const auto* f : findings) {
      std::string waived;
      if (f->suppression) {
        waived = "<br><i>Waived: " + HtmlEscape(f->suppression->justification) + "</i>";
      }
      out += fmt::format(
          "<tr{}><td>{} {}</td><td><b>{}</b><br>{}{}</td><td>{}<br>{}</td><td>{}</td></tr>\n",
          f->suppression ? " class=\"waived\"" : "", Badge(f->severity), internal::Score1(f->score),
          HtmlEscape(f->title), HtmlEscape(f->message), waived, HtmlEscape(f->location.node_name),
          Code(internal::Where(f->location)), HtmlEscape(f->remediation));
    }
    out += "</table>\n";
  }
  out += "</article>\n";
}

}  // namespace

std::string RenderHtml(const ScanReport& report, const HtmlOptions& options) {
  std::vector<const model::Finding*> active;
  for (const auto& f : report.findings) {
    if (!f.suppression) active.push_back(&f);
  }

  std::string out;
  out.reserve(64 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", kCsp);
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + HtmlEscape(options.title) + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n";
  out += "<script>" + std::string(kScript) + "</script>\n";
  out += "</head>\n<body>\n<header>\n";
  out += "<h1>" + HtmlEscape(options.title) + "</h1>\n";
  out += fmt::format(
      "<p class=\"muted\">{} {}: {} files, {} workflows, {} nodes; {} unreadable file{}.</p>\n",
      kToolName, kToolVersion, report.summary.files, report.summary.workflows, report.summary.nodes,
      report.summary.errors.size(), report.summary.errors.size() == 1 ? "" : "s");
  out +=
      "<nav><a href=\"#summary\">Business impact</a><a href=\"#top-risks\">Top risks</a>"
      "<a href=\"#workflows\">Workflows</a>";
  if (!report.summary.errors.empty()) out += "<a href=\"#errors\">Unreadable files</a>";
  out += "</nav>\n</header>\n<main>\n";

  RenderSummary(out, report, active);
  RenderTopRisks(out, active, options.top_risks);

  // Findings by workflow, in scan order; findings whose workflow has no
  // summary get a page of their own.
  std::map<WorkflowKey, std::vector<const model::Finding*>> by_workflow;
  for (const auto& f : report.findings) {
    by_workflow[{f.location.file, f.location.workflow_id, f.location.workflow_name}].push_back(&f);
  }
  std::vector<analysis::WorkflowSummary> pages = report.workflows;
  std::set<WorkflowKey> seen;
  for (const auto& w : pages) seen.insert({w.file, w.id, w.name});
  for (const auto& f : report.findings) {
    WorkflowKey key{f.location.file, f.location.workflow_id, f.location.workflow_name};
    if (seen.insert(key).second) {
      analysis::WorkflowSummary w;
      w.file = f.location.file;
      w.platform = f.location.platform;
      w.id = f.location.workflow_id;
      w.name = f.location.workflow_name;
      pages.push_back(std::move(w));
    }
  }
  out += "<section id=\"workflows\">\n<h2>Workflows</h2>\n";
  out +=
      "<p><input id=\"filter\" type=\"search\" placeholder=\"Filter workflows by name\" "
      "aria-label=\"Filter workflows by name\"></p>\n";
  std::set<WorkflowKey> rendered;
  size_t index = 0;
  static const std::vector<const model::Finding*> kNone;
  for (const auto& w : pages) {
    WorkflowKey key{w.file, w.id, w.name};
    if (!rendered.insert(key).second) continue;
    auto it = by_workflow.find(key);
    RenderWorkflow(out, ++index, w, it == by_workflow.end() ? kNone : it->second);
  }
  out += "</section>\n";

  if (!report.summary.errors.empty()) {
    out += "<section id=\"errors\">\n<h2>Unreadable files</h2>\n<ul>\n";
    for (const auto& e : report.summary.errors) {
      std::string where = e.line > 0 ? fmt::format("{}:{}:{}", e.file, e.line, e.column) : e.file;
      out += "<li>" + Code(where) + ": " + HtmlEscape(e.message) + "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  out +=
      "</main>\n<footer class=\"muted\">Generated by flowwarden. Evidence never shows a whole "
      "secret.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace fw::report
