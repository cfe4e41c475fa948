// First cut of personal-data recognition in values: e-mail addresses, phone
// numbers and payment card numbers (Luhn-checked). Pure functions.
#pragma once

#include <string_view>

namespace fw::detect {

enum class PersonalKind : uint8_t { kNone, kEmail, kPhone, kCardNumber };
std::string_view PersonalKindName(PersonalKind kind);

// Classifies a whole value (trimmed). Only values that are entirely one
// e-mail, phone or card number count; free text is left to the full engine.
PersonalKind ClassifyPersonalValue(std::string_view value);

bool IsEmailAddress(std::string_view value);
// "+4915112345678", "+1 (415) 555-0132", "030 1234567": 7 to 15 digits, with
// only the separators people write.
bool IsPhoneNumber(std::string_view value);
// 13 to 19 digits (spaces or dashes allowed) passing the Luhn check, with a
// known issuer prefix.
bool IsCardNumber(std::string_view value);
bool LuhnValid(std::string_view digits);
// Keys that name identifiers, not people: id, uuid, trace, span, hash,
// timestamp, order/invoice numbers.
bool IsIdentifierKeyName(std::string_view key);

}  // namespace fw::detect
