// STRIDE, applied per element and per flow by rules that look at properties
// (exposure and authentication of an entry point, data classes on a flow
// that crosses a boundary, secrets in a step, code reachable from the
// internet, logging settings), never by a fixed list per element type.
// Each threat cites the findings that support it; its likelihood and impact
// start from the rule's defaults and rise to those of its strongest finding
// and to what the element's properties say (an unauthenticated internet path
// raises likelihood, protected data raises impact).
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "risk/risk.h"
#include "threat/derive_internal.h"
#include "threat/threat.h"

namespace fw::threat {

namespace {

using model::Exposure;
using model::NodeRole;

enum RuleIndex : size_t {
  kUnauthEntry,
  kSharedSecretEntry,
  kInjection,
  kFileAccess,
  kNoAuditTrail,
  kSensitiveData,
  kHardcodedSecret,
  kPlaintext,
  kExpensiveFromInternet,
  kCodeFromInternet,
  kCredentialsFromInternet,
  kExcessivePermission,
  kDataConcentration,
};

const std::vector<ThreatRuleInfo>& Rules() {
  static const std::vector<ThreatRuleInfo> kRules = {
      {"stride.spoofing.unauthenticated-entry-point",
       Stride::kSpoofing,
       "Anyone can pose as a legitimate caller",
       "An enabled entry point exposed to the internet whose auth is `none`, or an "
       "unauthenticated-entry-point finding on it.",
       {"Require authentication on the trigger (header or basic auth at least, a signed request "
        "or OAuth where the platform offers it).",
        "Check a shared secret or signature in the first step and stop the run when it is wrong.",
        "Put the endpoint behind a gateway that authenticates callers and limits who can reach "
        "it."}},
      {"stride.spoofing.shared-secret-entry-auth",
       Stride::kSpoofing,
       "A leaked shared secret lets anyone pose as the caller",
       "An internet entry point authenticated by a static shared secret (basic auth, header auth, "
       "a key in the URL); more likely when the workflow holds hardcoded secrets.",
       {"Prefer signed requests (HMAC with a timestamp) or OAuth over a static secret.",
        "Keep the secret in the platform's credential store only and rotate it on a schedule.",
        "Restrict callers by network where possible."}},
      {"stride.tampering.injection",
       Stride::kTampering,
       "Untrusted input changes what a query, command or request does",
       "A step with an injection finding (input interpolated into SQL, NoSQL, a shell command or "
       "a URL); more likely when an internet entry point reaches it.",
       {"Pass input as query parameters or arguments, never by building the text.",
        "Validate input against an allow list (type, length, characters) in the first step.",
        "Run the step with an account that can only do what this workflow needs."}},
      {"stride.tampering.file-access",
       Stride::kTampering,
       "Callers can make the workflow read or overwrite files on the automation host",
       "A step with a filesystem-access finding that an internet entry point reaches.",
       {"Do not build file paths from input; use a fixed folder and generated names.",
        "Run the platform with a file system it cannot use to change itself (read-only root, "
        "separate volume).",
        "Move file exchange to a storage service with its own access control."}},
      {"stride.repudiation.no-audit-trail",
       Stride::kRepudiation,
       "Runs started from outside leave no record to investigate",
       "An enabled entry point fired by the internet or a third party, in a workflow that does "
       "not save error or successful executions, or has another logging-gap finding.",
       {"Save error executions (and successful ones for workflows that change data).",
        "Log who called (source address, authenticated identity) in the first step.",
        "Forward execution logs to a central log store with retention."}},
      {"stride.information-disclosure.sensitive-data",
       Stride::kInformationDisclosure,
       "Protected data leaves the organisation's control",
       "A flow crossing to an external organisation or back to an internet caller that carries "
       "personal, financial or health data; or a sensitive-data-exposure finding on a step "
       "(third party, public response, log, pinned data).",
       {"Send only the fields the receiving service needs; drop or pseudonymise the rest.",
        "Check there is a data processing agreement with the organisation receiving the data.",
        "Keep personal data out of logs, pinned test data and responses to callers."}},
      {"stride.information-disclosure.hardcoded-secret",
       Stride::kInformationDisclosure,
       "A secret written in the workflow can be read by anyone who sees the export",
       "A step with a hardcoded-secret finding.",
       {"Move the secret to the platform's credential store and reference it.",
        "Rotate the secret: it is in every copy and backup of the export.",
        "Limit who can read and export workflows."}},
      {"stride.information-disclosure.plaintext-transport",
       Stride::kInformationDisclosure,
       "Data travels where others can read or change it",
       "A flow to an external organisation over plain HTTP or FTP, or an insecure-transport "
       "finding (TLS verification off) on the step.",
       {"Use HTTPS (or SFTP) with certificate verification.",
        "If the service has no TLS, put it behind a TLS-terminating proxy on a private network."}},
      {"stride.denial-of-service.expensive-steps-from-internet",
       Stride::kDenialOfService,
       "Callers can run costly steps as often as they like",
       "An internet entry point that reaches AI model or agent steps, or loops; more likely "
       "without authentication.",
       {"Rate-limit the endpoint (gateway, reverse proxy or a counter in the first step).",
        "Set spending limits and timeouts on the AI provider and the loop.",
        "Require authentication so calls can be attributed and blocked."}},
      {"stride.elevation-of-privilege.code-from-internet",
       Stride::kElevationOfPrivilege,
       "Internet input reaches a step that runs code on the automation host",
       "A code step (JavaScript, Python, shell) that an enabled internet entry point reaches.",
       {"Replace the code with built-in steps where possible.",
        "Validate and type-check input before the code step; never evaluate it.",
        "Run the platform's code sandbox (task runners, no host access) and without secrets in its "
        "environment."}},
      {"stride.elevation-of-privilege.credentials-from-internet",
       Stride::kElevationOfPrivilege,
       "Unauthenticated callers act with the workflow's credentials",
       "An internet entry point without authentication that reaches steps holding stored "
       "credentials.",
       {"Authenticate the entry point.",
        "Give the credentials only the scopes this workflow needs (read-only where it reads).",
        "Split the workflow so the public part cannot reach privileged steps."}},
      {"stride.elevation-of-privilege.excessive-permission",
       Stride::kElevationOfPrivilege,
       "The workflow can be started or used more widely than intended",
       "An excessive-permission finding (any workflow may call it, public sharing link).",
       {"Restrict who may call or open the workflow to named workflows or people.",
        "Review sharing after every change of owner."}},
      {"stride.information-disclosure.data-concentration",
       Stride::kInformationDisclosure,
       "One outside organisation collects protected data from many workflows",
       "Estate-wide: an external organisation that receives personal, financial or health data "
       "from two or more workflows.",
       {"Record the organisation as a processor and check its agreement covers every use.",
        "Give each workflow its own credential with the narrowest scope, so one leak does not "
        "expose every flow.",
        "Review whether every workflow needs to send those fields there."}},
  };
  return kRules;
}

bool IsProtected(const std::string& cls) {
  return cls == "personal" || cls == "financial" || cls == "health";
}

std::string Join(const std::vector<std::string>& items, std::string_view last = " and ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last) : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

class Emitter {
 public:
  Emitter(const WorkflowContext& ctx, std::vector<Threat>& out) : ctx_(ctx), out_(out) {}

  // Adds a threat unless one with the same rule and target exists (then
  // merges its findings).
  Threat* Add(RuleIndex rule, const std::string& target, std::string title, std::string scenario,
              const std::vector<const model::Finding*>& findings, double likelihood, double impact,
              std::vector<std::pair<std::string, std::string>> factors) {
    const ThreatRuleInfo& r = Rules()[rule];
    std::string id = ThreatId(r.id, ctx_.key, target);
    if (!seen_.insert(id).second) return nullptr;
    Threat t;
    t.id = std::move(id);
    t.rule = std::string(r.id);
    t.category = r.category;
    t.workflow = ctx_.key;
    t.target = target;
    t.title = std::move(title);
    t.scenario = std::move(scenario);
    for (const auto* f : findings) {
      if (std::find(t.findings.begin(), t.findings.end(), f->id) == t.findings.end()) {
        t.findings.push_back(f->id);
      }
      likelihood = std::max(likelihood, f->likelihood);
      impact = std::max(impact, f->impact);
    }
    t.likelihood = std::clamp(likelihood, 0.0, 10.0);
    t.impact = std::clamp(impact, 0.0, 10.0);
    t.score = risk::Score(t.likelihood, t.impact);
    t.severity = model::SeverityFromScore(t.score);
    t.factors = std::move(factors);
    for (auto m : r.mitigations) t.mitigations.emplace_back(m);
    out_.push_back(std::move(t));
    return &out_.back();
  }

 private:
  const WorkflowContext& ctx_;
  std::vector<Threat>& out_;
  std::set<std::string> seen_;
};

std::vector<const model::Finding*> ByCategory(const std::vector<const model::Finding*>& in,
                                              std::string_view category) {
  std::vector<const model::Finding*> out;
  for (const auto* f : in) {
    if (f->category == category) out.push_back(f);
  }
  return out;
}

struct Reach {
  const model::Node* entry = nullptr;  // the internet entry point that reaches the step
  bool unauthenticated = false;
};

Reach ReachOf(const WorkflowContext& ctx, size_t i) {
  Reach r;
  int src = ctx.view.internet_source[i];
  if (src < 0) return r;
  r.entry = &ctx.wf.nodes[static_cast<size_t>(src)];
  r.unauthenticated = r.entry->auth == "none";
  return r;
}

// The organisations and stores a workflow sends data to, for scenarios.
std::vector<std::string> Destinations(const WorkflowContext& ctx) {
  std::vector<std::string> out;
  for (const auto& e : ctx.diagram.elements) {
    if (e.kind == ElementKind::kProcess) continue;
    if (e.id.rfind("e:caller:", 0) == 0 || e.id.rfind("e:internal:", 0) == 0) continue;
    if (std::find(out.begin(), out.end(), e.name) == out.end()) out.push_back(e.name);
    if (out.size() == 3) break;
  }
  return out;
}

// Protected data classes the workflow's flows carry.
std::vector<std::string> ProtectedClasses(const WorkflowContext& ctx) {
  std::vector<std::string> out;
  for (const auto& f : ctx.diagram.flows) {
    for (const auto& c : f.data_classes) {
      if (IsProtected(c) && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::span<const ThreatRuleInfo> ThreatRules() { return Rules(); }

void DeriveEstateThreats(const DataFlowDiagram& estate, std::vector<Threat>& out) {
  struct Received {
    std::vector<std::string> workflows;
    std::vector<std::string> classes;
    std::vector<std::string> findings;
  };
  std::map<std::string, Received> by_org;  // ordered: threats come out in a stable order
  std::unordered_map<std::string_view, const Element*> elements;
  for (const auto& e : estate.elements) elements.emplace(e.id, &e);
  for (const auto& f : estate.flows) {
    if (!f.crosses_boundary || f.to.rfind("e:org:", 0) != 0 || f.to == "e:org:unknown") continue;
    auto from = elements.find(f.from);
    if (from == elements.end() || from->second->kind != ElementKind::kProcess) continue;
    Received& r = by_org[f.to];
    bool any = false;
    for (const auto& c : f.data_classes) {
      if (!IsProtected(c)) continue;
      any = true;
      if (std::find(r.classes.begin(), r.classes.end(), c) == r.classes.end())
        r.classes.push_back(c);
    }
    if (!any) continue;
    const std::string& wf = from->second->workflow;
    if (std::find(r.workflows.begin(), r.workflows.end(), wf) == r.workflows.end()) {
      r.workflows.push_back(wf);
    }
    for (const auto& id : f.findings) {
      if (std::find(r.findings.begin(), r.findings.end(), id) == r.findings.end()) {
        r.findings.push_back(id);
      }
    }
  }
  const ThreatRuleInfo& rule = Rules()[kDataConcentration];
  for (const auto& [org, r] : by_org) {
    if (r.workflows.size() < 2) continue;
    auto e = elements.find(org);
    const std::string name = e != elements.end() ? e->second->name : org;
    Threat t;
    t.id = ThreatId(rule.id, "estate", org);
    t.rule = std::string(rule.id);
    t.category = rule.category;
    t.workflow = "estate";
    t.target = org;
    t.title = name + " receives " + Join(r.classes) + " data from " +
              std::to_string(r.workflows.size()) + " workflows";
    t.scenario = std::to_string(r.workflows.size()) + " workflows send " + Join(r.classes) +
                 " data to " + name +
                 ", so one breach, misused account or over-broad API key there exposes what all "
                 "of them collected. Whoever gets in benefits; the people the data is about, and "
                 "the organisation answerable for it, are harmed.";
    t.findings = r.findings;
    t.likelihood = 4.0;
    t.impact = std::min(9.0, 6.0 + 0.5 * static_cast<double>(r.workflows.size()));
    t.score = risk::Score(t.likelihood, t.impact);
    t.severity = model::SeverityFromScore(t.score);
    t.factors = {{"workflows", std::to_string(r.workflows.size())},
                 {"data", Join(r.classes, ", ")}};
    for (auto m : rule.mitigations) t.mitigations.emplace_back(m);
    out.push_back(std::move(t));
  }
}

void DeriveThreats(const WorkflowContext& ctx, std::vector<Threat>& out) {
  const size_t first_threat = out.size();  // this workflow's threats start here
  Emitter emit(ctx, out);
  const model::Workflow& wf = ctx.wf;
  const std::string wf_name = Quote(wf.name.empty() ? ctx.key : wf.name);
  const std::vector<std::string> data = ProtectedClasses(ctx);
  const std::vector<std::string> dests = Destinations(ctx);
  const std::string data_phrase =
      data.empty() ? std::string("the data it handles") : Join(data) + " data";
  const std::string dest_phrase =
      dests.empty() ? std::string("the systems it talks to") : Join(dests);

  // ---- per entry point ----
  bool repudiation_done = false;
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const model::Node& node = wf.nodes[i];
    const NodeInfo& info = ctx.nodes[i];
    if (node.role != NodeRole::kEntryPoint || node.disabled || info.process.empty()) continue;
    auto unauth_findings = ByCategory(info.findings, "unauthenticated-entry-point");
    const bool internet = node.exposure == Exposure::kInternet;

    if ((internet && node.auth == "none") || !unauth_findings.empty()) {
      emit.Add(kUnauthEntry, info.process,
               "Anyone on the internet can start " + wf_name + " through " + Quote(node.name),
               "Anyone who finds or guesses the address of " + Quote(node.name) + " can start " +
                   wf_name + " as if they were a legitimate caller and push " + data_phrase +
                   " on to " + dest_phrase +
                   ". Spammers, fraudsters and attackers probing the company benefit; the "
                   "organisation running the workflow and the people whose records it changes "
                   "are harmed.",
               unauth_findings, 8.0, data.empty() ? 6.0 : 7.5,
               {{"exposure", "internet"}, {"auth", node.auth.empty() ? "unknown" : node.auth}});
    }

    if (internet &&
        (node.auth == "basicAuth" || node.auth == "headerAuth" || node.auth == "basic" ||
         node.auth == "header" || node.auth == "sas-key" || node.auth == "query")) {
      std::vector<const model::Finding*> secrets;
      for (const auto& n : ctx.nodes) {
        for (const auto* f : n.findings) {
          if (f->category == "hardcoded-secret") secrets.push_back(f);
        }
      }
      double likelihood = secrets.empty() ? 4.0 : 6.5;
      emit.Add(kSharedSecretEntry, info.process,
               Quote(node.name) + " of " + wf_name + " trusts a static shared secret",
               "Anyone who obtains the " + node.auth + " secret of " + Quote(node.name) +
                   " (from a copied export, a log, a former employee or a partner's system) can "
                   "call " +
                   wf_name +
                   " as the legitimate sender for as long as the secret is unchanged. "
                   "The holder of the leaked secret benefits; the organisation relying on the "
                   "workflow's input is harmed.",
               {}, likelihood, data.empty() ? 5.5 : 7.0,
               {{"exposure", "internet"},
                {"auth", node.auth},
                {"secrets-in-export", secrets.empty() ? "no" : "yes"}});
    }

    // Repudiation: once per workflow, against its first outside entry point.
    if (!repudiation_done &&
        (node.exposure == Exposure::kInternet || node.exposure == Exposure::kThirdParty)) {
      std::vector<const model::Finding*> gaps;
      for (const auto* f : ctx.workflow_findings) {
        if (f->category == "logging-gap" && !f->rule.ends_with("no-error-workflow")) {
          gaps.push_back(f);
        }
      }
      for (const auto& n : ctx.nodes) {
        for (const auto* f : n.findings) {
          if (f->category == "logging-gap" && !f->rule.ends_with("no-error-workflow")) {
            gaps.push_back(f);
          }
        }
      }
      const bool errors_off = wf.settings.save_data_error_execution == "none";
      const bool success_off = wf.settings.save_data_success_execution == "none";
      if (errors_off || success_off || !gaps.empty()) {
        repudiation_done = true;
        std::string what = errors_off && success_off ? "keeps no executions"
                           : errors_off              ? "does not save failed executions"
                           : success_off             ? "does not save successful executions"
                                                     : "has gaps in its execution logging";
        emit.Add(kNoAuditTrail, info.process, wf_name + " " + what,
                 "A caller of " + Quote(node.name) + " can start " + wf_name +
                     " and later deny it, or a failed or abused run goes unnoticed, because the "
                     "workflow " +
                     what +
                     ". Whoever misuses the workflow benefits; the team that must investigate an "
                     "incident or prove what happened is harmed.",
                 gaps, 5.0, 5.0,
                 {{"exposure", std::string(model::ExposureName(node.exposure))},
                  {"error-executions", errors_off ? "not saved" : "default"},
                  {"success-executions", success_off ? "not saved" : "default"}});
      }
    }

    // Denial of service: costly steps this internet entry point reaches.
    if (internet) {
      std::vector<std::string> costly;
      for (size_t j = 0; j < wf.nodes.size(); ++j) {
        if (ctx.nodes[j].expensive && ctx.view.internet_source[j] == static_cast<int>(i)) {
          costly.push_back(Quote(wf.nodes[j].name));
        }
      }
      if (!costly.empty()) {
        const bool open = node.auth == "none";
        if (costly.size() > 3) costly.resize(3);
        emit.Add(kExpensiveFromInternet, info.process,
                 "Calls to " + Quote(node.name) + " run costly steps of " + wf_name,
                 std::string(open ? "Anyone on the internet" : "A caller with the credentials") +
                     " can call " + Quote(node.name) + " in a loop and make " + wf_name + " run " +
                     Join(costly) +
                     " each time, running up AI or compute bills and crowding out legitimate "
                     "runs. A competitor or vandal benefits; the organisation paying the bill and "
                     "the users waiting for the workflow are harmed.",
                 {}, open ? 6.0 : 3.0, 5.0,
                 {{"exposure", "internet"}, {"auth", node.auth.empty() ? "unknown" : node.auth}});
      }

      // Elevation: credentials used on paths anyone can drive.
      if (node.auth == "none") {
        std::vector<std::string> steps;
        std::vector<const model::Finding*> support;
        for (size_t j = 0; j < wf.nodes.size(); ++j) {
          if (j == i || ctx.view.internet_source[j] != static_cast<int>(i)) continue;
          if (wf.nodes[j].credentials.empty() || wf.nodes[j].disabled) continue;
          steps.push_back(Quote(wf.nodes[j].name));
          for (const auto* f : ctx.nodes[j].findings) {
            if (f->category == "excessive-permission") support.push_back(f);
          }
        }
        if (!steps.empty()) {
          const size_t count = steps.size();
          if (steps.size() > 3) steps.resize(3);
          emit.Add(kCredentialsFromInternet, info.process,
                   "Unauthenticated callers act with the credentials of " + wf_name,
                   "Anyone who calls " + Quote(node.name) + " makes " + wf_name +
                       " use the "
                       "stored credentials of " +
                       Join(steps) + (count > 3 ? " and others" : "") +
                       " on their behalf, with whatever those accounts may do in " + dest_phrase +
                       ". The caller gains access they were never given; the owners of those "
                       "accounts and the data behind them are harmed.",
                   support, 6.5, 7.0,
                   {{"exposure", "internet"},
                    {"auth", "none"},
                    {"credential-steps", std::to_string(count)}});
        }
      }
    }
  }

  // ---- per step ----
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const model::Node& node = wf.nodes[i];
    const NodeInfo& info = ctx.nodes[i];
    if (info.process.empty()) continue;
    const Reach reach = ReachOf(ctx, i);
    const std::string step = Quote(node.name);

    // A step that is a second way in (an n8n Wait resuming on a webhook call).
    if (node.role != NodeRole::kEntryPoint) {
      auto unauth = ByCategory(info.findings, "unauthenticated-entry-point");
      if (!unauth.empty()) {
        emit.Add(kUnauthEntry, info.process,
                 "Anyone on the internet can resume " + wf_name + " at " + step,
                 "Anyone who learns the resume address of " + step + " can continue a waiting " +
                     "run of " + wf_name + " as if they were the expected party (an approver, " +
                     "a payment provider) and push " + data_phrase + " on to " + dest_phrase +
                     ". The impostor benefits; the organisation relying on the approval or " +
                     "callback, and the people whose records it changes, are harmed.",
                 unauth, 5.0, data.empty() ? 6.0 : 7.5,
                 {{"exposure", "internet"}, {"auth", node.auth.empty() ? "unknown" : node.auth}});
      }
    }

    auto injection = ByCategory(info.findings, "injection");
    if (!injection.empty()) {
      std::string who =
          reach.entry != nullptr
              ? (reach.unauthenticated ? "Anyone on the internet calling " : "A caller of ") +
                    Quote(reach.entry->name)
              : std::string("Whoever controls the data reaching it");
      emit.Add(kInjection, info.process, "Input can rewrite what " + step + " does",
               who + " can craft input that changes the query, command or address " + step +
                   " of " + wf_name +
                   " builds, to read, change or delete records it was never meant to touch. The "
                   "attacker benefits; the owners of the data behind " +
                   step + " are harmed.",
               injection, reach.entry != nullptr ? 6.5 : 4.0, 7.0,
               {{"reachable-from-internet", reach.entry != nullptr ? "yes" : "no"}});
    }

    auto files = ByCategory(info.findings, "filesystem-access");
    if (!files.empty() && reach.entry != nullptr) {
      emit.Add(kFileAccess, info.process, "Internet callers reach file access in " + step,
               "A caller of " + Quote(reach.entry->name) + " can steer " + step + " of " + wf_name +
                   " to read or overwrite files on the machine running the automation platform, "
                   "including its configuration and stored credentials. The attacker benefits; "
                   "the platform's operators and every workflow on it are harmed.",
               files, reach.unauthenticated ? 6.0 : 4.0, 7.5, {{"reachable-from-internet", "yes"}});
    }

    auto secrets = ByCategory(info.findings, "hardcoded-secret");
    if (!secrets.empty()) {
      emit.Add(kHardcodedSecret, info.process, "A secret is written into " + step,
               "Anyone who can read an export, backup or version history of " + wf_name +
                   " can copy the secret in " + step +
                   " and use it directly against the service it unlocks, outside every control "
                   "of the workflow. Whoever holds the copy benefits; the owner of the account "
                   "and its data are harmed.",
               secrets, 5.0, 7.0, {{"secrets", std::to_string(secrets.size())}});
    }

    if (node.role == NodeRole::kCode && reach.entry != nullptr && !node.disabled) {
      auto code = ByCategory(info.findings, "code-execution");
      std::string lang(ctx.FindElement(info.process) != nullptr
                           ? ctx.FindElement(info.process)->Property("code")
                           : std::string_view());
      emit.Add(kCodeFromInternet, info.process, "Internet input reaches code in " + step,
               std::string(reach.unauthenticated ? "Anyone on the internet" : "A caller") +
                   " sending input to " + Quote(reach.entry->name) + " feeds " + step + " of " +
                   wf_name +
                   ", which runs code on the automation host; a flaw in that code or its "
                   "sandbox turns input into commands with the platform's rights and secrets. "
                   "The attacker benefits; the platform, its credentials and every workflow on "
                   "it are harmed.",
               code, reach.unauthenticated ? 6.0 : 3.5, 8.0,
               {{"reachable-from-internet", "yes"},
                {"auth", reach.entry->auth.empty() ? "unknown" : reach.entry->auth},
                {"code", lang.empty() ? "unknown" : lang}});
    }

    auto permission = ByCategory(info.findings, "excessive-permission");
    if (!permission.empty()) {
      emit.Add(kExcessivePermission, info.process, step + " can be used more widely than intended",
               "People or workflows outside the intended circle can start or use " + step + " of " +
                   wf_name + " and what it reaches in " + dest_phrase +
                   ". They gain a capability nobody granted them; the owner of the workflow "
                   "and its data are harmed.",
               permission, 5.0, 6.0, {});
    }
  }

  // Workflow-level excessive permission (caller policy, sharing).
  auto wf_permission = ByCategory(ctx.workflow_findings, "excessive-permission");
  if (!wf_permission.empty()) {
    std::string target;
    for (const auto& n : ctx.nodes) {
      if (!n.process.empty()) {
        target = n.process;
        break;
      }
    }
    for (size_t i = 0; i < wf.nodes.size(); ++i) {
      if (wf.nodes[i].role == NodeRole::kEntryPoint && !ctx.nodes[i].process.empty()) {
        target = ctx.nodes[i].process;
        break;
      }
    }
    if (!target.empty()) {
      emit.Add(kExcessivePermission, target, wf_name + " can be started more widely than intended",
               "Other workflows or people than the intended ones can start " + wf_name +
                   " and use what it reaches in " + dest_phrase +
                   ", borrowing its credentials. They gain a capability nobody granted them; "
                   "the owner of the workflow and its data are harmed.",
               wf_permission, 5.0, 6.0, {});
    }
  }

  // ---- per flow ----
  for (const auto& f : ctx.diagram.flows) {
    const Boundary* to = ctx.BoundaryOf(f.to);
    const Element* from = ctx.FindElement(f.from);
    const Element* dest = ctx.FindElement(f.to);
    if (to == nullptr || from == nullptr || dest == nullptr ||
        from->kind != ElementKind::kProcess) {
      continue;
    }
    const bool external =
        to->kind == BoundaryKind::kExternalOrganisation || to->kind == BoundaryKind::kInternet;
    std::vector<std::string> classes;
    for (const auto& c : f.data_classes) {
      if (IsProtected(c)) classes.push_back(c);
    }
    // Supporting findings: those of the sending step.
    const model::Node* sender = nullptr;
    const NodeInfo* sender_info = nullptr;
    for (size_t i = 0; i < wf.nodes.size(); ++i) {
      if (ctx.nodes[i].process == f.from) {
        sender = &wf.nodes[i];
        sender_info = &ctx.nodes[i];
        break;
      }
    }
    if (sender == nullptr) continue;
    if (f.crosses_boundary && external && !classes.empty()) {
      auto support = ByCategory(sender_info->findings, "sensitive-data-exposure");
      std::vector<std::string> shown = f.fields;
      if (shown.size() > 4) shown.resize(4);
      const bool response = f.protocol == "response";
      emit.Add(
          kSensitiveData, f.id,
          Capitalised(Join(classes)) + " data from " + wf_name + " goes to " + dest->name,
          Quote(sender->name) + " of " + wf_name + " sends " + Join(classes) + " data (" +
              Join(shown) + ") to " + dest->name +
              (response ? ", so whoever calls the workflow can read it"
                        : ", outside the organisation's control; a breach, misuse or "
                          "over-broad access there exposes it") +
              ". Whoever reads it there benefits; the people the data is about, and the "
              "organisation answerable for it, are harmed.",
          support, response ? 6.0 : 4.5, classes.size() > 1 || classes[0] != "personal" ? 8.0 : 7.0,
          {{"data", Join(classes, ", ")}, {"boundary", std::string(BoundaryKindName(to->kind))}});
    }
    if (external && to->kind == BoundaryKind::kExternalOrganisation &&
        (f.protocol == "http" || f.protocol == "ftp" || f.protocol == "ws")) {
      auto support = ByCategory(sender_info->findings, "insecure-transport");
      emit.Add(kPlaintext, f.id, "Data to " + dest->name + " travels unencrypted",
               "Anyone on the network path between the automation platform and " + dest->name +
                   " can read or alter what " + Quote(sender->name) + " of " + wf_name +
                   " sends over " + Upper(f.protocol) + ", including credentials and " +
                   (classes.empty() ? std::string("payloads") : Join(classes) + " data") +
                   ". The eavesdropper benefits; the organisation and the service's users are "
                   "harmed.",
               support, 4.0, classes.empty() ? 5.5 : 7.0, {{"protocol", f.protocol}});
    }
  }

  // Findings the flow rules did not cover: sensitive data into logs, pinned
  // personal data, TLS verification off.
  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const NodeInfo& info = ctx.nodes[i];
    if (info.process.empty()) continue;
    auto exposure = ByCategory(info.findings, "sensitive-data-exposure");
    auto transport = ByCategory(info.findings, "insecure-transport");
    auto covered = [&](const model::Finding* f) {
      for (size_t k = first_threat; k < out.size(); ++k) {
        const auto& ids = out[k].findings;
        if (std::find(ids.begin(), ids.end(), f->id) != ids.end()) return true;
      }
      return false;
    };
    std::erase_if(exposure, covered);
    std::erase_if(transport, covered);
    const std::string step = Quote(wf.nodes[i].name);
    if (!exposure.empty()) {
      emit.Add(kSensitiveData, info.process, "Protected data is exposed by " + step,
               step + " of " + wf_name +
                   " puts personal or other protected data where it "
                   "should not be (" +
                   exposure.front()->title +
                   "); anyone who can read that place can read the data. They benefit; the "
                   "people the data is about, and the organisation answerable for it, are "
                   "harmed.",
               exposure, 4.5, 7.0, {{"data", "protected"}});
    }
    if (!transport.empty()) {
      emit.Add(kPlaintext, info.process, "Traffic from " + step + " can be read or altered",
               "Anyone on the network path can read or alter what " + step + " of " + wf_name +
                   " exchanges (" + transport.front()->title +
                   "). The eavesdropper benefits; the organisation and the service's users are "
                   "harmed.",
               transport, 4.0, 5.5, {{"protocol", "unverified"}});
    }
  }
}

}  // namespace fw::threat
