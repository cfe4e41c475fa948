#include "analysis/checks/appmodel_util.h"

namespace fw::analysis::checks {

namespace {

detect::DataClass FromClassification(std::string_view c) {
  if (c == "personal") return detect::DataClass::kPersonal;
  if (c == "financial") return detect::DataClass::kFinancial;
  if (c == "health") return detect::DataClass::kHealth;
  if (c == "credential") return detect::DataClass::kCredential;
  if (c == "public" || c == "internal") return detect::DataClass::kPublic;
  return detect::DataClass::kUnknown;
}

}  // namespace

bool IsSensitiveClass(detect::DataClass c) {
  return c == detect::DataClass::kPersonal || c == detect::DataClass::kFinancial ||
         c == detect::DataClass::kHealth || c == detect::DataClass::kCredential;
}

std::vector<SensitiveField> SensitiveFields(const core::ValueRef& holder) {
  std::vector<SensitiveField> out;
  core::ValueRef fields = holder["fields"];
  for (size_t i = 0; i < fields.size() && fields.is_array(); ++i) {
    core::ValueRef f = fields.at(i);
    std::string_view name = f.is_object() ? f["name"].text() : f.text();
    detect::DataClass c = FromClassification(f["classification"].str());
    if (c == detect::DataClass::kUnknown) c = detect::ClassifyFieldName(name);
    if (!IsSensitiveClass(c)) continue;
    bool seen = false;
    for (const auto& s : out) seen = seen || s.data_class == c;
    if (!seen) out.push_back(SensitiveField{c, std::string(name)});
  }
  return out;
}

std::string DescribeFields(const std::vector<SensitiveField>& fields, size_t max) {
  std::string out;
  for (size_t i = 0; i < fields.size() && i < max; ++i) {
    if (!out.empty()) out += ", ";
    out += fields[i].field + " (" + std::string(detect::DataClassName(fields[i].data_class)) + ")";
  }
  return out;
}

}  // namespace fw::analysis::checks
