// unauthenticated-entry-point: n8n triggers anyone who can reach the
// instance can fire. A node after a Webhook counts as a shared-secret check
// only when it compares a request header or query value; the finding then
// stays, at lower likelihood, and says so.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "detect/expressions.h"

namespace fw::analysis::checks {

namespace {

bool IsNone(std::string_view auth) { return auth.empty() || auth == "none"; }

// Does this node compare a header or query value (a shared-secret check)?
bool ComparesRequestSecret(const model::Node& node) {
  std::string_view t = ActiveN8nType(node);
  if (t == "if" || t == "switch" || t == "filter") {
    bool reads = false;
    ForEachScalar(node.parameters, "", [&](const StringSite& s) {
      if (detect::ExpressionReadsRequestSecret(s.value)) reads = true;
    });
    return reads;
  }
  if (t == "code" || t == "function" || t == "functionItem") {
    bool found = false;
    ForEachScalar(node.parameters, "", [&](const StringSite& s) {
      if (s.key != "jsCode" && s.key != "functionCode" && s.key != "pythonCode") return;
      bool reads = s.value.find("headers") != std::string_view::npos ||
                   s.value.find(".query") != std::string_view::npos ||
                   s.value.find("['query']") != std::string_view::npos ||
                   s.value.find("[\"query\"]") != std::string_view::npos;
      bool compares = s.value.find("==") != std::string_view::npos ||
                      s.value.find("!=") != std::string_view::npos ||
                      s.value.find("timingSafeEqual") != std::string_view::npos;
      if (reads && compares) found = true;
    });
    return found;
  }
  return false;
}

void ReportOpen(const WorkflowView& wf, const RuleInfo& rule, Reporter& out, uint32_t i,
                std::string_view auth_key, std::string what, double likelihood = -1) {
  const model::Node& node = wf.workflow.nodes[i];
  std::string_view auth = node.parameters[auth_key].str();
  Issue issue;
  issue.message = "Anyone who learns the URL of " + what + " " + Quote(node.name) + " can start " +
                  Quote(wf.workflow.name) + " with data of their choosing.";
  issue.evidence = std::string(auth_key) + ": " + (auth.empty() ? "(not set)" : std::string(auth));
  issue.likelihood = likelihood;
  issue.factors = {{"exposure", "internet"}, {"authentication", "none"}};
  out.Report(rule, wf, &node, ParamRef(node, auth_key), std::move(issue));
}

}  // namespace

void WebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (ActiveN8nType(node) != "webhook") continue;
    if (!IsNone(node.parameters["authentication"].str())) continue;
    // A shared-secret comparison right after the webhook lowers likelihood.
    const model::Node* checker = nullptr;
    for (uint32_t next : wf.next[i]) {
      if (ComparesRequestSecret(w.nodes[next])) checker = &w.nodes[next];
    }
    std::string_view allow = node.parameters["options"]["ipWhitelist"].str();
    if (checker == nullptr && allow.empty()) {
      ReportOpen(wf, rule, out, i, "authentication", "webhook");
      continue;
    }
    Issue issue;
    std::string_view auth = node.parameters["authentication"].str();
    issue.evidence = "authentication: " + (auth.empty() ? std::string("(not set)") : std::string(auth));
    if (checker != nullptr) {
      issue.message = "Webhook " + Quote(node.name) + " has no authentication of its own; " +
                      Quote(checker->name) +
                      " compares a request header or query value, which acts as a shared secret "
                      "but is easy to get wrong (timing, logging, missing branches).";
      issue.evidence += "; shared-secret check in " + Quote(checker->name);
      issue.factors = {{"exposure", "internet"}, {"authentication", "shared-secret-check"}};
    } else {
      issue.message = "Webhook " + Quote(node.name) +
                      " has no authentication; only an IP allow-list limits who can call it.";
      issue.evidence += "; ipWhitelist: " + core::Abbreviate(allow, 40);
      issue.factors = {{"exposure", "internet"}, {"authentication", "ip-allow-list"}};
    }
    issue.likelihood = 4.0;
    out.Report(rule, wf, &node, ParamRef(node, "authentication"), std::move(issue));
  }
}

void FormTriggerNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (ActiveN8nType(node) != "formTrigger") continue;
    if (!IsNone(node.parameters["authentication"].str())) continue;
    ReportOpen(wf, rule, out, i, "authentication", "form");
  }
}

void ChatTriggerPublic(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (ActiveN8nType(node) != "chatTrigger") continue;
    if (!node.parameters["public"].boolean(false)) continue;
    if (!IsNone(node.parameters["authentication"].str())) continue;
    ReportOpen(wf, rule, out, i, "authentication", "public chat");
  }
}

void McpTriggerNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (ActiveN8nType(node) != "mcpTrigger") continue;
    if (!IsNone(node.parameters["authentication"].str())) continue;
    ReportOpen(wf, rule, out, i, "authentication", "MCP server");
  }
}

void WaitWebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (ActiveN8nType(node) != "wait") continue;
    if (node.parameters["resume"].str() != "webhook") continue;
    if (!IsNone(node.parameters["incomingAuthentication"].str())) continue;
    Issue issue;
    issue.message = "Wait node " + Quote(node.name) +
                    " resumes on a webhook call without authentication: whoever learns or guesses "
                    "the resume URL can continue " + Quote(w.name) + " with their own data.";
    std::string_view auth = node.parameters["incomingAuthentication"].str();
    issue.evidence = "resume: webhook; incomingAuthentication: " +
                     (auth.empty() ? std::string("(not set)") : std::string(auth));
    issue.factors = {{"exposure", "internet"}, {"authentication", "none"}};
    out.Report(rule, wf, &node, ParamRef(node, "resume"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
