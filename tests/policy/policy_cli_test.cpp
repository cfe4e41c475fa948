// End-to-end: `policy validate`, `policy import-dlp`, and `scan --policy`
// (an invalid policy scans nothing and exits 2; risk.fail_on; --owners).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("fw_policy_cli_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

CliRun Exec(const std::string& args) {
  fs::path err = TempDir() / "stderr.txt";
  std::string cmd = std::string(FW_BINARY) + " " + args + " 2>" + err.string();
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[65536];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return CliRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, Slurp(err)};
}

fs::path Write(const std::string& name, const std::string& text) {
  fs::path p = TempDir() / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string Src(const std::string& rel) { return (fs::path(FW_SOURCE_DIR) / rel).string(); }

const char* kFlow = R"({"id": "w1", "name": "Lead capture", "connections": {}, "nodes": [
  {"id": "1", "name": "Hook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "x"}},
  {"id": "2", "name": "Run", "type": "n8n-nodes-base.executeCommand", "parameters": {"command": "ls"}}]})";

}  // namespace

TEST(PolicyCli, ExampleLibraryValidates) {
  auto r = Exec("policy validate " + Src("examples/policy"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("policy valid: 5 files"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 waivers"), std::string::npos) << r.out;
}

TEST(PolicyCli, InvalidPolicyListsEveryDiagnostic) {
  fs::path bad = Write("bad/hosts.yaml", "hosts:\n  alow_hosts: []\nrisk:\n  fail_on: 3\n");
  auto r = Exec("policy validate " + bad.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("hosts.yaml:2:3: unknown key 'alow_hosts'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hosts.yaml:4:12: unexpected value '3'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 problems"), std::string::npos);
}

TEST(PolicyCli, ScanWithInvalidPolicyScansNothing) {
  fs::path flow = Write("scan1/flow.json", kFlow);
  fs::path bad =
      Write("scan1-policy/p.yaml", "components:\n  - block: n8n-nodes-base.executeCommand\n");
  auto r = Exec("scan --format json --policy " + bad.string() + " " + flow.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");  // no report at all
  EXPECT_NE(r.err.find("p.yaml:2:12: expected a list, found a string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was scanned"), std::string::npos);
  auto missing = Exec("scan --policy " + (TempDir() / "nope.yaml").string() + " " + flow.string());
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.out, "");
}

TEST(PolicyCli, ScanWithPolicyReportsAndUsesItsFailOn) {
  fs::path flow = Write("scan2/flow.json", kFlow);
  fs::path policy =
      Write("scan2-policy/p.yaml",
            "components:\n  - platform: n8n\n    block: [n8n-nodes-base.executeCommand]\n"
            "risk:\n  fail_on: never\n");
  auto r = Exec("scan --format json --policy " + policy.string() + " " + flow.string());
  EXPECT_EQ(r.code, 0) << r.err;  // high findings, but the policy says never
  auto doc = nlohmann::json::parse(r.out);
  bool blocked = false;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] == "policy.component.blocked") {
      blocked = true;
      EXPECT_NE(f["message"].get<std::string>().find("p.yaml:3"), std::string::npos);
    }
  }
  EXPECT_TRUE(blocked);
  // --fail-on on the command line wins.
  auto strict = Exec("scan --fail-on high --policy " + policy.string() + " " + flow.string());
  EXPECT_EQ(strict.code, 1);
  // A score threshold from the policy; --fail-on never on the command line
  // overrides both.
  fs::path by_score = Write("scan2-policy/score.yaml",
                            "components:\n  - block: [n8n-nodes-base.executeCommand]\n"
                            "risk:\n  fail_on: never\n  fail_on_score: 5.0\n");
  EXPECT_EQ(Exec("scan --policy " + by_score.string() + " " + flow.string()).code, 1);
  EXPECT_EQ(Exec("scan --fail-on never --policy " + by_score.string() + " " + flow.string()).code,
            0);
  // Without a policy: no policy findings.
  auto plain = Exec("scan --format json --fail-on never " + flow.string());
  EXPECT_EQ(plain.out.find("policy."), std::string::npos);
}

TEST(PolicyCli, ScanOwnersFileFeedsOwnershipRules) {
  fs::path flow = Write("scan3/flow.json", kFlow);
  fs::path policy = Write("scan3-policy/p.yaml", "ownership:\n  require_owner: true\n");
  auto without =
      Exec("scan --format json --fail-on never --policy " + policy.string() + " " + flow.string());
  EXPECT_NE(without.out.find("policy.owner.missing"), std::string::npos) << without.err;
  fs::path owners = Write("scan3-owners.yaml",
                          "owners:\n  - workflow: \"Lead *\"\n    owner: jane@acme.example\n");
  auto with = Exec("scan --format json --fail-on never --policy " + policy.string() + " --owners " +
                   owners.string() + " " + flow.string());
  EXPECT_EQ(with.code, 0) << with.err;
  EXPECT_EQ(with.out.find("policy.owner.missing"), std::string::npos);
  auto bad_owners = Exec("scan --owners " + Write("bad-owners.yaml", "owners: 5\n").string() + " " +
                         flow.string());
  EXPECT_EQ(bad_owners.code, 2);
}

TEST(PolicyCli, ImportDlpWritesAValidPolicy) {
  for (const std::string name : {"bap-v2.json", "bap-v2-list.json", "api-policy-hbi-lbi.json",
                                 "terraform-show.json", "terraform.tfstate", "dlp.tf.json"}) {
    fs::path out = TempDir() / ("imported-" + name + ".yaml");
    auto r = Exec("policy import-dlp " + Src("tests/policy/dlp/" + name) + " -o " + out.string());
    EXPECT_EQ(r.code, 0) << name << ": " << r.err;
    std::string yaml = Slurp(out);
    EXPECT_NE(yaml.find("\"shared_office365\""), std::string::npos) << name;
    auto v = Exec("policy validate " + out.string());
    EXPECT_EQ(v.code, 0) << name << ": " << v.err;
  }
  auto bad = Exec("policy import-dlp " + Write("notdlp.json", "{\"a\": 1}").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("not a Power Platform DLP policy"), std::string::npos);
}

TEST(PolicyCli, FolderWalkSkipsPolicyFiles) {
  Write("walk/flow.json", kFlow);
  Write("walk/policy/hosts.yaml", "hosts:\n  approved: ['*.example.com']\n");
  Write("walk/broken.yaml", "hosts:\n  alow: []\n");  // not a valid policy: still an error
  auto r = Exec("scan --format json --fail-on never " + (TempDir() / "walk").string());
  EXPECT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["scanned"]["files"], 2);
  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(doc["errors"][0]["file"], "broken.yaml");
}
