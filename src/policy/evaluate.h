// Policy rules and their evaluation: one table of rule metadata (listed by
// `flowwarden rules` and docs/rules.md beside the built-in checks) and the
// function that compares one workflow with a compiled policy.
//
// Pure functions; a CompiledPolicy may be shared by threads evaluating
// different workflows.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "model/finding.h"
#include "policy/policy.h"

namespace fw::policy {

// Every policy rule, in the order reports list them.
std::span<const analysis::RuleInfo> AllRules();
const analysis::RuleInfo* FindRule(std::string_view id);

// Findings for everything in `wf` the policy does not allow. `summary` is
// the workflow's inventory summary with the owner already resolved (export
// or owners file). Messages name the policy place that was broken.
void Evaluate(const CompiledPolicy& policy, const model::Workflow& wf,
              const analysis::WorkflowSummary& summary, std::vector<model::Finding>& out);

// Raises findings to the policy's severity floors (risk.floors) and records
// the floor as a risk factor.
void ApplySeverityFloors(const CompiledPolicy& policy, std::vector<model::Finding>& findings);

// The package a component comes from when it is a community one: n8n types
// outside n8n-nodes-base and @n8n/* ("n8n-nodes-foo.bar" -> "n8n-nodes-foo",
// "@acme/n8n-nodes-x.y" -> "@acme/n8n-nodes-x"); Node-RED types outside the
// core palette (the type itself, since flows do not record the module).
// Empty for core components and other platforms.
std::string CommunityPackage(model::Platform platform, std::string_view type);

}  // namespace fw::policy
