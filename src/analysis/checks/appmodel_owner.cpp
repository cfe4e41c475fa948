// asset-hygiene for app models: an app with no declared owner has nobody to
// ask about its data, its sharing or its retirement.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"

namespace fw::analysis::checks {

void AppModelOwnerMissing(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kAppModel || w.Fact("appmodel.kind") != "app") return;
  if (!w.owner.empty()) return;
  core::ValueRef app = w.source.value["app"];
  core::ValueRef owners = app["owners"];
  Issue issue;
  issue.message = "App " + Quote(w.name) +
                  " declares no owner: nobody is accountable for its data, its sharing and its "
                  "connectors.";
  issue.evidence = owners.valid() ? "app.owners: (empty)" : "app.owners: (not set)";
  model::SourceRef where = owners.valid() ? model::SourceRef{owners, "/app/owners"}
                                          : model::SourceRef{app.valid() ? app : w.source.value,
                                                             app.valid() ? "/app" : ""};
  out.Report(rule, wf, nullptr, where, std::move(issue));
}

}  // namespace fw::analysis::checks
