// App model exposure: public forms that collect sensitive data with nothing
// in front of them and automation webhooks without authentication
// (unauthenticated-entry-point), and tables, dashboards or
// whole apps shared by public link while they hold sensitive data
// (excessive-permission). "Sensitive" is the declared field classification,
// or what the field name suggests when none is declared.
#include <algorithm>

#include "analysis/checks/appmodel_util.h"
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"

namespace fw::analysis::checks {

namespace {

void Merge(std::vector<SensitiveField>& into, const std::vector<SensitiveField>& more) {
  for (const auto& m : more) {
    bool seen = false;
    for (const auto& s : into) seen = seen || s.data_class == m.data_class;
    if (!seen) into.push_back(m);
  }
}

bool IsPublicAudience(std::string_view audience) {
  return audience == "public-link" || audience == "public";
}

void ReportGrants(const WorkflowView& wf, const RuleInfo& rule, Reporter& out,
                  const model::Node* node, const core::ValueRef& grants, const std::string& pointer,
                  const std::string& what, const std::vector<SensitiveField>& holds) {
  if (holds.empty()) return;
  for (size_t k = 0; k < grants.size() && grants.is_array(); ++k) {
    core::ValueRef g = grants.at(k);
    std::string_view audience = g["audience"].str();
    if (!IsPublicAudience(audience)) continue;
    std::string_view access = g["access"].str();
    bool writes = access == "edit" || access == "admin";
    bool exports = g["export"].boolean(false);
    std::string p = pointer + "/sharing";
    core::AppendPointerIndex(p, k);
    p += "/audience";
    Issue issue;
    issue.message = what + " is shared by " +
                    (audience == "public" ? std::string("public access") : "a public link") +
                    " while it holds " + DescribeFields(holds) + ": anyone with the link can " +
                    (writes ? "change" : "read") + " it" + (exports ? " and export it." : ".");
    issue.evidence = "audience: " + std::string(audience) + ", access: " +
                     (access.empty() ? std::string("(not set)") : std::string(access)) +
                     (exports ? ", export: true" : "");
    issue.impact = std::min(10.0, rule.impact + (writes ? 1.0 : 0.0) + (exports ? 0.5 : 0.0));
    issue.factors = {{"exposure", "internet"},
                     {"data", std::string(detect::DataClassName(holds.front().data_class))}};
    out.Report(rule, wf, node, model::SourceRef{g["audience"], std::move(p)}, std::move(issue));
  }
}

}  // namespace

void AppModelFormPublicNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kAppModel) return;
  for (const auto& node : w.nodes) {
    if (node.disabled || node.type != "appmodel:form") continue;
    core::ValueRef access = node.parameters["access"];
    std::string_view a = access.str();
    if (!a.empty() && a != "public") continue;
    if (node.parameters["captcha"].boolean(false)) continue;
    auto holds = SensitiveFields(node.parameters);
    if (holds.empty()) continue;
    Issue issue;
    issue.message = "Anyone on the internet can submit form " + Quote(node.name) +
                    ", which collects " + DescribeFields(holds) +
                    ", without signing in and without a CAPTCHA: bots can flood it with fake or "
                    "harmful records.";
    issue.evidence =
        "access: " + (a.empty() ? std::string("(not set)") : std::string(a)) + ", captcha: " +
        (node.parameters["captcha"].valid() ? std::string(node.parameters["captcha"].text())
                                            : std::string("(not set)"));
    issue.factors = {{"exposure", "internet"},
                     {"data", std::string(detect::DataClassName(holds.front().data_class))}};
    model::SourceRef where =
        access.valid() ? model::SourceRef{access, node.source.pointer + "/access"} : node.source;
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

void AppModelWebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kAppModel) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.disabled || node.type != "appmodel:trigger:webhook" || node.auth != "none") continue;
    core::ValueRef auth = node.parameters["auth"];
    Issue issue;
    issue.message = "Anyone who learns the webhook address of automation " + Quote(w.name) +
                    " can run it with data of their choosing.";
    issue.evidence =
        "auth: " + (auth.valid() ? std::string(auth.text()) : std::string("(not set)"));
    issue.factors = {{"exposure", "internet"}, {"authentication", "none"}};
    model::SourceRef where =
        auth.valid() ? model::SourceRef{auth, node.source.pointer + "/auth"} : node.source;
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

void AppModelSharingPublicLink(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kAppModel || w.Fact("appmodel.kind") != "app") return;
  std::vector<SensitiveField> everything;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    bool store = node.type == "appmodel:table" || node.type == "appmodel:data-source";
    if (store || node.type == "appmodel:form") Merge(everything, SensitiveFields(node.parameters));
    std::vector<SensitiveField> holds;
    if (store) {
      holds = SensitiveFields(node.parameters);
    } else if (node.type == "appmodel:dashboard") {
      for (const auto& c : w.connections) {
        if (c.to == i && c.from < w.nodes.size()) {
          Merge(holds, SensitiveFields(w.nodes[c.from].parameters));
        }
      }
    } else {
      continue;
    }
    std::string kind = node.type == "appmodel:dashboard" ? "Dashboard " : "Table ";
    ReportGrants(wf, rule, out, &node, node.parameters["sharing"], node.source.pointer,
                 kind + Quote(node.name), holds);
  }
  core::ValueRef app = w.source.value["app"];
  ReportGrants(wf, rule, out, nullptr, app["sharing"], "/app", "App " + Quote(w.name), everything);
}

}  // namespace fw::analysis::checks
