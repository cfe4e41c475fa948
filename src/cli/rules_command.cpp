#include "cli/commands.h"
#include "report/report.h"

namespace fw::cli {

void AddRulesCommand(CLI::App& app, RulesOptions& options) {
  CLI::App* cmd = app.add_subcommand("rules", "List every check with its metadata");
  cmd->add_option("--format,-f", options.format, "Output format")
      ->check(CLI::IsMember({"table", "json", "markdown"}))
      ->capture_default_str();
}

int RunRules(const RulesOptions& options) {
  std::string text;
  if (options.format == "json") {
    text = report::RenderRulesJson();
  } else if (options.format == "markdown") {
    text = report::RenderRulesMarkdown();
  } else {
    text = report::RenderRulesTable();
  }
  return Emit(text, "") ? 0 : 2;
}

}  // namespace fw::cli
