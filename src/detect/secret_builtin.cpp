// The built-in rules and scanner, from the tables the build generated
// (secret_builtin.h). Kept apart from secret_rules.cpp and
// secret_scanner.cpp because the generator links those and has no tables.
#include "detect/secret_builtin.h"

#include <cstdio>
#include <cstdlib>

#include "detect/secret_rules.h"
#include "detect/secret_scanner.h"

namespace fw::detect {

std::vector<SecretRuleSpec> LoadBuiltInSecretRules() {
  std::vector<SecretRuleSpec> all;
  auto lines = [](std::string_view joined) {
    std::vector<std::string> out;
    while (!joined.empty()) {
      size_t nl = joined.find('\n');
      out.emplace_back(joined.substr(0, nl));
      if (nl == std::string_view::npos) break;
      joined.remove_prefix(nl + 1);
    }
    return out;
  };
  for (const builtin::RuleRow& row : builtin::Rules()) {
    SecretRuleSpec r;
    r.id = std::string(row.id);
    r.title = std::string(row.title);
    r.provider = std::string(row.provider);
    r.family = static_cast<SecretFamily>(row.family);
    r.severity = static_cast<SecretSeverity>(row.severity);
    r.prefilter = std::string(row.prefilter);
    r.regex = std::string(row.regex);
    r.keywords = lines(row.keywords);
    r.min_entropy = row.min_entropy;
    r.key_pattern = std::string(row.key_pattern);
    r.key_exclude = std::string(row.key_exclude);
    r.pointer_pattern = std::string(row.pointer_pattern);
    r.allowlist = lines(row.allowlist);
    r.validator = static_cast<SecretValidator>(row.validator);
    r.allow_uuid = row.allow_uuid;
    r.file = std::string(row.file);
    r.line = row.line;
    r.column = row.column;
    all.push_back(std::move(r));
  }
  return all;
}

const SecretScanner& SecretScanner::BuiltIn() {
  static const SecretScanner* const kScanner = [] {
    SecretScannerOptions options;
    options.prefilter_database = builtin::PrefilterDatabase();
    // The build compiled every pattern once already (secret_rules_gen).
    options.lazy_patterns = true;
    auto scanner = Compile(LoadBuiltInSecretRules(), options);
    if (!scanner.ok()) {
      // Unreachable unless the generated tables are damaged: the build
      // compiled these very rules.
      std::fprintf(stderr, "flowwarden: built-in secret rules: %s\n",
                   scanner.error().ToString().c_str());
      std::abort();
    }
    return std::move(scanner).value().release();
  }();
  return *kScanner;
}

}  // namespace fw::detect
