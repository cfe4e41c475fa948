#include "policy/evaluate.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.h"
#include "core/url.h"

namespace fw::policy {

namespace {

constexpr std::string_view kLcnc07 = "LCNC-SEC-07";

// The one table of policy rules.
const analysis::RuleInfo kRules[] = {
    {"policy.component.blocked", "unapproved-component", "Component blocked by the policy library",
     kLcnc07, "CWE-1357", 7.0, 7.0,
     "Replace the step with an approved component, or ask the policy owners for an exception "
     "(a waiver with justification, approver and expiry).",
     "The workflow uses a node type, connector or community package that a policy file blocks, "
     "or a connector or host in a host group marked `blocked` (like Power Platform DLP's blocked "
     "group). The finding names the policy line that blocks it."},
    {"policy.component.not-allowed", "unapproved-component",
     "Component not on the policy's allow list", kLcnc07, "CWE-1357", 5.5, 6.0,
     "Use an allowed component, or have the component reviewed and added to the allow list.",
     "An allow list applies to the workflow's platform and this node type, connector or "
     "community package matches none of its patterns. Unreviewed components can leak data or "
     "run code nobody vetted."},
    {"policy.host.not-approved", "unapproved-component", "External host not approved", kLcnc07,
     "CWE-941", 5.5, 6.5,
     "Call only approved hosts, or have the service reviewed and add it to hosts.approved or a "
     "host group.",
     "The workflow calls a public host that matches neither `hosts.approved` nor any host group "
     "that is not blocked. Data sent to unreviewed services leaves the organisation's control."},
    {"policy.data.blocked-host-group", "sensitive-data-exposure",
     "Protected data sent to a host group that may not receive it", "LCNC-SEC-03", "CWE-200", 6.5,
     7.5,
     "Keep the data away from this group's services (remove or mask the fields), or use a "
     "service from a group that may receive it.",
     "The workflow handles fields of a data class (personal, financial, health, credential) "
     "that the host group it sends to does not list in `data`. Like a DLP data group, the "
     "policy decides which classes may reach which services."},
    {"policy.data.group-mix", "sensitive-data-exposure",
     "Workflow combines host groups the policy keeps apart", "LCNC-SEC-03", "CWE-200", 6.0, 7.0,
     "Split the workflow so that services of separated groups never share one flow, or move a "
     "connector to the other group after review.",
     "As in Power Platform DLP, a workflow may not combine connectors or hosts of groups marked "
     "`separate_from` each other (business and non-business): data read from one could flow "
     "to the other."},
    {"policy.setting.required", "misconfiguration", "Workflow setting differs from the policy",
     "LCNC-SEC-05", "CWE-1188", 5.0, 5.5,
     "Change the setting to a value the policy allows (the message says which).",
     "A setting the policy requires (`settings:`) is missing or has a value the policy forbids, "
     "for example an n8n workflow any other workflow may call (callerPolicy any)."},
    {"policy.logging.expected", "logging-gap", "Logging the policy expects is off", "LCNC-SEC-10",
     "CWE-778", 5.0, 5.0,
     "Turn on the logging the policy names (for n8n: save failed executions, set an error "
     "workflow).",
     "A logging expectation (`logging:`) is not met, so failures or misuse of the workflow "
     "leave no trace to investigate."},
    {"policy.owner.missing", "asset-hygiene", "Workflow has no owner", "LCNC-SEC-09", "CWE-1059",
     4.5, 5.0, "Record an owner in the platform or in the owners file (--owners).",
     "The policy requires every workflow to have an owner, and neither the export nor the owners "
     "file names one. Nobody answers for an ownerless workflow when it breaks or leaks."},
    {"policy.entry-point.owner", "asset-hygiene", "Entry point without a named owner",
     "LCNC-SEC-09", "CWE-1059", 5.5, 6.0,
     "Name a person (not a shared or generic account) as the owner of the workflow.",
     "The workflow can be started from outside (internet or third-party entry point by default) "
     "and its owner is missing or one of the policy's generic owners (admin, a team mailbox). "
     "Exposed entry points need someone accountable."},
    // Reported by policy::ApplyWaivers (waivers.cpp), listed here so the
    // rule reference and SARIF describe it like every other rule.
    {"policy.waiver.expired", "asset-hygiene", "Waiver has expired", "LCNC-SEC-09", "CWE-1059", 5.0,
     4.0,
     "Fix the findings and remove the waiver, or renew it with a new expiry date and a fresh "
     "approval.",
     "A waiver accepts a risk until a date. After it, the findings it covered count again (in the "
     "table and the exit code) and the waiver itself is reported, so accepted risks are "
     "re-decided instead of silently becoming permanent."},
};

const analysis::RuleInfo& Rule(std::string_view id) {
  for (const auto& r : kRules) {
    if (r.id == id) return r;
  }
  return kRules[0];  // unreachable for the ids used in this file
}

// The Node-RED core palette: anything else comes from an installed module.
bool IsNodeRedCore(std::string_view type) {
  static constexpr std::array<std::string_view, 52> kCore = {"inject",
                                                             "debug",
                                                             "complete",
                                                             "catch",
                                                             "status",
                                                             "link in",
                                                             "link out",
                                                             "link call",
                                                             "comment",
                                                             "unknown",
                                                             "function",
                                                             "switch",
                                                             "change",
                                                             "range",
                                                             "template",
                                                             "delay",
                                                             "trigger",
                                                             "exec",
                                                             "rbe",
                                                             "filter",
                                                             "mqtt in",
                                                             "mqtt out",
                                                             "mqtt-broker",
                                                             "http in",
                                                             "http response",
                                                             "http request",
                                                             "http proxy",
                                                             "websocket in",
                                                             "websocket out",
                                                             "websocket-listener",
                                                             "websocket-client",
                                                             "tcp in",
                                                             "tcp out",
                                                             "tcp request",
                                                             "udp in",
                                                             "udp out",
                                                             "csv",
                                                             "html",
                                                             "json",
                                                             "xml",
                                                             "yaml",
                                                             "split",
                                                             "join",
                                                             "sort",
                                                             "batch",
                                                             "file",
                                                             "file in",
                                                             "watch",
                                                             "tls-config",
                                                             "junction",
                                                             "group",
                                                             "global-config"};
  if (type == "tab" || type == "subflow" || type.rfind("subflow:", 0) == 0) return true;
  return std::find(kCore.begin(), kCore.end(), type) != kCore.end();
}

std::string IdOf(const model::Workflow& wf) { return wf.id.empty() ? wf.name : wf.id; }

struct Emitter {
  const model::Workflow& wf;
  std::vector<model::Finding>& out;

  void Emit(std::string_view rule_id, const model::Node* node, const model::SourceRef& where,
            std::string message, std::string evidence, std::string_view discriminator = {}) {
    const analysis::RuleInfo& rule = Rule(rule_id);
    model::Finding f;
    f.rule = std::string(rule.id);
    f.category = std::string(rule.category);
    f.title = std::string(rule.title);
    f.likelihood = rule.likelihood;
    f.impact = rule.impact;
    f.standards = {std::string(rule.owasp), std::string(rule.cwe)};
    auto& loc = f.location;
    loc.file = wf.file;
    loc.platform = wf.platform;
    loc.workflow_id = wf.id;
    loc.workflow_name = wf.name;
    std::string node_key;
    if (node != nullptr) {
      loc.node_id = node->id;
      loc.node_name = node->name;
      loc.node_type = node->type;
      node_key = node->id.empty() ? node->name : node->id;
    }
    if (!discriminator.empty()) node_key += "\x1e" + std::string(discriminator);
    loc.pointer = where.pointer;
    core::Position pos = where.value.position();
    loc.line = pos.line;
    loc.column = pos.column;
    f.message = std::move(message);
    f.remediation = std::string(rule.remediation);
    f.evidence = std::move(evidence);
    f.id = analysis::FindingId(f.rule, loc.file, IdOf(wf), node_key, loc.pointer);
    // The base score; the scan pipeline weighs it with the workflow's risk
    // factors like every other finding (risk::Assess).
    f.score = model::ScoreFrom(f.likelihood, f.impact);
    f.severity = model::SeverityFromScore(f.score);
    out.push_back(std::move(f));
  }
};

std::string Because(const std::string& reason) { return reason.empty() ? "" : " (" + reason + ")"; }

// Checks one component name against one compiled list. Returns true when it
// reported something, so a node gets at most one finding per rule.
bool CheckComponent(Emitter& e, const model::Node& node, ComponentKind kind, std::string_view text,
                    const CompiledComponents& cc, bool* blocked_done, bool* allow_done) {
  if (text.empty()) return false;
  if (!*blocked_done && !cc.block.empty()) {
    int64_t hit = cc.block.Match(text);
    if (hit >= 0) {
      const auto i = static_cast<size_t>(hit);
      e.Emit("policy.component.blocked", &node, node.source,
             "'" + node.name + "' uses " + std::string(ComponentKindName(kind)) + " '" +
                 std::string(text) + "', blocked by " + cc.sources[i].ToString() +
                 Because(cc.reasons[i]) + ".",
             std::string(ComponentKindName(kind)) + ": " + std::string(text),
             ComponentKindName(kind));
      *blocked_done = true;
      return true;
    }
  }
  if (!*allow_done && cc.has_allow && cc.allow.Match(text) < 0) {
    // The first allow pattern names the list that was not matched.
    const PolicySource* first = &cc.sources[cc.first_allow];
    e.Emit("policy.component.not-allowed", &node, node.source,
           "'" + node.name + "' uses " + std::string(ComponentKindName(kind)) + " '" +
               std::string(text) + "', which no allow list permits (allow list at " +
               (first != nullptr ? first->ToString() : std::string("the policy")) + ").",
           std::string(ComponentKindName(kind)) + ": " + std::string(text),
           ComponentKindName(kind));
    *allow_done = true;
    return true;
  }
  return false;
}

// An n8n setting by its export name ("settings." prefix allowed), else a
// workflow fact. `where` is set to the value when the export has one.
std::string SettingValue(const model::Workflow& wf, std::string_view name,
                         model::SourceRef* where) {
  std::string_view key = name;
  if (key.rfind("settings.", 0) == 0) key.remove_prefix(9);
  const model::WorkflowSettings& s = wf.settings;
  *where = wf.settings.present ? s.source : wf.source;
  if (s.present) {
    core::ValueRef v = s.source.value[key];
    if (v.valid()) {
      *where = model::SourceRef{v, s.source.pointer + "/" + std::string(key)};
    }
  }
  if (wf.platform == model::Platform::kN8n || key != name) {
    if (key == "callerPolicy") return s.caller_policy;
    if (key == "saveDataErrorExecution") return s.save_data_error_execution;
    if (key == "saveDataSuccessExecution") return s.save_data_success_execution;
    if (key == "saveManualExecutions") return s.save_manual_executions;
    if (key == "errorWorkflow") return s.error_workflow;
    if (key == "executionOrder") return s.execution_order;
    if (key == "timezone") return s.timezone;
    if (s.present && s.source.value[key].valid()) return std::string(s.source.value[key].text());
  }
  return std::string(wf.Fact(name));
}

std::string JoinQuoted(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += ", ";
    out += "'" + s + "'";
  }
  return out;
}

void CheckSettings(Emitter& e, const std::vector<const SettingSpec*>& settings) {
  for (const SettingSpec* s : settings) {
    model::SourceRef where;
    std::string value = SettingValue(e.wf, s->name, &where);
    std::string problem;
    if (value.empty()) {
      if (s->must_be_set) {
        problem = "is not set";
      } else if (!s->one_of.empty() && !s->unset_ok) {
        problem = "is not set (the policy requires " + JoinQuoted(s->one_of) + ")";
      }
    } else if (!s->one_of.empty() &&
               std::find(s->one_of.begin(), s->one_of.end(), value) == s->one_of.end()) {
      problem = "is '" + value + "' (the policy requires " + JoinQuoted(s->one_of) + ")";
    } else if (std::find(s->none_of.begin(), s->none_of.end(), value) != s->none_of.end()) {
      problem = "is '" + value + "', which the policy forbids";
    }
    if (problem.empty()) continue;
    e.Emit(
        s->logging ? "policy.logging.expected" : "policy.setting.required", nullptr, where,
        "Setting '" + s->name + "' of '" + e.wf.name + "' " + problem + "; required by " +
            s->where.ToString() + Because(s->reason) + ".",
        s->name + ": " + (value.empty() ? std::string("(not set)") : core::Abbreviate(value, 60)),
        "setting:" + s->name);
  }
}

struct GroupUse {
  size_t group;
  uint32_t node;
  std::string what;  // host or connector
};

}  // namespace

std::span<const analysis::RuleInfo> AllRules() { return kRules; }

const analysis::RuleInfo* FindRule(std::string_view id) {
  for (const auto& r : kRules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string CommunityPackage(model::Platform platform, std::string_view type) {
  if (type.empty()) return {};
  if (platform == model::Platform::kN8n) {
    if (type.rfind("n8n-nodes-base.", 0) == 0 || type.rfind("@n8n/", 0) == 0) return {};
    size_t dot = type.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return std::string(type.substr(0, dot));
  }
  if (platform == model::Platform::kNodeRed) {
    if (IsNodeRedCore(type)) return {};
    if (type.rfind("ui_", 0) == 0) return "node-red-dashboard";
    if (type.rfind("ui-", 0) == 0) return "@flowfuse/node-red-dashboard";
    return std::string(type);
  }
  return {};
}

void Evaluate(const CompiledPolicy& policy, const model::Workflow& wf,
              const analysis::WorkflowSummary& summary, std::vector<model::Finding>& out) {
  Emitter e{wf, out};
  const auto platform = static_cast<size_t>(wf.platform);
  if (platform >= CompiledPolicy::kPlatforms) return;
  const CompiledPolicy::PerPlatform& per = policy.platforms[platform];

  // Components, connectors, community packages; and which host groups each
  // node's connector belongs to.
  std::vector<GroupUse> uses;
  std::vector<char> node_blocked(wf.nodes.size(), 0);
  for (uint32_t i = 0; i < wf.nodes.size(); ++i) {
    const model::Node& node = wf.nodes[i];
    if (node.role == model::NodeRole::kAnnotation) continue;
    bool blocked = false, not_allowed = false;
    CheckComponent(e, node, ComponentKind::kNodeType, node.type, per.node_types, &blocked,
                   &not_allowed);
    std::string package = CommunityPackage(wf.platform, node.type);
    CheckComponent(e, node, ComponentKind::kCommunityPackage, package, per.community_packages,
                   &blocked, &not_allowed);
    CheckComponent(e, node, ComponentKind::kConnector, node.connector, per.connectors, &blocked,
                   &not_allowed);
    if (!node.connector.empty()) {
      for (size_t g = 0; g < policy.host_groups.size(); ++g) {
        if (policy.host_groups[g].connectors.Match(node.connector) >= 0) {
          uses.push_back(GroupUse{g, i, node.connector});
          break;  // a connector belongs to the first group that lists it
        }
      }
    }
    node_blocked[i] = blocked ? 1 : 0;
  }

  // Hosts: approved list and groups.
  // Host approval is on once `hosts.approved` lists anything; hosts of
  // groups that are not blocked then count as approved too.
  const bool hosts_restricted = !policy.approved_hosts.empty();
  std::vector<std::pair<std::string, uint32_t>> seen_hosts;
  for (const auto& h : wf.hosts) {
    if (h.host.empty()) continue;
    std::pair<std::string, uint32_t> key{h.host, h.node};
    if (std::find(seen_hosts.begin(), seen_hosts.end(), key) != seen_hosts.end()) continue;
    seen_hosts.push_back(key);
    int64_t group = -1;
    for (size_t g = 0; g < policy.host_groups.size(); ++g) {
      if (policy.host_groups[g].hosts.Match(h.host) >= 0) {
        group = static_cast<int64_t>(g);
        break;
      }
    }
    if (group >= 0) uses.push_back(GroupUse{static_cast<size_t>(group), h.node, h.host});
    if (!hosts_restricted || core::ClassifyHost(h.host) != core::HostScope::kPublic) continue;
    bool approved = policy.approved_hosts.Match(h.host) >= 0 ||
                    (group >= 0 && !policy.host_groups[static_cast<size_t>(group)].spec.blocked);
    if (approved) continue;
    const model::Node* node = h.node < wf.nodes.size() ? &wf.nodes[h.node] : nullptr;
    std::string place = policy.host_sources.front().ToString();
    e.Emit("policy.host.not-approved", node, h.source,
           "'" + wf.name + "' calls '" + h.host +
               "', which is not an approved host (approved hosts at " + place + ").",
           "host: " + h.host);
  }

  // Host groups: blocked groups, data classes, groups kept apart.
  std::vector<detect::DataClass> classes;
  for (const auto& f : summary.data_fields) {
    if (f.sensitivity == detect::DataClass::kUnknown ||
        f.sensitivity == detect::DataClass::kPublic) {
      continue;
    }
    if (std::find(classes.begin(), classes.end(), f.sensitivity) == classes.end()) {
      classes.push_back(f.sensitivity);
    }
  }
  std::vector<int64_t> first_use(policy.host_groups.size(), -1);
  for (size_t u = 0; u < uses.size(); ++u) {
    const GroupUse& use = uses[u];
    const CompiledHostGroup& g = policy.host_groups[use.group];
    if (first_use[use.group] < 0) first_use[use.group] = static_cast<int64_t>(u);
    if (g.spec.blocked && use.node < wf.nodes.size() && node_blocked[use.node] == 0) {
      const model::Node& node = wf.nodes[use.node];
      node_blocked[use.node] = 1;
      e.Emit("policy.component.blocked", &node, node.source,
             "'" + node.name + "' uses '" + use.what + "', which is in host group '" + g.spec.name +
                 "', blocked by " + g.spec.blocked_where.ToString() + ".",
             "host group " + g.spec.name + ": " + use.what, "group");
    }
  }
  for (size_t gi = 0; gi < policy.host_groups.size(); ++gi) {
    if (first_use[gi] < 0) continue;
    const CompiledHostGroup& g = policy.host_groups[gi];
    const GroupUse& use = uses[static_cast<size_t>(first_use[gi])];
    const model::Node* node = use.node < wf.nodes.size() ? &wf.nodes[use.node] : nullptr;
    const model::SourceRef& where = node != nullptr ? node->source : wf.source;
    if (g.spec.data_listed && !g.spec.blocked) {
      std::vector<std::string> refused;
      for (auto c : classes) {
        if (std::find(g.spec.data.begin(), g.spec.data.end(), c) == g.spec.data.end()) {
          refused.emplace_back(detect::DataClassName(c));
        }
      }
      if (!refused.empty()) {
        std::string list;
        for (const auto& r : refused) list += (list.empty() ? "" : ", ") + r;
        e.Emit("policy.data.blocked-host-group", node, where,
               "'" + wf.name + "' handles " + list + " data and sends to '" + use.what +
                   "' in host group '" + g.spec.name + "', which may not receive it (" +
                   g.spec.data_where.ToString() + ").",
               "data: " + list + "; group: " + g.spec.name, "group:" + g.spec.name);
      }
    }
    for (size_t gj = gi + 1; gj < policy.host_groups.size(); ++gj) {
      if (first_use[gj] < 0) continue;
      const CompiledHostGroup& h = policy.host_groups[gj];
      auto lists = [](const HostGroupSpec& a, const std::string& b) {
        return std::find(a.separate_from.begin(), a.separate_from.end(), b) !=
               a.separate_from.end();
      };
      const HostGroupSpec* rule = lists(g.spec, h.spec.name)   ? &g.spec
                                  : lists(h.spec, g.spec.name) ? &h.spec
                                                               : nullptr;
      if (rule == nullptr) continue;
      const GroupUse& other = uses[static_cast<size_t>(first_use[gj])];
      const model::Node* other_node =
          other.node < wf.nodes.size() ? &wf.nodes[other.node] : nullptr;
      e.Emit("policy.data.group-mix", other_node,
             other_node != nullptr ? other_node->source : wf.source,
             "'" + wf.name + "' combines '" + use.what + "' (host group '" + g.spec.name +
                 "') with '" + other.what + "' (host group '" + h.spec.name + "'); kept apart by " +
                 rule->separate_where.ToString() + ".",
             g.spec.name + ": " + use.what + "; " + h.spec.name + ": " + other.what,
             "mix:" + g.spec.name + "/" + h.spec.name);
    }
  }

  CheckSettings(e, per.settings);

  // Ownership.
  const OwnershipSpec& own = policy.spec.ownership;
  if (own.require_owner.value_or(false) && summary.owner.empty()) {
    e.Emit("policy.owner.missing", nullptr, wf.source,
           "'" + wf.name + "' has no owner in the export or the owners file; required by " +
               own.require_owner_where.ToString() + ".",
           "owner: (none)");
  }
  if (own.entry_point_named_owner.value_or(false)) {
    const bool generic = !summary.owner.empty() && policy.generic_owners.Match(summary.owner) >= 0;
    if (summary.owner.empty() || generic) {
      for (const auto& node : wf.nodes) {
        if (node.role != model::NodeRole::kEntryPoint || node.disabled) continue;
        bool listed =
            own.entry_point_exposures.empty()
                ? (node.exposure == model::Exposure::kInternet ||
                   node.exposure == model::Exposure::kThirdParty)
                : std::find(own.entry_point_exposures.begin(), own.entry_point_exposures.end(),
                            node.exposure) != own.entry_point_exposures.end();
        if (!listed) continue;
        e.Emit("policy.entry-point.owner", &node, node.source,
               "Entry point '" + node.name + "' (" +
                   std::string(model::ExposureName(node.exposure)) + ") of '" + wf.name + "' has " +
                   (generic ? "only the generic owner '" + summary.owner + "'"
                            : std::string("no owner")) +
                   "; a named owner is required by " + own.entry_point_where.ToString() + ".",
               "owner: " + (summary.owner.empty() ? std::string("(none)") : summary.owner));
        break;  // one finding per workflow
      }
    }
  }
}

void ApplySeverityFloors(const CompiledPolicy& policy, std::vector<model::Finding>& findings) {
  const auto& floors = policy.spec.risk.floors;
  if (floors.empty()) return;
  std::vector<PatternSet> rules(floors.size());
  for (size_t i = 0; i < floors.size(); ++i) {
    if (!floors[i].rule.empty()) rules[i].Add(floors[i].rule, 0);
  }
  for (auto& f : findings) {
    for (size_t i = 0; i < floors.size(); ++i) {
      const SeverityFloorSpec& fl = floors[i];
      if (!fl.rule.empty() && rules[i].Match(f.rule) < 0) continue;
      if (!fl.category.empty() && fl.category != f.category) continue;
      if (f.severity >= fl.min_severity) continue;
      static constexpr double kMinScore[] = {0.0, 0.1, 4.0, 7.0, 9.0};
      f.severity = fl.min_severity;
      f.score = std::max(f.score, kMinScore[static_cast<size_t>(fl.min_severity)]);
      f.factors.emplace_back("policy-floor", fl.where.ToString());
    }
  }
}

}  // namespace fw::policy
