// Renderers for the threat model: diagrams (DOT, Mermaid, SVG through
// Graphviz in process), exchange formats (OWASP Threat Dragon v2, Open Threat
// Model) and the Markdown and HTML reports. Pure functions returning text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "threat/threat_model.h"

namespace fw::report {

// Diagrams with more elements and flows than this are drawn collapsed (one
// node a workflow, shared elements kept) so Graphviz stays fast and the
// picture stays readable.
inline constexpr size_t kMaxDiagramElements = 400;
// One process node per workflow key ("w:<key>"), elements shared by the
// estate kept, flows merged with the union of their data classes, flows
// inside one workflow dropped.
threat::DataFlowDiagram CollapseDiagram(const threat::DataFlowDiagram& diagram);

std::string RenderDfdDot(const threat::DataFlowDiagram& diagram);
std::string RenderDfdMermaid(const threat::DataFlowDiagram& diagram);
// Lays the DOT out with Graphviz's library (dot engine) and returns SVG.
core::Result<std::string> RenderDfdSvg(const threat::DataFlowDiagram& diagram);

// One Threat Dragon v2 model with a diagram per workflow; decisions from the
// register become threat status and mitigation text.
std::string RenderThreatDragon(const threat::ThreatModel& model, const threat::Register& reg);
// Open Threat Model (OTM) JSON of the whole estate.
std::string RenderOtm(const threat::ThreatModel& model, const threat::Register& reg);

// Reports with the estate diagram (and one per workflow) embedded.
std::string RenderThreatMarkdown(const threat::ThreatModel& model,
                                 const threat::RegisterMerge& merge);
std::string RenderThreatHtml(const threat::ThreatModel& model, const threat::RegisterMerge& merge);
std::string RenderThreatDiff(const threat::ThreatDiff& diff,
                             std::string_view format);  // "markdown" or "text"

// `flowwarden review`: a short Markdown session plan for a product owner:
// the `max_areas` workflows that changed most (when `since` is given) or
// carry the highest residual risk, each with plain-language questions.
std::string RenderReview(const threat::ThreatModel& model, const threat::Register& reg,
                         const threat::ThreatDiff* since, size_t max_areas = 4);

}  // namespace fw::report
