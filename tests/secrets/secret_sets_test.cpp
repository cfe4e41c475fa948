// The secret test sets: tests/secrets/found/ holds invented secrets in the
// shapes each platform exports (n8n header pairs, query parameters, Set
// fields, Code nodes, notes and sticky notes; Node-RED function bodies and
// http request nodes; Power Automate and Logic Apps HTTP actions; Make
// module mappers), listed with the detector that must find each in
// expected.json; tests/secrets/decoys/ holds ids, hashes, expressions,
// placeholders and file contents that must stay quiet (decoys.json lists the
// ones written on purpose). Every string is scanned through the engine with
// the context the hardcoded-secret check gives it (detect::ForEachSecretSite).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>

#include "core/json.h"
#include "core/text.h"
#include "detect/secret_scanner.h"
#include "detect/secret_walk.h"

namespace fs = std::filesystem;

namespace {

fs::path SetsDir() { return fs::path(FW_SOURCE_DIR) / "tests" / "secrets"; }

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Reported {
  std::string rule;
  std::string redacted;  // never the whole secret, even in a failure message
};

// pointer -> what the engine reports there, for one file.
using Findings = std::multimap<std::string, Reported>;

Findings ScanFile(const fs::path& path, std::set<std::string>* pointers = nullptr) {
  auto src = std::make_shared<fw::core::SourceFile>(path.filename().string(), ReadAll(path));
  auto doc = fw::core::Document::ParseJson(src);
  EXPECT_TRUE(doc.ok()) << path << ": " << (doc.ok() ? "" : doc.error().ToString());
  Findings out;
  if (!doc.ok()) return out;
  const auto& engine = fw::detect::SecretScanner::BuiltIn();
  fw::detect::ForEachSecretSite(doc.value()->root(), "", [&](const fw::detect::SecretSite& s) {
    if (pointers != nullptr) pointers->insert(std::string(s.context.pointer));
    for (const auto& m : engine.Scan(s.value, s.context)) {
      out.emplace(std::string(s.context.pointer),
                  Reported{m.rule->id, fw::core::Redact(s.value.substr(m.offset, m.length))});
    }
  });
  return out;
}

}  // namespace

TEST(SecretTestSet, EveryFakeSecretIsFoundByItsDetectorAndNothingElse) {
  auto manifest = nlohmann::json::parse(ReadAll(SetsDir() / "expected.json"));
  std::map<std::string, std::set<std::pair<std::string, std::string>>> expected;  // file -> (ptr, rule)
  size_t count = 0;
  for (const auto& e : manifest["found"]) {
    expected[e["file"].get<std::string>()].insert(
        {e["pointer"].get<std::string>(), e["rule"].get<std::string>()});
    ++count;
  }
  EXPECT_GE(count, 60u);
  std::set<std::string> platforms;
  size_t found = 0;
  for (const auto& entry : fs::directory_iterator(SetsDir() / "found")) {
    const std::string file = "found/" + entry.path().filename().string();
    platforms.insert(entry.path().filename().string().substr(0, 4));
    Findings findings = ScanFile(entry.path());
    const auto& want = expected[file];
    EXPECT_FALSE(want.empty()) << file << " has no entries in expected.json";
    for (const auto& [pointer, rule] : want) {
      bool hit = false;
      for (auto [it, end] = findings.equal_range(pointer); it != end; ++it) {
        hit = hit || it->second.rule == rule;
      }
      EXPECT_TRUE(hit) << file << pointer << ": " << rule << " does not find its secret";
      found += hit;
    }
    for (const auto& [pointer, r] : findings) {
      EXPECT_TRUE(want.count({pointer, r.rule}))
          << file << pointer << ": unexpected " << r.rule << " on " << r.redacted;
    }
  }
  EXPECT_EQ(found, count);
  EXPECT_GE(platforms.size(), 5u);  // n8n, Node-RED, Power Automate, Logic Apps, Make
  std::printf("[ secrets  ] test set: %zu of %zu fake secrets found by their detector\n", found,
              count);
}

TEST(SecretTestSet, NoDecoyIsReported) {
  auto manifest = nlohmann::json::parse(ReadAll(SetsDir() / "decoys.json"));
  std::map<std::string, std::set<std::string>> listed;
  size_t count = 0;
  for (const auto& d : manifest["decoys"]) {
    listed[d["file"].get<std::string>()].insert(d["pointer"].get<std::string>());
    ++count;
  }
  EXPECT_GE(count, 60u);
  size_t reported = 0;
  size_t strings = 0;
  for (const auto& entry : fs::directory_iterator(SetsDir() / "decoys")) {
    const std::string file = "decoys/" + entry.path().filename().string();
    std::set<std::string> pointers;
    Findings findings = ScanFile(entry.path(), &pointers);
    strings += pointers.size();
    for (const auto& p : listed[file]) EXPECT_TRUE(pointers.count(p)) << file << p << " not found";
    for (const auto& [pointer, r] : findings) {
      ADD_FAILURE() << file << pointer << ": decoy reported by " << r.rule << " (" << r.redacted
                    << ")";
      ++reported;
    }
  }
  EXPECT_EQ(reported, 0u);
  std::printf("[ secrets  ] decoys: %zu listed, %zu strings scanned, %zu reported\n", count,
              strings, reported);
}
