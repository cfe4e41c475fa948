// libFuzzer entry point for waiver files: the bytes of one YAML file go
// through LoadWaivers, and whatever it accepts is applied to a few findings
// (globs on their paths and workflows, expiry against a fixed day). Every
// error must carry a message and a position inside the file; every accepted
// waiver must have a valid date and a finding or a rule with a glob.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/source.h"
#include "policy/waivers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/waivers.yaml", std::move(bytes));
  std::vector<fw::policy::Waiver> waivers;
  fw::core::Diagnostics errors;
  (void)fw::policy::LoadWaivers(file, waivers, errors);
  for (const auto& e : errors) {
    if (e.message.empty() || e.line == 0) __builtin_trap();
  }
  for (const auto& w : waivers) {
    if (!fw::policy::IsIsoDate(w.expires) || w.justification.empty() || w.approver.empty()) {
      __builtin_trap();
    }
    if (w.finding.empty() == w.rule.empty()) __builtin_trap();
    if (!w.rule.empty() && w.path.empty() && w.workflow.empty()) __builtin_trap();
  }
  std::vector<fw::model::Finding> findings(3);
  findings[0].id = "FW-0000000000000001";
  findings[0].rule = "n8n.webhook.no-auth";
  findings[0].location.file = "marketing/a/lead.json";
  findings[0].location.workflow_name = "Lead intake";
  findings[1].rule = "n8n.code.execution";
  findings[1].location.file = "exports/sol.zip!/Workflows/x.json";
  findings[2].rule = "secret.generic";
  size_t before = findings.size();
  auto outcome = fw::policy::ApplyWaivers(waivers, "2026-11-30", findings);
  if (findings.size() != before + outcome.expired) __builtin_trap();
  // Globs taken from the input itself against its own text.
  for (const auto& w : waivers) {
    (void)fw::policy::GlobMatch(w.path, w.workflow, true);
    (void)fw::policy::GlobMatch(w.workflow, w.path, false);
  }
  return 0;
}
