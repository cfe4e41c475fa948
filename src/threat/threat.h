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
class Builder {
 public:
  void Add(const model::Workflow& wf, const analysis::WorkflowSummary& summary,
           std::span<const model::Finding> findings);
  ThreatModel Finish();

 private:
  ThreatModel model_;
};

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
