// Recognising personal and financial data in values: e-mail addresses,
// phone numbers, payment cards, IBANs, BICs, national identifiers (US SSN,
// UK NINO, German tax id, Spanish DNI/NIE, French NIR), IP addresses and
// dates of birth. Whole values here; free text (chat messages, notes) in
// pii_scanner.h; the checksums in pii_validators.h. Pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include "detect/fields.h"
#include "detect/pii_phone.h"
#include "detect/pii_validators.h"

namespace fw::detect {

enum class PersonalKind : uint8_t {
  kNone,
  kEmail,
  kPhone,
  kCardNumber,
  kIban,
  kBic,
  kUsSsn,
  kUkNino,
  kDeTaxId,
  kEsDni,
  kEsNie,
  kFrNir,
  kIpAddress,
  kDateOfBirth,
};
inline constexpr size_t kPersonalKindCount = 14;
std::string_view PersonalKindName(PersonalKind kind);
// Short slug for evidence and facts: "email", "phone", "card-number", ...
std::string_view PersonalKindId(PersonalKind kind);
// Cards, IBANs, BICs and tax ids are financial; the rest personal.
DataClass PersonalKindClass(PersonalKind kind);

// Classifies a whole value (trimmed): only values that are entirely one
// e-mail, phone, card number, IBAN, dashed SSN, NINO, DNI, NIE or NIR
// count. Kinds too ambiguous on their own (BIC, bare SSN digits, German tax
// id, IP address, date of birth, bare phone digits) need `key` to say so
// ("bic", "ssn", "Steuer-ID", "ip", "dob", "phone").
PersonalKind ClassifyPersonalValue(std::string_view value);
PersonalKind ClassifyPersonalValue(std::string_view value, std::string_view key);

// RFC 5322-ish address with a real-looking domain. Documentation and test
// domains (example.com, *.example, *.test, *.invalid, *.localhost,
// yourdomain.com...) and no-reply style system mailboxes are not people.
bool IsEmailAddress(std::string_view value);
// "+4915112345678", "+1 (415) 555-0132", "030 1234567": see pii_phone.h.
bool IsPhoneNumber(std::string_view value);
// 12 to 19 digits (spaces or dashes allowed) passing the Luhn check, with a
// known issuer prefix and length.
bool IsCardNumber(std::string_view value);
// Keys that name identifiers, not people: id, uuid, trace, span, hash,
// timestamp, order/invoice numbers.
bool IsIdentifierKeyName(std::string_view key);

}  // namespace fw::detect
