// injection: SQL, NoSQL and shell commands that interpolate run-time data
// with {{ }} instead of passing it as parameters. A query whose text has no
// interpolation (values bound through query parameters or
// options.queryReplacement) is not reported.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "core/text.h"
#include "detect/expressions.h"

namespace fw::analysis::checks {

namespace {

std::string_view BaseType(std::string_view t) {
  if (t.size() > 4 && t.substr(t.size() - 4) == "Tool") t.remove_suffix(4);
  return t;
}

// Every SQL node type n8n ships, with the parameter holding the query.
struct SqlNode {
  std::string_view type;
  std::string_view query_param;
};
constexpr SqlNode kSqlNodes[] = {
    {"postgres", "query"},  {"mySql", "query"},       {"microsoftSql", "query"},
    {"oracleDatabase", "query"}, {"snowflake", "query"}, {"crateDb", "query"},
    {"questDb", "query"},   {"timescaleDb", "query"}, {"googleBigQuery", "sqlQuery"},
    {"databricks", "query"}, {"supabase", "query"},
};

const SqlNode* FindSql(std::string_view t) {
  for (const auto& s : kSqlNodes) {
    if (s.type == t) return &s;
  }
  return nullptr;
}

// The {{ ... }} fragments of a template, for evidence.
std::string FirstExpression(std::string_view text) {
  size_t open = text.find("{{");
  if (open == std::string_view::npos) return core::Abbreviate(text, 60);
  size_t close = text.find("}}", open);
  size_t end = close == std::string_view::npos ? text.size() : close + 2;
  return core::Abbreviate(text.substr(open, end - open), 60);
}

bool Interpolates(std::string_view text) {
  return text.find("{{") != std::string_view::npos && detect::ExpressionReferencesInput(text);
}

}  // namespace

void SqlInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = BaseType(ActiveN8nType(node));
    const SqlNode* sql = FindSql(t);
    if (sql == nullptr) continue;
    std::string_view query = node.parameters[sql->query_param].str();
    if (!Interpolates(query)) continue;
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " builds its SQL from run-time data (" +
                    FirstExpression(query) + ") instead of query parameters" +
                    (reach.empty() ? "." : ", " + reach + ".");
    issue.evidence = "query: " + core::Abbreviate(query, 80);
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 8.0);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"}, {"sink", "sql"}};
    if (!node.parameters["options"]["queryReplacement"].str().empty() ||
        node.parameters["additionalFields"]["queryParams"].valid()) {
      issue.factors.push_back({"parameters", "also-bound"});
    }
    out.Report(rule, wf, &node, ParamRef(node, sql->query_param), std::move(issue));
  }
}

void NoSqlInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = BaseType(ActiveN8nType(node));
    if (t != "mongoDb" && t != "elasticsearch") continue;
    // MongoDB keeps its filter or pipeline in "query"; Elasticsearch its
    // query DSL in "options.query".
    const bool es = t == "elasticsearch";
    core::ValueRef ref = es ? node.parameters["options"]["query"] : node.parameters["query"];
    std::string_view query = ref.str();
    if (!Interpolates(query)) continue;
    const char* key = es ? "options.query" : "query";
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " splices run-time data into a database query (" +
                    FirstExpression(query) + ")" + (reach.empty() ? "." : ", " + reach + ".");
    issue.evidence = std::string(key) + ": " + core::Abbreviate(query, 80);
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 7.0);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"}, {"sink", "nosql"}};
    model::SourceRef where = es ? model::SourceRef{ref, node.source.pointer + "/parameters/options/query"}
                                : ParamRef(node, "query");
    out.Report(rule, wf, &node, where, std::move(issue));
  }
}

void CommandInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = BaseType(ActiveN8nType(node));
    if (t != "executeCommand" && t != "ssh") continue;
    std::string_view command = node.parameters["command"].str();
    if (!Interpolates(command)) continue;
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " puts run-time data (" + FirstExpression(command) +
                    ") into a shell command line" + (reach.empty() ? "." : ", " + reach + ".");
    issue.evidence = "command: " + core::Abbreviate(command, 80);
    // Reachable from an unauthenticated entry point this is remote command
    // execution for anyone on the internet.
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 9.5);
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"}, {"sink", "shell"}};
    out.Report(rule, wf, &node, ParamRef(node, "command"), std::move(issue));
  }
}

void UrlFromInput(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = BaseType(ActiveN8nType(node));
    if (t == "toolHttpRequest") {
      // The LangChain HTTP tool fills {placeholders} in its URL from the model.
      std::string_view url = core::Trim(node.parameters["url"].str());
      size_t scheme_end = url.find("://");
      size_t host_start = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
      size_t host_end = url.find('/', host_start);
      std::string_view host = url.substr(host_start, host_end == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : host_end - host_start);
      if (host.find('{') == std::string_view::npos && !url.empty() && url.front() != '{') continue;
      Issue issue;
      issue.message = Quote(node.name) +
                      " lets an AI agent fill in the address it calls ({placeholder} in the host): "
                      "prompt injection can aim it at internal services or cloud metadata (SSRF).";
      issue.evidence = "url: " + core::Abbreviate(url, 80);
      issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, 7.0);
      issue.factors = {{"exposure", wf.internet_source[i] >= 0 ? "internet" : "ai-agent"}, {"sink", "url"}};
      out.Report(rule, wf, &node, ParamRef(node, "url"), std::move(issue));
      continue;
    }
    if (t != "httpRequest") continue;
    std::string_view url = core::Trim(node.parameters["url"].str());
    if (!url.empty() && url.front() == '=') url.remove_prefix(1);
    // Only the part that picks the destination matters: scheme and host.
    size_t scheme = url.find("://");
    std::string_view head = url;
    if (scheme != std::string_view::npos) {
      size_t path = url.find('/', scheme + 3);
      // Keep expressions whole: a host "{{ $json.host }}" may contain '/'.
      size_t braces = url.find("}}", scheme + 3);
      if (path != std::string_view::npos && (braces == std::string_view::npos || path < url.find("{{", scheme + 3))) {
        head = url.substr(0, path);
      }
    } else {
      size_t close = url.find("}}");
      head = close == std::string_view::npos ? url : url.substr(0, close + 2);
    }
    if (!Interpolates(head)) continue;
    bool from_ai = core::IContains(head, "$fromAI");
    bool reachable = wf.internet_source[i] >= 0;
    if (!from_ai && !reachable) continue;
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " sends a request to an address taken from run-time data (" +
                    FirstExpression(head) + ")" +
                    (from_ai ? ", chosen by an AI agent that prompt injection can steer"
                             : ", " + reach) +
                    ": it can be pointed at internal services or cloud metadata (SSRF).";
    issue.evidence = "url: " + core::Abbreviate(url, 80);
    issue.likelihood = reachable ? 7.0 : rule.likelihood;
    issue.factors = {{"exposure", reachable ? "internet" : "ai-agent"}, {"sink", "url"}};
    out.Report(rule, wf, &node, ParamRef(node, "url"), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
