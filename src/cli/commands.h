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
};
void AddScanCommand(CLI::App& app, ScanOptions& options);
int RunScan(const ScanOptions& options);

struct RulesOptions {
  std::string format = "table";
};
void AddRulesCommand(CLI::App& app, RulesOptions& options);
int RunRules(const RulesOptions& options);

// Writes `text` to `path`, or to standard output when `path` is empty.
bool Emit(const std::string& text, const std::string& path);

}  // namespace fw::cli
