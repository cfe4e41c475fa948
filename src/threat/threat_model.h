// threat: the data-flow diagram, STRIDE threats and the register people keep
// beside the exports. Plain data shared by the derivation (derive.cpp,
// stride.cpp), the register merge and diff (register.cpp, diff.cpp) and the
// renderers in report/ (DOT, Mermaid, SVG, Threat Dragon v2, OTM, Markdown,
// HTML).
//
// Ids are stable: they are built from names that survive re-export (workflow
// id or name, node name, host), never from positions or counters, so a
// decision recorded against a threat id still applies after re-analysis.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/finding.h"

namespace fw::threat {

// Trust boundaries a diagram draws.
enum class BoundaryKind : uint8_t {
  kInternet,              // anyone on the internet: callers of public entry points
  kPlatformRuntime,       // the automation platform that runs the workflow
  kExternalOrganisation,  // one third-party organisation (hubspot.com, slack.com...)
  kInternalDataStores,    // the company's own databases, files, spreadsheets
  kInternalNetwork,       // private/loopback hosts the workflow calls
};
std::string_view BoundaryKindName(BoundaryKind k);  // "internet", "platform-runtime", ...

struct Boundary {
  std::string id;  // "b:internet", "b:runtime:n8n", "b:org:hubspot.com", "b:stores", "b:internal"
  std::string name;
  BoundaryKind kind = BoundaryKind::kPlatformRuntime;
};

// DFD element kinds (the classic four, flows are separate).
enum class ElementKind : uint8_t { kExternalEntity, kProcess, kDataStore };
std::string_view ElementKindName(ElementKind k);  // "external-entity", "process", "data-store"

struct SourcePosition {
  std::string file;
  std::string pointer;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Element {
  // Stable id, e.g. "p:<workflow key>/<node name>", "e:caller:<workflow key>/<node name>",
  // "e:org:hubspot.com", "d:<workflow key>/<node name>".
  std::string id;
  ElementKind kind = ElementKind::kProcess;
  std::string name;       // for people: node name, "Internet caller", "HubSpot (hubspot.com)"
  std::string boundary;   // Boundary id it sits in
  std::string workflow;   // workflow key ("" for elements shared by the estate)
  std::string node_type;  // platform type id, when the element is a step
  // Facts the STRIDE rules and the reports read, key -> value, e.g.
  // "role":"entry-point", "exposure":"internet", "auth":"none",
  // "code":"javascript", "secrets":"2", "logging":"off", "connector":"hubspot".
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<std::string> findings;  // ids of the findings about this element
  SourcePosition source;

  std::string_view Property(std::string_view key) const;  // "" when absent
};

struct Flow {
  std::string id;    // stable: "f:" + from id + "->" + to id
  std::string from;  // element ids
  std::string to;
  std::string label;  // e.g. "HTTPS: email, phone"
  std::vector<std::string>
      data_classes;                 // detect::DataClassName values: "personal", "financial", ...
  std::vector<std::string> fields;  // sensitive field names carried, when known
  std::string protocol;             // "https", "http", "internal", ...
  bool crosses_boundary = false;    // from and to sit in different boundaries
  std::vector<std::string> findings;
};

struct DataFlowDiagram {
  std::string key;   // workflow key, or "estate" for the whole scan
  std::string name;  // workflow name, or "All workflows"
  std::string file;  // export the workflow came from ("" for the estate)
  model::Platform platform = model::Platform::kN8n;
  std::vector<Boundary> boundaries;
  std::vector<Element> elements;
  std::vector<Flow> flows;
};

enum class Stride : uint8_t {
  kSpoofing,
  kTampering,
  kRepudiation,
  kInformationDisclosure,
  kDenialOfService,
  kElevationOfPrivilege,
};
std::string_view StrideName(Stride s);    // "Spoofing", ..., "Elevation of privilege"
std::string_view StrideLetter(Stride s);  // "S", "T", "R", "I", "D", "E"

struct Threat {
  // "TM-" + 12 hex of (threat rule, workflow key, target id): stable across runs.
  std::string id;
  std::string rule;  // threat rule id, e.g. "stride.spoofing.unauthenticated-entry-point"
  Stride category = Stride::kSpoofing;
  std::string workflow;  // workflow key ("estate" for estate-wide threats)
  std::string target;    // element or flow id the threat is about
  std::string title;
  // Plain language: who could do what, who benefits, who is harmed.
  std::string scenario;
  std::vector<std::string> findings;  // supporting finding ids
  double likelihood = 0;              // 0-10, from risk/
  double impact = 0;
  double score = 0;
  model::Severity severity = model::Severity::kInfo;
  std::vector<std::pair<std::string, std::string>> factors;  // why, as in findings
  std::vector<std::string> mitigations;                      // suggested
};

struct ThreatModel {
  std::vector<DataFlowDiagram> diagrams;  // one per workflow, in scan order
  DataFlowDiagram estate;                 // every workflow, external organisations merged
  std::vector<Threat> threats;            // sorted: score high first, then id
};

// ---- the register (threat-model.yaml) ----

enum class Decision : uint8_t { kOpen, kMitigated, kAccepted, kTransferred, kFalsePositive };
std::string_view DecisionName(
    Decision d);  // "open", "mitigated", "accepted", "transferred", "false-positive"
bool ParseDecision(std::string_view text, Decision* out);

struct RegisterEntry {
  std::string threat;  // Threat::id
  std::string title;   // copied from the analysis for people reading the file
  Decision decision = Decision::kOpen;
  std::string justification;
  std::string reviewer;
  std::string date;  // YYYY-MM-DD
  std::vector<std::string> mitigations_in_place;
  std::string residual_risk;  // "low", "medium", "high" or free text; "" = not assessed
  SourcePosition source;      // where it is written in the register file
};

struct Assumption {
  std::string id;  // "A-1", free
  std::string text;
  std::string owner;
  std::string date;
  SourcePosition source;
};

struct Register {
  int version = 1;
  std::vector<Assumption> assumptions;
  std::vector<RegisterEntry> entries;
};

}  // namespace fw::threat

// ---- merging the register with a fresh analysis, and diffs ----

namespace fw::threat {

struct RegisterMerge {
  // One entry per current threat: recorded decisions kept, new threats added
  // as "open", titles refreshed.
  Register merged;
  std::vector<std::string> new_threats;    // ids of threats the register did not have
  std::vector<RegisterEntry> disappeared;  // entries whose threat the analysis no longer finds
  std::vector<RegisterEntry> unmatched;    // entries that match nothing (unknown or malformed ids)
};

struct ThreatDiff {
  std::vector<std::string> elements_added, elements_removed;      // element ids
  std::vector<std::string> flows_added, flows_removed;            // flow ids
  std::vector<std::string> flows_changed;                         // same id, other data classes
  std::vector<std::string> boundaries_added, boundaries_removed;  // boundary ids
  std::vector<std::string> threats_added, threats_removed;        // threat ids
  std::vector<std::string> threats_changed;                       // same id, other severity
  std::vector<std::string> decisions_changed;                     // register: threat ids
  bool empty() const;
};

}  // namespace fw::threat
