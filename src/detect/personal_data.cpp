#include "detect/personal_data.h"

#include <cctype>
#include <string>

#include "core/text.h"

namespace fw::detect {

std::string_view PersonalKindName(PersonalKind kind) {
  switch (kind) {
    case PersonalKind::kEmail: return "e-mail address";
    case PersonalKind::kPhone: return "phone number";
    case PersonalKind::kCardNumber: return "card number";
    case PersonalKind::kNone: break;
  }
  return "none";
}

bool IsEmailAddress(std::string_view v) {
  size_t at = v.find('@');
  if (at == std::string_view::npos || at == 0 || at != v.rfind('@')) return false;
  std::string_view local = v.substr(0, at);
  std::string_view domain = v.substr(at + 1);
  if (local.size() > 64 || domain.size() < 4 || domain.size() > 253) return false;
  for (char c : local) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || std::string_view("._%+-'").find(c) != std::string_view::npos)) {
      return false;
    }
  }
  if (local.front() == '.' || local.back() == '.') return false;
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) return false;
  for (char c : domain) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-')) return false;
  }
  for (size_t i = dot + 1; i < domain.size(); ++i) {
    if (!std::isalpha(static_cast<unsigned char>(domain[i]))) return false;
  }
  if (domain.find("..") != std::string_view::npos) return false;
  // example.com/.org/.net and test domains are documentation, not people.
  std::string lower = core::ToLower(domain);
  if (lower == "example.com" || lower == "example.org" || lower == "example.net" ||
      lower.ends_with(".example") || lower.ends_with(".test") || lower.ends_with(".invalid")) {
    return false;
  }
  return true;
}

bool IsPhoneNumber(std::string_view v) {
  v = core::Trim(v);
  if (v.size() < 7 || v.size() > 24) return false;
  size_t digits = 0;
  bool plus = false;
  int groups_sep = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/') {
      ++groups_sep;
    } else {
      return false;
    }
  }
  if (digits < 7 || digits > 15) return false;
  // A bare run of digits is more often an id than a phone number; require the
  // international prefix or the separators people type.
  if (!plus && groups_sep == 0) return false;
  if (!plus && v.front() != '0' && v.front() != '(') return false;
  // Dates and version numbers written with dots or slashes are not phones.
  if (!plus && (v.find('.') != std::string_view::npos || v.find('/') != std::string_view::npos)) {
    return false;
  }
  return true;
}

bool LuhnValid(std::string_view digits) {
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

bool IsCardNumber(std::string_view v) {
  v = core::Trim(v);
  std::string digits;
  for (char c : v) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c != ' ' && c != '-') {
      return false;
    }
  }
  if (digits.size() < 13 || digits.size() > 19) return false;
  // Issuer prefixes: Visa 4, Mastercard 51-55/2221-2720, Amex 34/37,
  // Discover 6011/65, JCB 35, Diners 36/38, UnionPay 62.
  const int d1 = digits[0] - '0';
  const int d2 = (digits[0] - '0') * 10 + (digits[1] - '0');
  const int d4 = std::stoi(digits.substr(0, 4));
  bool issuer = d1 == 4 || (d2 >= 51 && d2 <= 55) || (d4 >= 2221 && d4 <= 2720) || d2 == 34 ||
                d2 == 37 || d4 == 6011 || d2 == 65 || d2 == 35 || d2 == 36 || d2 == 38 || d2 == 62;
  return issuer && LuhnValid(digits);
}

bool IsIdentifierKeyName(std::string_view key) {
  std::string k = core::ToLower(key);
  if (k == "id" || k.ends_with("id") || k.ends_with("_id") || k.ends_with("-id")) {
    // "jid" (WhatsApp) is a phone number address; "paid"/"valid" are words.
    return !(k.ends_with("jid") || k.ends_with("paid") || k.ends_with("valid"));
  }
  if (k == "ts" || k == "time" || k == "order" || k == "number") return true;
  for (std::string_view word : {"uuid", "trace", "span", "hash", "timestamp", "invoice", "ticket",
                                "version", "serial", "sku", "ordernumber", "order_number"}) {
    if (k.find(word) != std::string::npos) return true;
  }
  return false;
}

PersonalKind ClassifyPersonalValue(std::string_view value) {
  value = core::Trim(value);
  if (value.size() < 6 || value.size() > 254) return PersonalKind::kNone;
  if (value.find('@') != std::string_view::npos) {
    return IsEmailAddress(value) ? PersonalKind::kEmail : PersonalKind::kNone;
  }
  if (IsCardNumber(value)) return PersonalKind::kCardNumber;
  if (IsPhoneNumber(value)) return PersonalKind::kPhone;
  return PersonalKind::kNone;
}

}  // namespace fw::detect
