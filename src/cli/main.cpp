// flowwarden: one verb per job. This file wires the verbs; each lives in its
// own *_command.cpp. Only the CLI prints, reads files and sets exit codes.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "report/report.h"

int main(int argc, char** argv) {
  // Each file's parse buffers are freed before the next file: keep them in
  // the heap for reuse instead of returning them to the OS each time (the
  // page faults cost more than the parsing).
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);

  CLI::App app{"flowwarden: security review for no-code and low-code automations"};
  app.set_version_flag("--version",
                       std::string(fw::report::kToolName) + " " + fw::report::kToolVersion);
  app.require_subcommand(1);

  fw::cli::ScanOptions scan;
  fw::cli::AddScanCommand(app, scan);
  fw::cli::RulesOptions rules;
  fw::cli::AddRulesCommand(app, rules);
  fw::cli::InventoryOptions inventory;
  fw::cli::AddInventoryCommand(app, inventory);
  fw::cli::PolicyOptions policy;
  fw::cli::AddPolicyCommand(app, policy);
  fw::cli::ThreatModelOptions threat_model;
  fw::cli::AddThreatModelCommand(app, threat_model);
  fw::cli::ReviewOptions review;
  fw::cli::AddReviewCommand(app, review);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // Help and version exit 0; usage errors exit 2 (findings.md).
    return code == 0 ? 0 : 2;
  }
  if (app.got_subcommand("scan")) {
    scan.fail_on_given = app.get_subcommand("scan")->count("--fail-on") > 0;
    return fw::cli::RunScan(scan);
  }
  if (app.got_subcommand("policy")) return fw::cli::RunPolicy(policy);
  if (app.got_subcommand("rules")) return fw::cli::RunRules(rules);
  if (app.got_subcommand("inventory")) return fw::cli::RunInventory(inventory);
  if (app.got_subcommand("threat-model")) return fw::cli::RunThreatModel(threat_model);
  if (app.got_subcommand("review")) return fw::cli::RunReview(review);
  return 2;
}
