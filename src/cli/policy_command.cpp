// `flowwarden policy`: check a policy library before it is used, and turn a
// Power Platform DLP policy into a policy file.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.h"
#include "core/file_system.h"
#include "policy/dlp_import.h"
#include "policy/policy.h"

namespace fw::cli {

void AddPolicyCommand(CLI::App& app, PolicyOptions& options) {
  CLI::App* cmd = app.add_subcommand("policy", "Validate policy libraries and import DLP policies");
  cmd->require_subcommand(1);
  options.validate = cmd->add_subcommand(
      "validate", "Check policy files (schema, merge, compile); exit 0 when valid, 2 when not");
  options.validate->add_option("files", options.files, "Policy files or folders of *.yaml")
      ->required();
  options.import_dlp = cmd->add_subcommand(
      "import-dlp",
      "Convert a Power Platform DLP policy (admin API or Terraform JSON) to a policy file");
  options.import_dlp->add_option("file", options.dlp_file, "DLP policy JSON")->required();
  options.import_dlp->add_option("--output,-o", options.output,
                                 "Write the policy YAML to FILE instead of stdout");
}

namespace {

int Validate(const PolicyOptions& options) {
  core::Diagnostics errors;
  auto policy = policy::LoadPolicy(core::LocalFileSystem(), options.files, errors);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
  if (policy == nullptr) {
    std::fprintf(stderr, "flowwarden: policy invalid (%zu problem%s)\n", errors.size(),
                 errors.size() == 1 ? "" : "s");
    return 2;
  }
  const auto& s = policy->spec;
  size_t waivers = 0;
  for (const auto& [section, file] : policy->waiver_sections) waivers += section.size();
  std::printf(
      "policy valid: %zu file%s; %zu component rules, %zu approved hosts, %zu host groups, "
      "%zu settings, %zu severity floors, %zu waivers\n",
      s.files.size(), s.files.size() == 1 ? "" : "s", s.components.size(), s.approved_hosts.size(),
      s.host_groups.size(), s.settings.size(), s.risk.floors.size(), waivers);
  return 0;
}

int ImportDlp(const PolicyOptions& options) {
  const core::FileSystem& fs = core::LocalFileSystem();
  auto bytes = fs.ReadFile(options.dlp_file);
  if (!bytes.ok()) {
    core::Diagnostic d = bytes.error();
    d.file = options.dlp_file;
    std::fprintf(stderr, "flowwarden: %s\n", d.ToString().c_str());
    return 2;
  }
  auto source = std::make_shared<core::SourceFile>(
      std::filesystem::path(options.dlp_file).generic_string(), std::move(bytes).value());
  auto imported = policy::ImportDlpPolicy(source);
  if (!imported.ok()) {
    std::fprintf(stderr, "flowwarden: %s\n", imported.error().ToString().c_str());
    return 2;
  }
  // What we write must load: check it the way `policy validate` would.
  core::Diagnostics errors;
  auto out_name = options.output.empty() ? std::string("<import-dlp output>") : options.output;
  auto check = policy::ParsePolicyFile(
      std::make_shared<core::SourceFile>(out_name, imported.value().yaml), errors);
  if (!check.has_value()) {
    for (const auto& e : errors)
      std::fprintf(stderr, "flowwarden: internal: %s\n", e.ToString().c_str());
    return 2;
  }
  for (const auto& w : imported.value().warnings) {
    std::fprintf(stderr, "flowwarden: warning: %s\n", w.ToString().c_str());
  }
  if (!Emit(imported.value().yaml, options.output)) return 2;
  std::fprintf(stderr, "flowwarden: imported %zu DLP polic%s, %zu connectors\n",
               imported.value().policies, imported.value().policies == 1 ? "y" : "ies",
               imported.value().connectors);
  return 0;
}

}  // namespace

int RunPolicy(const PolicyOptions& options) {
  if (options.validate != nullptr && options.validate->parsed()) return Validate(options);
  if (options.import_dlp != nullptr && options.import_dlp->parsed()) return ImportDlp(options);
  return 2;
}

}  // namespace fw::cli
