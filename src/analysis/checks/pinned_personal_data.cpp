// sensitive-data-exposure: pinned test data (n8n pinData) holding personal or
// financial data: e-mail addresses, phone numbers, card numbers, IBANs,
// national ids... as whole values or inside free text (chat messages, notes,
// e-mail bodies). Pinned items travel with every export and copy of the
// workflow.
#include <array>

#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "analysis/walk.h"
#include "core/text.h"
#include "detect/personal_data.h"
#include "detect/pii_scanner.h"

namespace fw::analysis::checks {

namespace {

// "1 e-mail address", "3 e-mail addresses", "2 dates of birth".
std::string Plural(std::string_view name, int count) {
  std::string s(name);
  if (count == 1) return s;
  if (s == "date of birth") return "dates of birth";
  return s + (s.back() == 's' ? "es" : "s");
}

}  // namespace

void PinnedPersonalData(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n || !w.pin_data.is_object()) return;
  std::vector<detect::PiiMatch> matches;
  for (size_t i = 0; i < w.pin_data.size(); ++i) {
    std::string_view node_name = w.pin_data.key_at(i);
    std::string pointer = w.source.pointer + "/pinData";
    core::AppendPointerToken(pointer, node_name);
    std::array<int, detect::kPersonalKindCount> counts{};
    std::string first_pointer;
    core::ValueRef first_ref;
    std::string sample;
    ForEachScalar(w.pin_data.value_at(i), pointer, [&](const StringSite& s) {
      if (!s.ref.is_string() && !s.ref.is_number()) return;
      if (!detect::MayHoldPersonalData(s.value)) return;
      matches.clear();
      detect::ScanPersonalData(s.value, s.key, matches);
      for (const auto& m : matches) {
        // Digit runs under id-like keys (trace ids, order numbers) are not
        // card or phone numbers, whatever their checksum says.
        if (m.kind != detect::PersonalKind::kEmail && detect::IsIdentifierKeyName(s.key)) continue;
        ++counts[static_cast<size_t>(m.kind)];
        if (first_pointer.empty()) {
          first_pointer = s.pointer;
          first_ref = s.ref;
          sample = std::string(s.key) + ": " + core::Redact(s.value.substr(m.offset, m.length));
        }
      }
    });
    int total = 0;
    bool financial = false;
    std::string kinds;
    for (size_t k = 1; k < counts.size(); ++k) {
      int c = counts[k];
      if (c == 0) continue;
      total += c;
      auto kind = static_cast<detect::PersonalKind>(k);
      financial = financial || detect::PersonalKindClass(kind) == detect::DataClass::kFinancial;
      if (!kinds.empty()) kinds += ", ";
      kinds += std::to_string(c) + " " + Plural(detect::PersonalKindName(kind), c);
    }
    if (total == 0) continue;
    int node_index = w.FindNode(node_name);
    const model::Node* node = node_index >= 0 ? &w.nodes[static_cast<size_t>(node_index)] : nullptr;
    Issue issue;
    issue.message = "Pinned test data of " + Quote(node_name) + " holds " + kinds +
                    "; it is stored in the workflow and leaves with every export or copy.";
    issue.evidence = sample + (total > 1 ? " (+" + std::to_string(total - 1) + " more)" : "");
    issue.impact = financial ? 8.5 : rule.impact;
    issue.factors = {{"data", financial ? "financial" : "personal"},
                     {"records", std::to_string(total)}};
    out.Report(rule, wf, node, model::SourceRef{first_ref, first_pointer}, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
