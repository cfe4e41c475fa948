// `flowwarden review`: a short session plan for a product owner. Picks the
// few workflows that changed most since the last review or carry the most
// residual risk, and turns their threats into questions a person who does
// not know the platform can answer with yes, no or a name.
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

struct Area {
  std::string key;
  std::string name;
  std::string file;
  int changes = 0;
  double residual = 0;  // highest score among threats still open
  std::vector<const threat::Threat*> open;
  double rank = 0;
};

bool StillOpen(const threat::Register& reg, const threat::Threat& t) {
  const threat::RegisterEntry* e = tt::FindEntry(reg, t.id);
  return e == nullptr || e->decision == threat::Decision::kOpen;
}

// Ids embed the workflow key ("p:<key>/<node>", "f:p:<key>/...->..."), so a
// diff entry belongs to the workflow whose key it contains after a ':'.
bool IdMentions(std::string_view id, std::string_view key) {
  if (key.empty()) return false;
  size_t at = id.find(key);
  while (at != std::string_view::npos) {
    bool start = at > 0 && id[at - 1] == ':';
    size_t end = at + key.size();
    bool stop = end == id.size() || id[end] == '/' || id[end] == '-';
    if (start && stop) return true;
    at = id.find(key, at + 1);
  }
  return false;
}

std::string Quote(std::string_view s) { return "'" + tt::MarkdownInline(s) + "'"; }

std::string ReceiverName(const threat::ThreatModel& model, const threat::Threat& t) {
  // The flow's receiving element names the organisation ("HubSpot (hubspot.com)").
  std::vector<const threat::DataFlowDiagram*> all{&model.estate};
  for (const auto& d : model.diagrams) all.push_back(&d);
  for (const auto* dg_ptr : all) {
    const auto& dg = *dg_ptr;
    for (const auto& f : dg.flows) {
      if (f.id != t.target) continue;
      for (const auto& e : dg.elements) {
        if (e.id == f.to) return e.name;
      }
    }
    for (const auto& e : dg.elements) {
      if (e.id == t.target) return e.name;
    }
  }
  return {};
}

std::string DataOf(const threat::ThreatModel& model, const threat::Threat& t) {
  auto describe = [](const threat::Flow& f) {
    if (!f.fields.empty()) return tt::Join(f.fields);
    std::vector<std::string> c;
    for (const auto& x : f.data_classes) c.push_back(tt::DataClassPhrase(x));
    return tt::Join(c);
  };
  for (const auto& f : model.estate.flows) {
    if (f.id == t.target) return describe(f);
  }
  for (const auto& d : model.diagrams) {
    for (const auto& f : d.flows) {
      if (f.id == t.target) return describe(f);
    }
  }
  return {};
}

// One question per threat, in words a product owner uses.
std::string Question(const threat::ThreatModel& model, const threat::Threat& t,
                     const std::string& workflow) {
  std::string receiver = ReceiverName(model, t);
  switch (t.category) {
    case threat::Stride::kSpoofing:
      return "Should people outside the company be able to start " + Quote(workflow) +
             " without a password or shared secret?";
    case threat::Stride::kInformationDisclosure: {
      std::string data = DataOf(model, t);
      if (!receiver.empty() && !data.empty()) {
        return "Is it OK that " + Quote(workflow) + " sends " + tt::MarkdownInline(data) + " to " +
               tt::MarkdownInline(receiver) + ", and does the contract with them cover it?";
      }
      return "Who may see the data " + Quote(workflow) +
             " handles, and is anyone outside that group able to see it today?";
    }
    case threat::Stride::kTampering:
      return "If someone changed what " + Quote(workflow) +
             " receives or runs, who would notice, and how much damage could it do before then?";
    case threat::Stride::kRepudiation:
      return "If " + Quote(workflow) +
             " did something wrong, would you need to prove afterwards who started it and what "
             "it did? For how long?";
    case threat::Stride::kDenialOfService:
      return "What happens to the business if " + Quote(workflow) +
             " stops working or is flooded with requests for a day?";
    case threat::Stride::kElevationOfPrivilege:
      return "Should " + Quote(workflow) +
             " be able to run its own code or act with more access than the people who use it?";
  }
  return "Who owns " + Quote(workflow) + ", and who should be told when it fails?";
}

}  // namespace

std::string RenderReview(const threat::ThreatModel& model, const threat::Register& reg,
                         const threat::ThreatDiff* since, size_t max_areas) {
  tt::ThreatIndex index(model);
  std::vector<Area> areas;
  std::unordered_map<std::string, size_t> area_of;
  for (const auto& d : model.diagrams) {
    if (area_of.emplace(d.key, areas.size()).second) {
      Area a;
      a.key = d.key;
      a.name = d.name;
      a.file = d.file;
      areas.push_back(std::move(a));
    }
  }
  for (const auto& t : model.threats) {
    auto it = area_of.find(t.workflow);
    if (it == area_of.end()) {
      it = area_of.emplace(t.workflow, areas.size()).first;
      Area a;
      a.key = t.workflow;
      a.name = index.WorkflowName(t.workflow);
      areas.push_back(std::move(a));
    }
    if (!StillOpen(reg, t)) continue;
    Area& a = areas[it->second];
    a.open.push_back(&t);
    a.residual = std::max(a.residual, t.score);
  }
  if (since != nullptr) {
    std::set<std::string> added(since->threats_added.begin(), since->threats_added.end());
    for (const auto& t : model.threats) {
      auto it = area_of.find(t.workflow);
      if (it != area_of.end() && added.count(t.id)) areas[it->second].changes += 2;
    }
    for (auto& a : areas) {
      for (const auto* list : {&since->elements_added, &since->elements_removed,
                               &since->flows_added, &since->flows_removed, &since->flows_changed,
                               &since->threats_changed, &since->decisions_changed}) {
        for (const auto& id : *list) {
          if (IdMentions(id, a.key)) ++a.changes;
        }
      }
    }
  }
  // Residual risk leads; each change since the last review weighs like one
  // point of score, capped so a big refactor does not hide a critical threat.
  for (auto& a : areas) a.rank = a.residual + std::min(a.changes, 5);
  std::stable_sort(areas.begin(), areas.end(), [](const Area& x, const Area& y) {
    if (x.rank != y.rank) return x.rank > y.rank;
    return x.name < y.name;
  });
  std::vector<const Area*> chosen;
  for (const auto& a : areas) {
    if (chosen.size() >= max_areas) break;
    if (a.rank <= 0) continue;
    chosen.push_back(&a);
  }

  std::string out = "# Review session\n\n";
  size_t open_total = 0;
  for (const auto& t : model.threats) open_total += StillOpen(reg, t) ? 1 : 0;
  out += "The automations hold " + std::to_string(model.threats.size()) + " threat(s), " +
         std::to_string(open_total) + " without a decision. ";
  if (chosen.empty()) {
    out += "Nothing needs a decision today.\n";
    return out;
  }
  out +=
      "This session covers the " + std::to_string(chosen.size()) + " area(s) " +
      (since != nullptr ? "that changed most or carry the most risk" : "that carry the most risk") +
      ". Each question can be answered without knowing the platform; write the answers into "
      "threat-model.yaml (decision, justification, reviewer, date) or give them to the "
      "security team.\n";
  int n = 0;
  for (const auto* a : chosen) {
    out += "\n## " + std::to_string(++n) + ". " + tt::MarkdownInline(a->name) + "\n\n";
    std::vector<std::string> why;
    if (a->residual > 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.1f", a->residual);
      why.push_back(std::to_string(a->open.size()) + " open threat(s), the highest scoring " + buf +
                    " of 10");
    }
    if (a->changes > 0)
      why.push_back(std::to_string(a->changes) + " change(s) since the last review");
    if (!a->file.empty()) why.push_back("from `" + tt::CleanUtf8(a->file) + "`");
    out += "Why now: " + tt::Join(why, "; ") + ".\n\n";
    if (!a->open.empty()) {
      out += "What could go wrong:\n\n";
      size_t shown = 0;
      for (const auto* t : a->open) {
        if (shown++ >= 3) break;
        out += "- " + tt::MarkdownInline(t->scenario.empty() ? t->title : t->scenario) + "\n";
      }
      out += "\n";
    }
    out += "Questions:\n\n";
    // Questions about who can start the workflow and which data goes to
    // whom come first: a product owner can answer those outright.
    std::vector<std::pair<int, std::string>> candidates;
    for (const auto* t : a->open) {
      std::string q = Question(model, *t, a->name);
      bool direct =
          t->category == threat::Stride::kSpoofing ||
          (t->category == threat::Stride::kInformationDisclosure && q.rfind("Is it OK", 0) == 0);
      candidates.emplace_back(direct ? 0 : 1, std::move(q));
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> questions;
    for (auto& [priority, q] : candidates) {
      if (questions.size() >= 4) break;
      if (std::find(questions.begin(), questions.end(), q) == questions.end()) {
        questions.push_back(std::move(q));
      }
    }
    if (questions.size() < 2) {
      questions.push_back("Who owns " + Quote(a->name) +
                          ", and who should be told when it fails or starts behaving oddly?");
    }
    for (const auto& q : questions) out += "- [ ] " + q + "\n";
  }
  return out;
}

}  // namespace fw::report
