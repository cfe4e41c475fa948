// Finding personal and financial data inside free text: chat messages,
// notes, e-mail bodies, prompts, pinned items. One pass over the bytes stops
// only at '@' and at digits; each stop is cut into a candidate (an address
// around the '@', a run of digits with the separators people type, plus the
// letters an IBAN, NIE or NINO starts with) and only candidates that have
// the right shape meet the validators of pii_validators.h and, for phone
// numbers, libphonenumber. Text without '@' and without a run of six digits
// costs one table lookup a byte.
//
// Kinds that are ambiguous in prose (BIC, bare 9-digit SSN, German tax id,
// IPv4, dates of birth, bare phone digits) are reported only when the key the
// text sits under says so (ClassifyField: "bic", "ssn", "Steuer-ID", "ip",
// "dob", "phone") or a keyword stands just before them ("SSN: ...",
// "geboren am ...", "Steuer-ID ...").
//
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "detect/personal_data.h"

namespace fw::detect {

struct PiiMatch {
  PersonalKind kind = PersonalKind::kNone;
  uint32_t offset = 0;  // byte offset in the scanned text
  uint32_t length = 0;
};

// Appends every match in `text`, in order. `key` is the JSON key (or form
// label, header name) the text sits under; empty when unknown.
void ScanPersonalData(std::string_view text, std::string_view key, std::vector<PiiMatch>& out);
std::vector<PiiMatch> ScanPersonalData(std::string_view text, std::string_view key = {});

// True when the text might hold personal data: it has an '@' or a digit.
// The scanner's own first test; callers with many values use it to skip the
// call.
bool MayHoldPersonalData(std::string_view text);

}  // namespace fw::detect
