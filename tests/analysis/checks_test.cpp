// Unit tests of the check machinery; each check's firing and quiet cases are
// golden cases under tests/cases/.
#include <gtest/gtest.h>

#include <set>

#include "analysis/check.h"
#include "ingest/ingest.h"

namespace {

std::vector<fw::model::Finding> ScanText(const std::string& text) {
  auto r = fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>("t.json", text));
  std::vector<fw::model::Finding> out;
  fw::analysis::RunChecks(r.workflows, out);
  return out;
}

const char* kOpenWebhook = R"({"id": "w", "name": "Hook", "nodes": [
  {"id": "1", "name": "Webhook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "x"}},
  {"id": "2", "name": "Run", "type": "n8n-nodes-base.executeCommand",
   "parameters": {"command": "=convert {{ $json.body.file }} out.pdf"}}],
  "connections": {"Webhook": {"main": [[{"node": "Run", "type": "main", "index": 0}]]}}})";

}  // namespace

TEST(CheckTable, RulesAreUniqueAndComplete) {
  std::set<std::string> ids;
  static const std::set<std::string> kCategories = {
      "hardcoded-secret", "unauthenticated-entry-point", "code-execution", "injection",
      "sensitive-data-exposure", "insecure-transport", "filesystem-access", "unapproved-component",
      "excessive-permission", "logging-gap", "asset-hygiene", "misconfiguration", "drift"};
  for (const auto& c : fw::analysis::AllChecks()) {
    EXPECT_TRUE(ids.insert(std::string(c.info.id)).second) << "duplicate " << c.info.id;
    EXPECT_TRUE(kCategories.count(std::string(c.info.category))) << c.info.id;
    EXPECT_EQ(c.info.owasp.rfind("LCNC-SEC-", 0), 0u) << c.info.id;
    EXPECT_EQ(c.info.cwe.rfind("CWE-", 0), 0u) << c.info.id;
    EXPECT_FALSE(c.info.remediation.empty()) << c.info.id;
    EXPECT_FALSE(c.info.description.empty()) << c.info.id;
    EXPECT_GT(c.info.likelihood, 0);
    EXPECT_GT(c.info.impact, 0);
    EXPECT_NE(c.run, nullptr);
  }
  EXPECT_NE(fw::analysis::FindRule("n8n.webhook.no-auth"), nullptr);
  EXPECT_EQ(fw::analysis::FindRule("nope"), nullptr);
}

TEST(Runner, ReachabilityRaisesLikelihood) {
  auto findings = ScanText(kOpenWebhook);
  const fw::model::Finding* exec = nullptr;
  for (const auto& f : findings) {
    if (f.rule == "n8n.command.execution") exec = &f;
  }
  ASSERT_NE(exec, nullptr);
  EXPECT_GE(exec->likelihood, 7.0);
  EXPECT_NE(exec->message.find("reachable from internet entry point 'Webhook'"), std::string::npos);

  // The same command without the webhook is internal.
  std::string internal = kOpenWebhook;
  internal.replace(internal.find("n8n-nodes-base.webhook"), 22, "n8n-nodes-base.manualTrigger");
  for (const auto& f : ScanText(internal)) {
    if (f.rule == "n8n.command.execution") {
      EXPECT_LT(f.likelihood, 7.0);
    }
    EXPECT_NE(f.rule, "n8n.webhook.no-auth");
  }
}

TEST(Runner, IdsAreStableAndDistinct) {
  auto a = ScanText(kOpenWebhook);
  auto b = ScanText(kOpenWebhook);
  ASSERT_EQ(a.size(), b.size());
  std::set<std::string> ids;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].id.rfind("FW-", 0), 0u);
    EXPECT_EQ(a[i].id.size(), 19u);
    ids.insert(a[i].id);
  }
  EXPECT_EQ(ids.size(), a.size());
  EXPECT_EQ(fw::analysis::FindingId("r", "f", "w", "n", "/p"),
            fw::analysis::FindingId("r", "f", "w", "n", "/p"));
  EXPECT_NE(fw::analysis::FindingId("r", "f", "w", "n", "/p"),
            fw::analysis::FindingId("r", "f2", "w", "n", "/p"));
}

TEST(Runner, SeverityFollowsScore) {
  for (const auto& f : ScanText(kOpenWebhook)) {
    EXPECT_EQ(f.severity, fw::model::SeverityFromScore(f.score)) << f.rule;
    EXPECT_GE(f.score, 0.0);
    EXPECT_LE(f.score, 10.0);
  }
}

TEST(Secrets, EvidenceNeverHoldsTheWholeSecret) {
  const std::string secret = "sk_live_51HqLyjWDarjtT1zdp7dcXYZqwer";
  std::string text = R"({"name": "s", "connections": {}, "nodes": [
    {"name": "HTTP", "type": "n8n-nodes-base.httpRequest", "parameters": {
      "url": "https://api.stripe.com/v1/charges", "sendHeaders": true,
      "headerParameters": {"parameters": [{"name": "Authorization", "value": "Bearer SECRET"}]}}}]})";
  text.replace(text.find("SECRET"), 6, secret);
  size_t secrets = 0;
  for (const auto& f : ScanText(text)) {
    EXPECT_EQ(f.evidence.find(secret), std::string::npos) << f.rule;
    EXPECT_EQ(f.message.find(secret), std::string::npos) << f.rule;
    if (f.category != "hardcoded-secret") continue;
    ++secrets;
    EXPECT_NE(f.evidence.find("sk_l"), std::string::npos) << f.evidence;
  }
  EXPECT_EQ(secrets, 1u);
}
