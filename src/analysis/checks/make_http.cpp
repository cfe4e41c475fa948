// injection (SSRF) for Make: an HTTP module whose URL scheme or host comes
// from another module's output ({{1.callback_url}}) can be aimed at internal
// services and cloud metadata endpoints by whoever controls that data.
#include <algorithm>

#include "analysis/checks/checks.h"
#include "analysis/checks/make_util.h"
#include "analysis/checks/n8n_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

// The part of a URL template that picks the destination: scheme and host
// (a leading expression counts whole).
std::string_view UrlHead(std::string_view url) {
  url = core::Trim(url);
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    size_t close = url.find("}}");
    return close == std::string_view::npos ? url : url.substr(0, close + 2);
  }
  size_t open = url.find("{{", scheme + 3);
  size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return url;
  if (open != std::string_view::npos && open < path) {
    size_t close = url.find("}}", open);
    return close == std::string_view::npos ? url : url.substr(0, std::max(path, close + 2));
  }
  return url.substr(0, path);
}

}  // namespace

void MakeUrlFromInput(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kMake) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.disabled || MakeApp(node) != "http") continue;
    std::string_view url = node.parameters["mapper"]["url"].str();
    std::string_view head = UrlHead(url);
    if (!ReadsMakeModuleOutput(head)) continue;
    std::string reach = ReachabilityPhrase(wf, i);
    Issue issue;
    issue.message = Quote(node.name) + " sends its request to an address taken from run-time data" +
                    (reach.empty() ? std::string() : " (" + reach + ")") +
                    ": whoever controls that data can aim it at internal services or cloud "
                    "metadata endpoints (SSRF).";
    issue.evidence = "url: " + core::Abbreviate(url, 80);
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 7.0);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"}, {"sink", "url"}};
    out.Report(rule, wf, &node, MakeRef(node, "mapper", "url"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
