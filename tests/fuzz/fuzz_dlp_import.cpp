// libFuzzer entry point for the Power Platform DLP import: one input = one
// JSON file (admin API v2, apiPolicies, Terraform). When the import
// succeeds, its YAML must load as a policy: whatever connector names and
// display names the input holds, the quoting keeps the output valid.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/source.h"
#include "policy/dlp_import.h"
#include "policy/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/dlp.json", std::move(bytes));
  auto imported = fw::policy::ImportDlpPolicy(file);
  if (!imported.ok()) {
    if (imported.error().message.empty()) __builtin_trap();
    return 0;
  }
  fw::core::Diagnostics errors;
  auto out = std::make_shared<const fw::core::SourceFile>("out.yaml", imported.value().yaml);
  if (!fw::policy::ParsePolicyFile(out, errors).has_value()) __builtin_trap();
  return 0;
}
