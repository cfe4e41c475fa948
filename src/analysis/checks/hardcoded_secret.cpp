// hardcoded-secret: literal credentials anywhere in a step's definition, on
// every platform. Every string of every node's parameters (headers, query
// strings, bodies, URLs, code, Node-RED function bodies, Make mappers), n8n
// node notes and sticky notes goes through the secret engine
// (detect/secret_scanner.h) with its key as context, walked by
// detect::ForEachSecretSite: the value of a name/value pair ({"name":
// "Authorization", "value": "Bearer ..."}) gets the name as its key. One check table entry per
// family of credential (secret.cloud-credential, secret.api-token, ...); the detector that matched
// goes into the message and the "detector" risk factor.
//
// The five family checks share one scan per workflow (a per-thread memo),
// so a workflow's strings are scanned once however many families there are.
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "detect/secret_scanner.h"
#include "detect/secret_walk.h"

namespace fw::analysis::checks {

namespace {

using detect::SecretFamily;

struct SecretHit {
  uint32_t node = 0;
  model::SourceRef where;
  std::string key;       // the value's key: JSON key, header or parameter name
  std::string place;     // "header 'Authorization'", "code", "node notes"
  std::string prefix;    // an auth scheme written before the secret: "Bearer "
  std::string redacted;  // core::Redact of the secret
  const detect::SecretRuleSpec* rule = nullptr;
};

// Keys whose string is program text.
bool IsCodeKey(std::string_view key) {
  static constexpr std::string_view kCode[] = {
      "jsCode", "pythonCode", "functionCode", "code",       "func",   "script",
      "source", "initialize", "finalize",     "javascript", "python", "inlineCode"};
  for (auto k : kCode) {
    if (key == k) return true;
  }
  return false;
}

bool IsUrlKey(std::string_view key) {
  std::string k = core::ToLower(key);
  return k == "url" || k == "uri" || k == "endpoint" || k == "baseurl" || k.ends_with("url");
}

std::string Place(std::string_view key, std::string_view pointer, bool pair, bool annotation) {
  std::string p = core::ToLower(pointer);
  if (annotation) return "the sticky note text";
  if (pair) {
    if (p.find("header") != std::string::npos) return "header " + Quote(key);
    if (p.find("quer") != std::string::npos || p.find("/qs/") != std::string::npos) {
      return "query parameter " + Quote(key);
    }
    if (p.find("body") != std::string::npos) return "body field " + Quote(key);
    return "field " + Quote(key);
  }
  if (IsCodeKey(key)) return "code";
  if (IsUrlKey(key)) return "URL " + Quote(key);
  if (p.find("/headers/") != std::string::npos) return "header " + Quote(key);
  if (p.find("/queries/") != std::string::npos) return "query parameter " + Quote(key);
  return "parameter " + Quote(key);
}

// "Bearer ", "token ", "Basic " when the value starts with an auth scheme
// right before the secret; evidence shows it, as people write it.
std::string SchemePrefix(std::string_view value, uint32_t offset) {
  if (offset == 0 || offset > 24) return "";
  std::string_view before = value.substr(0, offset);
  if (!before.empty() && before.front() == '=') before.remove_prefix(1);
  if (before.empty() || before.back() != ' ') return "";
  for (char c : before) {
    if (!(std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '-')) return "";
  }
  return std::string(before);
}

class Collector {
 public:
  Collector(const model::Workflow& wf, std::vector<SecretHit>& out) : wf_(wf), out_(out) {}

  void Node(uint32_t index) {
    const model::Node& node = wf_.nodes[index];
    node_ = index;
    annotation_ = node.role == model::NodeRole::kAnnotation;
    seen_.clear();
    if (node.parameters.valid()) {
      detect::ForEachSecretSite(
          node.parameters, analysis::ParametersPointer(node), [&](const detect::SecretSite& site) {
            std::string pointer(site.context.pointer);
            Scan(site.ref, pointer, site.context.key,
                 Place(site.context.key, pointer, site.pair, annotation_), site.context.binary);
          });
    }
    // n8n keeps free-text notes on the node; other importers put theirs in
    // Node::notes without a position, which then points at the node.
    annotation_ = false;
    core::ValueRef notes = node.source.value["notes"];
    if (notes.is_string()) {
      std::string pointer = node.source.pointer + "/notes";
      Scan(notes, pointer, "notes", "the node notes");
    } else if (!node.notes.empty() && node.source.value.valid()) {
      ScanText(node.notes, model::SourceRef{node.source.value, node.source.pointer}, "notes",
               "the node notes");
    }
  }

 private:
  void Scan(const core::ValueRef& v, const std::string& pointer, std::string_view key,
            const std::string& place, bool binary = false) {
    std::string_view value = v.str();
    if (value.size() < 8) return;
    matches_.clear();
    detect::SecretScanner::BuiltIn().Scan(value, detect::SecretContext{key, pointer, binary},
                                          matches_);
    for (const auto& m : matches_) {
      std::string_view secret = value.substr(m.offset, m.length);
      // Each secret once per node, at its first place.
      if (!seen_.insert(std::string(secret)).second) continue;
      SecretHit hit;
      hit.node = node_;
      hit.where = model::SourceRef{v, pointer};
      hit.key = std::string(key);
      hit.place = place;
      hit.prefix = SchemePrefix(value, m.offset);
      hit.redacted = core::Redact(secret);
      hit.rule = m.rule;
      out_.push_back(std::move(hit));
    }
  }

  // Text without its own JSON value (notes an importer copied out): scanned
  // and located at the node.
  void ScanText(std::string_view text, const model::SourceRef& at, std::string_view key,
                const std::string& place) {
    matches_.clear();
    detect::SecretScanner::BuiltIn().Scan(text, detect::SecretContext{key, at.pointer, false},
                                          matches_);
    for (const auto& m : matches_) {
      std::string_view secret = text.substr(m.offset, m.length);
      if (!seen_.insert(std::string(secret)).second) continue;
      SecretHit hit;
      hit.node = node_;
      hit.where = at;
      hit.key = std::string(key);
      hit.place = place;
      hit.redacted = core::Redact(secret);
      hit.rule = m.rule;
      out_.push_back(std::move(hit));
    }
  }

  const model::Workflow& wf_;
  std::vector<SecretHit>& out_;
  uint32_t node_ = 0;
  bool annotation_ = false;
  std::set<std::string> seen_;
  std::vector<detect::SecretMatch> matches_;
};

// The last workflow scanned on this thread. The document's control block,
// held by the weak_ptr, cannot be reused while held, so a match on it and on
// the workflow's address means the very same workflow.
struct Memo {
  const model::Workflow* workflow = nullptr;
  std::weak_ptr<const core::Document> document;
  std::vector<SecretHit> hits;
};
thread_local Memo tls_memo;

const std::vector<SecretHit>& SecretsOf(const model::Workflow& wf) {
  Memo& memo = tls_memo;
  const bool same = wf.document != nullptr && memo.workflow == &wf &&
                    !memo.document.owner_before(wf.document) &&
                    !wf.document.owner_before(memo.document);
  if (same) return memo.hits;
  memo.workflow = &wf;
  memo.document = wf.document;
  memo.hits.clear();
  Collector collect(wf, memo.hits);
  for (uint32_t i = 0; i < wf.nodes.size(); ++i) collect.Node(i);
  if (wf.document == nullptr) memo.workflow = nullptr;  // never reused
  return memo.hits;
}

double ImpactOf(detect::SecretSeverity s) {
  switch (s) {
    case detect::SecretSeverity::kCritical:
      return 9.0;
    case detect::SecretSeverity::kHigh:
      return 8.0;
    case detect::SecretSeverity::kMedium:
      return 6.0;
    case detect::SecretSeverity::kLow:
      return 3.5;
  }
  return 8.0;
}

void ReportFamily(const WorkflowView& view, const RuleInfo& rule, Reporter& out,
                  SecretFamily family) {
  const model::Workflow& wf = view.workflow;
  for (const SecretHit& hit : SecretsOf(wf)) {
    if (hit.rule->family != family) continue;
    const model::Node& node = wf.nodes[hit.node];
    Issue issue;
    issue.message = Quote(node.name) + " holds a literal " + hit.rule->title + " in " + hit.place +
                    " (detector " + hit.rule->id +
                    "): anyone who can read the workflow or its exports can use it.";
    issue.evidence = (hit.key.empty() ? std::string() : hit.key + ": ") + hit.prefix + hit.redacted;
    issue.impact = ImpactOf(hit.rule->severity);
    issue.factors = {{"detector", hit.rule->id}};
    if (!hit.rule->provider.empty()) issue.factors.emplace_back("provider", hit.rule->provider);
    if (node.disabled) issue.factors.emplace_back("node", "disabled");
    out.Report(rule, view, &node, hit.where, std::move(issue));
  }
}

// ---- settings files and values outside steps ------------------------------

// Scans one ConfigValues subtree; hits carry no node.
std::vector<SecretHit> SecretsOfConfig(const model::ConfigValues& config) {
  std::vector<SecretHit> hits;
  std::set<std::string> seen;
  std::vector<detect::SecretMatch> matches;
  auto scan = [&](const core::ValueRef& v, const std::string& pointer, std::string_view key,
                  bool pair, bool binary) {
    std::string_view value = v.str();
    if (value.size() < 8) return;
    matches.clear();
    detect::SecretScanner::BuiltIn().Scan(value, detect::SecretContext{key, pointer, binary},
                                          matches);
    for (const auto& m : matches) {
      std::string_view secret = value.substr(m.offset, m.length);
      if (!seen.insert(std::string(secret)).second) continue;
      SecretHit hit;
      hit.where = model::SourceRef{v, pointer};
      hit.key = std::string(key);
      hit.place = pair ? "field " + Quote(key) : "setting " + Quote(key);
      hit.prefix = SchemePrefix(value, m.offset);
      hit.redacted = core::Redact(secret);
      hit.rule = m.rule;
      hits.push_back(std::move(hit));
    }
  };
  auto walk = [&](const core::ValueRef& root, const std::string& pointer) {
    detect::ForEachSecretSite(root, pointer, [&](const detect::SecretSite& site) {
      scan(site.ref, std::string(site.context.pointer), site.context.key, site.pair,
           site.context.binary);
    });
  };
  const core::ValueRef& root = config.source.value;
  if (config.named_parameters && root.is_object()) {
    // {"apiKey": {"type": "securestring", "defaultValue": "..."}}: the
    // parameter's name is what tells the engine the value is a key.
    for (size_t i = 0; i < root.size(); ++i) {
      std::string_view name = root.key_at(i);
      std::string pointer = config.source.pointer;
      core::AppendPointerToken(pointer, name);
      core::ValueRef param = root.value_at(i);
      for (std::string_view member : {"value", "defaultValue"}) {
        core::ValueRef v = param[member];
        if (!v.valid()) continue;
        std::string at = pointer;
        core::AppendPointerToken(at, member);
        if (v.is_string()) {
          scan(v, at, name, false, false);
        } else {
          walk(v, at);
        }
      }
    }
  } else {
    walk(root, config.source.pointer);
  }
  return hits;
}

}  // namespace

}  // namespace fw::analysis::checks

namespace fw::analysis {

void RunConfigChecks(const std::vector<model::ConfigValues>& configs,
                     std::vector<model::Finding>& out) {
  using namespace checks;  // NOLINT(google-build-using-namespace): this file's helpers
  using detect::SecretFamily;
  static constexpr std::pair<std::string_view, SecretFamily> kFamilies[] = {
      {"secret.cloud-credential", SecretFamily::kCloudCredential},
      {"secret.api-token", SecretFamily::kApiToken},
      {"secret.private-key", SecretFamily::kPrivateKey},
      {"secret.database-uri", SecretFamily::kDatabaseUri},
      {"secret.generic", SecretFamily::kGeneric},
  };
  Reporter reporter(out);
  for (const auto& config : configs) {
    if (config.document == nullptr || !config.source.value.valid()) continue;
    std::vector<SecretHit> hits = SecretsOfConfig(config);
    if (hits.empty()) continue;
    model::Workflow holder;
    holder.platform = config.platform;
    holder.file = config.document->source().name();
    holder.id = config.workflow_id;
    holder.name = config.workflow_name;
    holder.document = config.document;
    WorkflowView view(holder);
    for (const auto& [rule_id, family] : kFamilies) {
      const RuleInfo* rule = FindRule(rule_id);
      if (rule == nullptr) continue;
      for (const SecretHit& hit : hits) {
        if (hit.rule->family != family) continue;
        Issue issue;
        issue.message = std::string(hit.rule->title) + " written in " + hit.place + " of the " +
                        config.what + " (detector " + std::string(hit.rule->id) +
                        "): anyone who can read the export or its repository can use it.";
        issue.evidence =
            (hit.key.empty() ? std::string() : hit.key + ": ") + hit.prefix + hit.redacted;
        issue.impact = ImpactOf(hit.rule->severity);
        issue.factors = {{"detector", hit.rule->id}, {"file", config.what}};
        if (!hit.rule->provider.empty()) issue.factors.emplace_back("provider", hit.rule->provider);
        reporter.Report(*rule, view, nullptr, hit.where, std::move(issue));
      }
    }
  }
}

}  // namespace fw::analysis

namespace fw::analysis::checks {

void SecretCloudCredential(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  ReportFamily(wf, rule, out, SecretFamily::kCloudCredential);
}
void SecretApiToken(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  ReportFamily(wf, rule, out, SecretFamily::kApiToken);
}
void SecretPrivateKey(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  ReportFamily(wf, rule, out, SecretFamily::kPrivateKey);
}
void SecretDatabaseUri(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  ReportFamily(wf, rule, out, SecretFamily::kDatabaseUri);
}
void SecretGeneric(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  ReportFamily(wf, rule, out, SecretFamily::kGeneric);
}

}  // namespace fw::analysis::checks
