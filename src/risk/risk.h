// risk: scores findings and threats with likelihood and impact factors in the
// style of the OWASP Risk Rating Methodology, and says in one plain sentence
// what a problem means for the business.
//
// Each side (likelihood, impact) is the weighted mean of the factors that
// are known for the element: the rule's own rating (what the check saw) plus
// factors read from the workflow and its inventory summary (exposure and
// authentication of the entry point that reaches the node, whether the
// workflow runs, data classes, connector reach, records, code execution).
// Every factor's share of the mean is its contribution, so the shares add up
// to the side's value and a reader can see what moved a score.
// score = sqrt(likelihood x impact); see docs/risk.md and
// docs/decisions/0008-risk-factors.md.
//
// Pure functions; a Context is an immutable value once built.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/inventory.h"
#include "detect/fields.h"
#include "model/finding.h"
#include "model/inventory.h"

namespace fw::risk {

// Score = sqrt(likelihood * impact), rounded to one decimal (decision 0003).
double Score(double likelihood, double impact);

// How far an attacker's actions reach through the connectors a workflow
// holds, weakest first.
enum class Reach : uint8_t {
  kNone,          // not known or no connector
  kUtility,       // harmless helpers: date, crypto, formatting
  kPublicApi,     // a third-party public HTTP service
  kMessaging,     // chat, SMS, social posting
  kFiles,         // file shares, spreadsheets, documents
  kMail,          // sending and reading e-mail
  kCrm,           // customer records: CRM, marketing, support, payments
  kInternalHost,  // a private-network or loopback host behind the firewall
  kDatabase,      // a database or data warehouse
  kCloudAdmin,    // cloud, identity or infrastructure administration, SSH
};
std::string_view ReachName(Reach r);
// The reach of a connector or node type name ("hubspot", "n8n-nodes-base.postgres",
// "shared_office365"); kNone when it is not recognised.
Reach ReachOfConnector(std::string_view connector);

// Threat-agent skill a category of problem needs.
enum class Skill : uint8_t {
  kUnknown,
  kLow,     // call a URL, copy a key
  kMedium,  // craft an input, chain two steps
  kHigh,    // a position on the network, insider access
};
std::string_view SkillName(Skill s);
Skill SkillOfCategory(std::string_view category);

// What is known about an element; anything left at its default is treated
// as unknown and left out of the means. Used directly by the threat model.
struct Factors {
  // findings.md category, for skill, which factors apply and the sentence.
  // Another name (a STRIDE threat) gets exposure and authentication but no
  // skill unless `skill` is set, and a generic sentence.
  std::string category;
  // The rule's or threat's own rating, 0-10 (the base of each side).
  double base_likelihood = 5.0;
  double base_impact = 5.0;
  Skill skill = Skill::kUnknown;  // kUnknown: from the category
  // Who can reach the element: the strongest enabled entry point whose data
  // flows to it (kNone: unknown or nothing reaches it).
  model::Exposure exposure = model::Exposure::kNone;
  // Authentication on that entry point: "none", a method, or "" (unknown).
  std::string auth;
  std::optional<bool> active;  // the workflow runs (only when the export says)
  bool disabled = false;       // the node itself is disabled
  // Data classes involved (personal, financial, health, credential) and the
  // plain names of the fields for the sentence ("e-mail addresses").
  std::vector<detect::DataClass> data;
  std::vector<std::string> data_topics;
  Reach reach = Reach::kNone;
  std::vector<std::string> services;  // display names of connectors ("HubSpot", "Gmail")
  size_t records = 0;                 // records or users affected, 0 = unknown
  bool code_execution = false;        // the element runs code on the host
  std::string platform;               // "n8n", "Node-RED"... for the sentence
};

struct Factor {
  std::string name;         // "exposure", "authentication", "data", ...
  std::string value;        // "internet", "none", "personal, financial", ...
  bool impact = false;      // false: a likelihood factor
  double rating = 0;        // the factor's own 0-10 rating
  double contribution = 0;  // its share of the side's value
};

struct Assessment {
  double likelihood = 0;
  double impact = 0;
  double score = 0;
  model::Severity severity = model::Severity::kInfo;
  std::vector<Factor> factors;
  std::string business_impact;  // one plain sentence
};

// Scores one element from what is known about it.
Assessment AssessFactors(const Factors& factors);

// One sentence of business impact for a category and factors, no jargon.
std::string BusinessImpact(const Factors& factors);

// Facts about one workflow, computed once and shared by all its findings.
class Context {
 public:
  Context(const model::Workflow& wf, const analysis::WorkflowSummary& summary);

  // The factors for an element of this workflow: a node (by id or name), or
  // the whole workflow when `node` is empty.
  Factors For(std::string_view category, std::string_view node_id,
              std::string_view node_name) const;

 private:
  struct NodeFacts {
    model::Exposure exposure = model::Exposure::kNone;
    std::string auth;
    bool disabled = false;
    bool code = false;
    Reach reach = Reach::kNone;
    size_t records = 0;
    std::string service;  // the service this step talks to, for the sentence
  };
  std::vector<NodeFacts> nodes_;
  std::unordered_map<std::string, size_t> by_name_;
  std::unordered_map<std::string, size_t> by_id_;
  NodeFacts workflow_;  // strongest exposure and reach over the workflow
  std::optional<bool> active_;
  std::vector<detect::DataClass> data_;
  std::vector<std::string> topics_;
  std::vector<std::string> services_;
  std::string platform_;
};

Context BuildContext(const model::Workflow& wf, const analysis::WorkflowSummary& summary);

// Sets likelihood, impact, score, severity, factors, contributions and
// business_impact. The finding's likelihood and impact as the check set
// them are the base.
void Assess(model::Finding& finding, const Context& context);

// Assess for every finding of one workflow, whoever produced it.
void AssessAll(std::span<model::Finding> findings, const Context& context);

}  // namespace fw::risk
