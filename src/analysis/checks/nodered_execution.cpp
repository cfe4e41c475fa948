// code-execution and injection, Node-RED: function nodes (and the community
// Python nodes) run code written into the flow; exec and daemon nodes run
// operating-system commands on the Node-RED host. An exec node that appends
// a message property to its command line (`addpay`) lets whoever controls
// that message run commands of their own. Reachability from a network entry
// point (recorded by the importer across tabs, links and subflows) raises
// likelihood.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"  // Quote
#include "analysis/checks/nodered_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

bool IsCommandType(std::string_view t) { return t == "exec" || t == "daemon"; }

std::string Language(std::string_view type) {
  return type.find("python") != std::string_view::npos ? "Python" : "JavaScript";
}

// The code field of a code node: func (function, python3-function), or the
// script file of pythonshell nodes.
std::string_view CodeKey(const model::Node& node) {
  for (std::string_view key : {"func", "code", "pyfile", "script"}) {
    if (node.parameters[key].valid()) return key;
  }
  return "func";
}

// The message property an exec node appends to its command, or "".
// Node-RED < 1.0 wrote addpay: true (msg.payload); later versions name
// the property.
std::string AppendedProperty(const model::Node& node) {
  core::ValueRef addpay = node.parameters["addpay"];
  if (addpay.is_bool()) return addpay.boolean() ? "payload" : "";
  std::string_view p = core::Trim(addpay.str());
  if (p.empty() || p == "false") return {};
  if (p == "true") return "payload";
  return std::string(p);
}

}  // namespace

void NodeRedFunctionExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsNodeRed(wf)) return;
  const auto& w = wf.workflow;
  for (const auto& node : w.nodes) {
    std::string_view t = ActiveNodeRedType(node);
    if (t.empty() || node.role != model::NodeRole::kCode || IsCommandType(t)) continue;
    NodeRedReach reach = ReachOf(w, node);
    std::string_view key = CodeKey(node);
    std::string modules;
    core::ValueRef libs = node.parameters["libs"];
    for (size_t i = 0; i < libs.size() && libs.is_array(); ++i) {
      std::string_view m = libs.at(i)["module"].str();
      if (m.empty()) continue;
      if (!modules.empty()) modules += ", ";
      modules += std::string(m);
    }
    Issue issue;
    issue.message = Quote(node.name) + " runs " + Language(t) + " written into the flow" +
                    (modules.empty() ? "" : " loading the modules " + modules) + "." +
                    ReachPhrase(reach);
    issue.evidence = std::string(key) + ": " + core::Abbreviate(node.parameters[key].str(), 60);
    if (!node.parameters["initialize"].str().empty()) issue.evidence += "; initialize: set";
    if (!modules.empty()) issue.evidence += "; libs: " + modules;
    issue.likelihood = ReachLikelihood(reach, rule.likelihood, 5.5, 6.5);
    issue.factors = {{"exposure", reach.level.empty() ? "internal" : reach.level},
                     {"language", Language(t)}};
    if (!modules.empty()) issue.factors.emplace_back("modules", modules);
    out.Report(rule, wf, &node, NodeRedField(node, key), std::move(issue));
  }
}

void NodeRedExecExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsNodeRed(wf)) return;
  const auto& w = wf.workflow;
  for (const auto& node : w.nodes) {
    if (!IsCommandType(ActiveNodeRedType(node))) continue;
    NodeRedReach reach = ReachOf(w, node);
    std::string command(core::Trim(node.parameters["command"].str()));
    Issue issue;
    issue.message =
        Quote(node.name) + " runs " +
        (command.empty() ? std::string("an operating-system command")
                         : "the operating-system command '" + core::Abbreviate(command, 60) + "'") +
        " on the Node-RED host." + ReachPhrase(reach);
    issue.evidence =
        "command: " + (command.empty() ? std::string("(empty)") : core::Abbreviate(command, 60));
    issue.likelihood = ReachLikelihood(reach, rule.likelihood, 6.0, 7.0);
    issue.factors = {{"exposure", reach.level.empty() ? "internal" : reach.level},
                     {"target", "node-red-host"}};
    out.Report(rule, wf, &node, NodeRedField(node, "command"), std::move(issue));
  }
}

void NodeRedExecInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsNodeRed(wf)) return;
  const auto& w = wf.workflow;
  for (const auto& node : w.nodes) {
    if (ActiveNodeRedType(node) != "exec") continue;
    std::string property = AppendedProperty(node);
    if (property.empty()) continue;
    NodeRedReach reach = ReachOf(w, node);
    std::string command(core::Trim(node.parameters["command"].str()));
    // spawn mode runs the program without a shell: input can add arguments
    // but not `;`, pipes or $(...).
    std::string_view spawn = node.parameters["useSpawn"].text();
    const bool no_shell = spawn == "true";
    Issue issue;
    std::string line = command.empty() ? " runs msg." + property + " as the whole command line"
                                       : " appends msg." + property + " to the command '" +
                                             core::Abbreviate(command, 40) + "'";
    issue.message = Quote(node.name) + line +
                    (no_shell ? " in spawn mode (no shell): whoever controls that message "
                                "chooses the program's arguments."
                              : " and runs it through a shell: whoever controls that message "
                                "can run commands of their own (`; rm -rf`, `$(curl ...)`).") +
                    ReachPhrase(reach);
    issue.evidence = "addpay: " + std::string(node.parameters["addpay"].text()) + "; command: " +
                     (command.empty() ? std::string("(empty)") : core::Abbreviate(command, 40)) +
                     (no_shell ? "; useSpawn: true" : "");
    double internet = no_shell ? 7.0 : 9.5;
    double network = no_shell ? 5.5 : 7.5;
    issue.likelihood = ReachLikelihood(reach, no_shell ? 4.0 : rule.likelihood, network, internet);
    issue.factors = {{"exposure", reach.level.empty() ? "internal" : reach.level},
                     {"shell", no_shell ? "no" : "yes"}};
    out.Report(rule, wf, &node, NodeRedField(node, "addpay"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
