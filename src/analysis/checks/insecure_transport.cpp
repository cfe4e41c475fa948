// insecure-transport: plaintext http:// to hosts beyond this machine, and
// TLS certificate checks turned off. Platform-neutral: both look at every
// value of a step's parameters, whatever platform wrote them.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "core/url.h"

namespace fw::analysis::checks {

void PlaintextHttp(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.disabled || node.role == model::NodeRole::kAnnotation) continue;
    ForEachScalar(node.parameters, ParametersPointer(node), [&](const StringSite& s) {
      std::string_view v = core::Trim(s.value);
      if (!v.empty() && v.front() == '=') v.remove_prefix(1);
      v = core::Trim(v);
      if (v.size() < 8 || !core::IEquals(v.substr(0, 7), "http://")) return;
      core::UrlParts url;
      if (!core::ParseUrl(v, &url) || !url.host_is_literal) return;
      core::HostScope scope = core::ClassifyHost(url.host);
      if (scope == core::HostScope::kLoopback || scope == core::HostScope::kLocalName) return;
      Issue issue;
      bool priv = scope == core::HostScope::kPrivate;
      issue.message = Quote(node.name) + " talks to " + url.host + " over plaintext HTTP" +
                      (priv ? " inside the private network" : " across the internet") +
                      ": anyone on the path can read or change the data and credentials sent.";
      issue.evidence = std::string(s.key) + ": http://" + url.host +
                       (url.port.empty() ? "" : ":" + url.port) + "/…";
      issue.likelihood = priv ? 3.0 : rule.likelihood;
      issue.factors = {{"network", priv ? "private" : "internet"}, {"host", url.host}};
      out.Report(rule, wf, &node, model::SourceRef{s.ref, s.pointer}, std::move(issue));
    });
  }
}

void TlsVerificationDisabled(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (node.disabled || node.role == model::NodeRole::kAnnotation) continue;
    ForEachScalar(node.parameters, ParametersPointer(node), [&](const StringSite& s) {
      std::string key = core::ToLower(s.key);
      bool on_means_insecure = key == "allowunauthorizedcerts" || key == "ignoresslissues" ||
                               key == "ignoressl" || key == "skipsslcertificatevalidation" ||
                               key == "skiptlsverify" || key == "insecure" ||
                               key == "allowinsecure" || key == "disablesslverification";
      bool off_means_insecure = key == "rejectunauthorized" || key == "verifyssl" ||
                                key == "sslverify" || key == "verify" ||
                                key == "verifyservercert" || key == "validatecertificate";
      bool insecure = (on_means_insecure && s.value == "true") ||
                      (off_means_insecure && s.value == "false");
      if (!insecure) return;
      Issue issue;
      issue.message = Quote(node.name) +
                      " accepts any TLS certificate, so a machine in the middle can impersonate "
                      "the service and read what is sent.";
      issue.evidence = std::string(s.key) + ": " + std::string(s.value);
      issue.factors = {{"tls", "verification-off"}};
      out.Report(rule, wf, &node, model::SourceRef{s.ref, s.pointer}, std::move(issue));
    });
  }
}

void PlaintextFtp(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    if (ActiveN8nType(node) != "ftp") continue;
    std::string_view protocol = node.parameters["protocol"].str();
    if (!protocol.empty() && protocol != "ftp") continue;  // "sftp" is encrypted
    Issue issue;
    issue.message = Quote(node.name) +
                    " transfers files over plain FTP: the password and the files cross the "
                    "network unencrypted.";
    issue.evidence = "protocol: " + (protocol.empty() ? std::string("(not set, defaults to ftp)")
                                                      : std::string(protocol));
    issue.factors = {{"network", "unknown"}, {"protocol", "ftp"}};
    out.Report(rule, wf, &node, ParamRef(node, "protocol"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
