// What derive.cpp hands to the STRIDE rules (stride.cpp) for one workflow:
// the diagram just built and, per node, its element, findings and
// reachability. Internal header of fw_threat.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "model/finding.h"
#include "threat/threat_model.h"

namespace fw::threat {

struct NodeInfo {
  std::string process;  // element id; "" for annotations
  std::string caller;   // entry points: the caller element id
  std::vector<const model::Finding*> findings;
  bool expensive = false;  // AI model, loop: costly to run on demand
};

struct WorkflowContext {
  const model::Workflow& wf;
  const analysis::WorkflowSummary& summary;
  const analysis::WorkflowView& view;
  std::string key;
  const DataFlowDiagram& diagram;
  std::vector<NodeInfo> nodes;
  std::vector<const model::Finding*> workflow_findings;  // findings about no node
  std::unordered_map<std::string, size_t> element_index;
  std::unordered_map<std::string, size_t> boundary_index;

  const Element* FindElement(const std::string& id) const {
    auto it = element_index.find(id);
    return it == element_index.end() ? nullptr : &diagram.elements[it->second];
  }
  const Boundary* BoundaryOf(const std::string& element_id) const {
    const Element* e = FindElement(element_id);
    if (e == nullptr) return nullptr;
    auto it = boundary_index.find(e->boundary);
    return it == boundary_index.end() ? nullptr : &diagram.boundaries[it->second];
  }
};

// Appends the threats the STRIDE rules find in one workflow.
void DeriveThreats(const WorkflowContext& ctx, std::vector<Threat>& out);
// Appends the threats only the estate diagram shows (workflow key "estate").
void DeriveEstateThreats(const DataFlowDiagram& estate, std::vector<Threat>& out);

}  // namespace fw::threat
