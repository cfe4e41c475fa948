// Helpers shared by the app model checks: data classes of fields and what a
// form, table or dashboard holds.
#pragma once

#include <string>
#include <vector>

#include "analysis/check.h"
#include "detect/fields.h"

namespace fw::analysis::checks {

// The sensitive classes (personal, financial, health, credential) of the
// fields under `holder` ("fields": [...]): the declared classification, or
// the one the field name suggests when none is declared. Each class once,
// with the first field that has it.
struct SensitiveField {
  detect::DataClass data_class;
  std::string field;
};
std::vector<SensitiveField> SensitiveFields(const core::ValueRef& holder);
// "email (personal), iban (financial)".
std::string DescribeFields(const std::vector<SensitiveField>& fields, size_t max = 3);
bool IsSensitiveClass(detect::DataClass c);

}  // namespace fw::analysis::checks
