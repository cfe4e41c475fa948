// Runs against the real exports in the shared corpus, read from the folder
// named by FW_SHARED_DIR (CI sets it). Skips with a message when absent.
//
// Oracle: an independent reading of each export (nlohmann, not our importer)
// applies the selection rules of n8n's own `n8n audit` (webhooks without an
// authentication key, risky code/command nodes, file-system nodes, SQL
// queries with expressions). flowwarden must report every such node that is
// enabled; the ones it deliberately leaves out are listed in
// docs/decisions/0004-n8n-audit-comparison.md.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

fs::path CorpusDir(const char* platform) {
  const char* shared = std::getenv("FW_SHARED_DIR");
  if (shared == nullptr || *shared == '\0') return {};
  fs::path p = fs::path(shared) / "corpus" / platform;
  return fs::is_directory(p) ? p : fs::path();
}

Json ScanJson(const fs::path& dir, int* code) {
  fs::path out = fs::temp_directory_path() / ("fw_corpus_" + std::to_string(::getpid()) + ".json");
  std::string cmd = std::string(FW_BINARY) + " scan -f json --fail-on never -o " + out.string() +
                    " " + dir.string();
  int status = std::system(cmd.c_str());
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(out);
  Json j = Json::parse(in);
  fs::remove(out);
  return j;
}

std::string Short(const std::string& type) { return type.substr(type.rfind('.') + 1); }

}  // namespace

TEST(N8nCorpus, ScansEveryFileAndCoversN8nAudit) {
  fs::path dir = CorpusDir("n8n");
  if (dir.empty()) GTEST_SKIP() << "FW_SHARED_DIR/corpus/n8n not found; set FW_SHARED_DIR to the shared folder";
  int code = -1;
  Json report = ScanJson(dir, &code);
  ASSERT_EQ(code, 0) << "scan must not crash";

  size_t json_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") ++json_files;
  }
  EXPECT_EQ(report["scanned"]["files"].get<size_t>(), json_files) << "every export is read";
  for (const auto& e : report["errors"]) {
    EXPECT_GT(e["line"].get<int>(), 0) << e.dump();
    EXPECT_GT(e["column"].get<int>(), 0) << e.dump();
  }

  // What flowwarden reported: (category, file, node name).
  std::set<std::tuple<std::string, std::string, std::string>> reported;
  for (const auto& f : report["findings"]) {
    EXPECT_GT(f["location"]["line"].get<int>(), 0) << f.dump();
    if (!f["location"].contains("node")) continue;
    reported.insert({f["category"].get<std::string>(), f["location"]["file"].get<std::string>(),
                     f["location"]["node"]["name"].get<std::string>()});
  }

  static const std::set<std::string> kRisky = {"code", "function", "functionItem", "executeCommand", "ssh"};
  static const std::set<std::string> kFiles = {"readBinaryFile", "readBinaryFiles", "writeBinaryFile",
                                               "readPDF", "spreadsheetFile", "readWriteFile"};
  static const std::set<std::string> kSql = {"postgres", "mySql", "microsoftSql", "snowflake",
                                             "crateDb", "questDb", "timescaleDb"};
  std::map<std::string, size_t> expected;
  std::map<std::string, size_t> missed;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    Json wf = Json::parse(in, nullptr, false);
    if (wf.is_discarded() || !wf.is_object() || !wf["nodes"].is_array()) continue;
    std::string rel = fs::relative(e.path(), dir).generic_string();
    for (const auto& n : wf["nodes"]) {
      if (!n.is_object() || !n["type"].is_string() || n.value("disabled", false)) continue;
      std::string t = Short(n["type"]);
      std::string name = n.value("name", "");
      const Json& p = n.contains("parameters") ? n["parameters"] : Json::object();
      auto expect = [&](const char* kind, const char* category) {
        ++expected[kind];
        if (!reported.count({category, rel, name})) {
          ++missed[kind];
          ADD_FAILURE() << kind << " not reported: " << rel << " node '" << name << "'";
        }
      };
      if (t == "webhook" && (!p.contains("authentication") || p["authentication"] == "none")) {
        expect("webhook", "unauthenticated-entry-point");
      }
      if (kRisky.count(t)) expect("risky", "code-execution");
      if (kFiles.count(t)) expect("filesystem", "filesystem-access");
      if (kSql.count(t) && p.value("operation", "executeQuery") == "executeQuery" &&
          p.contains("query") && p["query"].is_string()) {
        std::string q = p["query"];
        bool has_input = q.find("$json") != std::string::npos || q.find("$(") != std::string::npos ||
                         q.find("$node") != std::string::npos || q.find("$input") != std::string::npos ||
                         q.find("$fromAI") != std::string::npos || q.find("$item") != std::string::npos;
        if (q.find("{{") != std::string::npos && has_input) expect("sql", "injection");
      }
    }
  }
  for (const auto& [kind, n] : expected) {
    std::printf("[ corpus ] n8n audit-style %-10s expected %zu, missed %zu\n", kind.c_str(), n, missed[kind]);
  }
  EXPECT_GT(expected["webhook"], 0u);
  EXPECT_GT(expected["risky"], 0u);
}

TEST(N8nCorpus, NoEvidenceCarriesLongSecrets) {
  fs::path dir = CorpusDir("n8n");
  if (dir.empty()) GTEST_SKIP() << "FW_SHARED_DIR/corpus/n8n not found";
  int code = -1;
  Json report = ScanJson(dir, &code);
  for (const auto& f : report["findings"]) {
    if (f["category"] != "hardcoded-secret") continue;
    std::string ev = f["evidence"];
    EXPECT_NE(ev.find("\u2026("), std::string::npos) << "secret evidence must be redacted: " << ev;
  }
}

TEST(OtherCorpora, NoCrashOnAnyPlatformFolder) {
  for (const char* platform : {"nodered", "powerautomate", "logicapps"}) {
    fs::path dir = CorpusDir(platform);
    if (dir.empty()) GTEST_SKIP() << "FW_SHARED_DIR/corpus not found";
    int code = -1;
    Json report = ScanJson(dir, &code);
    // Other platforms arrive in a later change; today they must be reported
    // as unrecognised, never crash.
    EXPECT_TRUE(code == 0) << platform;
    EXPECT_TRUE(report.contains("errors"));
  }
}
