// Waivers: the parser's errors (with line and column), glob and id matching,
// expiry, and what the CLI does with suppressed findings (JSON keeps them,
// the table and the exit code leave them out).
#include "policy/waivers.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/yaml.h"

namespace fs = std::filesystem;
using fw::policy::GlobMatch;
using fw::policy::Waiver;

namespace {

struct Parsed {
  std::vector<Waiver> waivers;
  fw::core::Diagnostics errors;
};

Parsed Parse(const std::string& yaml) {
  Parsed p;
  auto src = std::make_shared<fw::core::SourceFile>("waivers.yaml", yaml);
  (void)fw::policy::LoadWaivers(src, p.waivers, p.errors);
  return p;
}

fw::model::Finding MakeFinding(std::string id, std::string rule, std::string file,
                               std::string workflow, fw::model::Severity sev) {
  fw::model::Finding f;
  f.id = std::move(id);
  f.rule = std::move(rule);
  f.location.file = std::move(file);
  f.location.workflow_name = std::move(workflow);
  f.location.workflow_id = "wf-" + f.location.workflow_name;
  f.severity = sev;
  return f;
}

std::vector<fw::model::Finding> Findings() {
  using fw::model::Severity;
  return {MakeFinding("FW-0000000000000001", "n8n.webhook.no-auth", "marketing/lead.json",
                      "Lead intake", Severity::kHigh),
          MakeFinding("FW-0000000000000002", "n8n.webhook.no-auth", "sales/lead.json",
                      "Lead intake", Severity::kHigh),
          MakeFinding("FW-0000000000000003", "n8n.webhook.no-auth", "marketing/deep/x.json",
                      "Newsletter", Severity::kHigh),
          MakeFinding("FW-0000000000000004", "n8n.code.execution", "marketing/lead.json",
                      "Lead intake", Severity::kMedium)};
}

const char* kTail = R"(
    justification: "Behind Cloudflare Access; RISK-221"
    approver: jane.doe@example.com
    expires: 2027-03-31
)";

size_t Waived(const std::vector<fw::model::Finding>& fs) {
  size_t n = 0;
  for (const auto& f : fs) n += f.suppression.has_value();
  return n;
}

}  // namespace

TEST(WaiverParse, ReadsAllFields) {
  auto p = Parse(std::string(R"(waivers:
  - id: W-2026-014
    rule: n8n.webhook.no-auth
    path: "marketing/**"
    workflow: "Lead intake*")") +
                 kTail);
  ASSERT_TRUE(p.errors.empty()) << p.errors[0].ToString();
  ASSERT_EQ(p.waivers.size(), 1u);
  const auto& w = p.waivers[0];
  EXPECT_EQ(w.id, "W-2026-014");
  EXPECT_EQ(w.rule, "n8n.webhook.no-auth");
  EXPECT_EQ(w.path, "marketing/**");
  EXPECT_EQ(w.workflow, "Lead intake*");
  EXPECT_EQ(w.approver, "jane.doe@example.com");
  EXPECT_EQ(w.expires, "2027-03-31");
  EXPECT_EQ(w.line, 2u);
  EXPECT_EQ(w.column, 5u);
}

TEST(WaiverParse, ErrorsNameLineAndColumn) {
  auto p = Parse(R"(waivers:
  - rule: n8n.webhook.no-auth
    path: "**"
    approver: a@example.com
    expires: 2027-03-31
  - finding: FW-0000000000000001
    justification: ok
    approver: a@example.com
    expires: 31/03/2027
  - justification: ok
    approver: a@example.com
    expires: 2027-03-31
  - rule: x
    justification: ok
    approver: a@example.com
    expires: 2027-02-29
    colour: red
  - finding: FW-0000000000000001
    justification: fine
    approver: a@example.com
    expires: 2027-01-01
)");
  ASSERT_EQ(p.waivers.size(), 1u);  // only the last entry is valid
  EXPECT_EQ(p.waivers[0].justification, "fine");
  auto has = [&](uint32_t line, uint32_t column, std::string_view text) {
    for (const auto& e : p.errors) {
      if (e.file == "waivers.yaml" && e.line == line && e.column == column &&
          e.message.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(has(2, 5, "missing 'justification'"));
  EXPECT_TRUE(has(9, 14, "'expires' must be a date written YYYY-MM-DD"));
  EXPECT_TRUE(has(10, 5, "needs 'finding'"));
  EXPECT_TRUE(has(16, 14, "'expires' must be a date"));  // 2027 is not a leap year
  EXPECT_TRUE(has(17, 13, "unknown key 'colour'"));
  EXPECT_TRUE(has(13, 5, "'rule' needs 'path' and/or 'workflow'"));
  for (const auto& e : p.errors) EXPECT_GT(e.line, 0u) << e.message;
}

TEST(WaiverParse, NotASequenceOrMissing) {
  auto p = Parse("waivers: 3\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 1u);
  EXPECT_NE(p.errors[0].message.find("expected a sequence"), std::string::npos);
  auto q = Parse("policy: {}\n");
  ASSERT_EQ(q.errors.size(), 1u);
  EXPECT_NE(q.errors[0].message.find("top-level 'waivers:'"), std::string::npos);
  auto r = Parse("waivers: [\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_GT(r.errors[0].line, 0u);
  auto both = Parse(std::string("waivers:\n  - finding: FW-1\n    rule: a\n    path: b") + kTail);
  EXPECT_TRUE(both.waivers.empty());
  ASSERT_FALSE(both.errors.empty());
  EXPECT_NE(both.errors[0].message.find("either 'finding' or 'rule'"), std::string::npos);
}

TEST(Glob, PathsAndNames) {
  EXPECT_TRUE(GlobMatch("marketing/**", "marketing/a/b.json"));
  EXPECT_TRUE(GlobMatch("marketing/*", "marketing/a.json"));
  EXPECT_FALSE(GlobMatch("marketing/*", "marketing/a/b.json"));
  EXPECT_TRUE(GlobMatch("**/lead.json", "lead.json"));
  EXPECT_TRUE(GlobMatch("**/lead.json", "a/b/lead.json"));
  EXPECT_FALSE(GlobMatch("**/lead.json", "a/blead.json"));
  EXPECT_TRUE(GlobMatch("a/**/z.json", "a/z.json"));
  EXPECT_TRUE(GlobMatch("a/**/z.json", "a/b/c/z.json"));
  EXPECT_TRUE(GlobMatch("exports/*.zip!/**", "exports/sol.zip!/Workflows/x.json"));
  EXPECT_TRUE(GlobMatch("?.json", "a.json"));
  EXPECT_FALSE(GlobMatch("?.json", "/.json"));
  EXPECT_TRUE(GlobMatch("Lead intake*", "Lead intake: website form", false));
  EXPECT_TRUE(GlobMatch("*/x", "a/b/x", false));  // names: '/' is ordinary
  EXPECT_FALSE(GlobMatch("Lead", "Lead intake", false));
  EXPECT_TRUE(GlobMatch("", ""));
  EXPECT_TRUE(GlobMatch("**", "a/b/c.json"));
  EXPECT_TRUE(GlobMatch("*.json", "x.json"));
  EXPECT_FALSE(GlobMatch("*.json", "x.yaml"));
  EXPECT_FALSE(GlobMatch("a/**", "b/a/x.json"));
  EXPECT_TRUE(GlobMatch("**/", "a/"));
  EXPECT_FALSE(GlobMatch("ab*ba", "aba"));  // head and tail may not overlap
  // Many stars against a long non-matching text stays fast (no backtracking).
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*b", std::string(5000, 'a'), false));
}

TEST(WaiverApply, PathGlob) {
  auto p = Parse(
      std::string("waivers:\n  - rule: n8n.webhook.no-auth\n    path: \"marketing/**\"") + kTail);
  auto fs = Findings();
  auto out = fw::policy::ApplyWaivers(p.waivers, "2026-11-30", fs);
  EXPECT_EQ(out.waived, 2u);
  EXPECT_TRUE(fs[0].suppression);
  EXPECT_FALSE(fs[1].suppression);  // sales/
  EXPECT_TRUE(fs[2].suppression);   // marketing/deep/
  EXPECT_FALSE(fs[3].suppression);  // another rule
  EXPECT_EQ(fs[0].suppression->justification, "Behind Cloudflare Access; RISK-221");
  EXPECT_EQ(fs[0].suppression->approver, "jane.doe@example.com");
  EXPECT_EQ(fs[0].suppression->expires, "2027-03-31");
  EXPECT_EQ(fs[0].suppression->source, "waivers.yaml:2:5");
  EXPECT_EQ(fs[0].suppression->waiver, "rule n8n.webhook.no-auth at marketing/**");
  EXPECT_TRUE(out.warnings.empty());
}

TEST(WaiverApply, WorkflowGlobNameOrId) {
  auto p = Parse(std::string("waivers:\n  - rule: \"n8n.*\"\n    workflow: \"Lead*\"") + kTail);
  auto fs = Findings();
  fw::policy::ApplyWaivers(p.waivers, "2026-11-30", fs);
  EXPECT_TRUE(fs[0].suppression);
  EXPECT_TRUE(fs[1].suppression);
  EXPECT_FALSE(fs[2].suppression);  // Newsletter
  EXPECT_TRUE(fs[3].suppression);   // rule glob n8n.*
  auto by_id = Parse(std::string("waivers:\n  - rule: n8n.webhook.no-auth\n    workflow: "
                                 "wf-Newsletter") +
                     kTail);
  auto fs2 = Findings();
  fw::policy::ApplyWaivers(by_id.waivers, "2026-11-30", fs2);
  EXPECT_EQ(Waived(fs2), 1u);
  EXPECT_TRUE(fs2[2].suppression);
}

TEST(WaiverApply, PathAndWorkflowBothMustMatch) {
  auto p = Parse(std::string("waivers:\n  - rule: n8n.webhook.no-auth\n    path: \"marketing/**\"\n"
                             "    workflow: \"Lead intake\"") +
                 kTail);
  auto fs = Findings();
  fw::policy::ApplyWaivers(p.waivers, "2026-11-30", fs);
  EXPECT_EQ(Waived(fs), 1u);
  EXPECT_TRUE(fs[0].suppression);
}

TEST(WaiverApply, FindingIdAndUnmatchedWarning) {
  auto p = Parse(std::string("waivers:\n  - id: W-1\n    finding: FW-0000000000000002") + kTail +
                 std::string("  - id: W-2\n    finding: FW-ffffffffffffffff") + kTail);
  auto fs = Findings();
  auto out = fw::policy::ApplyWaivers(p.waivers, "2026-11-30", fs);
  EXPECT_EQ(Waived(fs), 1u);
  EXPECT_TRUE(fs[1].suppression);
  EXPECT_EQ(fs[1].suppression->waiver, "W-1");
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("W-2 matches no finding"), std::string::npos);
  EXPECT_EQ(out.warnings[0].line, 7u);
}

TEST(WaiverApply, ExpiryDayIsStillValidAndAfterItIsReported) {
  auto p = Parse(std::string("waivers:\n  - id: W-9\n    finding: FW-0000000000000001") + kTail);
  auto on_day = Findings();
  auto out = fw::policy::ApplyWaivers(p.waivers, "2027-03-31", on_day);
  EXPECT_EQ(out.expired, 0u);
  EXPECT_TRUE(on_day[0].suppression);
  EXPECT_EQ(on_day.size(), 4u);

  auto after = Findings();
  out = fw::policy::ApplyWaivers(p.waivers, "2027-04-01", after);
  EXPECT_EQ(out.expired, 1u);
  EXPECT_EQ(out.waived, 0u);
  EXPECT_FALSE(after[0].suppression);
  ASSERT_EQ(after.size(), 5u);
  const auto& e = after.back();
  EXPECT_EQ(e.rule, "policy.waiver.expired");
  EXPECT_EQ(e.category, "asset-hygiene");
  EXPECT_EQ(e.location.file, "waivers.yaml");
  EXPECT_EQ(e.location.line, 2u);
  EXPECT_EQ(e.location.column, 5u);
  EXPECT_EQ(e.location.pointer, "/waivers/0");
  EXPECT_EQ(e.id.rfind("FW-", 0), 0u);
  EXPECT_NE(e.message.find("W-9 expired on 2027-03-31"), std::string::npos);
  EXPECT_TRUE(out.warnings.empty());  // an expired waiver is a finding, not also a warning
}

TEST(WaiverApply, FirstWaiverWins) {
  auto p = Parse(std::string("waivers:\n  - id: A\n    finding: FW-0000000000000001") + kTail +
                 std::string("  - id: B\n    rule: \"*\"\n    path: \"**\"") + kTail);
  auto fs = Findings();
  fw::policy::ApplyWaivers(p.waivers, "2026-11-30", fs);
  EXPECT_EQ(fs[0].suppression->waiver, "A");
  EXPECT_EQ(fs[1].suppression->waiver, "B");
}

// End to end through the binary.
namespace {

struct Run {
  int code;
  std::string out;
};

Run Exec(const std::string& args) {
  std::string cmd = std::string(FW_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace

TEST(WaiverCli, SuppressedLeavesTableAndExitCodeButStaysInJson) {
  fs::path dir = fs::temp_directory_path() / ("fw_waivers_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "hook.json") << R"({"id": "r1", "name": "Risky", "active": true,
    "connections": {}, "nodes": [{"id": "1", "name": "Webhook", "type": "n8n-nodes-base.webhook",
    "parameters": {"path": "x"}}]})";
  std::string scan = "scan " + (dir / "hook.json").string() + " --fail-on medium";
  auto before = Exec(scan);
  EXPECT_EQ(before.code, 1) << before.out;
  EXPECT_NE(before.out.find("n8n.webhook.no-auth"), std::string::npos);

  std::ofstream(dir / "w.yaml") << "waivers:\n  - id: W-1\n    rule: n8n.webhook.no-auth\n"
                                   "    workflow: Risky\n    justification: \"Behind SSO\"\n"
                                   "    approver: jane@example.com\n    expires: 2027-03-31\n";
  std::string waived = scan + " --waivers " + (dir / "w.yaml").string() + " --today 2026-11-30";
  auto table = Exec(waived);
  EXPECT_EQ(table.code, 0) << table.out;
  EXPECT_EQ(table.out.find("n8n.webhook.no-auth"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("1 findings waived"), std::string::npos) << table.out;

  auto json = Exec(waived + " -f json");
  auto doc = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& f : doc["findings"]) {
    if (f["rule"] != "n8n.webhook.no-auth") continue;
    found = true;
    ASSERT_TRUE(f.contains("suppressed"));
    const auto& s = f["suppressed"];
    EXPECT_EQ(s["justification"], "Behind SSO");
    EXPECT_EQ(s["approver"], "jane@example.com");
    EXPECT_EQ(s["expires"], "2027-03-31");
    EXPECT_EQ(s["waiver"], "W-1");
    EXPECT_EQ(s["source"], (dir / "w.yaml").string() + ":2:5");
  }
  EXPECT_TRUE(found);

  // Past its date the waiver suppresses nothing and is reported itself.
  setenv("FW_TODAY", "2027-04-01", 1);
  auto expired = Exec(scan + " --waivers " + (dir / "w.yaml").string() + " -f json");
  unsetenv("FW_TODAY");
  EXPECT_EQ(expired.code, 1);
  auto doc2 = nlohmann::json::parse(expired.out);
  bool reported = false;
  for (const auto& f : doc2["findings"]) {
    EXPECT_FALSE(f.contains("suppressed"));
    reported = reported || f["rule"] == "policy.waiver.expired";
  }
  EXPECT_TRUE(reported);
  EXPECT_EQ(Exec(scan + " --waivers " + (dir / "w.yaml").string() + " --today 31.3.2027").code, 2);
  fs::remove_all(dir);
}
