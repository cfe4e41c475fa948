// model::Finding: the public contract every check, output and store shares
// (see docs: shared design findings.md). Add fields only as optional ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/inventory.h"

namespace fw::model {

enum class Severity : uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };
std::string_view SeverityName(Severity s);
// Parses "info".."critical"; returns false for anything else.
bool ParseSeverity(std::string_view text, Severity* out);
// critical >= 9.0, high >= 7.0, medium >= 4.0, low >= 0.1, info below.
Severity SeverityFromScore(double score);
// sqrt(likelihood * impact), each clamped to 0-10, rounded to one decimal:
// the base score a finding has before the risk module weighs its factors.
double ScoreFrom(double likelihood, double impact);

struct Location {
  std::string file;
  Platform platform = Platform::kN8n;
  std::string workflow_id;
  std::string workflow_name;
  std::string node_id;
  std::string node_name;
  std::string node_type;
  std::string pointer;
  uint32_t line = 0;
  uint32_t column = 0;
};

// Set on a finding a waiver covers: it stays in JSON and SARIF (marked
// suppressed, with the justification) and is left out of the table and the
// exit code.
struct Suppression {
  std::string waiver;         // the waiver's id, or its rule/glob when it has none
  std::string justification;  // why it is accepted
  std::string approver;       // who accepted it
  std::string expires;        // YYYY-MM-DD
  std::string source;         // where the waiver is written: file:line:column
};

// One risk factor's share of the finding's likelihood or impact (the risk
// module's weighted mean: the shares of one side add up to that side).
struct RiskContribution {
  std::string factor;   // a key of Finding::factors
  bool impact = false;  // false: likelihood
  double rating = 0;    // the factor's own 0-10 rating
  double points = 0;    // its share of the side
};

struct Finding {
  std::string id;  // FW-<16 hex>, stable for the same problem at the same place
  std::string rule;
  std::string category;
  std::string title;
  Severity severity = Severity::kInfo;
  double score = 0;
  double likelihood = 0;
  double impact = 0;
  std::vector<std::pair<std::string, std::string>> factors;
  std::vector<RiskContribution> contributions;  // empty until risk::Assess
  std::vector<std::string> standards;
  Location location;
  std::string message;
  std::string remediation;
  std::string evidence;  // never a whole secret
  // One sentence of business impact in plain language, from the risk module
  // ("Customer e-mail addresses can be read by anyone who finds this URL").
  std::string business_impact;
  std::optional<Suppression> suppression;  // set when a waiver applies
};

struct ScanSummary {
  size_t files = 0;
  size_t workflows = 0;
  size_t nodes = 0;
  core::Diagnostics errors;
  core::Diagnostics warnings;
};

}  // namespace fw::model
