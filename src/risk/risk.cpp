#include "risk/risk.h"

#include <algorithm>
#include <cmath>

namespace fw::risk {

double Score(double likelihood, double impact) {
  likelihood = std::clamp(likelihood, 0.0, 10.0);
  impact = std::clamp(impact, 0.0, 10.0);
  return std::round(std::sqrt(likelihood * impact) * 10.0) / 10.0;
}

void Apply(model::Finding& finding) {
  finding.score = Score(finding.likelihood, finding.impact);
  finding.severity = model::SeverityFromScore(finding.score);
}

}  // namespace fw::risk
