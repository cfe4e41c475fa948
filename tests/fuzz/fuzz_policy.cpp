// libFuzzer entry point for policy files: one input = the bytes of one
// policy YAML. Runs the whole loader (YAML, schema check with positions,
// merge, compile); when it loads, evaluates it against a small n8n workflow
// and applies its severity floors. Every diagnostic must name the file and
// a position inside it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/inventory.h"
#include "core/source.h"
#include "ingest/ingest.h"
#include "policy/evaluate.h"
#include "policy/policy.h"

namespace {

const char* kWorkflow = R"({"id": "w", "name": "Lead capture", "connections": {},
  "settings": {"callerPolicy": "any"}, "nodes": [
  {"id": "1", "name": "Hook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "x"}},
  {"id": "2", "name": "Set", "type": "n8n-nodes-base.set", "parameters": {"assignments":
    {"assignments": [{"name": "email", "value": "={{ $json.body.email }}"}]}}},
  {"id": "3", "name": "Send", "type": "n8n-nodes-base.httpRequest",
   "parameters": {"url": "https://api.partner.example.com/leads"}},
  {"id": "4", "name": "Acme", "type": "n8n-nodes-acme.thing", "parameters": {}},
  {"id": "5", "name": "Chat", "type": "n8n-nodes-base.slack", "parameters": {}}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto imported = fw::ingest::ImportFile(
      std::make_shared<const fw::core::SourceFile>("wf.json", std::string(kWorkflow)));
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/policy.yaml", std::move(bytes));
  const uint32_t lines =
      static_cast<uint32_t>(std::count(file->bytes().begin(), file->bytes().end(), '\n')) + 1;
  fw::core::Diagnostics errors;
  auto parsed = fw::policy::ParsePolicyFile(file, errors);
  for (const auto& e : errors) {
    if (e.message.empty() || e.file != "fuzz/policy.yaml" || e.line > lines) __builtin_trap();
  }
  if (!parsed.has_value()) return 0;
  std::vector<fw::policy::PolicyFile> files{*parsed, *parsed};  // merging a file with itself
  auto spec = fw::policy::MergePolicies(files, errors);
  auto compiled = fw::policy::CompilePolicy(std::move(spec), files, errors);
  if (!errors.empty() || compiled == nullptr) return 0;
  std::vector<fw::model::Finding> findings;
  for (const auto& wf : imported.workflows) {
    fw::policy::Evaluate(*compiled, wf, fw::analysis::SummariseWorkflow(wf), findings);
  }
  fw::policy::ApplySeverityFloors(*compiled, findings);
  for (const auto& f : findings) {
    if (f.id.size() != 19 || f.rule.rfind("policy.", 0) != 0) __builtin_trap();
  }
  return 0;
}
