#include "detect/secrets.h"

#include <array>
#include <cmath>

#include "core/text.h"
#include "detect/expressions.h"

namespace fw::detect {

namespace {

std::string Normalise(std::string_view name) {
  // "X-Api-Key", "x_api_key", "xApiKey" -> "xapikey"
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool IsCredentialHeaderName(std::string_view name) {
  std::string n = Normalise(name);
  if (n == "authorization" || n == "proxyauthorization" || n == "cookie") return true;
  static constexpr std::array<std::string_view, 12> kSuffixes = {
      "apikey", "apitoken", "authtoken", "accesstoken", "token", "secret",
      "key",    "password", "signature", "clientsecret", "sessionid", "auth"};
  for (auto s : kSuffixes) {
    if (EndsWith(n, s)) {
      // "x-idempotency-key", "x-request-key"? keep only credential-ish keys.
      if (s == "key" && (n == "idempotencykey" || n == "cachekey" || n == "partitionkey" ||
                         n == "sortkey" || n == "primarykey")) {
        return false;
      }
      return true;
    }
  }
  return false;
}

bool IsSecretKeyName(std::string_view name, bool query_context) {
  std::string n = Normalise(name);
  if (query_context && (n == "key" || n == "sig" || n == "signature" || n == "apisecret")) return true;
  static constexpr std::array<std::string_view, 15> kExact = {
      "apikey",       "apitoken",  "token",        "accesstoken",
      "authtoken",   "secret",       "clientsecret", "password",  "passwd",
      "pwd",         "privatekey",   "secretkey", "refreshtoken", "appsecret",
      "accountkey"};
  for (auto e : kExact) {
    if (n == e) return true;
  }
  static constexpr std::array<std::string_view, 9> kSuffixes = {
      "apikey", "apitoken", "accesstoken", "authtoken", "secret", "password",
      "privatekey", "secretkey", "refreshtoken"};
  for (auto s : kSuffixes) {
    if (EndsWith(n, s)) return true;
  }
  return false;
}

bool IsPasswordKeyName(std::string_view name) {
  std::string n = Normalise(name);
  return n == "password" || n == "passwd" || n == "pwd" || n == "pass" || EndsWith(n, "password") ||
         n == "passwort" || n == "motdepasse" || n == "contrasena" || n == "contrasenia";
}

bool IsPlaceholder(std::string_view value) {
  std::string_view v = core::Trim(value);
  if (v.empty()) return true;
  std::string lower = core::ToLower(v);
  // Template markers left for the user to fill in.
  if ((v.front() == '<' && v.back() == '>') || (v.front() == '[' && v.back() == ']') ||
      (v.front() == '{' && v.back() == '}') || (v.front() == '%' && v.back() == '%') ||
      (v.front() == '$' && v.size() > 1 && v[1] == '{')) {
    return true;
  }
  static constexpr std::array<std::string_view, 32> kWords = {
      "your",      "xxx",      "***",       "...",      "placeholder", "example",  "changeme",
      "change_me", "replace",  "insert",    "enter_",   "enter ",      "dummy",    "sample",
      "redacted",  "<",        "todo",      "fixme",    "here",      "undefined", "null",        "secret_key_here",
      "mytoken",   "my_token", "my-token",  "mykey",    "my_key",      "my-key",   "api_key",
      "apikey",    "token_goes", "•••"};
  for (auto w : kWords) {
    if (lower.find(w) != std::string::npos) return true;
  }
  // One character repeated ("aaaaaaaa", "00000000").
  bool same = true;
  for (char c : v) same = same && c == v.front();
  if (same) return true;
  // Upper-case words with underscores: API_KEY, SLACK_BOT_TOKEN (env-style names).
  bool env_style = v.size() >= 3;
  for (char c : v) {
    env_style = env_style && (std::isupper(static_cast<unsigned char>(c)) || c == '_' ||
                              std::isdigit(static_cast<unsigned char>(c)));
  }
  if (env_style && v.find('_') != std::string_view::npos) return true;
  return false;
}

double ShannonEntropy(std::string_view value) {
  if (value.empty()) return 0;
  std::array<int, 256> counts{};
  for (unsigned char c : value) ++counts[c];
  double h = 0;
  const auto n = static_cast<double>(value.size());
  for (int c : counts) {
    if (c == 0) continue;
    double p = c / n;
    h -= p * std::log2(p);
  }
  return h;
}

std::string_view StripAuthScheme(std::string_view value) {
  std::string_view v = core::Trim(value);
  for (std::string_view scheme : {"bearer ", "basic ", "token ", "bot ", "apikey ", "key ", "sso-key ", "digest "}) {
    if (v.size() > scheme.size() && core::IEquals(v.substr(0, scheme.size()), scheme)) {
      return core::Trim(v.substr(scheme.size()));
    }
  }
  return v;
}

bool LooksLikeLiteralSecret(std::string_view value) {
  std::string_view v = core::Trim(value);
  if (v.size() < 8 || v.size() > 4096) return false;
  if (IsExpression(v) || HasExpression(v)) return false;
  if (IsPlaceholder(v)) return false;
  std::string_view cred = StripAuthScheme(v);
  if (cred.size() < 8 || IsPlaceholder(cred)) return false;
  // Prose is not a key: credentials rarely contain spaces.
  if (cred.find(' ') != std::string_view::npos) return false;
  return ShannonEntropy(cred) >= 2.5;
}

}  // namespace fw::detect
