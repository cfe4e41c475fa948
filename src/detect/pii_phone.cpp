#include "detect/pii_phone.h"

#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace fw::detect {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Shape {
  std::string digits;  // digits only
  std::string groups;  // length of each digit group, as chars '1'..
  std::string seps;    // the separator run before each group after the first
  bool plus = false;
};

bool Split(std::string_view v, Shape& s) {
  size_t i = 0;
  if (!v.empty() && v[0] == '+') {
    s.plus = true;
    i = 1;
  }
  size_t group = 0;
  std::string pending;
  for (; i < v.size(); ++i) {
    char c = v[i];
    if (IsDigit(c)) {
      if (group == 0 && !s.digits.empty()) s.seps += pending.empty() ? "?" : pending.substr(0, 1);
      if (group == 0) pending.clear();
      s.digits.push_back(c);
      ++group;
      continue;
    }
    if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') return false;
    if (group > 0) {
      s.groups.push_back(static_cast<char>('0' + std::min<size_t>(group, 40)));
      group = 0;
    }
    pending.push_back(c);
    if (pending.size() > 2) return false;
    if (pending.size() == 2 && !(pending == ") " || pending == " (" || pending == ")-")) {
      return false;
    }
  }
  if (group == 0) return false;  // ends with a separator
  s.groups.push_back(static_cast<char>('0' + std::min<size_t>(group, 40)));
  return true;
}

}  // namespace

bool LooksLikePhoneNumber(std::string_view v, bool allow_bare_digits) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v.size() < 7 || v.size() > 24) return false;
  Shape s;
  if (!Split(v, s)) return false;
  const size_t n = s.digits.size();
  bool international = s.plus || (n > 2 && s.digits[0] == '0' && s.digits[1] == '0');
  if (n < 7 || n > (s.plus ? 15u : 17u)) return false;
  if (s.plus && s.digits[0] == '0') return false;
  size_t dots = 0;
  size_t slashes = 0;
  for (char c : s.seps) {
    dots += c == '.';
    slashes += c == '/';
  }
  if (dots > 0) {
    // "06.12.34.56.78" (France) or "415.555.0132" (NANP); never versions,
    // IP addresses or dates.
    if (dots != s.seps.size()) return false;
    bool pairs = true;
    for (size_t g = 1; g < s.groups.size(); ++g) pairs = pairs && s.groups[g] == '2';
    bool nanp = s.groups == "334";
    if (!pairs && !nanp) return false;
    if (pairs && s.groups.size() < 4) return false;
  }
  if (slashes > 1 || (slashes == 1 && (s.digits[0] != '0' || s.seps.size() != 1))) return false;
  if (!international) {
    if (s.groups.size() == 1 && !allow_bare_digits) return false;
    // Dates with dashes: 2024-01-15, 15-01-2024.
    if (s.groups == "422" || s.groups == "224") return false;
  }
  return true;
}

bool IsValidPhoneNumber(std::string_view text, bool allow_bare_digits) {
  if (!LooksLikePhoneNumber(text, allow_bare_digits)) return false;
  std::string v(text);
  while (!v.empty() && v.front() == ' ') v.erase(0, 1);
  std::string digits;
  for (char c : v) {
    if (IsDigit(c)) digits.push_back(c);
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  auto valid_in = [&](const std::string& number, const char* region) {
    PhoneNumber parsed;
    if (util.Parse(number, region, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
    return util.IsValidNumber(parsed);
  };
  if (v[0] == '+') return valid_in(v, "ZZ");
  if (digits.size() > 2 && digits[0] == '0' && digits[1] == '0') {
    std::string international = "+";
    international.append(digits, 2, std::string::npos);
    return valid_in(international, "ZZ");
  }
  if (digits[0] == '0') {
    for (const char* region : {"DE", "GB", "FR", "IT", "NL", "AT", "CH", "BE"}) {
      if (valid_in(digits, region)) return true;
    }
    return false;
  }
  const size_t n = digits.size();
  if (n == 10 || (n == 11 && digits[0] == '1')) {
    if (valid_in(digits, "US")) return true;
  }
  if (n == 9 && (digits[0] >= '6' && digits[0] <= '9')) {
    if (valid_in(digits, "ES")) return true;
  }
  if ((n == 9 || n == 10) && digits[0] == '3') return valid_in(digits, "IT");
  return false;
}

}  // namespace fw::detect
