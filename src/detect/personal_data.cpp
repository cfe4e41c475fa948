#include "detect/personal_data.h"

#include <cctype>
#include <string>

#include "core/text.h"

namespace fw::detect {

namespace {

bool IsLocalChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}

// Documentation and placeholder domains: example.com, mail.example,
// foo.test, yourdomain.com, domain.com...
bool IsPlaceholderDomain(std::string_view domain) {
  std::string d = core::ToLower(domain);
  for (std::string_view tld : {".example", ".test", ".invalid", ".localhost", ".local"}) {
    if (d.ends_with(tld)) return true;
  }
  for (std::string_view whole : {"domain.com", "company.com", "test.com", "email.com"}) {
    if (d == whole) return true;
  }
  // Any label but the last one.
  size_t start = 0;
  for (size_t dot = d.find('.'); dot != std::string::npos; dot = d.find('.', start)) {
    std::string_view label(d.data() + start, dot - start);
    for (std::string_view name : {"example", "yourdomain", "your-domain", "yourcompany",
                                  "your-company", "mydomain", "sample"}) {
      if (label == name) return true;
    }
    start = dot + 1;
  }
  return false;
}

// Top-level "domains" that are file extensions: "icon@2x.png".
bool IsFileExtension(std::string_view tld) {
  std::string t = core::ToLower(tld);
  for (std::string_view ext :
       {"png",  "jpg",  "jpeg", "gif", "svg", "webp", "ico",  "js",  "ts",
        "css",  "json", "xml",  "txt", "pdf", "md",   "yaml", "yml", "csv",
        "html", "htm",  "map",  "tsx", "jsx", "vue",  "py",   "rb",  "php"}) {
    if (t == ext) return true;
  }
  return false;
}

bool IsSystemMailbox(std::string_view local) {
  std::string l = core::ToLower(local);
  for (std::string_view box : {"noreply", "no-reply", "donotreply", "do-not-reply", "no_reply",
                               "mailer-daemon", "postmaster", "git", "nobody", "root"}) {
    if (l == box) return true;
  }
  return false;
}

}  // namespace

std::string_view PersonalKindName(PersonalKind kind) {
  switch (kind) {
    case PersonalKind::kEmail:
      return "e-mail address";
    case PersonalKind::kPhone:
      return "phone number";
    case PersonalKind::kCardNumber:
      return "card number";
    case PersonalKind::kIban:
      return "IBAN";
    case PersonalKind::kBic:
      return "BIC";
    case PersonalKind::kUsSsn:
      return "US social security number";
    case PersonalKind::kUkNino:
      return "UK national insurance number";
    case PersonalKind::kDeTaxId:
      return "German tax id";
    case PersonalKind::kEsDni:
      return "Spanish DNI";
    case PersonalKind::kEsNie:
      return "Spanish NIE";
    case PersonalKind::kFrNir:
      return "French social security number";
    case PersonalKind::kIpAddress:
      return "IP address";
    case PersonalKind::kDateOfBirth:
      return "date of birth";
    case PersonalKind::kNone:
      break;
  }
  return "none";
}

std::string_view PersonalKindId(PersonalKind kind) {
  switch (kind) {
    case PersonalKind::kEmail:
      return "email";
    case PersonalKind::kPhone:
      return "phone";
    case PersonalKind::kCardNumber:
      return "card-number";
    case PersonalKind::kIban:
      return "iban";
    case PersonalKind::kBic:
      return "bic";
    case PersonalKind::kUsSsn:
      return "us-ssn";
    case PersonalKind::kUkNino:
      return "uk-nino";
    case PersonalKind::kDeTaxId:
      return "de-tax-id";
    case PersonalKind::kEsDni:
      return "es-dni";
    case PersonalKind::kEsNie:
      return "es-nie";
    case PersonalKind::kFrNir:
      return "fr-nir";
    case PersonalKind::kIpAddress:
      return "ip-address";
    case PersonalKind::kDateOfBirth:
      return "date-of-birth";
    case PersonalKind::kNone:
      break;
  }
  return "none";
}

DataClass PersonalKindClass(PersonalKind kind) {
  switch (kind) {
    case PersonalKind::kCardNumber:
    case PersonalKind::kIban:
    case PersonalKind::kBic:
    case PersonalKind::kDeTaxId:
      return DataClass::kFinancial;
    case PersonalKind::kNone:
      return DataClass::kUnknown;
    default:
      break;
  }
  return DataClass::kPersonal;
}

bool IsEmailAddress(std::string_view v) {
  size_t at = v.find('@');
  if (at == std::string_view::npos || at == 0 || at != v.rfind('@')) return false;
  std::string_view local = v.substr(0, at);
  std::string_view domain = v.substr(at + 1);
  if (local.size() > 64 || domain.size() < 4 || domain.size() > 253) return false;
  for (char c : local) {
    if (!IsLocalChar(c)) return false;
  }
  if (local.front() == '.' || local.back() == '.') return false;
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2 ||
      domain.size() - dot - 1 > 24) {
    return false;
  }
  for (char c : domain) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-')) return false;
  }
  for (size_t i = dot + 1; i < domain.size(); ++i) {
    if (!std::isalpha(static_cast<unsigned char>(domain[i]))) return false;
  }
  if (domain.find("..") != std::string_view::npos || domain.front() == '-' ||
      domain.front() == '.') {
    return false;
  }
  if (IsFileExtension(domain.substr(dot + 1))) return false;
  if (IsPlaceholderDomain(domain) || IsSystemMailbox(local)) return false;
  return true;
}

bool IsPhoneNumber(std::string_view value) { return IsValidPhoneNumber(value, false); }

bool IsCardNumber(std::string_view value) { return IsValidCardNumber(value); }

bool IsIdentifierKeyName(std::string_view key) {
  std::string k = core::ToLower(key);
  if (k == "id" || k.ends_with("id") || k.ends_with("_id") || k.ends_with("-id")) {
    // "jid" (WhatsApp) is a phone number address; "paid"/"valid" are words;
    // "ssnid"... no such thing, but "national id", "tax id", "Steuer-ID" hold
    // identifiers of people.
    if (k.ends_with("jid") || k.ends_with("paid") || k.ends_with("valid")) return false;
    DataClass c = ClassifyFieldName(key);
    return !(c == DataClass::kPersonal || c == DataClass::kFinancial || c == DataClass::kHealth);
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
  bool digit = false;
  for (char c : value) digit = digit || (c >= '0' && c <= '9');
  if (!digit) return PersonalKind::kNone;
  const char c0 = value.front();
  if (std::isalpha(static_cast<unsigned char>(c0))) {
    if (IsValidIban(value)) return PersonalKind::kIban;
    if (IsValidEsNie(value)) return PersonalKind::kEsNie;
    if (IsValidUkNino(value)) return PersonalKind::kUkNino;
    return PersonalKind::kNone;
  }
  if (IsCardNumber(value)) return PersonalKind::kCardNumber;
  if (value.size() == 11 && value[3] == '-' && IsValidUsSsn(value)) return PersonalKind::kUsSsn;
  if (IsValidEsDni(value)) return PersonalKind::kEsDni;
  if (IsValidFrNir(value)) return PersonalKind::kFrNir;
  if (IsPhoneNumber(value)) return PersonalKind::kPhone;
  return PersonalKind::kNone;
}

PersonalKind ClassifyPersonalValue(std::string_view value, std::string_view key) {
  PersonalKind kind = ClassifyPersonalValue(value);
  if (kind != PersonalKind::kNone || key.empty()) return kind;
  value = core::Trim(value);
  if (value.size() < 6 || value.size() > 64) return PersonalKind::kNone;
  FieldClass fc = ClassifyField(key);
  const std::string_view topic = fc.topic;
  if (topic == "bic") return IsValidBic(value) ? PersonalKind::kBic : PersonalKind::kNone;
  if (topic == "national-id") {
    if (IsValidUsSsn(value)) return PersonalKind::kUsSsn;
    if (IsValidUkNino(value, false)) return PersonalKind::kUkNino;
    return PersonalKind::kNone;
  }
  if (topic == "tax-id") {
    return IsValidDeTaxId(value) ? PersonalKind::kDeTaxId : PersonalKind::kNone;
  }
  if (topic == "ip-address") {
    return IsPublicIpv4(value) ? PersonalKind::kIpAddress : PersonalKind::kNone;
  }
  if (topic == "date-of-birth") {
    return IsPlausibleBirthDate(value) ? PersonalKind::kDateOfBirth : PersonalKind::kNone;
  }
  if (topic == "phone") {
    return IsValidPhoneNumber(value, true) ? PersonalKind::kPhone : PersonalKind::kNone;
  }
  return PersonalKind::kNone;
}

}  // namespace fw::detect
