// Node-RED runtime settings (settings.js / settings.json), checked on the
// "Node-RED runtime" workflow the importer builds from them:
// - the editor and admin API without adminAuth let anyone who reaches them
//   deploy flows, that is run code on the host;
// - credentialSecret false stores every node credential unencrypted, and a
//   literal credentialSecret puts the key next to what it protects.
#include "analysis/checks/checks.h"
#include "analysis/checks/nodered_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

bool IsRuntime(const WorkflowView& wf) {
  return IsNodeRed(wf) && wf.workflow.Fact("nodered.kind") == "runtime";
}

}  // namespace

void NodeRedAdminNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsRuntime(wf)) return;
  const auto& w = wf.workflow;
  if (w.Fact("nodered.adminAuth") != "unset") return;
  for (const auto& node : w.nodes) {
    if (node.type != "nodered-editor") continue;
    const bool local = node.exposure == model::Exposure::kInternal;
    const bool editor_off = w.Fact("nodered.disableEditor") == "true";
    std::string root(w.Fact("nodered.httpAdminRoot"));
    if (root == "unset" || root.empty()) root = "/";
    Issue issue;
    issue.message =
        std::string(editor_off ? "The admin API" : "The Node-RED editor and admin API") + " at " +
        root + " accept" + (editor_off ? "s" : "") +
        " anyone without a login (adminAuth is not set in " + w.file +
        "): whoever reaches them can deploy flows, and with a function or exec node "
        "run code on the host" +
        (local ? ". uiHost limits them to this machine." : ".");
    issue.evidence = "adminAuth: (not set)";
    if (local) issue.evidence += "; uiHost: " + std::string(w.Fact("nodered.uiHost"));
    if (editor_off) issue.evidence += "; disableEditor: true";
    issue.likelihood = local ? 3.0 : rule.likelihood;
    issue.factors = {{"exposure", local ? "local" : "network"}, {"authentication", "none"}};
    out.Report(rule, wf, &node, node.source, std::move(issue));
  }
}

void NodeRedCredentialSecret(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsRuntime(wf)) return;
  const auto& w = wf.workflow;
  std::string_view state = w.Fact("nodered.credentialSecret");
  if (state != "false" && state != "literal") return;
  core::ValueRef secret = w.source.value["credentialSecret"];
  model::SourceRef where =
      secret.valid() ? model::SourceRef{secret, "/credentialSecret"} : w.source;
  Issue issue;
  if (state == "false") {
    issue.message = "credentialSecret is false in " + w.file +
                    ": the credentials of every node (passwords, tokens, keys) are written "
                    "unencrypted to the flows' credentials file and every copy of it.";
    issue.evidence = "credentialSecret: false";
    issue.factors = {{"credentials", "unencrypted"}};
  } else {
    issue.message = "credentialSecret is written literally in " + w.file +
                    ": anyone with this file can decrypt the flows' credentials file. Read it "
                    "from an environment variable instead.";
    issue.evidence = "credentialSecret: " + core::Redact(secret.str());
    issue.likelihood = 5.0;
    issue.factors = {{"credentials", "key-in-clear-text"}};
  }
  out.Report(rule, wf, nullptr, where, std::move(issue));
}

}  // namespace fw::analysis::checks
