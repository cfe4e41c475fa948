// injection (SSRF) for Power Automate and Logic Apps: an HTTP action whose
// scheme or host comes from run-time data (the trigger's request, another
// action's output, an agent's arguments). Whoever controls that data can aim
// the request, with any authentication the action adds, at internal
// services or cloud metadata endpoints. Values from parameters(),
// variables() and appsetting() are configuration and are not reported.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/checks/wdl_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

// The first @{...} interpolation at or after `from`, braces included.
std::string_view Interpolation(std::string_view s, size_t from) {
  size_t open = s.find("@{", from);
  if (open == std::string_view::npos) return {};
  int depth = 0;
  for (size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) return s.substr(open, i - open + 1);
  }
  return s.substr(open);
}

// The part of a URI expression that decides scheme and host: the whole
// value when it is one expression ("@triggerBody()?['url']"), a leading
// interpolation ("@{body('x')}/path"), or an interpolation inside the
// authority ("https://@{...}.example.com/"). Empty when the host is literal.
std::string_view HostPart(std::string_view uri) {
  uri = core::Trim(uri);
  if (uri.size() > 1 && uri[0] == '@' && uri[1] != '{' && uri[1] != '@') {
    // @concat('https://api.example.com/', ...) keeps a literal host.
    std::string_view lit = uri.substr(1);
    if (core::IEquals(lit.substr(0, 8), "concat('")) {
      size_t end = lit.find('\'', 8);
      std::string_view first = lit.substr(8, end == std::string_view::npos ? 0 : end - 8);
      size_t scheme = first.find("://");
      if (scheme != std::string_view::npos &&
          first.find('/', scheme + 3) != std::string_view::npos) {
        return {};
      }
    }
    return uri;
  }
  if (uri.rfind("@{", 0) == 0) return Interpolation(uri, 0);
  size_t scheme = uri.find("://");
  if (scheme == std::string_view::npos) return {};
  size_t start = scheme + 3;
  size_t end = uri.find_first_of("/?#", start);
  std::string_view expr = Interpolation(uri, start);
  if (expr.empty()) return {};
  size_t at = static_cast<size_t>(expr.data() - uri.data());
  return (end == std::string_view::npos || at < end) ? expr : std::string_view();
}

}  // namespace

void WdlHttpUrlFromInput(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (!IsWdl(w)) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.role == model::NodeRole::kEntryPoint) continue;
    bool webhook = WdlTypeIs(node, "HttpWebhook");
    if (!WdlTypeIs(node, "Http") && !webhook) continue;
    core::ValueRef inputs = node.source.value["inputs"];
    core::ValueRef uri = webhook ? inputs["subscribe"]["uri"] : inputs["uri"];
    std::string_view host = HostPart(uri.str());
    if (host.empty() || !WdlReadsRunData(host)) continue;
    std::string reach = ReachabilityPhrase(wf, i);
    bool agent = core::IContains(host, "agentParameters(");
    Issue issue;
    issue.message =
        Quote(node.name) + " sends its request to an address taken from " +
        (agent ? std::string("the AI agent's arguments") : std::string("run-time data")) +
        (reach.empty() ? std::string() : " (" + reach + ")") +
        ": whoever controls that data can aim it at internal services or cloud "
        "metadata endpoints (SSRF).";
    issue.evidence = "uri: " + core::Abbreviate(uri.str(), 80);
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 8.0);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"}, {"sink", "url"}};
    model::SourceRef where =
        webhook ? WdlRef(node, {"inputs", "subscribe", "uri"}) : WdlRef(node, {"inputs", "uri"});
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
