// Exchange formats: OWASP Threat Dragon v2 and the Open Threat Model (OTM).
// Both are written with ordered keys and ids derived from the model's stable
// ids, so the same analysis always gives byte-identical files.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>

#include "report/threat_report.h"
#include "report/threat_text.h"

namespace fw::report {

namespace tt = threat_text;
using Json = nlohmann::ordered_json;

namespace {

// Scores are 0-10 with one decimal everywhere else in flowwarden.
double Round1(double v) { return std::round(v * 10.0) / 10.0; }

std::string TdSeverity(model::Severity s) {
  switch (s) {
    case model::Severity::kCritical:
    case model::Severity::kHigh:
      return "High";
    case model::Severity::kMedium:
      return "Medium";
    default:
      return "Low";
  }
}

// Threat Dragon 2.x offers Open, Mitigated and NA: accepted and
// false-positive decisions are "NA" (the decision itself goes into the
// mitigation text), transferred risk counts as mitigated for this model.
std::string TdStatus(threat::Decision d) {
  switch (d) {
    case threat::Decision::kOpen:
      return "Open";
    case threat::Decision::kMitigated:
    case threat::Decision::kTransferred:
      return "Mitigated";
    case threat::Decision::kAccepted:
    case threat::Decision::kFalsePositive:
      return "NA";
  }
  return "Open";
}

std::string DecisionText(const threat::RegisterEntry* entry) {
  if (entry == nullptr || entry->decision == threat::Decision::kOpen) return "";
  std::string text = "Decision: " + std::string(threat::DecisionName(entry->decision));
  if (!entry->reviewer.empty()) text += " by " + entry->reviewer;
  if (!entry->date.empty()) text += " on " + entry->date;
  if (!entry->justification.empty()) text += ": " + entry->justification;
  return text;
}

std::string MitigationText(const threat::Threat& t, const threat::RegisterEntry* entry) {
  std::vector<std::string> lines;
  std::string decision = DecisionText(entry);
  if (!decision.empty()) lines.push_back(decision);
  if (entry != nullptr && !entry->mitigations_in_place.empty()) {
    lines.push_back("In place: " + tt::Join(entry->mitigations_in_place, "; "));
  }
  if (!t.mitigations.empty()) lines.push_back("Suggested: " + tt::Join(t.mitigations, "; "));
  return tt::CleanUtf8(tt::Join(lines, "\n"));
}

std::string ScoreText(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", Round1(score));
  return buf;
}

Json TdThreat(const threat::Threat& t, const threat::Register& reg, int number) {
  const threat::RegisterEntry* entry = tt::FindEntry(reg, t.id);
  threat::Decision d = entry ? entry->decision : threat::Decision::kOpen;
  std::string description = t.scenario;
  if (!t.findings.empty()) description += "\nSupporting findings: " + tt::Join(t.findings);
  description += "\nflowwarden id: " + t.id;
  Json j;
  j["id"] = tt::StableUuid("threat:" + t.id);
  j["title"] = tt::CleanUtf8(t.title);
  j["status"] = TdStatus(d);
  j["severity"] = TdSeverity(t.severity);
  j["type"] = std::string(threat::StrideName(t.category));
  j["description"] = tt::CleanUtf8(description);
  j["mitigation"] = MitigationText(t, entry);
  j["modelType"] = "STRIDE";
  j["new"] = false;
  j["number"] = number;
  j["score"] = ScoreText(t.score);
  j["threatId"] = tt::StableUuid("threat:" + t.id);
  return j;
}

Json Body(const char* stroke, bool dashed) {
  return Json{{"stroke", stroke}, {"strokeWidth", 1.5}, {"strokeDasharray", dashed ? "5 5" : ""}};
}

// Threat Dragon has no automatic layout: boundaries become columns, their
// elements are stacked inside, so a model opens readable and can be
// rearranged by hand.
struct TdLayout {
  static constexpr double kColumnWidth = 280;
  static constexpr double kRowHeight = 130;
  static constexpr double kTop = 60;
  static constexpr double kLeft = 40;
};

Json TdDiagram(const threat::DataFlowDiagram& d, int id,
               const std::vector<const threat::Threat*>& threats, const threat::Register& reg,
               int& number) {
  std::vector<Json> cells;
  std::unordered_map<std::string, size_t> cell_of;  // element or flow id -> index in cells
  std::unordered_map<std::string, std::string> uuid_of;
  int z = 1;
  // Group elements by boundary, boundaries in diagram order, the rest last.
  std::vector<std::pair<const threat::Boundary*, std::vector<const threat::Element*>>> groups;
  std::unordered_map<std::string, size_t> group_of;
  for (const auto& b : d.boundaries) {
    group_of.emplace(b.id, groups.size());
    groups.push_back({&b, {}});
  }
  std::vector<const threat::Element*> loose;
  for (const auto& e : d.elements) {
    auto it = group_of.find(e.boundary);
    if (it == group_of.end()) {
      loose.push_back(&e);
    } else {
      groups[it->second].second.push_back(&e);
    }
  }
  groups.push_back({nullptr, std::move(loose)});
  int column = 0;
  for (const auto& [boundary, elements] : groups) {
    if (elements.empty()) continue;
    double x = TdLayout::kLeft + column * TdLayout::kColumnWidth;
    if (boundary != nullptr) {
      Json box;
      box["position"] = {{"x", x}, {"y", TdLayout::kTop - 40}};
      box["size"] = {{"width", TdLayout::kColumnWidth - 40},
                     {"height", 40 + elements.size() * TdLayout::kRowHeight}};
      box["attrs"] = {{"label", {{"text", tt::CleanUtf8(boundary->name)}}}};
      box["visible"] = true;
      box["shape"] = "trust-boundary-box";
      box["zIndex"] = -1;
      box["id"] = tt::StableUuid(d.key + "|boundary|" + boundary->id);
      box["data"] = {{"type", "tm.BoundaryBox"},
                     {"name", tt::CleanUtf8(boundary->name)},
                     {"description", std::string(threat::BoundaryKindName(boundary->kind))},
                     {"isTrustBoundary", true},
                     {"hasOpenThreats", false}};
      cells.push_back(std::move(box));
    }
    double y = TdLayout::kTop;
    for (const auto* e : elements) {
      Json c;
      std::string name = tt::CleanUtf8(e->name);
      double w = 160, h = 80;
      const char* shape = "actor";
      const char* type = "tm.Actor";
      if (e->kind == threat::ElementKind::kProcess) {
        w = h = 100;
        shape = "process";
        type = "tm.Process";
      } else if (e->kind == threat::ElementKind::kDataStore) {
        h = 70;
        shape = "store";
        type = "tm.Store";
      }
      c["position"] = {{"x", x + (TdLayout::kColumnWidth - 40 - w) / 2}, {"y", y}};
      c["size"] = {{"width", w}, {"height", h}};
      if (e->kind == threat::ElementKind::kDataStore) {
        c["attrs"] = {{"text", {{"text", name}}},
                      {"topLine", {{"strokeWidth", 1.5}, {"strokeDasharray", ""}}},
                      {"bottomLine", {{"strokeWidth", 1.5}, {"strokeDasharray", ""}}}};
      } else {
        c["attrs"] = {{"text", {{"text", name}}}, {"body", Body("#333333", false)}};
      }
      c["visible"] = true;
      c["shape"] = shape;
      c["zIndex"] = z++;
      std::string uuid = tt::StableUuid(d.key + "|element|" + e->id);
      c["id"] = uuid;
      Json data;
      data["type"] = type;
      data["name"] = name;
      std::string description = std::string(threat::ElementKindName(e->kind)) + " " + e->id;
      if (!e->node_type.empty()) description += " (" + e->node_type + ")";
      data["description"] = tt::CleanUtf8(description);
      data["outOfScope"] = false;
      data["reasonOutOfScope"] = "";
      data["hasOpenThreats"] = false;
      if (e->kind == threat::ElementKind::kExternalEntity) {
        data["providesAuthentication"] =
            tt::Property(*e, "auth") != "none" && !tt::Property(*e, "auth").empty();
      } else if (e->kind == threat::ElementKind::kProcess) {
        data["handlesCardPayment"] = false;
        data["handlesGoodsOrServices"] = false;
        data["isWebApplication"] = tt::Property(*e, "role") == "entry-point";
        data["privilegeLevel"] = "";
      } else {
        data["isALog"] = false;
        data["isEncrypted"] = false;
        data["isSigned"] = false;
        data["storesCredentials"] = !tt::Property(*e, "secrets").empty();
        data["storesInventory"] = false;
      }
      data["threats"] = Json::array();
      c["data"] = std::move(data);
      cell_of.emplace(e->id, cells.size());
      uuid_of.emplace(e->id, uuid);
      cells.push_back(std::move(c));
      y += TdLayout::kRowHeight;
    }
    ++column;
  }
  for (const auto& f : d.flows) {
    auto from = uuid_of.find(f.from);
    auto to = uuid_of.find(f.to);
    if (from == uuid_of.end() || to == uuid_of.end()) continue;
    std::string label = f.label;
    if (label.empty()) label = tt::Join(f.fields.empty() ? f.data_classes : f.fields);
    label = tt::CleanUtf8(label);
    Json c;
    c["shape"] = "flow";
    c["attrs"] = {{"line",
                   {{"stroke", f.crosses_boundary ? "#c0392b" : "#333333"},
                    {"strokeWidth", f.crosses_boundary ? 2.5 : 1.5},
                    {"targetMarker", {{"name", "block"}}},
                    {"sourceMarker", {{"name", ""}}},
                    {"strokeDasharray", f.crosses_boundary ? "5 5" : ""}}}};
    c["width"] = 200;
    c["height"] = 100;
    c["zIndex"] = z++;
    c["connector"] = "smooth";
    Json data;
    data["type"] = "tm.Flow";
    data["name"] = label;
    data["description"] = tt::CleanUtf8(
        "Data classes: " +
        (f.data_classes.empty() ? std::string("none known") : tt::Join(f.data_classes)) +
        (f.fields.empty() ? "" : "\nFields: " + tt::Join(f.fields)));
    data["outOfScope"] = false;
    data["reasonOutOfScope"] = "";
    data["protocol"] = tt::CleanUtf8(f.protocol);
    data["isEncrypted"] = f.protocol == "https";
    data["isPublicNetwork"] = f.crosses_boundary;
    data["isBidirectional"] = false;
    data["isTrustBoundary"] = false;
    data["hasOpenThreats"] = false;
    data["threats"] = Json::array();
    c["data"] = std::move(data);
    c["id"] = tt::StableUuid(d.key + "|flow|" + f.id);
    if (!label.empty()) {
      c["labels"] = Json::array({{{"attrs", {{"label", {{"text", label}}}}}, {"position", 0.5}}});
    }
    c["source"] = {{"cell", from->second}};
    c["target"] = {{"cell", to->second}};
    c["vertices"] = Json::array();
    cell_of.emplace(f.id, cells.size());
    cells.push_back(std::move(c));
  }
  // Threats go on the cell they are about; a threat whose target is not
  // drawn here goes on the first process, so none is lost.
  size_t fallback = cells.size();
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i]["shape"] == "process") {
      fallback = i;
      break;
    }
  }
  if (fallback == cells.size()) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i]["shape"] != "trust-boundary-box") {
        fallback = i;
        break;
      }
    }
  }
  for (const auto* t : threats) {
    auto it = cell_of.find(t->target);
    size_t index = it == cell_of.end() ? fallback : it->second;
    if (index >= cells.size()) continue;
    Json j = TdThreat(*t, reg, ++number);
    if (j["status"] == "Open") cells[index]["data"]["hasOpenThreats"] = true;
    cells[index]["data"]["threats"].push_back(std::move(j));
  }
  Json diagram;
  diagram["id"] = id;
  diagram["title"] = tt::CleanUtf8(d.name.empty() ? d.key : d.name);
  diagram["diagramType"] = "STRIDE";
  diagram["placeholder"] = "Data-flow diagram derived by flowwarden";
  diagram["thumbnail"] = "./public/content/images/thumbnail.stride.jpg";
  diagram["version"] = "2.2.0";
  diagram["description"] =
      tt::CleanUtf8(d.file.empty() ? "Every workflow scanned" : "From " + d.file);
  diagram["cells"] = std::move(cells);
  return diagram;
}

}  // namespace

std::string RenderThreatDragon(const threat::ThreatModel& model, const threat::Register& reg) {
  std::map<std::string, std::vector<const threat::Threat*>> by_workflow;
  for (const auto& t : model.threats) by_workflow[t.workflow].push_back(&t);
  std::set<std::string> placed;
  Json diagrams = Json::array();
  int number = 0;
  int id = 0;
  for (const auto& d : model.diagrams) {
    std::vector<const threat::Threat*> threats;
    auto it = by_workflow.find(d.key);
    if (it != by_workflow.end()) {
      threats = it->second;
      placed.insert(d.key);
    }
    threat::DataFlowDiagram storage;
    const threat::DataFlowDiagram* drawn = &d;
    if (d.elements.size() + d.flows.size() > kMaxDiagramElements) {
      storage = CollapseDiagram(d);
      drawn = &storage;
    }
    diagrams.push_back(TdDiagram(*drawn, id++, threats, reg, number));
  }
  // Estate-wide threats (and any whose workflow has no diagram) go on the
  // estate diagram, added only when there are such threats.
  std::vector<const threat::Threat*> rest;
  for (const auto& [key, threats] : by_workflow) {
    if (!placed.count(key)) rest.insert(rest.end(), threats.begin(), threats.end());
  }
  if (!rest.empty() || model.diagrams.empty()) {
    threat::DataFlowDiagram storage;
    const threat::DataFlowDiagram* drawn = &model.estate;
    if (model.estate.elements.size() + model.estate.flows.size() > kMaxDiagramElements) {
      storage = CollapseDiagram(model.estate);
      drawn = &storage;
    }
    diagrams.push_back(TdDiagram(*drawn, id++, rest, reg, number));
  }
  Json root;
  root["version"] = "2.2.0";
  root["summary"] = {
      {"title", "Automation estate threat model"},
      {"owner", ""},
      {"description", "Derived by flowwarden from " + std::to_string(model.diagrams.size()) +
                          " workflow(s); edit decisions in threat-model.yaml."},
      {"id", 0}};
  std::string reviewer;
  for (const auto& e : reg.entries) {
    if (!e.reviewer.empty()) {
      reviewer = e.reviewer;
      break;
    }
  }
  Json detail;
  detail["contributors"] = Json::array({Json{{"name", "flowwarden"}}});
  detail["diagrams"] = std::move(diagrams);
  detail["diagramTop"] = id;
  detail["reviewer"] = tt::CleanUtf8(reviewer);
  detail["threatTop"] = number;
  root["detail"] = std::move(detail);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

// How far a zone is trusted, 0 (not at all) to 100 (fully).
int TrustRating(threat::BoundaryKind k) {
  switch (k) {
    case threat::BoundaryKind::kInternet:
      return 0;
    case threat::BoundaryKind::kExternalOrganisation:
      return 30;
    case threat::BoundaryKind::kInternalNetwork:
      return 70;
    case threat::BoundaryKind::kPlatformRuntime:
      return 80;
    case threat::BoundaryKind::kInternalDataStores:
      return 90;
  }
  return 50;
}

std::string OtmState(threat::Decision d) {
  switch (d) {
    case threat::Decision::kOpen:
      return "Open";
    case threat::Decision::kMitigated:
      return "Mitigated";
    case threat::Decision::kAccepted:
      return "Accepted";
    case threat::Decision::kTransferred:
      return "Transferred";
    case threat::Decision::kFalsePositive:
      return "NotApplicable";
  }
  return "Open";
}

std::string MitigationId(std::string_view text) { return "M-" + tt::StableUuid(text).substr(0, 8); }

}  // namespace

std::string RenderOtm(const threat::ThreatModel& model, const threat::Register& reg) {
  // The estate diagram normally holds every element; when it is empty (a
  // model assembled from workflow diagrams only) their union is used.
  std::vector<const threat::DataFlowDiagram*> sources;
  if (!model.estate.elements.empty()) {
    sources.push_back(&model.estate);
  } else {
    for (const auto& d : model.diagrams) sources.push_back(&d);
  }
  Json root;
  root["otmVersion"] = "0.2.0";
  root["project"] = {{"name", "Automation estate"},
                     {"id", "flowwarden-estate"},
                     {"description", "Derived by flowwarden from " +
                                         std::to_string(model.diagrams.size()) + " workflow(s)."}};
  root["representations"] =
      Json::array({{{"name", "Data-flow diagram"}, {"id", "dfd"}, {"type", "diagram"}}});

  std::map<std::string, std::vector<const threat::Threat*>> threats_on;
  for (const auto& t : model.threats) threats_on[t.target].push_back(&t);
  auto instances = [&](const std::string& target) {
    Json list = Json::array();
    auto it = threats_on.find(target);
    if (it == threats_on.end()) return list;
    for (const auto* t : it->second) {
      const threat::RegisterEntry* entry = tt::FindEntry(reg, t->id);
      threat::Decision d = entry ? entry->decision : threat::Decision::kOpen;
      Json m = Json::array();
      for (const auto& text : t->mitigations) {
        m.push_back({{"mitigation", MitigationId(text)}, {"state", "Recommended"}});
      }
      if (entry != nullptr) {
        for (const auto& text : entry->mitigations_in_place) {
          m.push_back({{"mitigation", MitigationId(text)}, {"state", "Implemented"}});
        }
      }
      list.push_back({{"threat", t->id}, {"state", OtmState(d)}, {"mitigations", std::move(m)}});
    }
    return list;
  };

  Json zones = Json::array();
  std::set<std::string> zone_ids;
  for (const auto* d : sources) {
    for (const auto& b : d->boundaries) {
      if (!zone_ids.insert(b.id).second) continue;
      zones.push_back({{"id", tt::CleanUtf8(b.id)},
                       {"name", tt::CleanUtf8(b.name)},
                       {"type", std::string(threat::BoundaryKindName(b.kind))},
                       {"risk", {{"trustRating", TrustRating(b.kind)}}}});
    }
  }
  Json components = Json::array();
  std::set<std::string> component_ids;
  bool need_unknown_zone = false;
  for (const auto* d : sources) {
    for (const auto& e : d->elements) {
      if (!component_ids.insert(e.id).second) continue;
      std::string zone = e.boundary;
      if (!zone_ids.count(zone)) {
        zone = "b:unassigned";
        need_unknown_zone = true;
      }
      Json c;
      c["id"] = tt::CleanUtf8(e.id);
      c["name"] = tt::CleanUtf8(e.name);
      c["type"] = std::string(threat::ElementKindName(e.kind));
      if (!e.node_type.empty()) c["description"] = tt::CleanUtf8(e.node_type);
      c["parent"] = {{"trustZone", tt::CleanUtf8(zone)}};
      c["threats"] = instances(e.id);
      Json attrs = Json::object();
      if (!e.workflow.empty()) attrs["workflow"] = tt::CleanUtf8(e.workflow);
      if (!e.source.file.empty()) {
        attrs["file"] = tt::CleanUtf8(e.source.file);
        if (e.source.line) attrs["line"] = e.source.line;
      }
      for (const auto& [k, v] : e.properties) attrs[tt::CleanUtf8(k)] = tt::CleanUtf8(v);
      c["attributes"] = std::move(attrs);
      components.push_back(std::move(c));
    }
  }
  if (need_unknown_zone) {
    zones.push_back({{"id", "b:unassigned"},
                     {"name", "Not assigned to a boundary"},
                     {"type", "unknown"},
                     {"risk", {{"trustRating", 50}}}});
  }
  Json flows = Json::array();
  std::set<std::string> flow_ids;
  for (const auto* d : sources) {
    for (const auto& f : d->flows) {
      if (!component_ids.count(f.from) || !component_ids.count(f.to)) continue;
      if (!flow_ids.insert(f.id).second) continue;
      std::string name = f.label.empty() ? tt::Join(f.data_classes) : f.label;
      if (name.empty()) name = f.protocol.empty() ? "data" : f.protocol;
      Json j;
      j["id"] = tt::CleanUtf8(f.id);
      j["name"] = tt::CleanUtf8(name);
      j["bidirectional"] = false;
      j["source"] = tt::CleanUtf8(f.from);
      j["destination"] = tt::CleanUtf8(f.to);
      Json assets = Json::array();
      for (const auto& c : f.data_classes) assets.push_back(tt::CleanUtf8(c));
      j["assets"] = std::move(assets);
      j["threats"] = instances(f.id);
      Json tags = Json::array();
      if (f.crosses_boundary) tags.push_back("crosses-boundary");
      if (!f.protocol.empty()) tags.push_back(tt::CleanUtf8(f.protocol));
      j["tags"] = std::move(tags);
      if (!f.fields.empty()) {
        Json fields = Json::array();
        for (const auto& x : f.fields) fields.push_back(tt::CleanUtf8(x));
        j["attributes"] = {{"fields", std::move(fields)}};
      }
      flows.push_back(std::move(j));
    }
  }
  Json threats = Json::array();
  std::map<std::string, Json> mitigations;  // id -> object, sorted by id
  for (const auto& t : model.threats) {
    const threat::RegisterEntry* entry = tt::FindEntry(reg, t.id);
    Json j;
    j["id"] = t.id;
    j["name"] = tt::CleanUtf8(t.title);
    j["description"] = tt::CleanUtf8(t.scenario);
    j["categories"] = Json::array({std::string(threat::StrideName(t.category))});
    j["risk"] = {
        {"likelihood", Round1(t.likelihood)},
        {"likelihoodComment", "0-10 scale"},
        {"impact", Round1(t.impact)},
        {"impactComment", "0-10 scale; severity " + std::string(model::SeverityName(t.severity)) +
                              ", score " + ScoreText(t.score)}};
    Json tags = Json::array({t.rule, "workflow:" + tt::CleanUtf8(t.workflow)});
    j["tags"] = std::move(tags);
    Json attrs = {{"target", tt::CleanUtf8(t.target)},
                  {"score", Round1(t.score)},
                  {"decision", std::string(threat::DecisionName(entry ? entry->decision
                                                                      : threat::Decision::kOpen))}};
    if (!t.findings.empty()) attrs["findings"] = t.findings;
    j["attributes"] = std::move(attrs);
    threats.push_back(std::move(j));
    for (const auto& text : t.mitigations) {
      mitigations.emplace(
          MitigationId(text),
          Json{{"id", MitigationId(text)}, {"name", tt::CleanUtf8(text)}, {"riskReduction", 50}});
    }
    if (entry != nullptr) {
      for (const auto& text : entry->mitigations_in_place) {
        mitigations.emplace(MitigationId(text),
                            Json{{"id", MitigationId(text)},
                                 {"name", tt::CleanUtf8(text)},
                                 {"description", "In place (from the register)"},
                                 {"riskReduction", 50}});
      }
    }
  }
  root["trustZones"] = std::move(zones);
  root["components"] = std::move(components);
  root["dataflows"] = std::move(flows);
  root["threats"] = std::move(threats);
  Json mlist = Json::array();
  for (auto& [id, m] : mitigations) mlist.push_back(std::move(m));
  root["mitigations"] = std::move(mlist);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace fw::report
