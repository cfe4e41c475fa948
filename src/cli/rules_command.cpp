#include "cli/commands.h"
#include "cli/rule_examples.h"
#include "report/report.h"

namespace fw::cli {

void AddRulesCommand(CLI::App& app, RulesOptions& options) {
  CLI::App* cmd = app.add_subcommand("rules", "List every check with its metadata");
  cmd->add_option("--format,-f", options.format, "Output format")
      ->check(CLI::IsMember({"table", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--examples", options.examples,
                  "Golden cases folder (tests/cases) to take Markdown examples from; "
                  "defaults to the source tree's when it exists");
}

int RunRules(const RulesOptions& options) {
  std::string text;
  if (options.format == "json") {
    text = report::RenderRulesJson();
  } else if (options.format == "markdown") {
    std::string dir = options.examples;
#ifdef FW_DEFAULT_CASES_DIR
    if (dir.empty()) dir = FW_DEFAULT_CASES_DIR;
#endif
    text = report::RenderRulesMarkdown(CollectRuleExamples(dir));
  } else {
    text = report::RenderRulesTable();
  }
  return Emit(text, "") ? 0 : 2;
}

}  // namespace fw::cli
