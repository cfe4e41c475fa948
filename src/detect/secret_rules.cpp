#include "detect/secret_rules.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <set>
#include <utility>

namespace fw::detect {

namespace {

constexpr std::array<std::pair<SecretFamily, std::string_view>, 5> kFamilies = {{
    {SecretFamily::kCloudCredential, "cloud-credential"},
    {SecretFamily::kApiToken, "api-token"},
    {SecretFamily::kPrivateKey, "private-key"},
    {SecretFamily::kDatabaseUri, "database-uri"},
    {SecretFamily::kGeneric, "generic"},
}};

constexpr std::array<std::pair<SecretSeverity, std::string_view>, 4> kSeverities = {{
    {SecretSeverity::kLow, "low"},
    {SecretSeverity::kMedium, "medium"},
    {SecretSeverity::kHigh, "high"},
    {SecretSeverity::kCritical, "critical"},
}};

constexpr std::array<std::pair<SecretValidator, std::string_view>, 5> kValidators = {{
    {SecretValidator::kNone, "none"},
    {SecretValidator::kJwt, "jwt"},
    {SecretValidator::kJwtServiceRole, "jwt-service-role"},
    {SecretValidator::kBasicAuth, "basic-auth"},
    {SecretValidator::kRandom, "random"},
}};

constexpr std::array<std::string_view, 20> kFields = {
    "id",          "title",       "provider",  "family",          "severity",
    "prefilter",   "regex",       "keywords",  "min_entropy",     "key_pattern",
    "key_exclude", "pointer_pattern", "allowlist", "validator",   "allow_uuid",
    "examples",    "description", "references", "notes",          "tags"};

// yaml-cpp reports errors by exception; they stay inside this file.
struct ParseError {
  std::string message;
  YAML::Mark mark;
};

[[noreturn]] void Fail(const YAML::Node& at, std::string message) {
  throw ParseError{std::move(message), at.Mark()};
}

std::string Scalar(const YAML::Node& node, std::string_view field) {
  if (!node.IsScalar()) Fail(node, std::string(field) + " must be a string");
  return node.Scalar();
}

std::vector<std::string> StringList(const YAML::Node& node, std::string_view field) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) Fail(node, std::string(field) + " must be a list of strings");
  for (const auto& item : node) out.push_back(Scalar(item, field));
  return out;
}

template <typename Enum, size_t N>
Enum Lookup(const YAML::Node& node, std::string_view field,
            const std::array<std::pair<Enum, std::string_view>, N>& table) {
  std::string v = Scalar(node, field);
  for (const auto& [value, name] : table) {
    if (name == v) return value;
  }
  std::string allowed;
  for (const auto& [value, name] : table) {
    if (!allowed.empty()) allowed += ", ";
    allowed += name;
  }
  Fail(node, std::string(field) + " '" + v + "' is not one of: " + allowed);
}

std::vector<SecretExample> Examples(const YAML::Node& list, std::string_view field) {
  std::vector<SecretExample> out;
  if (!list) return out;
  if (!list.IsSequence()) Fail(list, std::string(field) + " must be a list");
  for (const auto& item : list) {
    SecretExample ex;
    ex.line = static_cast<uint32_t>(item.Mark().line + 1);
    if (item.IsScalar()) {
      ex.value = item.Scalar();
    } else if (item.IsMap()) {
      for (const auto& kv : item) {
        std::string k = Scalar(kv.first, "example field");
        if (k == "key") {
          ex.key = Scalar(kv.second, "key");
        } else if (k == "value") {
          ex.value = Scalar(kv.second, "value");
        } else if (k == "pointer") {
          ex.pointer = Scalar(kv.second, "pointer");
        } else {
          Fail(kv.first, "unknown example field '" + k + "' (key, value, pointer)");
        }
      }
      if (!item["value"]) Fail(item, "an example needs a value");
    } else {
      Fail(item, "an example is a string or a map with key and value");
    }
    out.push_back(std::move(ex));
  }
  return out;
}

SecretRuleSpec ReadRule(const YAML::Node& node, std::string_view file) {
  if (!node.IsMap()) Fail(node, "a rule must be a map");
  SecretRuleSpec r;
  r.file = std::string(file);
  r.line = static_cast<uint32_t>(node.Mark().line + 1);
  r.column = static_cast<uint32_t>(node.Mark().column + 1);
  for (const auto& kv : node) {
    std::string k = Scalar(kv.first, "field name");
    bool known = false;
    for (auto f : kFields) known = known || f == k;
    if (!known) Fail(kv.first, "unknown field '" + k + "'");
  }
  for (std::string_view required : {"id", "title", "family", "prefilter", "regex", "examples"}) {
    if (!node[std::string(required)]) {
      Fail(node, "rule misses required field '" + std::string(required) + "'");
    }
  }
  r.id = Scalar(node["id"], "id");
  r.title = Scalar(node["title"], "title");
  if (node["provider"]) r.provider = Scalar(node["provider"], "provider");
  r.family = Lookup(node["family"], "family", kFamilies);
  if (node["severity"]) r.severity = Lookup(node["severity"], "severity", kSeverities);
  r.prefilter = Scalar(node["prefilter"], "prefilter");
  r.regex = Scalar(node["regex"], "regex");
  if (node["keywords"]) r.keywords = StringList(node["keywords"], "keywords");
  if (node["min_entropy"]) {
    try {
      r.min_entropy = node["min_entropy"].as<double>();
    } catch (const YAML::Exception&) {
      Fail(node["min_entropy"], "min_entropy must be a number");
    }
  }
  if (node["key_pattern"]) r.key_pattern = Scalar(node["key_pattern"], "key_pattern");
  if (node["key_exclude"]) r.key_exclude = Scalar(node["key_exclude"], "key_exclude");
  if (node["pointer_pattern"]) {
    r.pointer_pattern = Scalar(node["pointer_pattern"], "pointer_pattern");
  }
  if (node["allowlist"]) r.allowlist = StringList(node["allowlist"], "allowlist");
  if (node["validator"]) r.validator = Lookup(node["validator"], "validator", kValidators);
  if (node["allow_uuid"]) {
    try {
      r.allow_uuid = node["allow_uuid"].as<bool>();
    } catch (const YAML::Exception&) {
      Fail(node["allow_uuid"], "allow_uuid must be true or false");
    }
  }
  const YAML::Node& ex = node["examples"];
  if (!ex.IsMap()) Fail(ex, "examples must be a map with match and no_match");
  for (const auto& kv : ex) {
    std::string k = Scalar(kv.first, "examples field");
    if (k != "match" && k != "no_match") Fail(kv.first, "unknown examples field '" + k + "'");
  }
  r.match_examples = Examples(ex["match"], "examples.match");
  r.no_match_examples = Examples(ex["no_match"], "examples.no_match");
  if (r.match_examples.empty()) Fail(ex, "a rule needs at least one match example");
  if (r.no_match_examples.empty()) Fail(ex, "a rule needs at least one no_match example");
  for (char c : r.id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) Fail(node["id"], "id '" + r.id + "' may hold only a-z, 0-9 and '-'");
  }
  return r;
}

}  // namespace

std::string_view SecretFamilyName(SecretFamily family) {
  for (const auto& [f, name] : kFamilies) {
    if (f == family) return name;
  }
  return "generic";
}

std::string_view SecretSeverityName(SecretSeverity severity) {
  for (const auto& [s, name] : kSeverities) {
    if (s == severity) return name;
  }
  return "high";
}

core::Result<std::vector<SecretRuleSpec>> ParseSecretRules(std::string_view yaml_text,
                                                           std::string_view file_name) {
  std::vector<SecretRuleSpec> rules;
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap() || !root["rules"]) {
      return core::Status::InvalidInput(std::string(file_name),
                                        "a secret rules file is a map with a 'rules' list", 1, 1);
    }
    const YAML::Node& list = root["rules"];
    if (!list.IsSequence()) Fail(list, "'rules' must be a list");
    std::set<std::string> ids;
    for (const auto& item : list) {
      SecretRuleSpec r = ReadRule(item, file_name);
      if (!ids.insert(r.id).second) Fail(item["id"], "duplicate rule id '" + r.id + "'");
      rules.push_back(std::move(r));
    }
  } catch (const ParseError& e) {
    return core::Status::InvalidInput(std::string(file_name), e.message,
                                      static_cast<uint32_t>(e.mark.line + 1),
                                      static_cast<uint32_t>(e.mark.column + 1));
  } catch (const YAML::Exception& e) {
    return core::Status::InvalidInput(std::string(file_name), e.msg,
                                      static_cast<uint32_t>(e.mark.line + 1),
                                      static_cast<uint32_t>(e.mark.column + 1));
  }
  return rules;
}

}  // namespace fw::detect
