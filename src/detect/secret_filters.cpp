#include "detect/secret_filters.h"

#include <array>
#include <string>
#include <vector>

#include "core/text.h"
#include "detect/secrets.h"

namespace fw::detect {

namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// "webhookId" -> {"webhook", "id"}; "X-Request-ID" -> {"x", "request", "id"};
// "sha256Hash" -> {"sha256", "hash"}.
std::vector<std::string> KeyWords(std::string_view key) {
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (!IsAlnum(c)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    // A new word starts at an upper-case letter after a lower-case one or a
    // digit ("webhookId", "sha256Hash"), and before the last capital of an
    // acronym ("APIKey" -> "api", "key").
    bool boundary = false;
    if (IsUpper(c) && i > 0) {
      char prev = key[i - 1];
      if (IsLower(prev) || IsDigit(prev)) boundary = true;
      if (IsUpper(prev) && i + 1 < key.size() && IsLower(key[i + 1])) boundary = true;
    }
    if (boundary && !cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
    cur.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

bool IsIdentifierKey(std::string_view key) {
  std::vector<std::string> w = KeyWords(key);
  if (w.empty()) return false;
  const std::string& last = w.back();
  if (last == "uuid" || last == "guid") return true;
  // "nodeCredentialType": jiraSoftwareCloudApi names a kind of credential.
  if (last == "type") return true;
  if (last != "id" && last != "ids") return false;
  // Session ids are bearer credentials, and key ids (AWS accessKeyId) are
  // half of one; neither identifies a thing of the platform.
  if (w.size() >= 2) {
    const std::string& before = w[w.size() - 2];
    if (before == "session" || before == "secret" || before == "key") return false;
  }
  return true;
}

bool IsDigestKey(std::string_view key) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "sha",       "sha1",      "sha224",      "sha256", "sha384", "sha512", "md5",    "checksum",
      "hash",      "etag",      "integrity",   "digest", "crc",    "crc32",  "shasum", "fingerprint"};
  std::string whole;
  for (const auto& word : KeyWords(key)) {
    whole += word;
    for (auto k : kWords) {
      if (word == k) return true;
    }
  }
  // Acronyms split oddly ("ETag" -> "e", "tag"): try the key as one word.
  for (auto k : kWords) {
    if (whole == k) return true;
  }
  return false;
}

bool IsCredentialReferencePointer(std::string_view pointer) {
  // "credentials" first: pointers hold few 'c's and many '/'s.
  for (size_t at = pointer.find("credentials"); at != std::string_view::npos;
       at = pointer.find("credentials", at + 1)) {
    const size_t end = at + 11;
    if (at > 0 && pointer[at - 1] == '/' && (end == pointer.size() || pointer[end] == '/')) {
      return true;
    }
  }
  return false;
}

bool IsFileContent(std::string_view value) {
  if (value.starts_with("data:") && Contains(value.substr(0, 100), ";base64,")) return true;
  if (value.size() < 4096) return false;
  // Pure base64 (line breaks allowed) of 4 KB or more: a file, not a key. PEM
  // blocks carry BEGIN/END lines and so do not count.
  size_t sample = std::min<size_t>(value.size(), 16384);
  for (size_t i = 0; i < sample; ++i) {
    char c = value[i];
    if (!(IsAlnum(c) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r' || c == '-' ||
          c == '_')) {
      return false;
    }
  }
  return true;
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsHex(s[i])) return false;
  }
  return true;
}

bool IsReference(std::string_view secret) {
  static constexpr std::array<std::string_view, 12> kMarkers = {
      "{{",    "}}",       "${",          "@{",         "$env",    "$credentials",
      "$json", "$secrets", "process.env", "os.environ", "getenv(", "$vars"};
  for (auto m : kMarkers) {
    if (Contains(secret, m)) return true;
  }
  // $VAR, %VAR% (shell and Windows environment variables).
  if (secret.size() >= 2 && secret.front() == '$' &&
      (IsUpper(secret[1]) || secret[1] == '_' || secret[1] == '{')) {
    return true;
  }
  if (secret.size() >= 3 && secret.front() == '%' && secret.back() == '%') return true;
  return false;
}

bool IsPlaceholderSecret(std::string_view secret) {
  std::string_view s = core::Trim(secret);
  if (s.empty()) return true;
  std::string lower = core::ToLower(s);
  // Markers left for a person: <token>, [api key], {token}.
  if ((Contains(s, "<") && Contains(s, ">")) || (s.front() == '[' && s.back() == ']') ||
      (s.front() == '{' && s.back() == '}')) {
    return true;
  }
  // Words long enough that a random string never holds them by chance.
  static constexpr std::array<std::string_view, 27> kAnyLength = {
      "password", "example",  "placeholder", "changeme",  "change_me", "change-me", "redacted",  "dummy",
      "sample",   "xxxxx",       "*****",     "\xE2\x80\xA2\xE2\x80\xA2",  // ••
      "...",      "your_",       "your-",     "yourapi",   "yourkey",   "yoursecret",
      "yourtoken", "insert_",    "replace_",  "_here",     "-here",     "0000000000",
      "1234567890", "abcdefghij", "qwertyuiop"};
  for (auto w : kAnyLength) {
    if (Contains(lower, w)) return true;
  }
  // Short values: the first-cut word list (your, here, xxx, todo, ...).
  if (s.size() <= 48 && IsPlaceholder(s)) return true;
  // Very few distinct characters: "aaaaaaaabbbbbbbb", "abababab".
  std::array<bool, 256> seen{};
  int distinct = 0;
  for (unsigned char c : s) {
    if (!seen[c]) {
      seen[c] = true;
      ++distinct;
    }
  }
  if (distinct <= 3 && s.size() >= 6) return true;
  return false;
}

}  // namespace fw::detect
