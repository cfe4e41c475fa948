#include "report/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/check.h"
#include "ingest/ingest.h"
#include "policy/evaluate.h"

namespace {

fw::report::ScanReport Sample() {
  fw::report::ScanReport r;
  auto imported =
      fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>("exports/lead.json", R"({
  "id": "L1", "name": "Lead intake", "connections": {},
  "nodes": [{"id": "n1", "name": "Webhook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "lead"}},
            {"id": "n2", "name": "Code", "type": "n8n-nodes-base.code", "parameters": {"jsCode": "1"}}]})"));
  r.summary.files = 2;
  r.summary.workflows = imported.workflows.size();
  r.summary.nodes = 2;
  r.summary.errors.push_back({"exports/broken.json", 7, 3, "invalid JSON: expected ',' or '}'"});
  fw::analysis::RunChecks(imported.workflows, r.findings);
  fw::report::SortFindings(r.findings);
  return r;
}

}  // namespace

TEST(JsonReport, FollowsTheFindingContract) {
  auto j = nlohmann::json::parse(fw::report::RenderJson(Sample()));
  EXPECT_EQ(j["tool"]["name"], "flowwarden");
  EXPECT_EQ(j["scanned"]["files"], 2);
  EXPECT_EQ(j["scanned"]["errors"], 1);
  EXPECT_EQ(j["errors"][0]["line"], 7);
  EXPECT_EQ(j["errors"][0]["column"], 3);
  ASSERT_GE(j["findings"].size(), 2u);
  const auto& f = j["findings"][0];
  for (const char* key : {"id", "rule", "category", "title", "severity", "score", "risk",
                          "standards", "location", "message", "remediation", "evidence"}) {
    EXPECT_TRUE(f.contains(key)) << key;
  }
  EXPECT_EQ(f["rule"], "n8n.webhook.no-auth");  // highest severity first
  EXPECT_EQ(f["location"]["file"], "exports/lead.json");
  EXPECT_EQ(f["location"]["platform"], "n8n");
  EXPECT_EQ(f["location"]["workflow"]["name"], "Lead intake");
  EXPECT_EQ(f["location"]["node"]["type"], "n8n-nodes-base.webhook");
  EXPECT_EQ(f["location"]["pointer"], "/nodes/0/parameters");
  EXPECT_EQ(f["location"]["line"], 3);
  EXPECT_EQ(f["evidence"], "authentication: (not set)");
  EXPECT_TRUE(f["risk"]["factors"].contains("exposure"));
}

TEST(TableReport, GroupsBySeverityAndSummarises) {
  fw::report::TableOptions plain;
  std::string t = fw::report::RenderTable(Sample(), plain);
  EXPECT_EQ(t.find("\x1b["), std::string::npos) << "no colour unless asked";
  size_t high = t.find("HIGH (");
  size_t medium = t.find("MEDIUM (");
  ASSERT_NE(high, std::string::npos);
  ASSERT_NE(medium, std::string::npos);
  EXPECT_LT(high, medium);
  EXPECT_NE(t.find("ERRORS (1)"), std::string::npos);
  EXPECT_NE(t.find("exports/broken.json:7:3: invalid JSON"), std::string::npos);
  std::string last = t.substr(t.rfind('\n', t.size() - 2) + 1);
  EXPECT_NE(last.find("2 files, 1 workflows, 2 nodes: 3 findings"), std::string::npos) << last;
  fw::report::TableOptions colour;
  colour.color = true;
  EXPECT_NE(fw::report::RenderTable(Sample(), colour).find("\x1b["), std::string::npos);
}

TEST(RulesReport, ListsEveryRule) {
  std::string table = fw::report::RenderRulesTable();
  std::string md = fw::report::RenderRulesMarkdown();
  auto j = nlohmann::json::parse(fw::report::RenderRulesJson());
  EXPECT_EQ(j["rules"].size(), fw::analysis::AllChecks().size() + fw::policy::AllRules().size());
  for (const auto* r : fw::report::AllRuleInfos()) {
    EXPECT_NE(table.find(std::string(r->id)), std::string::npos);
    EXPECT_NE(md.find("## " + std::string(r->id)), std::string::npos);
  }
}
