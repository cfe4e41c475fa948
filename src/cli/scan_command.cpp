#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"
#include "cli/owners.h"
#include "cli/scan_pipeline.h"
#include "core/file_system.h"
#include "model/finding.h"
#include "policy/policy.h"
#include "policy/waivers.h"

namespace fw::cli {

void AddScanCommand(CLI::App& app, ScanOptions& options) {
  CLI::App* cmd = app.add_subcommand("scan", "Scan exported workflows for security problems");
  cmd->add_option("paths", options.paths, "Export files or folders (walked recursively for *.json)")
      ->required();
  cmd->add_option("--format,-f", options.format, "Output format")
      ->check(CLI::IsMember({"table", "json", "sarif", "junit", "markdown", "html"}))
      ->capture_default_str();
  cmd->add_option(
         "--fail-on", options.fail_on,
         "Exit 1 when a finding is at or above this severity (or 'never'); without it, the "
         "policy's risk.fail_on applies")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical", "never"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", options.output, "Write the report to FILE instead of stdout");
  cmd->add_option("--color", options.color,
                  "Colour in the table: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("--warnings", options.warnings, "List import warnings in the table and SARIF");
  cmd->add_option("--uri-prefix", options.uri_prefix,
                  "SARIF: prefix for file paths so they are relative to the repository root "
                  "(default: the folder scanned, when it is the only path given)");
  cmd->add_option("--nodered-settings", options.nodered_settings,
                  "Node-RED settings.js or settings.json that applies to every flow scanned "
                  "(otherwise settings beside each flow file are used)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--waivers", options.waivers,
                  "Waiver file (or policy file) with a `waivers:` list; repeatable")
      ->check(CLI::ExistingFile);
  // Hidden: fixes "today" for waiver expiry in tests (FW_TODAY does the same).
  cmd->add_option("--today", options.today, "")->group("");
  cmd->add_option("--policy", options.policy,
                  "Policy library: a YAML file or a folder of them (repeatable). If it does not "
                  "load, nothing is scanned and the exit code is 2")
      ->allow_extra_args(false);
  cmd->add_option("--owners", options.owners,
                  "YAML file mapping globs of paths or workflow names to owners");
}

bool Emit(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  auto status = core::LocalFileSystem().WriteFile(path, text);
  if (!status.ok()) {
    std::fprintf(stderr, "flowwarden: %s\n", status.error().ToString().c_str());
    return false;
  }
  return true;
}

namespace {

// Reads the policy library's waivers and every --waivers file and applies them to the scan's
// findings. A waiver with an error is reported in the scan's errors and left out; the others still
// apply. Returns false only for a --today that is not a date.
bool ApplyWaiverFiles(const ScanOptions& options, const policy::CompiledPolicy* compiled,
                      report::ScanReport& result) {
  std::string today = options.today;
  if (today.empty()) {
    const char* env = std::getenv("FW_TODAY");
    today = env != nullptr ? env : policy::TodayUtc();
  }
  if (!policy::IsIsoDate(today)) {
    std::fprintf(stderr, "flowwarden: --today/FW_TODAY must be YYYY-MM-DD, got '%s'\n",
                 today.c_str());
    return false;
  }
  std::vector<policy::Waiver> waivers;
  // Waivers written in the policy library (`waivers:` in a policy file).
  if (compiled != nullptr) {
    for (const auto& [section, file] : compiled->waiver_sections) {
      (void)policy::ParseWaivers(section, file, waivers, result.summary.errors);
    }
  }
  for (const auto& path : options.waivers) {
    auto bytes = core::LocalFileSystem().ReadFile(path);
    if (!bytes.ok()) {
      core::Diagnostic d = bytes.error();
      d.file = path;
      result.summary.errors.push_back(std::move(d));
      continue;
    }
    auto source = std::make_shared<core::SourceFile>(std::filesystem::path(path).generic_string(),
                                                     std::move(bytes).value());
    (void)policy::LoadWaivers(source, waivers, result.summary.errors);
  }
  auto outcome = policy::ApplyWaivers(waivers, today, result.findings);
  for (auto& w : outcome.warnings) result.summary.warnings.push_back(std::move(w));
  report::SortFindings(result.findings);
  return true;
}

// Reads the owners file; prints every problem and returns false if it has any.
bool LoadOwners(const std::string& path, std::vector<OwnerRule>& rules) {
  auto text = core::LocalFileSystem().ReadFile(path);
  if (!text.ok()) {
    core::Diagnostic d = text.error();
    d.file = path;
    std::fprintf(stderr, "flowwarden: %s\n", d.ToString().c_str());
    return false;
  }
  OwnersFile parsed = ParseOwners(text.value(), path);
  for (const auto& e : parsed.errors)
    std::fprintf(stderr, "flowwarden: %s\n", e.ToString().c_str());
  rules = std::move(parsed.rules);
  return parsed.errors.empty();
}

}  // namespace

int RunScan(const ScanOptions& options) {
  // A policy or owners file that does not load stops the scan: findings
  // under a half-read policy would be wrong in both directions.
  std::unique_ptr<policy::CompiledPolicy> compiled;
  if (!options.policy.empty()) {
    core::Diagnostics errors;
    compiled = policy::LoadPolicy(core::LocalFileSystem(), options.policy, errors);
    if (compiled == nullptr) {
      for (const auto& e : errors) std::fprintf(stderr, "flowwarden: %s\n", e.ToString().c_str());
      std::fprintf(stderr, "flowwarden: the policy did not load; nothing was scanned\n");
      return 2;
    }
  }
  std::vector<OwnerRule> owners;
  if (!options.owners.empty() && !LoadOwners(options.owners, owners)) return 2;
  ScanExtras extras;
  extras.policy = compiled.get();
  extras.owners = options.owners.empty() ? nullptr : &owners;
  report::ScanReport result =
      Scan(core::LocalFileSystem(), options.paths, Companions{options.nodered_settings}, extras);
  const bool has_waivers =
      !options.waivers.empty() || (compiled != nullptr && !compiled->waiver_sections.empty());
  if (has_waivers && !ApplyWaiverFiles(options, compiled.get(), result)) return 2;
  // --fail-on on the command line wins over the policy's risk.fail_on.
  std::string fail_on_text = options.fail_on;
  if (!options.fail_on_given && compiled != nullptr && compiled->spec.risk.fail_on.has_value()) {
    fail_on_text = *compiled->spec.risk.fail_on;
  }
  model::Severity threshold = model::Severity::kHigh;
  (void)model::ParseSeverity(fail_on_text, &threshold);
  report::FailOn fail_on;
  if (fail_on_text != "never") fail_on = threshold;
  std::string text;
  if (options.format == "json") {
    text = report::RenderJson(result);
  } else if (options.format == "sarif") {
    report::SarifOptions sarif;
    sarif.uri_prefix = options.uri_prefix;
    sarif.include_warnings = options.warnings;
    // Files found in a folder are named relative to it; code scanning wants
    // them relative to the repository, where the scan usually runs.
    if (options.uri_prefix.empty() && options.paths.size() == 1 &&
        std::filesystem::is_directory(options.paths[0]) &&
        std::filesystem::path(options.paths[0]).is_relative()) {
      sarif.uri_prefix =
          std::filesystem::path(options.paths[0]).lexically_normal().generic_string();
      if (sarif.uri_prefix == "." || sarif.uri_prefix == "./") sarif.uri_prefix.clear();
    }
    text = report::RenderSarif(result, sarif);
  } else if (options.format == "junit") {
    text = report::RenderJunit(result, fail_on);
  } else if (options.format == "markdown") {
    report::MarkdownOptions md;
    md.fail_on = fail_on;
    text = report::RenderMarkdown(result, md);
  } else if (options.format == "html") {
    text = report::RenderHtml(result);
  } else {
    report::TableOptions table;
    table.color = options.color == "always" ||
                  (options.color == "auto" && options.output.empty() && isatty(STDOUT_FILENO) != 0);
    table.show_warnings = options.warnings;
    text = report::RenderTable(result, table);
  }
  if (!Emit(text, options.output)) return 2;
  if (result.summary.files == 0) {
    std::fprintf(stderr, "flowwarden: no input could be read\n");
    return 2;
  }
  // The policy's risk.fail_on_score adds a score threshold, unless the
  // command line says --fail-on never.
  const bool by_score = compiled != nullptr && compiled->spec.risk.fail_on_score.has_value() &&
                        !(options.fail_on_given && fail_on_text == "never");
  const bool by_severity = fail_on_text != "never";
  for (const auto& f : result.findings) {
    if (f.suppression) continue;  // waived: reported, never fails the build
    if (by_severity && f.severity >= threshold) return 1;
    if (by_score && f.score >= *compiled->spec.risk.fail_on_score) return 1;
  }
  return 0;
}

}  // namespace fw::cli
