#include "detect/fields.h"

#include <array>
#include <string>

namespace fw::detect {

namespace {

std::string Normalise(std::string_view name) {
  std::string out;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
    else if (u >= 0x80) out.push_back(c);  // keep accented letters as bytes
  }
  return out;
}

struct Word {
  std::string_view word;
  DataClass cls;
};

// First cut; the personal-data work extends these lists (and languages).
constexpr std::array<Word, 40> kWords = {{
    {"password", DataClass::kCredential}, {"passwort", DataClass::kCredential},
    {"apikey", DataClass::kCredential},   {"secret", DataClass::kCredential},
    {"token", DataClass::kCredential},    {"iban", DataClass::kFinancial},
    {"cardnumber", DataClass::kFinancial}, {"creditcard", DataClass::kFinancial},
    {"cvv", DataClass::kFinancial},       {"bic", DataClass::kFinancial},
    {"accountnumber", DataClass::kFinancial}, {"salary", DataClass::kFinancial},
    {"gehalt", DataClass::kFinancial},    {"salaire", DataClass::kFinancial},
    {"salario", DataClass::kFinancial},   {"diagnosis", DataClass::kHealth},
    {"diagnose", DataClass::kHealth},     {"medication", DataClass::kHealth},
    {"allergy", DataClass::kHealth},      {"bloodtype", DataClass::kHealth},
    {"email", DataClass::kPersonal},      {"mail", DataClass::kPersonal},
    {"phone", DataClass::kPersonal},      {"mobile", DataClass::kPersonal},
    {"telefon", DataClass::kPersonal},    {"telephone", DataClass::kPersonal},
    {"firstname", DataClass::kPersonal},  {"lastname", DataClass::kPersonal},
    {"fullname", DataClass::kPersonal},   {"birth", DataClass::kPersonal},
    {"dob", DataClass::kPersonal},        {"ssn", DataClass::kPersonal},
    {"address", DataClass::kPersonal},    {"street", DataClass::kPersonal},
    {"zip", DataClass::kPersonal},        {"postcode", DataClass::kPersonal},
    {"passport", DataClass::kPersonal},   {"nachname", DataClass::kPersonal},
    {"vorname", DataClass::kPersonal},    {"geburtsdatum", DataClass::kPersonal},
}};

}  // namespace

std::string_view DataClassName(DataClass c) {
  switch (c) {
    case DataClass::kPublic: return "public";
    case DataClass::kPersonal: return "personal";
    case DataClass::kFinancial: return "financial";
    case DataClass::kHealth: return "health";
    case DataClass::kCredential: return "credential";
    case DataClass::kUnknown: break;
  }
  return "unknown";
}

DataClass ClassifyFieldName(std::string_view name) {
  std::string n = Normalise(name);
  if (n.empty()) return DataClass::kUnknown;
  for (const auto& w : kWords) {
    if (n.find(w.word) != std::string::npos) return w.cls;
  }
  return DataClass::kUnknown;
}

}  // namespace fw::detect
