// Measures of how random a candidate secret looks. Pure functions on bytes;
// safe from any thread.
#pragma once

#include <string_view>

namespace fw::detect {

// Shannon entropy in bits per byte: 0 for "aaaa", about 4.0 for random hex,
// about 5.2 to 5.9 for random base62/base64 strings of 40+ characters.
double Entropy(std::string_view s);

// Character classes present in `s`.
struct CharClasses {
  int lower = 0;
  int upper = 0;
  int digit = 0;
  int other = 0;  // anything that is not an ASCII letter or digit
};
CharClasses CountClasses(std::string_view s);

// True when `s` looks generated rather than typed: at least 12 characters,
// letters and digits mixed, no long run of one character, and not an
// identifier made of words (snake_case, camelCase, kebab-case names).
bool LooksRandom(std::string_view s);

}  // namespace fw::detect
