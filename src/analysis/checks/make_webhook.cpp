// unauthenticated-entry-point for Make: a custom webhook starts the scenario
// for anyone who knows its URL. A webhook's IP restriction and API-key
// settings live on the hook in Make, not in the blueprint, so the check looks
// for the evidence the blueprint can hold: a filter right after the webhook
// that admits only requests carrying a known key (the importer records it as
// Node::auth "filter-key-check"). Without it the finding says what to verify.
#include "analysis/checks/checks.h"
#include "analysis/checks/make_util.h"
#include "analysis/checks/n8n_util.h"

namespace fw::analysis::checks {

void MakeWebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kMake) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.disabled || node.type != "gateway:CustomWebHook" ||
        node.role != model::NodeRole::kEntryPoint || node.auth != "none") {
      continue;
    }
    Issue issue;
    issue.message = "Anyone who learns the URL of custom webhook " + Quote(node.name) +
                    " can start " + Quote(w.name) +
                    " with data of their choosing. The blueprint shows no filter after the "
                    "webhook that checks an API key, and IP restrictions are not part of "
                    "blueprints: verify the webhook's settings in Make.";
    issue.evidence =
        "filter after webhook: (none checking a key); IP restriction: (not in "
        "blueprint)";
    issue.factors = {{"exposure", "internet"}, {"authentication", "not shown"}};
    model::SourceRef where = MakeRef(node, "parameters", "hook");
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
