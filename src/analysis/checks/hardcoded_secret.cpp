// hardcoded-secret (first cut): literal credentials in HTTP headers, URLs,
// query strings and bodies. Name/value parameter pairs are read the way the
// HTTP Request node stores them; JSON header/body text is read as key/value
// pairs. Expressions, credential references and placeholders never count.
#include <vector>

#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "core/url.h"
#include "detect/expressions.h"
#include "detect/secrets.h"

namespace fw::analysis::checks {

namespace {

enum class Context { kHeader, kQuery, kBody, kOther };

Context ContextOf(std::string_view pointer) {
  std::string p = core::ToLower(pointer);
  if (p.find("header") != std::string::npos) return Context::kHeader;
  if (p.find("query") != std::string::npos) return Context::kQuery;
  if (p.find("body") != std::string::npos) return Context::kBody;
  return Context::kOther;
}

struct Pair {
  std::string name;
  std::string value;
  model::SourceRef where;
  Context context;
};

// "key": "value" pairs inside JSON-ish text (n8n's jsonHeaders, jsonBody,
// which may hold expressions and so are not always valid JSON).
void JsonishPairs(std::string_view text, const model::SourceRef& where, Context ctx,
                  std::vector<Pair>& out) {
  size_t pos = 0;
  while ((pos = text.find('"', pos)) != std::string_view::npos) {
    size_t key_end = text.find('"', pos + 1);
    if (key_end == std::string_view::npos) return;
    std::string_view key = text.substr(pos + 1, key_end - pos - 1);
    size_t i = key_end + 1;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] != ':') {
      pos = key_end + 1;
      continue;
    }
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    if (i >= text.size() || text[i] != '"') {
      pos = i;
      continue;
    }
    size_t val_end = i + 1;
    while (val_end < text.size() && text[val_end] != '"') {
      if (text[val_end] == '\\') ++val_end;
      ++val_end;
    }
    if (val_end >= text.size()) return;
    out.push_back(Pair{std::string(key), std::string(text.substr(i + 1, val_end - i - 1)), where, ctx});
    pos = val_end + 1;
  }
}

// Every name/value pair of a node's parameters, with its context.
std::vector<Pair> CollectPairs(const model::Node& node) {
  std::vector<Pair> pairs;
  std::string base = node.source.pointer + "/parameters";
  // Name/value objects: {"name": "Authorization", "value": "Bearer ..."}.
  std::function<void(const core::ValueRef&, std::string&, int)> walk =
      [&](const core::ValueRef& v, std::string& ptr, int depth) {
        if (depth > 64) return;
        if (v.is_object()) {
          core::ValueRef name = v["name"];
          core::ValueRef value = v["value"];
          if (name.is_string() && value.is_string()) {
            std::string vp = ptr + "/value";
            pairs.push_back(Pair{std::string(name.str()), std::string(value.str()),
                                 model::SourceRef{value, vp}, ContextOf(ptr)});
          }
        }
        if (!v.is_object() && !v.is_array()) return;
        size_t len = ptr.size();
        for (size_t i = 0; i < v.size(); ++i) {
          core::ValueRef child = v.value_at(i);
          if (v.is_object()) {
            std::string_view key = v.key_at(i);
            core::AppendPointerToken(ptr, key);
            std::string lower = core::ToLower(key);
            if (child.is_string()) {
              std::string_view s = child.str();
              if ((lower == "jsonheaders" || lower == "headerparametersjson") && !s.empty()) {
                JsonishPairs(s, model::SourceRef{child, ptr}, Context::kHeader, pairs);
              } else if ((lower == "jsonbody" || lower == "bodyparametersjson" || lower == "body") &&
                         !s.empty()) {
                JsonishPairs(s, model::SourceRef{child, ptr}, Context::kBody, pairs);
              } else if ((lower == "jsonquery" || lower == "queryparametersjson") && !s.empty()) {
                JsonishPairs(s, model::SourceRef{child, ptr}, Context::kQuery, pairs);
              } else if (lower != "name" && lower != "value") {
                // A parameter that is itself named like a secret: apiKey, password.
                pairs.push_back(Pair{std::string(key), std::string(s), model::SourceRef{child, ptr},
                                     Context::kOther});
              }
            }
          } else {
            core::AppendPointerIndex(ptr, i);
          }
          walk(child, ptr, depth + 1);
          ptr.resize(len);
        }
      };
  walk(node.parameters, base, 0);
  return pairs;
}

bool NodeCarriesSecrets(const model::Node& node) {
  return node.role != model::NodeRole::kAnnotation && node.parameters.valid();
}

// n8n marks expression mode with a leading '='; "=abc" without {{ }} is
// still the literal "abc".
std::string_view Literal(std::string_view v) {
  v = core::Trim(v);
  if (!v.empty() && v.front() == '=' && !detect::HasExpression(v)) v.remove_prefix(1);
  return v;
}

void ReportSecret(const WorkflowView& wf, const RuleInfo& rule, Reporter& out,
                  const model::Node& node, const Pair& p, std::string_view where) {
  std::string_view value = Literal(p.value);
  std::string_view cred = detect::StripAuthScheme(value);
  std::string scheme(value.substr(0, value.size() - cred.size()));
  Issue issue;
  issue.message = Quote(node.name) + " holds a literal credential in " + std::string(where) + " " +
                  Quote(p.name) +
                  ": anyone who can read the workflow or its exports can use it.";
  issue.evidence = p.name + ": " + scheme + core::Redact(cred);
  issue.factors = {{"secret", std::string(where)}};
  if (node.disabled) issue.factors.push_back({"node", "disabled"});
  out.Report(rule, wf, &node, p.where, std::move(issue));
}

}  // namespace

void SecretInHeader(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (const auto& node : w.nodes) {
    if (!NodeCarriesSecrets(node)) continue;
    for (const auto& p : CollectPairs(node)) {
      if (p.context != Context::kHeader || !detect::IsCredentialHeaderName(p.name)) continue;
      if (!detect::LooksLikeLiteralSecret(Literal(p.value))) continue;
      ReportSecret(wf, rule, out, node, p, "header");
    }
  }
}

void SecretInQuery(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (const auto& node : w.nodes) {
    if (!NodeCarriesSecrets(node)) continue;
    for (const auto& p : CollectPairs(node)) {
      if (p.context != Context::kQuery || !detect::IsSecretKeyName(p.name, true)) continue;
      if (!detect::LooksLikeLiteralSecret(Literal(p.value))) continue;
      ReportSecret(wf, rule, out, node, p, "query parameter");
    }
    // Secrets in the query string of literal URLs: ?api_key=...
    ForEachScalar(node.parameters, node.source.pointer + "/parameters", [&](const StringSite& s) {
      if (s.value.find("://") == std::string_view::npos || s.value.find('?') == std::string_view::npos) return;
      for (std::string_view url : core::FindUrls(s.value)) {
        core::UrlParts parts;
        if (!core::ParseUrl(url, &parts)) continue;
        size_t q = parts.path_and_query.find('?');
        if (q == std::string::npos) continue;
        std::string_view query = std::string_view(parts.path_and_query).substr(q + 1);
        size_t hash = query.find('#');
        if (hash != std::string_view::npos) query = query.substr(0, hash);
        while (!query.empty()) {
          size_t amp = query.find('&');
          std::string_view kv = query.substr(0, amp);
          size_t eq = kv.find('=');
          if (eq != std::string_view::npos) {
            std::string_view k = kv.substr(0, eq);
            std::string_view v = kv.substr(eq + 1);
            if (detect::IsSecretKeyName(k, true) && detect::LooksLikeLiteralSecret(v)) {
              ReportSecret(wf, rule, out, node,
                           Pair{std::string(k), std::string(v), model::SourceRef{s.ref, s.pointer},
                                Context::kQuery},
                           "URL query parameter");
            }
          }
          if (amp == std::string_view::npos) break;
          query.remove_prefix(amp + 1);
        }
      }
    });
  }
}

void SecretInBody(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (const auto& node : w.nodes) {
    if (!NodeCarriesSecrets(node)) continue;
    std::string_view t = ActiveN8nType(node);
    if (t == "code" || t == "function" || t == "functionItem") continue;  // code: the full engine
    for (const auto& p : CollectPairs(node)) {
      if (p.context == Context::kHeader || p.context == Context::kQuery) continue;
      if (!detect::IsSecretKeyName(p.name) && !detect::IsPasswordKeyName(p.name)) continue;
      if (!detect::LooksLikeLiteralSecret(Literal(p.value))) continue;
      ReportSecret(wf, rule, out, node, p, p.context == Context::kBody ? "body field" : "parameter");
    }
  }
}

void SecretInUrlUserinfo(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (const auto& node : w.nodes) {
    if (!NodeCarriesSecrets(node)) continue;
    ForEachScalar(node.parameters, node.source.pointer + "/parameters", [&](const StringSite& s) {
      if (s.value.find('@') == std::string_view::npos) return;
      for (std::string_view url : core::FindUrls(s.value)) {
        core::UrlParts parts;
        if (!core::ParseUrl(url, &parts)) continue;
        size_t colon = parts.userinfo.find(':');
        if (colon == std::string::npos) continue;
        std::string_view user = std::string_view(parts.userinfo).substr(0, colon);
        std::string_view password = std::string_view(parts.userinfo).substr(colon + 1);
        if (password.empty() || detect::HasExpression(password) || detect::IsPlaceholder(password) ||
            password.find('$') != std::string_view::npos) {
          continue;
        }
        Issue issue;
        issue.message = Quote(node.name) + " has a user name and password written into a " +
                        parts.scheme + " URL for " + parts.host + ".";
        issue.evidence = parts.scheme + "://" + std::string(user) + ":" + core::Redact(password) +
                         "@" + parts.host;
        issue.factors = {{"secret", "url-userinfo"}};
        out.Report(rule, wf, &node, model::SourceRef{s.ref, s.pointer}, std::move(issue));
      }
    });
  }
}

}  // namespace fw::analysis::checks
