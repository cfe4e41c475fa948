// First cut of literal-secret recognition: decides whether a parameter's key
// name says "this holds a credential" and whether its value is a real literal
// (not an expression, credential reference or placeholder). The full rule
// engine (Vectorscan + RE2) replaces this in a later change.
#pragma once

#include <string_view>

namespace fw::detect {

// Header names that carry credentials: Authorization, X-API-Key, api-key...
bool IsCredentialHeaderName(std::string_view name);
// Query or body keys that carry credentials: api_key, access_token, password...
// Bare "key" and "sig" count only in query strings (Google's ?key=, SAS sig=).
bool IsSecretKeyName(std::string_view name, bool query_context = false);
// Passwords specifically (bodies, form fields).
bool IsPasswordKeyName(std::string_view name);

// Values like YOUR_API_KEY, <token>, xxx, ****, "changeme", "Bearer {token}".
bool IsPlaceholder(std::string_view value);

// True when `value` is a literal that could be a real credential: not empty,
// not an expression, not a placeholder, long and varied enough.
bool LooksLikeLiteralSecret(std::string_view value);

// Shannon entropy in bits per character.
double ShannonEntropy(std::string_view value);

// For "Bearer abc" / "Basic abc" / "Token abc": the credential part; else
// the whole value.
std::string_view StripAuthScheme(std::string_view value);

}  // namespace fw::detect
