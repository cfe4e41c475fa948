// Classifying data fields by their names: "email", "iban", "diagnosis",
// "Geburtsdatum", "téléphone"... into the data classes the inventory, the
// checks and the threat model share.
//
// A name is folded to lower-case ASCII words (camelCase, snake_case,
// kebab-case, spaces, dots and accents all handled: "E-Mail-Adresse",
// "dateOfBirth", "Número de cuenta"), then matched against word lists in
// English, German, French and Spanish. Words that say a field is *about* a
// topic rather than holding it ("email_template", "phone_number_id",
// "token_url") cancel the match. docs/data-classes.md lists every word and
// the choices made; a unit test keeps that page and these lists in step.
//
// Pure functions over immutable tables; safe from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fw::detect {

enum class DataClass : uint8_t { kUnknown, kPublic, kPersonal, kFinancial, kHealth, kCredential };
std::string_view DataClassName(DataClass c);

// True for the classes the sensitive-data-exposure checks protect:
// personal, financial and health (credentials belong to the secret checks).
bool IsProtectedDataClass(DataClass c);

// The class a field name suggests, or kUnknown.
DataClass ClassifyFieldName(std::string_view name);

// The class plus the topic that decided it ("email", "phone",
// "date-of-birth", "iban", "diagnosis", "password", ...; "" when unknown).
struct FieldClass {
  DataClass cls = DataClass::kUnknown;
  std::string_view topic;
};
FieldClass ClassifyField(std::string_view name);

// The lower-case ASCII words of a field name: "customerEMail_2" ->
// {"customer", "e", "mail", "2"}, "Téléphone" -> {"telephone"}.
std::vector<std::string> FieldNameWords(std::string_view name);

// The word lists, for documentation and tests.
enum class FieldMatch : uint8_t {
  kWords,      // consecutive whole words whose concatenation is `text`
  kSubstring,  // anywhere in the concatenated words (German compounds)
};
struct FieldWord {
  std::string_view text;  // folded: lower-case ASCII, no separators
  DataClass cls;
  std::string_view topic;
  FieldMatch match;
};
std::span<const FieldWord> FieldWordList();
// Words that, after a sensitive topic, say the field is metadata about it.
std::span<const std::string_view> FieldMetadataWords();
// The same for credentials ("token_url", "secret_name", "password_policy").
std::span<const std::string_view> CredentialMetadataWords();
// Words that, before a topic, make it a flag or an action ("send_email").
std::span<const std::string_view> FieldFlagWords();
// Words before "address" that make it a network address, not a postal one.
std::span<const std::string_view> NetworkAddressWords();
// Words before "name" that make it a person's name ("customer_name").
std::span<const std::string_view> PersonNouns();

}  // namespace fw::detect
