// Checksums and format rules of personal and financial identifiers: payment
// cards (Luhn and issuer ranges), IBAN (country length and ISO 7064 mod 97),
// BIC, US SSN (never-issued ranges), UK National Insurance numbers, the
// German tax id (IdNr: digit pattern and ISO 7064 MOD 11,10), Spanish DNI and
// NIE (mod 23 letter), French NIR (97 - n mod 97 key), public IPv4 addresses
// and plausible dates of birth.
//
// Each takes the candidate as written: separators people type (spaces, and
// dashes where the format uses them) are accepted, anything else is not.
// Pure functions; safe from any thread.
#pragma once

#include <string_view>

namespace fw::detect {

// The Luhn (mod 10) check over a string of digits only.
bool LuhnValid(std::string_view digits);
// 12 to 19 digits, optionally in groups separated by one space or dash,
// passing Luhn, with a length that fits a known issuer range (Visa,
// Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro).
bool IsValidCardNumber(std::string_view text);
// "DE89 3704 0044 0532 0130 00" or "DE89370400440532013000": a known
// country, that country's length and mod 97 == 1. Upper or lower case.
bool IsValidIban(std::string_view text);
// The IBAN length of a country code ("DE" -> 22), or 0 when it has none.
int IbanLength(std::string_view country);
// "DEUTDEFF" / "DEUTDEFF500": bank code, an ISO 3166 country, location and
// optional branch. Location "x0" (test BICs) is accepted: it is still a bank.
bool IsValidBic(std::string_view text);
// "123-45-6789", "123 45 6789" or "123456789": area not 000, 666 or 9xx,
// group not 00, serial not 0000, and not a publicised sample number.
bool IsValidUsSsn(std::string_view text);
// "AB123456C", "AB 12 34 56 C": allowed prefix letters, six digits, suffix
// A-D (the suffix may be left out when `require_suffix` is false).
bool IsValidUkNino(std::string_view text, bool require_suffix = true);
// German Steuerliche Identifikationsnummer: 11 digits, no leading 0, one
// digit repeated two or three times in the first ten (never three in a row),
// ISO 7064 MOD 11,10 check digit. Spaces between groups allowed.
bool IsValidDeTaxId(std::string_view text);
// Spanish DNI: 8 digits and the letter "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23];
// a dash or space before the letter is accepted.
bool IsValidEsDni(std::string_view text);
// Spanish NIE: X, Y or Z (read as 0, 1, 2), 7 digits and the DNI letter.
bool IsValidEsNie(std::string_view text);
// French NIR (numéro de sécurité sociale): sex, year, month, department
// (2A/2B for Corsica), commune, order and the key 97 - (n mod 97). Spaces
// between groups allowed.
bool IsValidFrNir(std::string_view text);
// Dotted-quad IPv4 that is publicly routable (not private, loopback,
// link-local, shared, multicast, documentation or reserved).
bool IsPublicIpv4(std::string_view text);
// A calendar date (YYYY-MM-DD with an optional time, DD.MM.YYYY,
// DD/MM/YYYY, MM/DD/YYYY, YYYY/MM/DD) with a year from 1900 to 2030.
bool IsPlausibleBirthDate(std::string_view text);

}  // namespace fw::detect
