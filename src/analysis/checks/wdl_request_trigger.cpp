// unauthenticated-entry-point for Power Automate and Logic Apps: an HTTP
// Request trigger whose only protection is the SAS signature (sig=) in its
// URL. Anyone who obtains the URL (run history, logs, a shared document, a
// browser's history) can start the workflow; the signature is not tied to a
// caller and stays valid until the key is regenerated.
//
// Power Automate: "Who can trigger the flow?" is Anyone
// (inputs.triggerAuthenticationType absent or "All"); "Tenant" and
// "SpecificUsers" require an Entra ID token. Logic Apps Consumption:
// properties.accessControl.triggers holds no IP range or OAuth policy.
// Logic Apps Standard: only App Service authentication (EasyAuth) can
// protect the endpoint and it lives outside the workflow files, so the
// finding says so and uses a lower likelihood.
#include <vector>

#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/checks/wdl_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

bool IsHttpRequest(const model::Node& node) {
  if (!WdlTypeIs(node, "Request")) return false;
  std::string_view kind = node.source.value["kind"].str();
  return kind.empty() || core::IEquals(kind, "Http");
}

// A check of a credential-like request header in the trigger's conditions
// or in a condition right after it.
bool ChecksSecretHeader(std::string_view expression) {
  std::string e = core::ToLower(expression);
  if (e.find("headers") == std::string::npos) return false;
  for (std::string_view name : {"authorization", "api-key", "apikey", "api_key", "token", "secret",
                                "signature", "x-hub-", "password"}) {
    if (e.find(name) != std::string::npos) return true;
  }
  return false;
}

bool ChecksSecretHeaderIn(const core::ValueRef& where) {
  bool found = false;
  std::vector<core::ValueRef> stack{where};
  int budget = 4096;
  while (!stack.empty() && !found && budget-- > 0) {
    core::ValueRef v = stack.back();
    stack.pop_back();
    if (v.is_string()) {
      found = ChecksSecretHeader(v.str());
    } else {
      for (size_t i = 0; i < v.size(); ++i) stack.push_back(v.value_at(i));
    }
  }
  return found;
}

}  // namespace

void WdlRequestTriggerNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (!IsWdl(w)) return;
  const bool power_automate = w.platform == model::Platform::kPowerAutomate;
  const bool standard = w.Fact("logicapps.sku") == "standard";
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.role != model::NodeRole::kEntryPoint || !IsHttpRequest(node)) continue;
    if (node.auth != "sas-key") continue;

    // A shared-secret header check in the trigger's conditions or the
    // condition that follows it.
    const model::Node* checker = nullptr;
    if (ChecksSecretHeaderIn(node.source.value["conditions"])) checker = &node;
    for (uint32_t next : wf.next[i]) {
      const model::Node& n = w.nodes[next];
      if ((WdlTypeIs(n, "If") || WdlTypeIs(n, "Switch")) &&
          ChecksSecretHeaderIn(n.source.value["expression"])) {
        checker = &n;
      }
    }

    Issue issue;
    model::SourceRef where = node.source;
    std::string who = "Anyone who has the URL of HTTP trigger " + Quote(node.name) + " can start " +
                      Quote(w.name) + " with data of their choosing";
    if (power_automate) {
      std::string_view setting = node.source.value["inputs"]["triggerAuthenticationType"].str();
      issue.message = who +
                      ": 'Who can trigger the flow' is Anyone, so the SAS signature (sig=) in "
                      "the URL is its only protection.";
      issue.evidence =
          "triggerAuthenticationType: " +
          (setting.empty() ? std::string("(not set, means All)") : std::string(setting));
      where = WdlRef(node, {"inputs", "triggerAuthenticationType"});
    } else if (standard) {
      issue.message = who +
                      " unless App Service authentication (EasyAuth) guards the app, which these "
                      "files cannot show: otherwise the SAS signature (sig=) in the URL is its "
                      "only protection.";
      issue.evidence = "authentication: none in the workflow (EasyAuth not visible)";
      issue.likelihood = 4.0;
    } else {
      issue.message = who +
                      ": the workflow has no access control for triggers (allowed caller IP "
                      "ranges or an OAuth policy), so the SAS signature (sig=) in the URL is "
                      "its only protection.";
      issue.evidence = "accessControl.triggers: (not set)";
    }
    issue.factors = {{"exposure", "internet"}, {"authentication", "sas-url"}};
    if (checker != nullptr) {
      issue.message += " " + Quote(checker->name) +
                       " checks a credential-like request header, which helps but is easy to "
                       "get wrong (missing branches, timing, logged values).";
      issue.evidence += "; header check in " + Quote(checker->name);
      issue.likelihood = 3.0;
      issue.factors = {{"exposure", "internet"}, {"authentication", "sas-url+header-check"}};
    }
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
