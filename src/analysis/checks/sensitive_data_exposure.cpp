// sensitive-data-exposure: personal, financial or health data that enters a
// workflow (entry points, data store reads) and leaves it to a third party,
// to unauthenticated callers in a response, or into a log. One finding per
// (data class, leaving step): it names the fields, where they entered and
// where they go. The flow analysis is in sensitive_data_flow.cpp.
#include <algorithm>
#include <map>

#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/checks/sensitive_data_flow.h"
#include "analysis/walk.h"

namespace fw::analysis::checks {

namespace {

double ImpactOf(detect::DataClass c, double base) {
  switch (c) {
    case detect::DataClass::kHealth:
      return std::max(base, 8.5);
    case detect::DataClass::kFinancial:
      return std::max(base, 7.5);
    default:
      break;
  }
  return base;
}

std::string FieldList(const std::vector<const SensitiveUse*>& uses, size_t max) {
  std::string out;
  for (size_t i = 0; i < uses.size() && i < max; ++i) {
    if (i > 0) out += ", ";
    out += uses[i]->field;
  }
  if (uses.size() > max) out += " and " + std::to_string(uses.size() - max) + " more";
  return out;
}

std::string Origins(const model::Workflow& w, const std::vector<const SensitiveUse*>& uses) {
  std::vector<uint32_t> seen;
  std::string out;
  for (const auto* u : uses) {
    if (std::find(seen.begin(), seen.end(), u->origin) != seen.end()) continue;
    seen.push_back(u->origin);
    if (!out.empty()) out += " and ";
    out += u->origin_kind + " " + Quote(w.nodes[u->origin].name);
  }
  return out;
}

void Report(const WorkflowView& wf, const RuleInfo& rule, Reporter& out, SensitiveSink kind) {
  const auto& w = wf.workflow;
  for (const auto& flow : FindSensitiveFlows(wf)) {
    if (flow.kind != kind) continue;
    // One finding per data class at this step, strongest class first.
    std::map<int, std::vector<const SensitiveUse*>> by_class;
    for (const auto& u : flow.uses) by_class[-static_cast<int>(u.cls.cls)].push_back(&u);
    const model::Node& node = w.nodes[flow.node];
    // Findings are identified by rule, step and pointer: classes sharing the
    // first place that sends them point at the step's parameters, then at
    // the step itself.
    std::vector<std::string> pointers;
    for (const auto& [neg, uses] : by_class) {
      const detect::DataClass cls = static_cast<detect::DataClass>(-neg);
      const std::string cls_name(detect::DataClassName(cls));
      const std::string fields = FieldList(uses, 4);
      const std::string origins = Origins(w, uses);
      Issue issue;
      switch (kind) {
        case SensitiveSink::kThirdParty:
          issue.message = Quote(node.name) + " sends " + cls_name + " data (" + fields +
                          ") that enters at " + origins + " to " + flow.destination + ".";
          break;
        case SensitiveSink::kPublicResponse:
          issue.message = Quote(node.name) + " returns " + cls_name + " data (" + fields +
                          ") from " + origins + " to " + flow.destination +
                          ": anyone who can call the URL can read it.";
          break;
        case SensitiveSink::kLog:
          issue.message = Quote(node.name) + " writes " + cls_name + " data (" + fields +
                          ") that enters at " + origins + " to " + flow.destination +
                          ", where everyone who can read executions or logs sees it.";
          break;
      }
      issue.evidence =
          fields + " from " + Quote(w.nodes[uses.front()->origin].name) + " -> " + Quote(node.name);
      issue.impact = ImpactOf(cls, rule.impact);
      std::string topics;
      for (const auto* u : uses) {
        if (u->cls.topic.empty() || topics.find(u->cls.topic) != std::string::npos) continue;
        if (!topics.empty()) topics += ',';
        topics += u->cls.topic;
      }
      issue.factors = {{"data", cls_name},
                       {"fields", FieldList(uses, 16)},
                       {"kinds", topics},
                       {"source", w.nodes[uses.front()->origin].name},
                       {"destination", flow.destination}};
      model::SourceRef where = uses.front()->where;
      for (const model::SourceRef& alt :
           {model::SourceRef{node.parameters, ParametersPointer(node)}, node.source}) {
        if (std::find(pointers.begin(), pointers.end(), where.pointer) == pointers.end()) break;
        if (alt.value.valid()) where = alt;
      }
      pointers.push_back(where.pointer);
      out.Report(rule, wf, &node, where, std::move(issue));
    }
  }
}

}  // namespace

void SensitiveDataToThirdParty(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  Report(wf, rule, out, SensitiveSink::kThirdParty);
}

void SensitiveDataInPublicResponse(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  Report(wf, rule, out, SensitiveSink::kPublicResponse);
}

void SensitiveDataInLog(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  Report(wf, rule, out, SensitiveSink::kLog);
}

}  // namespace fw::analysis::checks
