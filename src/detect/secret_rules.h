// Secret detection rules as written: the YAML files under rules/secrets/,
// read into plain structs that remember where each rule came from. This is
// the "read" stage; SecretScanner::Compile (secret_scanner.h) turns these into
// what runs. The build reads the built-in files with ParseSecretRules and
// generates C++ from them (secret_rules_gen.cpp), so nothing is read from
// disk or parsed at run time; ParseSecretRules also reads any YAML text, for
// tests and tools.
//
// Pure functions; the structs are plain values, safe to copy between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace fw::detect {

// What kind of credential a rule finds; each family is one rule of the check
// table (secret.<family>), so users see a handful of rules, not hundreds.
enum class SecretFamily : uint8_t {
  kCloudCredential,  // cloud and hosting accounts: AWS, GCP, Azure, DigitalOcean...
  kApiToken,         // a SaaS or API token with a recognisable format
  kPrivateKey,       // PEM/PGP/PuTTY private keys, service-account key files
  kDatabaseUri,      // connection strings and URIs that carry a password
  kGeneric,          // found by key names, Authorization literals, URLs and entropy
};
std::string_view SecretFamilyName(SecretFamily family);  // "cloud-credential", ...

enum class SecretSeverity : uint8_t { kLow, kMedium, kHigh, kCritical };
std::string_view SecretSeverityName(SecretSeverity severity);

// Extra structural checks a rule may ask for after its pattern matched.
enum class SecretValidator : uint8_t {
  kNone,
  kJwt,             // header and payload are base64url JSON, header has "alg"; anon keys dropped
  kJwtServiceRole,  // a JWT whose payload grants role service_role (Supabase)
  kBasicAuth,       // base64 of "user:password" with a non-empty password
  kRandom,          // looks generated: letters and digits, not a word or an identifier
};

// One example of a rule: a value and, for rules gated on the key name, the
// key it sits under (header name, JSON key) and optionally its JSON pointer.
struct SecretExample {
  std::string key;
  std::string pointer;
  std::string value;
  uint32_t line = 0;
};

struct SecretRuleSpec {
  std::string id;  // stable detector id, e.g. "github-pat-classic"
  std::string title;
  std::string provider;
  SecretFamily family = SecretFamily::kGeneric;
  SecretSeverity severity = SecretSeverity::kHigh;
  // Vectorscan pattern that selects the rule as a candidate for a value; a
  // pattern that can match the empty string makes the rule a candidate for
  // every value (then a key gate does the selecting).
  std::string prefilter;
  // RE2 pattern that confirms and extracts: the group named "secret", else
  // the first other group that took part in the match, is the secret; a
  // group named "key" is the key that key_pattern gates (for key = value
  // text inside code or JSON strings).
  std::string regex;
  // At least one must occur (case-insensitively) in the value or its key.
  std::vector<std::string> keywords;
  double min_entropy = 0;  // Shannon bits per character of the secret
  std::string key_pattern;      // RE2, case-insensitive, on the key name
  std::string key_exclude;      // RE2, case-insensitive: keys that cancel the gate
  std::string pointer_pattern;  // RE2, case-insensitive, on the JSON pointer
  std::vector<std::string> allowlist;  // RE2 on the secret: a match means "not a secret"
  SecretValidator validator = SecretValidator::kNone;
  bool allow_uuid = false;  // the credential itself is UUID-shaped (Heroku, Postmark)
  std::vector<SecretExample> match_examples;
  std::vector<SecretExample> no_match_examples;
  // Where the rule was written.
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

// Reads one rules file: `rules:` holding a list of rule maps. Unknown fields,
// missing required fields and duplicate ids are errors with line and column.
core::Result<std::vector<SecretRuleSpec>> ParseSecretRules(std::string_view yaml_text,
                                                           std::string_view file_name);

// Every built-in rule (rules/secrets/*.yaml as the build read and checked
// them), in file and then rule order, without their examples. Ids are unique.
std::vector<SecretRuleSpec> LoadBuiltInSecretRules();

}  // namespace fw::detect
