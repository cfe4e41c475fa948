// threat: deriving the model from imported workflows, the register file, and
// diffs. Pure functions; the CLI reads and writes the files.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/inventory.h"
#include "core/diagnostic.h"
#include "core/result.h"
#include "core/source.h"
#include "model/finding.h"
#include "model/inventory.h"
#include "threat/threat_model.h"

namespace fw::threat {

// Builds the threat model while the scan streams workflows: Add() is called
// once per imported workflow (with its inventory summary and the findings
// already scored for it) before the workflow is released; Finish() builds
// the estate diagram and sorts the threats.
//
// REQUIRES: `findings` are the findings of `wf` only (the pipeline runs the
// checks one workflow at a time). Not thread-safe; one Builder per scan.
class Builder {
 public:
  void Add(const model::Workflow& wf, const analysis::WorkflowSummary& summary,
           std::span<const model::Finding> findings);
  ThreatModel Finish();

 private:
  ThreatModel model_;
  std::vector<std::string> keys_;  // workflow keys used so far, sorted
};

// The STRIDE rules, for `flowwarden rules`-style listings and docs.
struct ThreatRuleInfo {
  std::string_view id;  // "stride.spoofing.unauthenticated-entry-point"
  Stride category;
  std::string_view title;  // generic title
  std::string_view fires;  // which properties fire it, for docs
  std::vector<std::string_view> mitigations;
};
std::span<const ThreatRuleInfo> ThreatRules();

// "TM-" + 12 hex digits of (rule, workflow key, target).
std::string ThreatId(std::string_view rule, std::string_view workflow, std::string_view target);

// The register file (threat-model.yaml). Errors name file, line and column.
core::Result<Register> ParseRegister(const core::SourceFile& file);
// YAML with a short header comment, entries in threat id order, stable
// output so the file diffs well in version control.
std::string WriteRegister(const Register& reg);

// Keeps every recorded decision whose threat still exists; see RegisterMerge.
RegisterMerge MergeRegister(const ThreatModel& model, const Register& old);

// What changed between two analyses, and between two register states.
ThreatDiff DiffModels(const ThreatModel& before, const ThreatModel& after);
ThreatDiff DiffRegisters(const Register& before, const Register& after);

}  // namespace fw::threat
