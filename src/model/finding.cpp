#include "model/finding.h"

#include <algorithm>
#include <cmath>

namespace fw::model {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kCritical:
      return "critical";
  }
  return "info";
}

bool ParseSeverity(std::string_view text, Severity* out) {
  static constexpr std::pair<std::string_view, Severity> kNames[] = {
      {"info", Severity::kInfo},
      {"low", Severity::kLow},
      {"medium", Severity::kMedium},
      {"high", Severity::kHigh},
      {"critical", Severity::kCritical}};
  for (const auto& [name, sev] : kNames) {
    if (text == name) {
      *out = sev;
      return true;
    }
  }
  return false;
}

Severity SeverityFromScore(double score) {
  if (score >= 9.0) return Severity::kCritical;
  if (score >= 7.0) return Severity::kHigh;
  if (score >= 4.0) return Severity::kMedium;
  if (score >= 0.1) return Severity::kLow;
  return Severity::kInfo;
}

double ScoreFrom(double likelihood, double impact) {
  likelihood = std::clamp(likelihood, 0.0, 10.0);
  impact = std::clamp(impact, 0.0, 10.0);
  return std::round(std::sqrt(likelihood * impact) * 10.0) / 10.0;
}

}  // namespace fw::model
