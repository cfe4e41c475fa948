// Phone numbers, validated against each country's numbering plan with
// libphonenumber. A cheap syntax check (digits, the separators people type,
// no dates, versions or IP addresses) runs first, so the library only sees
// real candidates.
//
// Thread-safe: libphonenumber's PhoneNumberUtil is an immutable singleton.
#pragma once

#include <string_view>

namespace fw::detect {

// True when `text` is written like a phone number: 7 to 15 digits, an
// optional leading '+' (or 00), and only spaces, dashes, parentheses, one
// slash ("030/1234567") or dots between two-digit groups ("06.12.34.56.78")
// as separators. A bare run of digits counts only when `allow_bare_digits`
// (a key already says "phone"): otherwise it is more often an id.
bool LooksLikePhoneNumber(std::string_view text, bool allow_bare_digits);

// LooksLikePhoneNumber and valid for libphonenumber: international numbers
// on their own country code; national ones ("030 1234567", "(415) 555-0132",
// "612 34 56 78") in the countries whose trunk prefix and length fit
// (DE, GB, FR, IT, NL, AT, CH, BE for a leading 0; NANP; ES; IT mobiles).
bool IsValidPhoneNumber(std::string_view text, bool allow_bare_digits = false);

}  // namespace fw::detect
