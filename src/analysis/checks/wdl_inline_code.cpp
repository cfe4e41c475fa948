// code-execution for Power Automate and Logic Apps: inline code actions.
// JavaScriptCode (Consumption and Standard) runs in a sandbox without
// modules or network, but sees every output of the run; Standard's
// CSharpScriptCode and PowerShellCode run .NET or PowerShell with the app's
// identity, so their impact is higher.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/checks/wdl_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

void WdlInlineCodeExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (!IsWdl(w)) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.role != model::NodeRole::kCode) continue;
    core::ValueRef inputs = node.source.value["inputs"];
    bool script = WdlTypeIs(node, "CSharpScriptCode") ||
                  WdlTypeIs(node, "ExecuteCSharpScriptCode") || WdlTypeIs(node, "PowerShellCode") ||
                  WdlTypeIs(node, "ExecutePowerShellCode") || WdlTypeIs(node, "CSharpCode");
    std::string language =
        WdlTypeIs(node, "PowerShellCode") || WdlTypeIs(node, "ExecutePowerShellCode") ? "PowerShell"
        : script                                                                      ? "C#"
                 : "JavaScript";
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " runs " + language + " written into the workflow" +
                    (script ? ", with the app's identity and full .NET access"
                            : ", with every output of the run in reach") +
                    (reach.empty() ? "." : "; " + reach + ".");
    model::SourceRef where = node.source;
    if (inputs["code"].is_string()) {
      issue.evidence = "code: " + core::Abbreviate(inputs["code"].str(), 60);
      where = WdlRef(node, {"inputs", "code"});
    } else if (inputs["CodeFile"].is_string()) {
      issue.evidence = "CodeFile: " + core::Abbreviate(inputs["CodeFile"].str(), 60);
      where = WdlRef(node, {"inputs", "CodeFile"});
    } else {
      issue.evidence = "type: " + node.type;
    }
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 6.0);
    issue.impact = script ? 8.0 : rule.impact;
    issue.factors = {{"language", language}, {"exposure", reach.empty() ? "internal" : "internet"}};
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
