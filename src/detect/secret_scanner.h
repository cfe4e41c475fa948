// SecretScanner: finds credentials in one string value at a time, using the
// rules of rules/secrets/ (secret_rules.h).
//
// How a value is scanned:
//   1. context gates: values under identifier or digest keys, inside
//      credential references and file contents are skipped whole;
//   2. one Vectorscan pass over the value with the prefilters of the rules
//      not gated on the key picks candidate rules (a prefilter matching the
//      key name also counts: {"cohereApiKey": "..."}); rules gated on the key
//      name (key_pattern) are candidates when the key opens them and their
//      prefilter, kept in a second database, matches the value. What a key
//      opens is worked out once per distinct key and thread;
//   3. per candidate: pointer gate, keyword gate, then RE2 confirms and
//      extracts the secret (and checks a "key" group against key_pattern);
//   4. per secret: entropy threshold, validator, the rule's allowlist and the
//      shared never-report layer (secret_filters.h: references, UUIDs,
//      placeholders);
//   5. overlapping matches are resolved (a provider's rule wins over a
//      generic one; then severity, then the longer match), and each secret
//      is reported once per value.
//
// Thread-safety: a compiled SecretScanner is immutable and may be used from
// any number of threads at once; each thread gets its own Vectorscan scratch
// space the first time it scans.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "detect/secret_rules.h"

namespace fw::detect {

// Where a value sits.
struct SecretContext {
  // Nearest object key, or the name of a name/value pair (HTTP header or
  // query parameter name, Set node field name). May be empty.
  std::string_view key;
  // JSON pointer of the value, e.g. "/nodes/3/parameters/jsCode".
  std::string_view pointer;
  // The value is file content (n8n binary data, an object with a mimeType
  // sibling): skipped whole.
  bool binary = false;
};

struct SecretMatch {
  const SecretRuleSpec* rule = nullptr;  // owned by the scanner
  uint32_t offset = 0;                   // of the secret inside the scanned value
  uint32_t length = 0;
};

struct SecretScannerOptions {
  // A database from SerializePrefilters() for the same rules in the same
  // order. Used when it loads on this machine; otherwise (or when empty) the
  // prefilters are compiled, which takes about half a second.
  std::span<const unsigned char> prefilter_database;
  // Compile each rule's RE2 patterns when the rule is first a candidate,
  // instead of now. Only for rules already validated (the build checks the
  // built-in rules); a bad pattern then silently disables its rule.
  bool lazy_patterns = false;
  // Build the Vectorscan database for the architecture's baseline CPU rather
  // than this machine's, so that a serialised copy loads anywhere.
  bool portable = false;
};

class SecretScanner {
 public:
  // Validates and compiles rules: every prefilter into one Vectorscan
  // database, every regex, key, pointer and allowlist pattern with RE2. The
  // first bad pattern is an error naming the rule's file, line and column.
  static core::Result<std::unique_ptr<const SecretScanner>> Compile(
      std::vector<SecretRuleSpec> rules, const SecretScannerOptions& options = {});

  // The built-in rules (LoadBuiltInSecretRules) with the prefilter database
  // the build made, ready on first use (thread-safe) without compiling.
  static const SecretScanner& BuiltIn();

  // The prefilter database, serialised for embedding (hs_serialize_database).
  std::string SerializePrefilters() const;

  ~SecretScanner();
  SecretScanner(const SecretScanner&) = delete;
  SecretScanner& operator=(const SecretScanner&) = delete;

  // Appends the secrets found in `value` to `out`, in order of offset.
  void Scan(std::string_view value, const SecretContext& context,
            std::vector<SecretMatch>& out) const;
  std::vector<SecretMatch> Scan(std::string_view value, const SecretContext& context) const;

  std::span<const SecretRuleSpec> rules() const;
  const SecretRuleSpec* FindRule(std::string_view id) const;

 private:
  struct Impl;
  explicit SecretScanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fw::detect
