// code-execution for Make: the Make Code app (code:ExecuteCode) and similar
// modules run user-written JavaScript or Python on every bundle.
#include "analysis/checks/checks.h"
#include "analysis/checks/make_util.h"
#include "analysis/checks/n8n_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

// The mapper key that holds the code, if any.
std::string_view CodeKey(const model::Node& node) {
  core::ValueRef mapper = node.parameters["mapper"];
  for (std::string_view key :
       {"codeEditorJavascript", "codeEditorPython", "code", "script", "javascript", "python"}) {
    if (mapper[key].is_string()) return key;
  }
  return {};
}

}  // namespace

void MakeCodeExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kMake) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.disabled || node.role != model::NodeRole::kCode) continue;
    std::string_view key = CodeKey(node);
    std::string_view language = node.parameters["mapper"]["language"].str();
    std::string_view code = key.empty() ? std::string_view() : node.parameters["mapper"][key].str();
    size_t lines = code.empty() ? 0 : 1;
    for (char c : code) lines += c == '\n';
    std::string reach = ReachabilityPhrase(wf, i);
    Issue issue;
    issue.message = Quote(node.name) + " runs custom " +
                    (language.empty() ? std::string("code") : std::string(language)) +
                    " inside Make on every bundle" +
                    (reach.empty() ? std::string(".") : ", " + reach + ".");
    issue.evidence = std::string(node.type) +
                     (language.empty() ? "" : ", language: " + std::string(language)) +
                     (key.empty() ? "" : ", " + std::to_string(lines) + " lines");
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 6.0);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"}};
    out.Report(rule, wf, &node,
               key.empty() ? MakeRef(node, "mapper", "") : MakeRef(node, "mapper", key),
               std::move(issue));
  }
}

}  // namespace fw::analysis::checks
