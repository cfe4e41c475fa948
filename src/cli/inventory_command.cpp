// `flowwarden inventory`: what automations exist, who can start them, what
// they reach and handle, and who owns them. Reads every file through the
// same pipeline as `scan`, keeps a compact summary per workflow and lets
// each import go, so memory stays flat on large estates.
#include <cstdio>

#include "analysis/inventory.h"
#include "cli/commands.h"
#include "cli/owners.h"
#include "cli/scan_pipeline.h"
#include "core/file_system.h"
#include "report/inventory_report.h"

namespace fw::cli {

void AddInventoryCommand(CLI::App& app, InventoryOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "inventory", "List workflows with their entry points, connectors, hosts, data and owners");
  cmd->add_option("paths", options.paths, "Export files or folders (walked recursively)")
      ->required();
  cmd->add_option("--format,-f", options.format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--owners", options.owners,
                  "YAML file mapping globs of paths or workflow names to owners");
  cmd->add_option("--output,-o", options.output, "Write the inventory to FILE instead of stdout");
  cmd->add_option("--nodered-settings", options.nodered_settings,
                  "Node-RED settings.js or settings.json that applies to every flow read "
                  "(otherwise settings beside each flow file are used)")
      ->check(CLI::ExistingFile);
}

int RunInventory(const InventoryOptions& options) {
  const core::FileSystem& fs = core::LocalFileSystem();
  std::vector<OwnerRule> owners;
  if (!options.owners.empty()) {
    auto text = fs.ReadFile(options.owners);
    if (!text.ok()) {
      core::Diagnostic d = text.error();
      d.file = options.owners;
      std::fprintf(stderr, "flowwarden: %s\n", d.ToString().c_str());
      return 2;
    }
    OwnersFile parsed = ParseOwners(text.value(), options.owners);
    if (!parsed.errors.empty()) {
      for (const auto& e : parsed.errors) {
        std::fprintf(stderr, "flowwarden: %s\n", e.ToString().c_str());
      }
      return 2;
    }
    owners = std::move(parsed.rules);
  }

  analysis::Inventory inventory;
  ImportAll(
      fs, options.paths, inventory.scanned,
      [&](const InputFile&, const std::vector<model::Workflow>& workflows) {
        for (const auto& wf : workflows) {
          analysis::WorkflowSummary s = analysis::SummariseWorkflow(wf);
          if (s.owner.empty()) {
            if (const OwnerRule* rule = FindOwner(owners, s.file, s.name)) {
              s.owner = rule->owner;
              s.owner_source = "owners-file";
            }
          }
          inventory.workflows.push_back(std::move(s));
        }
      },
      Companions{options.nodered_settings});
  inventory.totals = analysis::ComputeTotals(inventory.workflows);

  std::string text;
  if (options.format == "json") {
    text = report::RenderInventoryJson(inventory);
  } else if (options.format == "csv") {
    text = report::RenderInventoryCsv(inventory);
  } else {
    text = report::RenderInventoryTable(inventory);
  }
  if (!Emit(text, options.output)) return 2;
  if (inventory.scanned.files == 0) {
    std::fprintf(stderr, "flowwarden: no input could be read\n");
    return 2;
  }
  return 0;
}

}  // namespace fw::cli
