// excessive-permission and logging-gap checks on n8n workflow settings.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"

namespace fw::analysis::checks {

namespace {

model::SourceRef SettingRef(const model::Workflow& w, std::string_view key) {
  if (!w.settings.present) return w.source;
  core::ValueRef v = w.settings.source.value[key];
  if (!v.valid()) return w.settings.source;
  std::string p = w.settings.source.pointer;
  core::AppendPointerToken(p, key);
  return model::SourceRef{v, std::move(p)};
}

}  // namespace

void CallerPolicyAny(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n || w.settings.caller_policy != "any") return;
  Issue issue;
  issue.message = "Any other workflow on the instance, whoever built it, can call " +
                  Quote(w.name) + " and use its credentials and data.";
  issue.evidence = "settings.callerPolicy: any";
  issue.factors = {{"callers", "any-workflow"}};
  out.Report(rule, wf, nullptr, SettingRef(w, "callerPolicy"), std::move(issue));
}

void ErrorExecutionsNotSaved(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n || w.settings.save_data_error_execution != "none") return;
  Issue issue;
  issue.message = "Failed runs of " + Quote(w.name) +
                  " are not saved, so errors and attacks leave no execution record to investigate.";
  issue.evidence = "settings.saveDataErrorExecution: none";
  issue.factors = {{"logging", "errors-discarded"}};
  out.Report(rule, wf, nullptr, SettingRef(w, "saveDataErrorExecution"), std::move(issue));
}

void NoErrorWorkflow(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n || !wf.has_internet_entry) return;
  if (!w.settings.error_workflow.empty()) return;
  std::string entry;
  for (size_t i = 0; i < w.nodes.size(); ++i) {
    if (wf.internet_source[i] == static_cast<int>(i)) {
      entry = w.nodes[i].name;
      break;
    }
  }
  Issue issue;
  issue.message = Quote(w.name) + " can be started from the internet (" + Quote(entry) +
                  ") but has no error workflow, so nobody is told when it fails or is abused.";
  issue.evidence = "settings.errorWorkflow: (not set)";
  issue.factors = {{"exposure", "internet"}, {"alerting", "none"}};
  out.Report(rule, wf, nullptr, SettingRef(w, "errorWorkflow"), std::move(issue));
}

}  // namespace fw::analysis::checks
