#include "detect/entropy.h"

#include <array>
#include <cmath>

namespace fw::detect {

double Entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<uint32_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  const auto n = static_cast<double>(s.size());
  for (uint32_t c : counts) {
    if (c == 0) continue;
    double p = c / n;
    h -= p * std::log2(p);
  }
  return h;
}

CharClasses CountClasses(std::string_view s) {
  CharClasses c;
  for (unsigned char ch : s) {
    if (ch >= 'a' && ch <= 'z') {
      ++c.lower;
    } else if (ch >= 'A' && ch <= 'Z') {
      ++c.upper;
    } else if (ch >= '0' && ch <= '9') {
      ++c.digit;
    } else {
      ++c.other;
    }
  }
  return c;
}

bool LooksRandom(std::string_view s) {
  if (s.size() < 12) return false;
  CharClasses c = CountClasses(s);
  const int letters = c.lower + c.upper;
  if (letters == 0) return false;
  // Digits are what separates a key from a word; a long enough mixed-case
  // string without digits still counts (random base62 of 32+ characters
  // lacks a digit about once in 250).
  if (c.digit == 0 && !(s.size() >= 24 && c.lower > 0 && c.upper > 0)) return false;
  // Runs: "aaaaaaaa" or "12345678" typed by a person.
  int run = 1;
  int ascending = 1;
  for (size_t i = 1; i < s.size(); ++i) {
    run = s[i] == s[i - 1] ? run + 1 : 1;
    ascending = s[i] == s[i - 1] + 1 ? ascending + 1 : 1;
    if (run >= 6 || ascending >= 6) return false;
  }
  // Identifiers made of words: the separators split it into alphabetic
  // pieces, each a plausible word (only letters, or letters then a number).
  int pieces = 0;
  int wordlike = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool sep = i == s.size() || s[i] == '_' || s[i] == '-' || s[i] == '.' || s[i] == ' ';
    if (!sep) continue;
    std::string_view piece = s.substr(start, i - start);
    start = i + 1;
    if (piece.empty()) continue;
    ++pieces;
    CharClasses pc = CountClasses(piece);
    bool camel_words = pc.digit == 0 && pc.other == 0 && pc.upper <= 1 + pc.lower / 3;
    if (camel_words && piece.size() <= 16) ++wordlike;
  }
  return !(pieces >= 2 && wordlike == pieces);
}

}  // namespace fw::detect
