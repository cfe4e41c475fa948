#include "detect/pii_validators.h"

#include <array>
#include <cstdint>
#include <string>

namespace fw::detect {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlpha(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
char Up(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Removes single separators from `allowed` between characters; false when
// a separator starts or ends the text or two follow each other.
bool Compact(std::string_view text, std::string_view allowed, std::string& out, size_t max) {
  out.clear();
  text = TrimSpaces(text);
  bool prev_sep = true;
  for (char c : text) {
    if (allowed.find(c) != std::string_view::npos) {
      if (prev_sep) return false;
      prev_sep = true;
      continue;
    }
    out.push_back(c);
    prev_sep = false;
    if (out.size() > max) return false;
  }
  return !out.empty() && !prev_sep;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int Num(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

struct IbanCountry {
  char code[3];
  int length;
};
// IBAN lengths from the SWIFT IBAN registry.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

// ISO 3166-1 alpha-2 codes (and XK, which SWIFT uses for Kosovo).
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS XK YE YT ZA ZM ZW";

bool IsCountry(char a, char b) {
  for (size_t i = 0; i + 1 < kCountries.size(); i += 3) {
    if (kCountries[i] == a && kCountries[i + 1] == b) return true;
  }
  return false;
}

}  // namespace

bool LuhnValid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool dbl = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

bool IsValidCardNumber(std::string_view text) {
  text = TrimSpaces(text);
  // One separator kind throughout ("4111 1111 1111 1111", "5555-5555-...").
  char sep = 0;
  for (char c : text) {
    if (c == ' ' || c == '-') {
      if (sep != 0 && sep != c) return false;
      sep = c;
    }
  }
  std::string d;
  if (!Compact(text, " -", d, 19) || !AllDigits(d)) return false;
  const size_t n = d.size();
  if (n < 12 || n > 19) return false;
  const int p1 = d[0] - '0';
  const int p2 = Num(std::string_view(d).substr(0, 2));
  const int p3 = Num(std::string_view(d).substr(0, 3));
  const int p4 = Num(std::string_view(d).substr(0, 4));
  bool issuer = false;
  if (p1 == 4) issuer = n == 13 || n == 16 || n == 19;                         // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) issuer = n == 16;  // Mastercard
  if (p2 == 34 || p2 == 37) issuer = n == 15;                                  // Amex
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) issuer = n >= 16;    // Discover
  if (p4 >= 3528 && p4 <= 3589) issuer = n >= 16;                              // JCB
  if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
    issuer = n >= 14;  // Diners Club
  }
  if (p2 == 62) issuer = n >= 16;                  // UnionPay
  if (p4 >= 2200 && p4 <= 2204) issuer = n >= 16;  // Mir
  for (int m : {5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763}) {
    if (p4 == m) issuer = n >= 12;  // Maestro
  }
  return issuer && LuhnValid(d);
}

int IbanLength(std::string_view country) {
  if (country.size() != 2) return 0;
  for (const auto& c : kIbanCountries) {
    if (c.code[0] == Up(country[0]) && c.code[1] == Up(country[1])) return c.length;
  }
  return 0;
}

bool IsValidIban(std::string_view text) {
  std::string s;
  if (!Compact(text, " ", s, 34) || s.size() < 15) return false;
  for (char& c : s) c = Up(c);
  if (!IsUpper(s[0]) || !IsUpper(s[1]) || !IsDigit(s[2]) || !IsDigit(s[3])) return false;
  if (IbanLength(std::string_view(s).substr(0, 2)) != static_cast<int>(s.size())) return false;
  // Move the first four characters to the end, letters to 10..35, mod 97.
  uint32_t rem = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[(k + 4) % s.size()];
    if (IsDigit(c)) {
      rem = (rem * 10 + static_cast<uint32_t>(c - '0')) % 97;
    } else if (IsUpper(c)) {
      rem = (rem * 100 + static_cast<uint32_t>(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return rem == 1;
}

bool IsValidBic(std::string_view text) {
  text = TrimSpaces(text);
  if (text.size() != 8 && text.size() != 11) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (!IsUpper(text[i])) return false;
  }
  if (!IsCountry(text[4], text[5])) return false;
  for (size_t i = 6; i < text.size(); ++i) {
    if (!IsUpper(text[i]) && !IsDigit(text[i])) return false;
  }
  return true;
}

bool IsValidUsSsn(std::string_view text) {
  text = TrimSpaces(text);
  std::string d;
  if (text.size() == 11) {
    char sep = text[3];
    if ((sep != '-' && sep != ' ') || text[6] != sep) return false;
    d = std::string(text.substr(0, 3)) + std::string(text.substr(4, 2)) +
        std::string(text.substr(7, 4));
  } else if (text.size() == 9) {
    d = std::string(text);
  } else {
    return false;
  }
  if (!AllDigits(d)) return false;
  int area = Num(std::string_view(d).substr(0, 3));
  int group = Num(std::string_view(d).substr(3, 2));
  int serial = Num(std::string_view(d).substr(5, 4));
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  // Numbers printed in advertising and documentation, never valid for a person.
  for (std::string_view sample : {"078051120", "219099999", "123456789"}) {
    if (d == sample) return false;
  }
  return true;
}

bool IsValidUkNino(std::string_view text, bool require_suffix) {
  std::string s;
  if (!Compact(text, " ", s, 9)) return false;
  for (char& c : s) c = Up(c);
  if (s.size() != 9 && !(s.size() == 8 && !require_suffix)) return false;
  const char a = s[0];
  const char b = s[1];
  if (!IsUpper(a) || !IsUpper(b)) return false;
  if (std::string_view("DFIQUV").find(a) != std::string_view::npos) return false;
  if (std::string_view("DFIOQUV").find(b) != std::string_view::npos) return false;
  const std::string_view prefix = std::string_view(s).substr(0, 2);
  for (std::string_view bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) {
    if (prefix == bad) return false;
  }
  if (!AllDigits(std::string_view(s).substr(2, 6))) return false;
  if (s.size() == 9 && (s[8] < 'A' || s[8] > 'D')) return false;
  return true;
}

bool IsValidDeTaxId(std::string_view text) {
  std::string d;
  if (!Compact(text, " ", d, 11) || d.size() != 11 || !AllDigits(d) || d[0] == '0') return false;
  std::array<int, 10> counts{};
  for (size_t i = 0; i < 10; ++i) ++counts[static_cast<size_t>(d[i] - '0')];
  int repeated = 0;
  for (int c : counts) {
    if (c == 2 || c == 3) {
      ++repeated;
    } else if (c > 3) {
      return false;
    }
  }
  if (repeated != 1) return false;
  for (size_t i = 0; i + 2 < 10; ++i) {
    if (d[i] == d[i + 1] && d[i] == d[i + 2]) return false;
  }
  // ISO 7064 MOD 11,10.
  int product = 10;
  for (size_t i = 0; i < 10; ++i) {
    int sum = (d[i] - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == d[10] - '0';
}

namespace {

constexpr std::string_view kDniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

bool DniLetterMatches(std::string_view digits8, char letter) {
  return kDniLetters[static_cast<size_t>(Num(digits8) % 23)] == Up(letter);
}

}  // namespace

bool IsValidEsDni(std::string_view text) {
  text = TrimSpaces(text);
  if (text.size() == 10 && (text[8] == '-' || text[8] == ' ')) {
    return AllDigits(text.substr(0, 8)) && IsAlpha(text[9]) &&
           DniLetterMatches(text.substr(0, 8), text[9]);
  }
  return text.size() == 9 && AllDigits(text.substr(0, 8)) && IsAlpha(text[8]) &&
         DniLetterMatches(text.substr(0, 8), text[8]);
}

bool IsValidEsNie(std::string_view text) {
  text = TrimSpaces(text);
  std::string s;
  for (char c : text) {
    if (c != '-' && c != ' ') s.push_back(Up(c));
  }
  if (s.size() != 9) return false;
  char lead = s[0];
  if (lead != 'X' && lead != 'Y' && lead != 'Z') return false;
  std::string digits(1, static_cast<char>('0' + (lead - 'X')));
  digits += s.substr(1, 7);
  return AllDigits(digits) && IsUpper(s[8]) && DniLetterMatches(digits, s[8]);
}

bool IsValidFrNir(std::string_view text) {
  std::string s;
  if (!Compact(text, " ", s, 15) || s.size() != 15) return false;
  for (char& c : s) c = Up(c);
  // Corsica: department 2A / 2B in positions 6-7.
  int64_t corsica = 0;
  if (s[5] == '2' && (s[6] == 'A' || s[6] == 'B')) {
    corsica = s[6] == 'A' ? 1000000 : 2000000;
    s[6] = '0';
  }
  if (!AllDigits(s)) return false;
  const char sex = s[0];
  if (std::string_view("123478").find(sex) == std::string_view::npos) return false;
  int month = Num(std::string_view(s).substr(3, 2));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  if (s.substr(5, 2) == "00") return false;
  int64_t n = 0;
  for (size_t i = 0; i < 13; ++i) n = n * 10 + (s[i] - '0');
  n -= corsica;
  int key = Num(std::string_view(s).substr(13, 2));
  return key >= 1 && key <= 97 && key == 97 - static_cast<int>(n % 97);
}

bool IsPublicIpv4(std::string_view text) {
  text = TrimSpaces(text);
  std::array<int, 4> o{};
  size_t part = 0;
  size_t len = 0;
  int value = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '.') {
      if (len == 0 || part > 3) return false;
      o[part++] = value;
      value = 0;
      len = 0;
      continue;
    }
    char c = text[i];
    if (!IsDigit(c)) return false;
    if (len == 1 && value == 0) return false;  // leading zero
    value = value * 10 + (c - '0');
    if (++len > 3 || value > 255) return false;
  }
  if (part != 4) return false;
  const int a = o[0];
  const int b = o[1];
  const int c = o[2];
  if (a == 0 || a == 10 || a == 127 || a >= 224) return false;
  if (a == 100 && b >= 64 && b <= 127) return false;  // shared address space
  if (a == 169 && b == 254) return false;
  if (a == 172 && b >= 16 && b <= 31) return false;
  if (a == 192 && b == 168) return false;
  if (a == 192 && b == 0 && (c == 0 || c == 2)) return false;
  if (a == 198 && (b == 18 || b == 19)) return false;
  if (a == 198 && b == 51 && c == 100) return false;
  if (a == 203 && b == 0 && c == 113) return false;
  return true;
}

bool IsPlausibleBirthDate(std::string_view text) {
  text = TrimSpaces(text);
  int y = 0;
  int m = 0;
  int d = 0;
  auto digits_at = [&](size_t pos, size_t n) {
    return pos + n <= text.size() && AllDigits(text.substr(pos, n));
  };
  if (text.size() >= 10 && digits_at(0, 4) && (text[4] == '-' || text[4] == '/') &&
      digits_at(5, 2) && text[7] == text[4] && digits_at(8, 2)) {
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
    y = Num(text.substr(0, 4));
    m = Num(text.substr(5, 2));
    d = Num(text.substr(8, 2));
  } else if (text.size() == 10 && digits_at(0, 2) && (text[2] == '.' || text[2] == '/') &&
             digits_at(3, 2) && text[5] == text[2] && digits_at(6, 4)) {
    int first = Num(text.substr(0, 2));
    int second = Num(text.substr(3, 2));
    y = Num(text.substr(6, 4));
    // DD.MM.YYYY and DD/MM/YYYY, or MM/DD/YYYY when only that reads as a date.
    d = first;
    m = second;
    if (text[2] == '/' && m > 12 && first <= 12) std::swap(d, m);
  } else {
    return false;
  }
  if (y < 1900 || y > 2030 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return false;
  return true;
}

}  // namespace fw::detect
