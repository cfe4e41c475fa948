// The secret engine: rule loading and compiling, every rule's own examples,
// the never-report layer, overlap resolution and offsets. Failure messages
// show secrets only redacted (core::Redact), as every output must.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "core/text.h"
#include "detect/secret_filters.h"
#include "detect/secret_rules.h"
#include "detect/secret_scanner.h"

using fw::core::Redact;
using fw::detect::SecretContext;
using fw::detect::SecretMatch;
using fw::detect::SecretRuleSpec;
using fw::detect::SecretScanner;

namespace {

const SecretScanner& Engine() { return SecretScanner::BuiltIn(); }

std::vector<SecretMatch> ScanWith(std::string_view value, std::string_view key = "",
                                  std::string_view pointer = "/nodes/0/parameters/value") {
  return Engine().Scan(value, SecretContext{key, pointer, false});
}

std::string Ids(const std::vector<SecretMatch>& matches) {
  std::string out;
  for (const auto& m : matches) {
    if (!out.empty()) out += ", ";
    out += m.rule->id;
  }
  return out.empty() ? "(none)" : out;
}

bool Reports(const std::vector<SecretMatch>& matches, std::string_view id) {
  for (const auto& m : matches) {
    if (m.rule->id == id) return true;
  }
  return false;
}

}  // namespace

namespace {

// rules/secrets/*.yaml read from the source tree, as the build read them.
std::vector<SecretRuleSpec> SourceRules() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(FW_SOURCE_DIR) / "rules" / "secrets")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<SecretRuleSpec> all;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = fw::detect::ParseSecretRules(text, "rules/secrets/" + f.filename().string());
    EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
    if (!parsed.ok()) continue;
    for (auto& r : parsed.value()) all.push_back(std::move(r));
  }
  return all;
}

}  // namespace

TEST(SecretRules, BuiltInRulesAreTheSourceRules) {
  const auto source = SourceRules();
  const auto built_in = fw::detect::LoadBuiltInSecretRules();
  EXPECT_GE(source.size(), 120u);
  ASSERT_EQ(source.size(), built_in.size()) << "rebuild: the generated rule table is stale";
  std::set<std::string> ids;
  std::set<std::string> families;
  for (size_t i = 0; i < source.size(); ++i) {
    const auto& s = source[i];
    const auto& b = built_in[i];
    EXPECT_TRUE(ids.insert(s.id).second) << s.id;
    families.insert(std::string(fw::detect::SecretFamilyName(s.family)));
    EXPECT_EQ(s.id, b.id);
    EXPECT_EQ(s.title, b.title) << s.id;
    EXPECT_EQ(s.family, b.family) << s.id;
    EXPECT_EQ(s.severity, b.severity) << s.id;
    EXPECT_EQ(s.prefilter, b.prefilter) << s.id;
    EXPECT_EQ(s.regex, b.regex) << s.id;
    EXPECT_EQ(s.keywords, b.keywords) << s.id;
    EXPECT_EQ(s.min_entropy, b.min_entropy) << s.id;
    EXPECT_EQ(s.key_pattern, b.key_pattern) << s.id;
    EXPECT_EQ(s.key_exclude, b.key_exclude) << s.id;
    EXPECT_EQ(s.pointer_pattern, b.pointer_pattern) << s.id;
    EXPECT_EQ(s.allowlist, b.allowlist) << s.id;
    EXPECT_EQ(s.validator, b.validator) << s.id;
    EXPECT_EQ(s.allow_uuid, b.allow_uuid) << s.id;
    EXPECT_EQ(s.file, b.file) << s.id;
    EXPECT_EQ(s.line, b.line) << s.id;
  }
  EXPECT_EQ(families.size(), 5u);
  EXPECT_EQ(Engine().rules().size(), built_in.size());
  EXPECT_NE(Engine().FindRule("github-pat-classic"), nullptr);
  EXPECT_EQ(Engine().FindRule("no-such-rule"), nullptr);
}

TEST(SecretRules, SourceRulesCompile) {
  auto compiled = SecretScanner::Compile(SourceRules());
  ASSERT_TRUE(compiled.ok()) << compiled.error().ToString();
}

// Every rule's own examples, through the built-in scanner: each match
// example is found by that rule, each no_match example is not.
TEST(SecretRules, EveryRuleFindsItsExamples) {
  size_t checked = 0;
  for (const SecretRuleSpec& r : SourceRules()) {
    ASSERT_NE(Engine().FindRule(r.id), nullptr) << r.id << ": rebuild, the rule table is stale";
    for (const auto& ex : r.match_examples) {
      std::string pointer = ex.pointer.empty() ? "/nodes/0/parameters/value" : ex.pointer;
      auto found = ScanWith(ex.value, ex.key, pointer);
      EXPECT_TRUE(Reports(found, r.id))
          << r.file << ":" << ex.line << ": rule " << r.id << " misses its match example "
          << Redact(ex.value) << " (key '" << ex.key << "'); reported: " << Ids(found);
      ++checked;
    }
    for (const auto& ex : r.no_match_examples) {
      std::string pointer = ex.pointer.empty() ? "/nodes/0/parameters/value" : ex.pointer;
      auto found = ScanWith(ex.value, ex.key, pointer);
      EXPECT_FALSE(Reports(found, r.id))
          << r.file << ":" << ex.line << ": rule " << r.id << " reports its no_match example "
          << Redact(ex.value) << " (key '" << ex.key << "')";
      ++checked;
    }
  }
  EXPECT_GT(checked, 500u);
}

TEST(SecretRules, LoaderReportsWhereARuleIsWrong) {
  auto missing = fw::detect::ParseSecretRules(
      "rules:\n  - id: a\n    title: A\n    family: generic\n", "t.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().file, "t.yaml");
  EXPECT_EQ(missing.error().line, 2u);
  EXPECT_NE(missing.error().message.find("prefilter"), std::string::npos);

  auto unknown = fw::detect::ParseSecretRules(
      "rules:\n  - id: a\n    title: A\n    family: generic\n    prefilter: x\n    regex: (x)\n"
      "    colour: red\n    examples: {match: [x], no_match: [y]}\n",
      "t.yaml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().line, 7u);
  EXPECT_NE(unknown.error().message.find("colour"), std::string::npos);

  auto family = fw::detect::ParseSecretRules(
      "rules:\n  - id: a\n    title: A\n    family: weather\n    prefilter: x\n    regex: (x)\n"
      "    examples: {match: [x], no_match: [y]}\n",
      "t.yaml");
  ASSERT_FALSE(family.ok());
  EXPECT_NE(family.error().message.find("weather"), std::string::npos);

  auto syntax = fw::detect::ParseSecretRules("rules: [\n", "t.yaml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_GT(syntax.error().line, 0u);
}

TEST(SecretRules, CompileReportsBadPatterns) {
  auto parse = [](const std::string& prefilter, const std::string& regex) {
    auto r = fw::detect::ParseSecretRules(
        "rules:\n  - id: a\n    title: A\n    family: generic\n    prefilter: '" + prefilter +
            "'\n    regex: '" + regex + "'\n    examples: {match: [x], no_match: [y]}\n",
        "t.yaml");
    EXPECT_TRUE(r.ok());
    return SecretScanner::Compile(r.value());
  };
  auto bad_regex = parse("abc", "(abc");
  ASSERT_FALSE(bad_regex.ok());
  EXPECT_NE(bad_regex.error().message.find("regex"), std::string::npos);
  EXPECT_EQ(bad_regex.error().line, 2u);
  auto no_group = parse("abc", "abc");
  ASSERT_FALSE(no_group.ok());
  auto bad_prefilter = parse("a(?<=b)c", "(abc)");
  ASSERT_FALSE(bad_prefilter.ok());
  EXPECT_NE(bad_prefilter.error().message.find("prefilter"), std::string::npos);
  auto ok = parse("abc", "(abc)");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  auto m = ok.value()->Scan("xx abcdefgh", SecretContext{});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].offset, 3u);
  EXPECT_EQ(m[0].length, 3u);
}

TEST(SecretScanner, ReportsOffsetAndLengthOfTheSecret) {
  const std::string token = "ghp_R8tKq2ZwLm5Vx9NcB3hJp7Dy1Fs6Ga4Ue0Wo";
  const std::string value = "token " + token;
  auto m = ScanWith(value, "Authorization");
  ASSERT_EQ(m.size(), 1u) << Ids(m);
  EXPECT_EQ(m[0].rule->id, "github-pat-classic");
  EXPECT_EQ(value.substr(m[0].offset, m[0].length), token);
}

TEST(SecretScanner, ProviderRuleWinsOverGenericOnTheSameSecret) {
  const std::string value = "Bearer sk_live_4Rk8ZtQ2mW7xLp9VbN3cHj6Ds1Fg5Ya0";
  auto m = ScanWith(value, "Authorization");
  ASSERT_EQ(m.size(), 1u) << Ids(m);
  EXPECT_EQ(m[0].rule->id, "stripe-secret-key-live");
  EXPECT_EQ(m[0].offset, 7u);
}

TEST(SecretScanner, ReportsEachSecretOncePerValue) {
  const std::string key = "xoxb-240815937261-3051876429518-Qm7Zt3Vx9Kp5Rb2Lw8Nc4Hy6";
  auto m = ScanWith("const a = '" + key + "'; const b = '" + key + "';", "jsCode");
  ASSERT_EQ(m.size(), 1u) << Ids(m);
  EXPECT_EQ(m[0].rule->id, "slack-bot-token");
}

TEST(SecretScanner, N8nExpressionMarkerIsNotPartOfTheSecret) {
  const std::string value = "=Bearer sk_live_4Rk8ZtQ2mW7xLp9VbN3cHj6Ds1Fg5Ya0";
  auto m = ScanWith(value, "Authorization");
  ASSERT_EQ(m.size(), 1u) << Ids(m);
  EXPECT_EQ(value.substr(m[0].offset, m[0].length), "sk_live_4Rk8ZtQ2mW7xLp9VbN3cHj6Ds1Fg5Ya0");
}

TEST(SecretScanner, NeverReportsIdsHashesReferencesAndFiles) {
  const std::string hex64 = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5f7b9d0a2c4e6f8b1d";
  EXPECT_TRUE(ScanWith("7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a7c40", "apiKey").empty());
  EXPECT_TRUE(ScanWith(hex64, "instanceId").empty());
  EXPECT_TRUE(ScanWith(hex64, "sha256").empty());
  EXPECT_TRUE(ScanWith(hex64, "fileChecksum").empty());
  EXPECT_FALSE(ScanWith(hex64, "apiKey").empty());
  EXPECT_TRUE(ScanWith("={{ $credentials.apiKey }}", "apiKey").empty());
  EXPECT_TRUE(ScanWith("={{ $env.STRIPE_KEY }}", "Authorization").empty());
  EXPECT_TRUE(ScanWith("Bearer ${GITHUB_TOKEN}", "Authorization").empty());
  EXPECT_TRUE(ScanWith("@{parameters('apiKey')}", "x-api-key").empty());
  EXPECT_TRUE(ScanWith("YOUR_API_KEY_HERE", "apiKey").empty());
  EXPECT_TRUE(ScanWith("Bearer <your-token>", "Authorization").empty());
  EXPECT_TRUE(ScanWith("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "apiKey").empty());
  std::string image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";
  for (int i = 0; i < 20; ++i) image += "AKIAQXRYON8J1DYBV7ZXghp_R8tKq2ZwLm5Vx9NcB3hJp7Dy1Fs6Ga4Ue0Wo";
  EXPECT_TRUE(ScanWith(image, "data").empty());
  EXPECT_TRUE(Engine()
                  .Scan("ghp_R8tKq2ZwLm5Vx9NcB3hJp7Dy1Fs6Ga4Ue0Wo",
                        SecretContext{"data", "/nodes/0/parameters/binary/data", true})
                  .empty());
  EXPECT_TRUE(ScanWith("ghp_R8tKq2ZwLm5Vx9NcB3hJp7Dy1Fs6Ga4Ue0Wo", "name",
                       "/nodes/0/credentials/githubApi/name")
                  .empty());
}

TEST(SecretFilters, KeysAndPlaceholders) {
  using namespace fw::detect;  // NOLINT
  EXPECT_TRUE(IsIdentifierKey("webhookId"));
  EXPECT_TRUE(IsIdentifierKey("versionId"));
  EXPECT_TRUE(IsIdentifierKey("instanceId"));
  EXPECT_TRUE(IsIdentifierKey("client_id"));
  EXPECT_TRUE(IsIdentifierKey("id"));
  EXPECT_FALSE(IsIdentifierKey("sessionId"));
  EXPECT_FALSE(IsIdentifierKey("apiKey"));
  EXPECT_FALSE(IsIdentifierKey("paid"));
  EXPECT_TRUE(IsDigestKey("sha256"));
  EXPECT_TRUE(IsDigestKey("contentHash"));
  EXPECT_TRUE(IsDigestKey("ETag"));
  EXPECT_TRUE(IsDigestKey("integrity"));
  EXPECT_FALSE(IsDigestKey("hashtags"));
  EXPECT_FALSE(IsDigestKey("shape"));
  EXPECT_TRUE(IsUuid("7f3c9a2e-4b1d-4e8a-9c6f-2d5b8e1a7c40"));
  EXPECT_FALSE(IsUuid("7f3c9a2e4b1d4e8a9c6f2d5b8e1a7c40"));
  EXPECT_TRUE(IsReference("{{ $json.token }}"));
  EXPECT_TRUE(IsReference("$API_TOKEN"));
  EXPECT_TRUE(IsReference("%API_TOKEN%"));
  EXPECT_TRUE(IsReference("process.env.TOKEN"));
  EXPECT_FALSE(IsReference("R8tKq2ZwLm5Vx9NcB3hJp7Dy1Fs6Ga4Ue0Wo"));
  EXPECT_TRUE(IsPlaceholderSecret("<token>"));
  EXPECT_TRUE(IsPlaceholderSecret("YOUR_API_KEY"));
  EXPECT_TRUE(IsPlaceholderSecret("sk-xxxxxxxxxxxxxxxx"));
  EXPECT_TRUE(IsPlaceholderSecret("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_TRUE(IsPlaceholderSecret("sk-1234567890abcdef"));
  EXPECT_FALSE(IsPlaceholderSecret("R8tKq2ZwLm5Vx9NcB3hJp7Dy1Fs6Ga4Ue0Wo"));
  // A long random key that happens to hold a short word stays a secret.
  EXPECT_FALSE(IsPlaceholderSecret(
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7hereYourNullTodoQx9Lm2Vb8Nc4Hy6Fd0Js1"));
}
