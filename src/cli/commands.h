// The CLI's commands: options and run functions, one file each.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace fw::cli {

struct ScanOptions {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string fail_on = "high";
  std::string output;
  std::string color = "auto";
  bool warnings = false;
  std::string nodered_settings;      // Node-RED settings.js / settings.json for every flow
  std::vector<std::string> waivers;  // waiver or policy files with a `waivers:` sequence
  std::string today;                 // YYYY-MM-DD for waiver expiry (tests); else FW_TODAY or UTC
  std::string uri_prefix;            // SARIF: prepended to file paths
  std::vector<std::string> policy;   // policy files or folders (--policy, repeatable)
  std::string owners;                // owners file (YAML), optional
  bool fail_on_given = false;        // --fail-on was on the command line (else the policy's)
};
void AddScanCommand(CLI::App& app, ScanOptions& options);
int RunScan(const ScanOptions& options);

struct RulesOptions {
  std::string format = "table";
  std::string examples;  // golden cases folder for Markdown examples
};
void AddRulesCommand(CLI::App& app, RulesOptions& options);
int RunRules(const RulesOptions& options);

struct InventoryOptions {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string owners;  // owners file (YAML), optional
  std::string output;
  std::string nodered_settings;  // as for scan
};
void AddInventoryCommand(CLI::App& app, InventoryOptions& options);
int RunInventory(const InventoryOptions& options);

// `flowwarden policy validate FILES...` and `flowwarden policy import-dlp FILE`.
struct PolicyOptions {
  std::vector<std::string> files;  // validate: policy files or folders
  std::string dlp_file;            // import-dlp: the DLP export
  std::string output;              // import-dlp: where the policy YAML goes
  CLI::App* validate = nullptr;
  CLI::App* import_dlp = nullptr;
};
void AddPolicyCommand(CLI::App& app, PolicyOptions& options);
int RunPolicy(const PolicyOptions& options);
struct ThreatModelOptions {
  std::vector<std::string> paths;
  std::string output;         // folder for every output; empty: print to stdout
  std::string register_file;  // threat-model.yaml; see threat_command.cpp for the default
  std::string format = "table";
  std::vector<std::string> diff;  // OLD NEW
  std::string nodered_settings;
};
void AddThreatModelCommand(CLI::App& app, ThreatModelOptions& options);
int RunThreatModel(const ThreatModelOptions& options);

struct ReviewOptions {
  std::vector<std::string> paths;
  std::string register_file;
  std::string since;  // exports or register of the last review
  std::string output;
  int areas = 4;
  std::string nodered_settings;
};
void AddReviewCommand(CLI::App& app, ReviewOptions& options);
int RunReview(const ReviewOptions& options);

// Writes `text` to `path`, or to standard output when `path` is empty.
bool Emit(const std::string& text, const std::string& path);

}  // namespace fw::cli
