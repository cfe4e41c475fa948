// unauthenticated-entry-point: n8n triggers anyone who can reach the
// instance can fire. A node after a Webhook counts as a shared-secret check
// only when it compares a request header or query value; the finding then
// stays, at lower likelihood, and says so.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "detect/expressions.h"
#include "detect/secrets.h"

#include <cctype>
#include <vector>

namespace fw::analysis::checks {

namespace {

bool IsNone(std::string_view auth) { return auth.empty() || auth == "none"; }

// Names read from the request in `text`: headers['x-api-key'],
// headers.authorization, query.token, query["sig"], ...
std::vector<std::string> RequestFieldNames(std::string_view text) {
  std::vector<std::string> names;
  for (std::string_view holder : {"headers", "query"}) {
    for (size_t pos = text.find(holder); pos != std::string_view::npos;
         pos = text.find(holder, pos + holder.size())) {
      size_t i = pos + holder.size();
      if (i < text.size() && text[i] == '?') ++i;  // optional chaining
      if (i >= text.size()) break;
      std::string name;
      if (text[i] == '.') {
        ++i;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) {
          name.push_back(text[i++]);
        }
      } else if (text[i] == '[' && i + 1 < text.size() && (text[i + 1] == '\'' || text[i + 1] == '"')) {
        char q = text[i + 1];
        size_t end = text.find(q, i + 2);
        if (end == std::string_view::npos) break;
        name = std::string(text.substr(i + 2, end - i - 2));
      } else if (text.substr(i).rfind(".get(", 0) == 0 && i + 6 < text.size()) {
        char q = text[i + 5];
        size_t end = text.find(q, i + 6);
        if (end == std::string_view::npos) break;
        name = std::string(text.substr(i + 6, end - i - 6));
      }
      if (!name.empty()) names.push_back(name);
    }
  }
  return names;
}

// A value that works as a shared secret: a credential-like header or query
// parameter name (x-api-key, authorization, token, signature...), not
// routing or content negotiation (content-type, action, user-agent).
bool ReadsSecretField(std::string_view text) {
  for (const auto& name : RequestFieldNames(text)) {
    if (detect::IsCredentialHeaderName(name) || detect::IsSecretKeyName(name, true)) return true;
  }
  return false;
}

// Does this node compare a credential-like header or query value with
// something (a shared-secret check)?
bool ComparesRequestSecret(const model::Node& node) {
  std::string_view t = ActiveN8nType(node);
  bool found = false;
  if (t == "if" || t == "filter" || t == "switch") {
    ForEachScalar(node.parameters, "", [&](const StringSite& s) {
      if (detect::HasExpression(s.value) && ReadsSecretField(s.value)) found = true;
    });
  } else if (t == "code" || t == "function" || t == "functionItem") {
    ForEachScalar(node.parameters, "", [&](const StringSite& s) {
      if (s.key != "jsCode" && s.key != "functionCode" && s.key != "pythonCode") return;
      bool compares = s.value.find("==") != std::string_view::npos ||
                      s.value.find("!=") != std::string_view::npos ||
                      s.value.find("timingSafeEqual") != std::string_view::npos;
      if (compares && ReadsSecretField(s.value)) found = true;
    });
  }
  return found;
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
