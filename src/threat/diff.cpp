// Differences between two analyses (the estate diagrams and the threats) and
// between two states of the register. Ids are stable, so a diff is set
// arithmetic on ids plus a comparison of what matters under the same id.
// Results are sorted by id so reports and tests are deterministic.
#include <algorithm>
#include <map>

#include "threat/threat.h"

namespace fw::threat {

namespace {

template <typename T, typename Key, typename Same>
void Compare(const std::vector<T>& before, const std::vector<T>& after, Key key, Same same,
             std::vector<std::string>* added, std::vector<std::string>* removed,
             std::vector<std::string>* changed) {
  std::map<std::string_view, const T*> a, b;
  for (const auto& x : before) a.emplace(key(x), &x);
  for (const auto& x : after) b.emplace(key(x), &x);
  for (const auto& [id, x] : b) {
    auto it = a.find(id);
    if (it == a.end()) {
      added->emplace_back(id);
    } else if (changed != nullptr && !same(*it->second, *x)) {
      changed->emplace_back(id);
    }
  }
  for (const auto& [id, x] : a) {
    if (b.find(id) == b.end()) removed->emplace_back(id);
  }
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

ThreatDiff DiffModels(const ThreatModel& before, const ThreatModel& after) {
  ThreatDiff d;
  auto never = [](const auto&, const auto&) { return true; };
  Compare(
      before.estate.elements, after.estate.elements,
      [](const Element& e) -> std::string_view { return e.id; }, never, &d.elements_added,
      &d.elements_removed, nullptr);
  Compare(
      before.estate.boundaries, after.estate.boundaries,
      [](const Boundary& e) -> std::string_view { return e.id; }, never, &d.boundaries_added,
      &d.boundaries_removed, nullptr);
  Compare(
      before.estate.flows, after.estate.flows,
      [](const Flow& f) -> std::string_view { return f.id; },
      [](const Flow& a, const Flow& b) {
        return Sorted(a.data_classes) == Sorted(b.data_classes) && a.protocol == b.protocol;
      },
      &d.flows_added, &d.flows_removed, &d.flows_changed);
  Compare(
      before.threats, after.threats, [](const Threat& t) -> std::string_view { return t.id; },
      [](const Threat& a, const Threat& b) { return a.severity == b.severity; }, &d.threats_added,
      &d.threats_removed, &d.threats_changed);
  return d;
}

ThreatDiff DiffRegisters(const Register& before, const Register& after) {
  ThreatDiff d;
  std::vector<std::string> ignored;
  Compare(
      before.entries, after.entries,
      [](const RegisterEntry& e) -> std::string_view { return e.threat; },
      [](const RegisterEntry& a, const RegisterEntry& b) {
        return a.decision == b.decision && a.justification == b.justification &&
               a.reviewer == b.reviewer && a.date == b.date && a.residual_risk == b.residual_risk &&
               a.mitigations_in_place == b.mitigations_in_place;
      },
      &d.threats_added, &d.threats_removed, &d.decisions_changed);
  return d;
}

}  // namespace fw::threat
