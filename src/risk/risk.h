// risk: turns likelihood and impact (0-10 each) into a score and severity.
// This first version combines the rule's defaults with the factors the
// check saw; the full factor model follows with the policy work.
#pragma once

#include "model/finding.h"

namespace fw::risk {

// Score = sqrt(likelihood * impact), rounded to one decimal: the geometric
// mean keeps a finding with negligible likelihood or impact low however
// large the other is (see docs/decisions/0003-risk-score.md).
double Score(double likelihood, double impact);

// Fills score and severity from the finding's likelihood and impact.
void Apply(model::Finding& finding);

}  // namespace fw::risk
