// Classifying data fields by their names: "email", "iban", "diagnosis",
// "Geburtsdatum", "téléphone"... into the data classes the inventory, the
// checks and the threat model share.
#pragma once

#include <string_view>

namespace fw::detect {

enum class DataClass : uint8_t { kUnknown, kPublic, kPersonal, kFinancial, kHealth, kCredential };
std::string_view DataClassName(DataClass c);

// The class a field name suggests, or kUnknown.
DataClass ClassifyFieldName(std::string_view name);

}  // namespace fw::detect
