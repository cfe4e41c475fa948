// End-to-end tests of the flowwarden binary: exit codes, formats, files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out;
};

Run Exec(const std::string& args) {
  std::string cmd = std::string(FW_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("fw_cli_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

const char* kRisky = R"({"id": "r1", "name": "Risky", "connections": {}, "nodes": [
  {"id": "1", "name": "Webhook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "x"}}]})";
const char* kSafe = R"({"id": "s1", "name": "Safe", "connections": {}, "nodes": [
  {"id": "1", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "parameters": {}}]})";

}  // namespace

TEST(Cli, VersionAndHelp) {
  auto v = Exec("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("flowwarden 0.1.0"), std::string::npos);
  auto h = Exec("scan --help");
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("--fail-on"), std::string::npos);
  EXPECT_EQ(Exec("rules --help").code, 0);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Exec("").code, 2);
  EXPECT_EQ(Exec("scan").code, 2);
  EXPECT_EQ(Exec("scan --format yaml x.json").code, 2);
  EXPECT_EQ(Exec("frobnicate").code, 2);
  auto missing = Exec("scan /nonexistent/nothing.json");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("no such file"), std::string::npos);
}

TEST(Cli, ExitCodeFollowsFailOn) {
  fs::path d = TempDir();
  Write(d / "risky.json", kRisky);
  Write(d / "safe.json", kSafe);
  EXPECT_EQ(Exec("scan " + (d / "safe.json").string()).code, 0);
  EXPECT_EQ(Exec("scan " + (d / "risky.json").string()).code, 1);  // default: high
  EXPECT_EQ(Exec("scan --fail-on critical " + (d / "risky.json").string()).code, 0);
  EXPECT_EQ(Exec("scan --fail-on never " + (d / "risky.json").string()).code, 0);
  fs::remove_all(d);
}

TEST(Cli, BrokenFileIsReportedAndOthersStillScanned) {
  fs::path d = TempDir();
  fs::create_directories(d / "nested");
  Write(d / "nested" / "risky.json", kRisky);
  Write(d / "broken.json", "{\n  \"nodes\": [\n    {\"a\": 1,}\n  ]\n}");
  Write(d / "notes.txt", "not json, not scanned");
  auto r = Exec("scan -f json --fail-on never " + d.string());
  EXPECT_EQ(r.code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["scanned"]["files"], 2);
  EXPECT_EQ(j["scanned"]["workflows"], 1);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["file"], "broken.json");
  EXPECT_EQ(j["errors"][0]["line"], 3);
  EXPECT_EQ(j["errors"][0]["column"], 13);
  ASSERT_GE(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["location"]["file"], "nested/risky.json");
  fs::remove_all(d);
}

TEST(Cli, WritesOutputFileAndTableSummary) {
  fs::path d = TempDir();
  Write(d / "risky.json", kRisky);
  fs::path out = d / "report.txt";
  auto r = Exec("scan --fail-on never -o " + out.string() + " " + (d / "risky.json").string());
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(r.out.empty()) << r.out;
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find("HIGH (1)"), std::string::npos) << text;
  EXPECT_NE(text.find("n8n.webhook.no-auth"), std::string::npos);
  EXPECT_NE(text.find("1 files, 1 workflows, 1 nodes"), std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  fs::remove_all(d);
}

TEST(Cli, RulesListsTheTable) {
  auto r = Exec("rules");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("n8n.webhook.no-auth"), std::string::npos);
  EXPECT_NE(r.out.find("LCNC-SEC-04"), std::string::npos);
  auto j = nlohmann::json::parse(Exec("rules -f json").out);
  EXPECT_GT(j["rules"].size(), 15u);
}

TEST(Cli, RulesReferenceInDocsIsCurrent) {
  // docs/rules.md is generated; regenerate with
  // `flowwarden rules --format markdown > docs/rules.md`.
  std::ifstream in(fs::path(FW_SOURCE_DIR) / "docs" / "rules.md");
  std::string doc((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(doc, Exec("rules --format markdown").out);
}
