#include "risk/risk.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/text.h"

namespace fw::risk {

namespace {

// Weights of the factors in each side's mean. The rule's own rating counts
// most: it is what the check saw at this place (a shared-secret comparison,
// an SQL sink with bound parameters); the workflow's factors move it.
constexpr double kRuleWeight = 3.0;
constexpr double kSkillWeight = 1.0;
constexpr double kDiscoveryWeight = 1.0;
constexpr double kExposureWeight = 2.0;
constexpr double kAuthWeight = 1.5;
constexpr double kActiveWeight = 1.0;
constexpr double kDisabledWeight = 2.0;
constexpr double kDataWeight = 2.0;
constexpr double kReachWeight = 1.5;
constexpr double kRecordsWeight = 1.0;
constexpr double kCodeWeight = 1.5;

double Round1(double v) { return std::round(v * 10.0) / 10.0; }

std::string Format1(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", Round1(v));
  return buf;
}

struct Side {
  struct Term {
    std::string name, value;
    double rating, weight;
  };
  std::vector<Term> terms;
  void Add(std::string name, std::string value, double rating, double weight) {
    terms.push_back(Term{std::move(name), std::move(value), std::clamp(rating, 0.0, 10.0), weight});
  }
  // Weighted mean; each term's contribution is its share of it.
  double Resolve(bool impact, std::vector<Factor>& out) const {
    double total_weight = 0;
    for (const auto& t : terms) total_weight += t.weight;
    double value = 0;
    for (const auto& t : terms) {
      double share = total_weight > 0 ? t.rating * t.weight / total_weight : 0;
      value += share;
      out.push_back(Factor{t.name, t.value, impact, t.rating, std::round(share * 100.0) / 100.0});
    }
    return std::clamp(value, 0.0, 10.0);
  }
};

double DataRating(detect::DataClass c) {
  switch (c) {
    case detect::DataClass::kHealth:
      return 9.0;
    case detect::DataClass::kFinancial:
      return 8.5;
    case detect::DataClass::kCredential:
      return 8.0;
    case detect::DataClass::kPersonal:
      return 7.0;
    default:
      return 0;
  }
}

double ReachRating(Reach r) {
  switch (r) {
    case Reach::kNone:
      return 0;
    case Reach::kUtility:
      return 2.0;
    case Reach::kPublicApi:
      return 4.0;
    case Reach::kMessaging:
      return 5.0;
    case Reach::kFiles:
      return 6.0;
    case Reach::kMail:
      return 6.5;
    case Reach::kCrm:
      return 7.0;
    case Reach::kInternalHost:
      return 7.5;
    case Reach::kDatabase:
      return 8.0;
    case Reach::kCloudAdmin:
      return 9.5;
  }
  return 0;
}

double RecordsRating(size_t n) {
  if (n >= 100000) return 9.5;
  if (n >= 10000) return 8.5;
  if (n >= 1000) return 7.5;
  if (n >= 100) return 6.0;
  if (n >= 10) return 4.5;
  return 3.0;
}

// Whether the attacker comes in through the workflow's entry point, so its
// exposure and authentication decide who can try. Not for secrets (read from
// the export), transport (a network position), logging, hygiene or drift;
// everything else, threats of the threat model included, is.
bool EntersThroughTrigger(std::string_view category) {
  return category != "hardcoded-secret" && category != "insecure-transport" &&
         category != "logging-gap" && category != "asset-hygiene" && category != "drift";
}

}  // namespace

double Score(double likelihood, double impact) { return model::ScoreFrom(likelihood, impact); }

std::string_view ReachName(Reach r) {
  switch (r) {
    case Reach::kNone:
      return "none";
    case Reach::kUtility:
      return "utility";
    case Reach::kPublicApi:
      return "public-api";
    case Reach::kMessaging:
      return "messaging";
    case Reach::kFiles:
      return "files";
    case Reach::kMail:
      return "mail";
    case Reach::kCrm:
      return "customer-records";
    case Reach::kInternalHost:
      return "internal-host";
    case Reach::kDatabase:
      return "database";
    case Reach::kCloudAdmin:
      return "cloud-admin";
  }
  return "none";
}

namespace {

Reach ClassifyConnector(std::string_view connector) {
  std::string name = core::ToLower(connector);
  // Checked in this order so that "awsS3" is a file store, not cloud admin,
  // and "microsoftSql" a database, not a mail service.
  struct Entry {
    Reach reach;
    std::array<std::string_view, 24> words;
  };
  static const Entry kTable[] = {
      {Reach::kDatabase, {"postgres",  "mysql",         "mariadb",
                          "mongo",     "redis",         "sql",
                          "oracle",    "snowflake",     "bigquery",
                          "supabase",  "elasticsearch", "dynamodb",
                          "cosmos",    "couchdb",       "influx",
                          "qdrant",    "pinecone",      "database",
                          "datastore", "dataverse",     "commondataservice",
                          "airtable",  "baserow",       "nocodb"}},
      {Reach::kFiles, {"awss3", "s3", "blob"}},  // cloud file stores, before cloud admin
      {Reach::kCrm,
       {"hubspot",        "salesforce", "pipedrive", "zoho",        "dynamics",   "stripe",
        "paypal",         "shopify",    "zendesk",   "intercom",    "freshdesk",  "mailchimp",
        "activecampaign", "quickbooks", "xero",      "woocommerce", "servicenow", "jira",
        "chargebee",      "braintree",  "square",    "docusign",    "crm"}},
      {Reach::kMail,
       {"gmail", "outlook", "office365", "smtp", "imap", "email", "sendgrid", "mailgun", "mailjet",
        "postmark", "exchange"}},
      {Reach::kFiles,
       {"drive", "dropbox", "sharepoint", "onedrive", "sheets", "excel", "ftp", "notion", "github",
        "gitlab", "file", "storage", "docs"}},
      {Reach::kMessaging,
       {"slack", "teams", "telegram", "discord", "twilio", "whatsapp", "mattermost", "sms",
        "twitter", "linkedin", "mqtt", "websocket", "signal", "matrix"}},
      {Reach::kCloudAdmin,
       {"aws", "azure", "gcp", "googlecloud", "kubernetes", "k8s", "ssh", "terraform", "okta",
        "entra", "azuread", "keyvault", "docker", "cloudflare", "hashicorp", "lambda",
        "azureresourcemanager"}},

      {Reach::kPublicApi,
       {"http", "openai", "anthropic", "lmchat", "gemini", "mistral", "api", "graphql", "request",
        "webhook", "agent"}},
  };
  if (name.empty()) return Reach::kNone;
  for (const auto& e : kTable) {
    for (auto w : e.words) {
      if (w.empty()) break;
      if (name.find(w) != std::string::npos) return e.reach;
    }
  }
  return Reach::kNone;
}

}  // namespace

Reach ReachOfConnector(std::string_view connector) {
  if (connector.empty()) return Reach::kNone;
  // An estate uses a few hundred distinct node types and connectors, each
  // seen thousands of times: remember the answers, per thread, bounded.
  thread_local std::unordered_map<std::string, Reach> cache;
  thread_local std::string key;
  key.assign(connector);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= 4096) cache.clear();
  Reach r = ClassifyConnector(connector);
  cache.emplace(key, r);
  return r;
}

std::string_view SkillName(Skill s) {
  switch (s) {
    case Skill::kUnknown:
      return "unknown";
    case Skill::kLow:
      return "low";
    case Skill::kMedium:
      return "medium";
    case Skill::kHigh:
      return "high";
  }
  return "unknown";
}

Skill SkillOfCategory(std::string_view category) {
  if (category == "hardcoded-secret" || category == "unauthenticated-entry-point" ||
      category == "excessive-permission" || category == "sensitive-data-exposure") {
    return Skill::kLow;  // copy a key, call a URL, read what is sent
  }
  if (category == "injection" || category == "code-execution" || category == "filesystem-access" ||
      category == "misconfiguration" || category == "unapproved-component") {
    return Skill::kMedium;  // craft an input that the step will run
  }
  if (category == "insecure-transport" || category == "logging-gap" ||
      category == "asset-hygiene" || category == "drift") {
    return Skill::kHigh;  // a network position, insider access, or a second flaw
  }
  return Skill::kUnknown;
}

Assessment AssessFactors(const Factors& f) {
  Assessment a;
  Side likelihood;
  Side impact;
  likelihood.Add("rule", Format1(f.base_likelihood), f.base_likelihood, kRuleWeight);
  Skill skill = f.skill != Skill::kUnknown ? f.skill : SkillOfCategory(f.category);
  if (skill != Skill::kUnknown) {
    double rating = skill == Skill::kLow ? 9.0 : skill == Skill::kMedium ? 7.0 : 3.0;
    likelihood.Add("skill", std::string(SkillName(skill)), rating, kSkillWeight);
  }
  if (f.category == "hardcoded-secret") {
    // Whoever can read the export or the editor sees the literal.
    likelihood.Add("discovery", "readable in the export", 8.0, kDiscoveryWeight);
  }
  bool via_trigger = EntersThroughTrigger(f.category);
  if (via_trigger && f.exposure != model::Exposure::kNone) {
    double rating = f.exposure == model::Exposure::kInternet     ? 9.0
                    : f.exposure == model::Exposure::kThirdParty ? 5.0
                                                                 : 2.5;
    likelihood.Add("exposure", std::string(model::ExposureName(f.exposure)), rating,
                   kExposureWeight);
    if (f.exposure != model::Exposure::kInternal) {
      double auth = f.auth == "none" ? 9.0 : f.auth.empty() ? 6.0 : 3.0;
      likelihood.Add("authentication", f.auth.empty() ? "unknown" : f.auth, auth, kAuthWeight);
    }
  }
  if (f.active.has_value() && *f.active) likelihood.Add("workflow", "active", 7.0, kActiveWeight);
  if (f.disabled) likelihood.Add("node", "disabled", 1.5, kDisabledWeight);

  impact.Add("rule", Format1(f.base_impact), f.base_impact, kRuleWeight);
  double data = 0;
  std::string data_names;
  for (auto c : f.data) {
    if (DataRating(c) <= 0) continue;
    // Credential fields count for the secret findings, which disclose them;
    // elsewhere a "token" header name says little about what is at stake.
    if (c == detect::DataClass::kCredential && f.category != "hardcoded-secret" &&
        !f.category.empty()) {
      continue;
    }
    data = std::max(data, DataRating(c));
    std::string_view n = detect::DataClassName(c);
    if (data_names.find(n) != std::string::npos) continue;
    if (!data_names.empty()) data_names += ", ";
    data_names += n;
  }
  if (data > 0) impact.Add("data", data_names, data, kDataWeight);
  if (f.reach != Reach::kNone) {
    impact.Add("reach", std::string(ReachName(f.reach)), ReachRating(f.reach), kReachWeight);
  }
  if (f.records > 0)
    impact.Add("records", std::to_string(f.records), RecordsRating(f.records), kRecordsWeight);
  if (f.code_execution) impact.Add("code-execution", "on the host", 9.0, kCodeWeight);

  a.likelihood = Round1(likelihood.Resolve(false, a.factors));
  a.impact = Round1(impact.Resolve(true, a.factors));
  a.score = Score(a.likelihood, a.impact);
  a.severity = model::SeverityFromScore(a.score);
  a.business_impact = BusinessImpact(f);
  return a;
}

void Assess(model::Finding& finding, const Context& context) {
  Factors f = context.For(finding.category, finding.location.node_id, finding.location.node_name);
  f.base_likelihood = finding.likelihood;
  f.base_impact = finding.impact;
  if (finding.category == "hardcoded-secret") f.data.push_back(detect::DataClass::kCredential);
  // A check that saw a shell sink or a code step knows the element runs code.
  for (const auto& [k, v] : finding.factors) {
    if (k == "sink" && v == "shell") f.code_execution = true;
  }
  if (finding.category != "sensitive-data-exposure") f.records = 0;
  // A check that followed paths the data-flow graph does not show (Node-RED
  // link nodes, AI tools, admin APIs) may know of stronger exposure; the
  // stronger of the two counts, with the authentication the check saw.
  for (const auto& [k, v] : finding.factors) {
    if (k != "exposure") continue;
    model::Exposure seen = v == "internet"                       ? model::Exposure::kInternet
                           : (v == "network" || v == "ai-agent") ? model::Exposure::kThirdParty
                                                                 : model::Exposure::kNone;
    if (static_cast<int>(seen) <= static_cast<int>(f.exposure)) continue;
    f.exposure = seen;
    f.auth.clear();
    for (const auto& [k2, v2] : finding.factors) {
      if (k2 == "authentication" && v2 != "unknown" && v2 != "not shown") f.auth = v2;
    }
  }
  // A check that saw a compensating control (a shared-secret comparison
  // after the trigger, an IP allow-list) knows better than the trigger's
  // own setting.
  for (const auto& [k, v] : finding.factors) {
    if (k == "authentication" && !v.empty() && v != "none" && v != "unknown" && v != "not shown") {
      f.auth = v;
    }
  }
  // Code running on the host is inside the network: it reaches at least
  // what an internal host would.
  if (f.code_execution && f.reach < Reach::kInternalHost) f.reach = Reach::kInternalHost;
  Assessment a = AssessFactors(f);
  finding.likelihood = a.likelihood;
  finding.impact = a.impact;
  finding.score = a.score;
  finding.severity = a.severity;
  finding.business_impact = std::move(a.business_impact);
  finding.contributions.clear();
  for (auto& factor : a.factors) {
    // The rule's rating is the check's likelihood or impact; both sides
    // carry one, so it is named once per side.
    std::string key = factor.name != "rule" ? factor.name
                      : factor.impact       ? std::string("rule-impact")
                                            : std::string("rule-likelihood");
    auto it = std::find_if(finding.factors.begin(), finding.factors.end(),
                           [&](const auto& kv) { return kv.first == key; });
    if (it != finding.factors.end()) {
      it->second = factor.value;
    } else {
      finding.factors.emplace_back(key, factor.value);
    }
    finding.contributions.push_back(
        model::RiskContribution{key, factor.impact, factor.rating, factor.contribution});
  }
}

void AssessAll(std::span<model::Finding> findings, const Context& context) {
  for (auto& f : findings) Assess(f, context);
}

}  // namespace fw::risk
