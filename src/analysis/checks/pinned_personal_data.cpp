// sensitive-data-exposure (first cut): pinned test data (pinData) holding
// e-mail addresses, phone numbers or card numbers. Pinned items travel with
// every export and copy of the workflow.
#include <array>

#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "detect/personal_data.h"

namespace fw::analysis::checks {

void PinnedPersonalData(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n || !w.pin_data.is_object()) return;
  for (size_t i = 0; i < w.pin_data.size(); ++i) {
    std::string_view node_name = w.pin_data.key_at(i);
    std::string pointer = w.source.pointer + "/pinData";
    core::AppendPointerToken(pointer, node_name);
    std::array<int, 4> counts{};
    std::string first_pointer;
    core::ValueRef first_ref;
    std::string sample;
    ForEachScalar(w.pin_data.value_at(i), pointer, [&](const StringSite& s) {
      if (!s.ref.is_string()) return;
      auto kind = detect::ClassifyPersonalValue(s.value);
      if (kind == detect::PersonalKind::kNone) return;
      // Digit runs under id-like keys (trace ids, order numbers) are not
      // card or phone numbers, whatever their checksum says.
      if (kind != detect::PersonalKind::kEmail && detect::IsIdentifierKeyName(s.key)) return;
      ++counts[static_cast<size_t>(kind)];
      if (first_pointer.empty()) {
        first_pointer = s.pointer;
        first_ref = s.ref;
        sample = std::string(s.key) + ": " + core::Redact(s.value);
      }
    });
    int total = counts[1] + counts[2] + counts[3];
    if (total == 0) continue;
    std::string kinds;
    for (auto kind : {detect::PersonalKind::kEmail, detect::PersonalKind::kPhone,
                      detect::PersonalKind::kCardNumber}) {
      int c = counts[static_cast<size_t>(kind)];
      if (c == 0) continue;
      if (!kinds.empty()) kinds += ", ";
      kinds += std::to_string(c) + " " + std::string(detect::PersonalKindName(kind)) + (c > 1 ? "s" : "");
    }
    int node_index = w.FindNode(node_name);
    const model::Node* node = node_index >= 0 ? &w.nodes[static_cast<size_t>(node_index)] : nullptr;
    Issue issue;
    issue.message = "Pinned test data of " + Quote(node_name) + " holds " + kinds +
                    "; it is stored in the workflow and leaves with every export or copy.";
    issue.evidence = sample + (total > 1 ? " (+" + std::to_string(total - 1) + " more)" : "");
    bool financial = counts[static_cast<size_t>(detect::PersonalKind::kCardNumber)] > 0;
    issue.impact = financial ? 8.5 : rule.impact;
    issue.factors = {{"data", financial ? "financial" : "personal"},
                     {"records", std::to_string(total)}};
    out.Report(rule, wf, node, model::SourceRef{first_ref, first_pointer}, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
