// Names of the threat model's enums and small accessors.
#include "threat/threat_model.h"

namespace fw::threat {

std::string_view BoundaryKindName(BoundaryKind k) {
  switch (k) {
    case BoundaryKind::kInternet:
      return "internet";
    case BoundaryKind::kPlatformRuntime:
      return "platform-runtime";
    case BoundaryKind::kExternalOrganisation:
      return "external-organisation";
    case BoundaryKind::kInternalDataStores:
      return "internal-data-stores";
    case BoundaryKind::kInternalNetwork:
      return "internal-network";
  }
  return "platform-runtime";
}

std::string_view ElementKindName(ElementKind k) {
  switch (k) {
    case ElementKind::kExternalEntity:
      return "external-entity";
    case ElementKind::kProcess:
      return "process";
    case ElementKind::kDataStore:
      return "data-store";
  }
  return "process";
}

std::string_view Element::Property(std::string_view key) const {
  for (const auto& [k, v] : properties) {
    if (k == key) return v;
  }
  return {};
}

std::string_view StrideName(Stride s) {
  switch (s) {
    case Stride::kSpoofing:
      return "Spoofing";
    case Stride::kTampering:
      return "Tampering";
    case Stride::kRepudiation:
      return "Repudiation";
    case Stride::kInformationDisclosure:
      return "Information disclosure";
    case Stride::kDenialOfService:
      return "Denial of service";
    case Stride::kElevationOfPrivilege:
      return "Elevation of privilege";
  }
  return "Spoofing";
}

std::string_view StrideLetter(Stride s) {
  switch (s) {
    case Stride::kSpoofing:
      return "S";
    case Stride::kTampering:
      return "T";
    case Stride::kRepudiation:
      return "R";
    case Stride::kInformationDisclosure:
      return "I";
    case Stride::kDenialOfService:
      return "D";
    case Stride::kElevationOfPrivilege:
      return "E";
  }
  return "S";
}

std::string_view DecisionName(Decision d) {
  switch (d) {
    case Decision::kOpen:
      return "open";
    case Decision::kMitigated:
      return "mitigated";
    case Decision::kAccepted:
      return "accepted";
    case Decision::kTransferred:
      return "transferred";
    case Decision::kFalsePositive:
      return "false-positive";
  }
  return "open";
}

bool ParseDecision(std::string_view text, Decision* out) {
  for (Decision d : {Decision::kOpen, Decision::kMitigated, Decision::kAccepted,
                     Decision::kTransferred, Decision::kFalsePositive}) {
    if (text == DecisionName(d)) {
      *out = d;
      return true;
    }
  }
  return false;
}

bool ThreatDiff::empty() const {
  return elements_added.empty() && elements_removed.empty() && flows_added.empty() &&
         flows_removed.empty() && flows_changed.empty() && boundaries_added.empty() &&
         boundaries_removed.empty() && threats_added.empty() && threats_removed.empty() &&
         threats_changed.empty() && decisions_changed.empty();
}

}  // namespace fw::threat
