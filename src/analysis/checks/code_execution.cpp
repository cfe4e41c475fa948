// code-execution: steps that run code written into the workflow (Code,
// Function, Function Item, AI Transform, LangChain Code) or OS commands
// (Execute Command, SSH). Reachable from an internet entry point means an
// outsider controls the code's input, so likelihood rises.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

std::string_view BaseType(std::string_view t) {
  if (t.size() > 4 && t.substr(t.size() - 4) == "Tool") t.remove_suffix(4);
  return t;
}

bool IsCodeType(const model::Node& node, std::string_view t) {
  t = BaseType(t);
  if (t == "code") return true;  // n8n-nodes-base.code and @n8n/n8n-nodes-langchain.code
  return t == "function" || t == "functionItem" || t == "aiTransform" || t == "toolCode" ||
         t == "pythonFunction" || node.type == "@n8n/n8n-nodes-langchain.toolCode";
}

std::string Language(const model::Node& node, std::string_view t) {
  std::string_view lang = node.parameters["language"].str();
  if (lang == "python" || lang == "pythonNative" || t == "pythonFunction") return "Python";
  return "JavaScript";
}

}  // namespace

void CodeExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = ActiveN8nType(node);
    if (t.empty() || !IsCodeType(node, t)) continue;
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " runs " + Language(node, t) +
                    " written into the workflow" +
                    (reach.empty() ? "." : ", " + reach + ", so outsiders control its input.");
    issue.evidence = "type: " + node.type;
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 6.5);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"},
                     {"language", Language(node, t)}};
    out.Report(rule, wf, &node, node.source, std::move(issue));
  }
}

void CommandExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = BaseType(ActiveN8nType(node));
    bool ssh_command = t == "ssh" && (node.parameters["resource"].str().empty() ||
                                      node.parameters["resource"].str() == "command");
    if (t != "executeCommand" && !ssh_command) continue;
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    std::string where = t == "ssh" ? "on a remote host over SSH" : "on the n8n host";
    issue.message = Quote(node.name) + " runs operating-system commands " + where +
                    (reach.empty() ? "." : ", " + reach + ".");
    issue.evidence = "command: " + core::Abbreviate(node.parameters["command"].str(), 60);
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 7.0);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"},
                     {"target", t == "ssh" ? "remote-host" : "n8n-host"}};
    out.Report(rule, wf, &node, ParamRef(node, "command"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
