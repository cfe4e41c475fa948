// unauthenticated-entry-point, Node-RED: `http in` endpoints are served to
// anyone who reaches Node-RED unless the runtime's httpNodeAuth (basic
// auth for every HTTP node) is set. The answer lives in settings.js, so the
// importer records it as a fact; without settings the finding stays, at
// lower likelihood, and says what is missing.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"  // Quote
#include "analysis/checks/nodered_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

void NodeRedHttpInNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsNodeRed(wf)) return;
  const auto& w = wf.workflow;
  std::string_view auth = w.Fact("nodered.httpNodeAuth");
  if (auth == "set" || w.Fact("nodered.httpNodeRoot") == "false") return;
  std::string_view settings = w.Fact("nodered.settings");
  const bool no_settings = settings.empty() || settings == "none";
  const bool middleware = w.Fact("nodered.httpNodeMiddleware") == "set";
  for (const auto& node : w.nodes) {
    if (ActiveNodeRedType(node) != "http in") continue;
    std::string method = core::ToLower(node.parameters["method"].str());
    std::string endpoint = "[" + (method.empty() ? std::string("get") : method) + "] " +
                           std::string(node.parameters["url"].str());
    Issue issue;
    const bool named = !core::Trim(node.parameters["name"].str()).empty();
    std::string what = "HTTP endpoint " + endpoint + (named ? " (" + Quote(node.name) + ")" : "") +
                       " on " + Quote(w.name);
    if (no_settings) {
      issue.message = "Anyone who can reach Node-RED may call " + what +
                      " unless httpNodeAuth is set; no Node-RED settings were provided "
                      "(--nodered-settings, or settings.js beside the flows), so this could not "
                      "be confirmed.";
      issue.evidence = "httpNodeAuth: unknown (no settings file); url: " +
                       std::string(node.parameters["url"].str());
      issue.likelihood = 5.0;
      issue.factors = {{"exposure", "internet"}, {"authentication", "unknown"}};
    } else if (auth == "unset") {
      issue.message = "Anyone who can reach Node-RED can call " + what +
                      ": httpNodeAuth is not "
                      "set in " +
                      std::string(settings) + "." +
                      (middleware ? " httpNodeMiddleware is set and may check callers; confirm "
                                    "that it does."
                                  : "");
      issue.evidence = "httpNodeAuth: (not set) in " + std::string(settings) +
                       (middleware ? "; httpNodeMiddleware: set" : "") +
                       "; url: " + std::string(node.parameters["url"].str());
      issue.likelihood = middleware ? 4.0 : rule.likelihood;
      issue.factors = {{"exposure", "internet"},
                       {"authentication", middleware ? "custom-middleware" : "none"}};
    } else {
      issue.message = "httpNodeAuth in " + std::string(settings) +
                      " is computed when Node-RED starts and could not be read, so whether " +
                      what + " requires a login is unknown.";
      issue.evidence = "httpNodeAuth: (not a literal) in " + std::string(settings) +
                       "; url: " + std::string(node.parameters["url"].str());
      issue.likelihood = 3.0;
      issue.factors = {{"exposure", "internet"}, {"authentication", "unknown"}};
    }
    out.Report(rule, wf, &node, NodeRedField(node, "url"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
