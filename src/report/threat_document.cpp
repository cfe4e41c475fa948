// The threat model reports for people: Markdown and HTML. Written for a
// reader who has never seen the platform: first which data leaves the
// company and why it matters, then the picture, then the threats and the
// state of the register. The HTML is one offline file (inline CSS and SVG,
// no scripts, no external URLs).
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "report/threat_report.h"
#include "report/threat_text.h"

namespace fw::report {

namespace tt = threat_text;

namespace {

std::string Score(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// One outside organisation and what the workflows send it.
struct Outflow {
  std::string organisation;            // boundary name, e.g. "HubSpot (hubspot.com)"
  std::vector<std::string> data;       // "personal data: email, phone"
  std::vector<std::string> workflows;  // workflow names sending it
  std::vector<std::string> why;        // threat scenarios about these flows
  std::vector<std::string> threat_ids;
  bool sensitive = false;  // any data class known
};

const std::vector<const threat::DataFlowDiagram*> Sources(const threat::ThreatModel& m) {
  std::vector<const threat::DataFlowDiagram*> out;
  if (!m.estate.elements.empty()) {
    out.push_back(&m.estate);
  } else {
    for (const auto& d : m.diagrams) out.push_back(&d);
  }
  return out;
}

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

std::vector<Outflow> DataLeavingTheCompany(const threat::ThreatModel& model,
                                           const tt::ThreatIndex& index) {
  std::vector<Outflow> out;
  std::map<std::string, size_t> by_boundary;
  std::unordered_map<std::string, const threat::Element*> elements;
  std::unordered_map<std::string, const threat::Boundary*> boundaries;
  auto sources = Sources(model);
  for (const auto* d : sources) {
    for (const auto& b : d->boundaries) boundaries.emplace(b.id, &b);
    for (const auto& e : d->elements) elements.emplace(e.id, &e);
  }
  std::unordered_map<std::string, std::vector<const threat::Threat*>> threats_on;
  for (const auto& t : model.threats) threats_on[t.target].push_back(&t);
  for (const auto* d : sources) {
    for (const auto& f : d->flows) {
      auto to = elements.find(f.to);
      if (to == elements.end()) continue;
      auto b = boundaries.find(to->second->boundary);
      if (b == boundaries.end() || b->second->kind != threat::BoundaryKind::kExternalOrganisation) {
        continue;
      }
      auto [it, added] = by_boundary.emplace(b->second->id, out.size());
      if (added) {
        out.push_back(Outflow{});
        out.back().organisation = b->second->name;
      }
      Outflow& o = out[it->second];
      auto from = elements.find(f.from);
      std::string wf = from != elements.end() ? from->second->workflow : "";
      std::string sender = "'" + index.WorkflowName(wf) + "'";
      if (from != elements.end()) sender += " (step '" + from->second->name + "')";
      AddUnique(o.workflows, sender);
      std::vector<std::string> classes;
      for (const auto& c : f.data_classes) classes.push_back(tt::DataClassPhrase(c));
      std::string data = tt::Join(classes);
      if (!f.fields.empty())
        data += (data.empty() ? "fields: " : " (") + tt::Join(f.fields) + (data.empty() ? "" : ")");
      if (!data.empty()) o.sensitive = true;
      AddUnique(o.data, data);
      for (const std::string* target : {&f.id, &f.to}) {
        auto th = threats_on.find(*target);
        if (th == threats_on.end()) continue;
        for (const auto* t : th->second) {
          AddUnique(o.why, t->scenario);
          AddUnique(o.threat_ids, t->id);
        }
      }
    }
  }
  // Organisations receiving sensitive data first, then by name.
  std::stable_sort(out.begin(), out.end(), [](const Outflow& a, const Outflow& b) {
    if (a.sensitive != b.sensitive) return a.sensitive;
    return a.organisation < b.organisation;
  });
  return out;
}

std::string DecisionLine(const threat::RegisterEntry* e) {
  if (e == nullptr || e->decision == threat::Decision::kOpen)
    return "open (no decision recorded yet)";
  std::string text(threat::DecisionName(e->decision));
  if (!e->reviewer.empty()) text += " by " + e->reviewer;
  if (!e->date.empty()) text += " on " + e->date;
  if (!e->justification.empty()) text += ": " + e->justification;
  if (!e->residual_risk.empty()) text += " (residual risk: " + e->residual_risk + ")";
  return text;
}

std::vector<model::Severity> SeverityOrder() {
  return {model::Severity::kCritical, model::Severity::kHigh, model::Severity::kMedium,
          model::Severity::kLow, model::Severity::kInfo};
}

// Beyond this many workflows the reports list them instead of drawing each
// one (the diagrams are in workflows/ beside the report): a report of
// thousands of diagrams is neither readable nor quick to lay out.
constexpr size_t kMaxWorkflowDiagrams = 100;

const char* kNothingSensitive =
    "what the workflow passes on; no personal, financial or secret fields were recognised in it";

const char* kLeavesIntro =
    "Each organisation below receives data from the company's automations. Once it is sent, "
    "the company no longer controls who reads it, how long it is kept or where it is stored.";

std::string NoDataLeaves() {
  return "No workflow sends data to an organisation outside the company.";
}

}  // namespace

std::string RenderThreatMarkdown(const threat::ThreatModel& model,
                                 const threat::RegisterMerge& merge) {
  using tt::MarkdownInline;
  tt::ThreatIndex index(model);
  std::string out = "# Threat model of the automation estate\n\n";
  out += std::to_string(model.diagrams.size()) + " workflow(s), " +
         std::to_string(model.threats.size()) + " threat(s).\n\n";

  out += "## What data leaves the company\n\n";
  auto outflows = DataLeavingTheCompany(model, index);
  if (outflows.empty()) {
    out += NoDataLeaves() + "\n\n";
  } else {
    out += std::string(kLeavesIntro) + "\n\n";
    for (const auto& o : outflows) {
      out += "### " + MarkdownInline(o.organisation) + "\n\n";
      out += "- **What is sent:** " +
             (o.data.empty() ? std::string(kNothingSensitive)
                             : MarkdownInline(tt::Join(o.data, "; "))) +
             "\n";
      std::vector<std::string> names;
      for (const auto& w : o.workflows) names.push_back(MarkdownInline(w));
      out += "- **Sent by:** " + tt::Join(names, "; ") + "\n";
      if (!o.why.empty()) {
        out += "- **Why it matters:**\n";
        for (const auto& w : o.why) out += "  - " + MarkdownInline(w) + "\n";
      } else if (o.sensitive) {
        out +=
            "- **Why it matters:** this data is about people; sending it outside needs a "
            "contract with the receiver and a reason the company can explain to them.\n";
      }
      out += "\n";
    }
  }

  out += "## Diagram\n\n";
  out +=
      "Boxes are people and outside systems, rounded boxes are automation steps, cylinders "
      "are data stores. Dashed red arrows cross a trust boundary.\n\n";
  out += "```mermaid\n" + RenderDfdMermaid(model.estate) + "```\n\n";

  out += "## Threats by severity\n\n";
  if (model.threats.empty()) out += "No threats were derived.\n\n";
  for (auto sev : SeverityOrder()) {
    bool heading = false;
    for (const auto& t : model.threats) {
      if (t.severity != sev) continue;
      if (!heading) {
        out += "### " + Capitalised(model::SeverityName(sev)) + "\n\n";
        heading = true;
      }
      const threat::RegisterEntry* entry = tt::FindEntry(merge.merged, t.id);
      out += "#### " + MarkdownInline(t.title) + " (" + t.id + ")\n\n";
      out += MarkdownInline(t.scenario) + "\n\n";
      out += "- **Workflow:** " + MarkdownInline(index.WorkflowName(t.workflow)) + "\n";
      out += "- **STRIDE:** " + std::string(threat::StrideName(t.category)) + "\n";
      out += "- **Score:** " + Score(t.score) + " (likelihood " + Score(t.likelihood) +
             ", impact " + Score(t.impact) + ")\n";
      if (!t.factors.empty()) {
        std::vector<std::string> f;
        for (const auto& [k, v] : t.factors) f.push_back(MarkdownInline(k + ": " + v));
        out += "- **Because:** " + tt::Join(f) + "\n";
      }
      if (!t.findings.empty()) out += "- **Supporting findings:** " + tt::Join(t.findings) + "\n";
      out += "- **Decision:** " + MarkdownInline(DecisionLine(entry)) + "\n";
      if (entry != nullptr && !entry->mitigations_in_place.empty()) {
        out +=
            "- **In place:** " + MarkdownInline(tt::Join(entry->mitigations_in_place, "; ")) + "\n";
      }
      if (!t.mitigations.empty()) {
        out += "- **Suggested mitigations:**\n";
        for (const auto& m : t.mitigations) out += "  - " + MarkdownInline(m) + "\n";
      }
      out += "\n";
    }
  }

  out += "## Register status\n\n";
  out += std::to_string(merge.new_threats.size()) + " new threat(s), " +
         std::to_string(merge.disappeared.size()) + " disappeared, " +
         std::to_string(merge.unmatched.size()) + " register entr" +
         (merge.unmatched.size() == 1 ? "y" : "ies") + " matching nothing.\n\n";
  if (!merge.new_threats.empty()) {
    out += "New threats (recorded as open):\n\n";
    for (const auto& id : merge.new_threats) out += "- " + id + "\n";
    out += "\n";
  }
  if (!merge.disappeared.empty()) {
    out += "No longer found (the decision is kept in the history, not in the register):\n\n";
    for (const auto& e : merge.disappeared) {
      out += "- " + MarkdownInline(e.threat) + ": " + MarkdownInline(e.title) + "\n";
    }
    out += "\n";
  }
  if (!merge.unmatched.empty()) {
    out += "Entries matching no threat (check the id):\n\n";
    for (const auto& e : merge.unmatched) {
      out += "- " + MarkdownInline(e.threat) + " (" + MarkdownInline(e.source.file) + ":" +
             std::to_string(e.source.line) + ")\n";
    }
    out += "\n";
  }

  if (model.diagrams.size() > kMaxWorkflowDiagrams) {
    out += "## Workflows\n\n" + std::to_string(model.diagrams.size()) +
           " workflows: their diagrams are in the workflows/ folder beside this report.\n";
  } else if (!model.diagrams.empty()) {
    out += "## Workflows\n\n";
    for (const auto& d : model.diagrams) {
      out += "### " + MarkdownInline(d.name) + "\n\n";
      if (!d.file.empty())
        out += "From `" + tt::CleanUtf8(d.file) + "` (" +
               std::string(model::PlatformName(d.platform)) + ").\n\n";
      out += "```mermaid\n" + RenderDfdMermaid(d) + "```\n\n";
    }
  }
  return out;
}

namespace {

const char* kCss =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
.org{border-left:4px solid #d35400;background:#fef5ec;padding:.6em 1em;margin:1em 0}
.threat{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
.sev{display:inline-block;border-radius:3px;padding:0 .5em;color:#fff;font-size:.85em;font-weight:600}
.critical{background:#7b241c}.high{background:#c0392b}.medium{background:#d68910}.low{background:#2874a6}.info{background:#7f8c8d}
.diagram{overflow:auto;border:1px solid #eee;padding:.5em;background:#fff}
.diagram svg{max-width:100%;height:auto}
.muted{color:#666}code{background:#f4f4f4;padding:0 .2em}
dt{font-weight:600}dd{margin:0 0 .4em 1em}
)";

// Graphviz's SVG starts with an XML declaration, a DOCTYPE pointing at the
// W3C DTD and comments; inline in HTML only the <svg> element is wanted,
// and the file must not mention external URLs.
std::string InlineSvg(const std::string& svg) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  std::string out = svg.substr(start);
  for (const char* attr :
       {" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""}) {
    size_t at = out.find(attr);
    if (at != std::string::npos && at < out.find('>')) out.erase(at, std::string_view(attr).size());
  }
  return out;
}

std::string DiagramHtml(const threat::DataFlowDiagram& d) {
  auto svg = RenderDfdSvg(d);
  if (svg.ok()) return "<div class=\"diagram\">" + InlineSvg(svg.value()) + "</div>\n";
  // Without Graphviz the reader still gets the diagram's source.
  return "<p class=\"muted\">The diagram could not be drawn (" + tt::Html(svg.error().message) +
         "); its Graphviz source:</p>\n<pre>" + tt::Html(RenderDfdDot(d)) + "</pre>\n";
}

}  // namespace

std::string RenderThreatHtml(const threat::ThreatModel& model, const threat::RegisterMerge& merge) {
  using tt::Html;
  tt::ThreatIndex index(model);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Threat model of the automation estate</title>\n<style>\n";
  out += kCss;
  out += "</style>\n</head>\n<body>\n<h1>Threat model of the automation estate</h1>\n";
  out += "<p>" + std::to_string(model.diagrams.size()) + " workflow(s), " +
         std::to_string(model.threats.size()) + " threat(s).</p>\n";

  out += "<h2 id=\"data-leaving\">What data leaves the company</h2>\n";
  auto outflows = DataLeavingTheCompany(model, index);
  if (outflows.empty()) {
    out += "<p>" + NoDataLeaves() + "</p>\n";
  } else {
    out += "<p>" + std::string(kLeavesIntro) + "</p>\n";
    for (const auto& o : outflows) {
      out += "<div class=\"org\">\n<h3>" + Html(o.organisation) + "</h3>\n<dl>\n";
      out += "<dt>What is sent</dt><dd>" +
             (o.data.empty() ? std::string(kNothingSensitive) : Html(tt::Join(o.data, "; "))) +
             "</dd>\n";
      std::vector<std::string> names;
      for (const auto& w : o.workflows) names.push_back(Html(w));
      out += "<dt>Sent by</dt><dd>" + tt::Join(names, "; ") + "</dd>\n";
      if (!o.why.empty()) {
        out += "<dt>Why it matters</dt><dd><ul>\n";
        for (const auto& w : o.why) out += "<li>" + Html(w) + "</li>\n";
        out += "</ul></dd>\n";
      } else if (o.sensitive) {
        out +=
            "<dt>Why it matters</dt><dd>This data is about people; sending it outside needs a "
            "contract with the receiver and a reason the company can explain to them.</dd>\n";
      }
      out += "</dl>\n</div>\n";
    }
  }

  out += "<h2 id=\"diagram\">Diagram</h2>\n";
  out +=
      "<p class=\"muted\">Boxes are people and outside systems, rounded boxes are automation "
      "steps, cylinders are data stores. Dashed red arrows cross a trust boundary.</p>\n";
  out += DiagramHtml(model.estate);

  out += "<h2 id=\"threats\">Threats by severity</h2>\n";
  if (model.threats.empty()) out += "<p>No threats were derived.</p>\n";
  for (const auto& t : model.threats) {
    const threat::RegisterEntry* entry = tt::FindEntry(merge.merged, t.id);
    std::string sev(model::SeverityName(t.severity));
    out += "<div class=\"threat\" id=\"" + Html(t.id) + "\">\n<h3><span class=\"sev " + sev +
           "\">" + Html(Capitalised(sev)) + "</span> " + Html(t.title) +
           " <span class=\"muted\">(" + Html(t.id) + ")</span></h3>\n";
    out += "<p>" + Html(t.scenario) + "</p>\n<dl>\n";
    out += "<dt>Workflow</dt><dd>" + Html(index.WorkflowName(t.workflow)) + "</dd>\n";
    out += "<dt>STRIDE</dt><dd>" + Html(threat::StrideName(t.category)) + "</dd>\n";
    out += "<dt>Score</dt><dd>" + Score(t.score) + " (likelihood " + Score(t.likelihood) +
           ", impact " + Score(t.impact) + ")</dd>\n";
    if (!t.factors.empty()) {
      std::vector<std::string> f;
      for (const auto& [k, v] : t.factors) f.push_back(Html(k + ": " + v));
      out += "<dt>Because</dt><dd>" + tt::Join(f) + "</dd>\n";
    }
    if (!t.findings.empty()) {
      std::vector<std::string> f;
      for (const auto& id : t.findings) f.push_back("<code>" + Html(id) + "</code>");
      out += "<dt>Supporting findings</dt><dd>" + tt::Join(f) + "</dd>\n";
    }
    out += "<dt>Decision</dt><dd>" + Html(DecisionLine(entry)) + "</dd>\n";
    if (entry != nullptr && !entry->mitigations_in_place.empty()) {
      out +=
          "<dt>In place</dt><dd>" + Html(tt::Join(entry->mitigations_in_place, "; ")) + "</dd>\n";
    }
    if (!t.mitigations.empty()) {
      out += "<dt>Suggested mitigations</dt><dd><ul>\n";
      for (const auto& m : t.mitigations) out += "<li>" + Html(m) + "</li>\n";
      out += "</ul></dd>\n";
    }
    out += "</dl>\n</div>\n";
  }

  out += "<h2 id=\"register\">Register status</h2>\n";
  out += "<p>" + std::to_string(merge.new_threats.size()) + " new threat(s), " +
         std::to_string(merge.disappeared.size()) + " disappeared, " +
         std::to_string(merge.unmatched.size()) + " register entr" +
         (merge.unmatched.size() == 1 ? "y" : "ies") + " matching nothing.</p>\n";
  auto list = [&](const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += "<p>" + std::string(title) + "</p>\n<ul>\n";
    for (const auto& i : items) out += "<li>" + Html(i) + "</li>\n";
    out += "</ul>\n";
  };
  list("New threats (recorded as open):", merge.new_threats);
  std::vector<std::string> gone, unmatched;
  for (const auto& e : merge.disappeared) gone.push_back(e.threat + ": " + e.title);
  for (const auto& e : merge.unmatched) {
    unmatched.push_back(e.threat + " (" + e.source.file + ":" + std::to_string(e.source.line) +
                        ")");
  }
  list("No longer found:", gone);
  list("Entries matching no threat (check the id):", unmatched);

  if (model.diagrams.size() > kMaxWorkflowDiagrams) {
    out += "<h2 id=\"workflows\">Workflows</h2>\n<p>" + std::to_string(model.diagrams.size()) +
           " workflows: their diagrams are in the workflows/ folder beside this report.</p>\n";
  } else if (!model.diagrams.empty()) {
    out += "<h2 id=\"workflows\">Workflows</h2>\n";
    for (const auto& d : model.diagrams) {
      out += "<details>\n<summary>" + Html(d.name) + " <span class=\"muted\">" + Html(d.file) +
             "</span></summary>\n";
      out += DiagramHtml(d);
      out += "</details>\n";
    }
  }
  out += "<p class=\"muted\">Generated by flowwarden.</p>\n</body>\n</html>\n";
  return out;
}

std::string RenderThreatDiff(const threat::ThreatDiff& diff, std::string_view format) {
  bool md = format == "markdown";
  std::string out = md ? "# Threat model changes\n\n" : "Threat model changes\n";
  // Counted here rather than with ThreatDiff::empty() so the renderers need
  // only the threat model's data types.
  bool empty = true;
  for (const auto* list :
       {&diff.elements_added, &diff.elements_removed, &diff.flows_added, &diff.flows_removed,
        &diff.flows_changed, &diff.boundaries_added, &diff.boundaries_removed, &diff.threats_added,
        &diff.threats_removed, &diff.threats_changed, &diff.decisions_changed}) {
    empty = empty && list->empty();
  }
  if (empty) {
    out += md ? "Nothing changed in data flows, boundaries, threats or decisions.\n"
              : "  nothing changed in data flows, boundaries, threats or decisions\n";
    return out;
  }
  auto section = [&](const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    if (md) {
      out += "\n## " + std::string(title) + " (" + std::to_string(items.size()) + ")\n\n";
      for (const auto& i : items) out += "- " + tt::MarkdownInline(i) + "\n";
    } else {
      out += "\n" + std::string(title) + " (" + std::to_string(items.size()) + "):\n";
      for (const auto& i : items) out += "  " + tt::CleanUtf8(i) + "\n";
    }
  };
  section("Threats added", diff.threats_added);
  section("Threats removed", diff.threats_removed);
  section("Threats changed severity", diff.threats_changed);
  section("Decisions changed", diff.decisions_changed);
  section("Boundaries added", diff.boundaries_added);
  section("Boundaries removed", diff.boundaries_removed);
  section("Data flows added", diff.flows_added);
  section("Data flows removed", diff.flows_removed);
  section("Data flows carrying other data", diff.flows_changed);
  section("Elements added", diff.elements_added);
  section("Elements removed", diff.elements_removed);
  return out;
}

}  // namespace fw::report
