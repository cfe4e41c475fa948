// Risk factors: each factor comes from the workflow, moves its side in the
// expected direction and shows up with its contribution; the business
// impact sentence names who, what data and which services.
#include "risk/risk.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "cli/scan_pipeline.h"
#include "ingest/ingest.h"

namespace {

using fw::model::Finding;

struct Scanned {
  std::vector<fw::model::Workflow> workflows;
  std::vector<Finding> findings;
};

// Imports one n8n export, runs the checks and scores them like the pipeline.
Scanned ScanText(const std::string& text) {
  Scanned s;
  auto r = fw::ingest::ImportFile(std::make_shared<fw::core::SourceFile>("t.json", text));
  s.workflows = std::move(r.workflows);
  for (const auto& wf : s.workflows) {
    size_t first = s.findings.size();
    fw::analysis::RunChecks(wf, s.findings);
    fw::cli::ScoreWorkflowFindings(wf, fw::analysis::SummariseWorkflow(wf), s.findings, first);
  }
  return s;
}

const Finding* Find(const Scanned& s, std::string_view rule) {
  for (const auto& f : s.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

std::string Factor(const Finding& f, std::string_view name) {
  for (const auto& [k, v] : f.factors) {
    if (k == name) return v;
  }
  return "(absent)";
}

// A webhook (or, swapped, a schedule) feeding a Code node and a HubSpot node
// that sees e-mail addresses.
std::string Workflow(std::string_view trigger, std::string_view auth = "") {
  std::string params =
      auth.empty() ? R"({"path": "lead"})"
                   : R"({"path": "lead", "authentication": ")" + std::string(auth) + R"("})";
  return R"({"id": "w1", "name": "Lead intake", "active": true, "nodes": [
  {"id": "1", "name": "Trigger", "type": ")" +
         std::string(trigger) + R"(", "parameters": )" + params + R"(},
  {"id": "2", "name": "Normalise", "type": "n8n-nodes-base.code",
   "parameters": {"jsCode": "return items.map(i => ({json: {email: i.json.body.email, phone: i.json.body.phone}}));"}},
  {"id": "3", "name": "HubSpot", "type": "n8n-nodes-base.hubspot",
   "parameters": {"resource": "contact", "email": "={{ $json.email }}", "phone": "={{ $json.phone }}"},
   "credentials": {"hubspotApi": {"id": "7", "name": "HubSpot prod"}}}],
  "connections": {"Trigger": {"main": [[{"node": "Normalise", "type": "main", "index": 0}]]},
                  "Normalise": {"main": [[{"node": "HubSpot", "type": "main", "index": 0}]]}}})";
}

}  // namespace

TEST(RiskFactors, InternetWebhookIntoCodeOutranksInternalSchedule) {
  auto open = ScanText(Workflow("n8n-nodes-base.webhook"));
  auto sched = ScanText(Workflow("n8n-nodes-base.scheduleTrigger"));
  const Finding* open_code = Find(open, "n8n.code.execution");
  const Finding* sched_code = Find(sched, "n8n.code.execution");
  ASSERT_NE(open_code, nullptr);
  ASSERT_NE(sched_code, nullptr);
  EXPECT_GT(open_code->score, sched_code->score);
  EXPECT_GT(open_code->likelihood, sched_code->likelihood);
  EXPECT_EQ(Factor(*open_code, "exposure"), "internet");
  EXPECT_EQ(Factor(*open_code, "authentication"), "none");
  EXPECT_EQ(Factor(*sched_code, "exposure"), "internal");
  EXPECT_EQ(Factor(*sched_code, "authentication"), "(absent)");
  EXPECT_EQ(Factor(*open_code, "data"), "personal");
  // Code on the host reaches at least what an internal host would, more than
  // the HubSpot connector.
  EXPECT_EQ(Factor(*open_code, "reach"), "internal-host");
  const Finding* secretless_hook = Find(open, "n8n.webhook.no-auth");
  ASSERT_NE(secretless_hook, nullptr);
  EXPECT_EQ(Factor(*secretless_hook, "reach"), "internal-host");
  EXPECT_EQ(Factor(*open_code, "code-execution"), "on the host");
  EXPECT_EQ(Factor(*open_code, "workflow"), "active");
}

TEST(RiskFactors, AuthenticationLowersLikelihood) {
  auto open = ScanText(Workflow("n8n-nodes-base.webhook"));
  auto authed = ScanText(Workflow("n8n-nodes-base.webhook", "headerAuth"));
  const Finding* a = Find(open, "n8n.code.execution");
  const Finding* b = Find(authed, "n8n.code.execution");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_LT(b->likelihood, a->likelihood);
  EXPECT_EQ(Factor(*b, "authentication"), "headerAuth");
  EXPECT_EQ(b->impact, a->impact);  // who can try does not change what is at stake
}

TEST(RiskFactors, ContributionsAddUpToEachSide) {
  auto s = ScanText(Workflow("n8n-nodes-base.webhook"));
  ASSERT_FALSE(s.findings.empty());
  for (const auto& f : s.findings) {
    double l = 0;
    double i = 0;
    for (const auto& c : f.contributions) (c.impact ? i : l) += c.points;
    EXPECT_NEAR(l, f.likelihood, 0.1) << f.rule;
    EXPECT_NEAR(i, f.impact, 0.1) << f.rule;
    EXPECT_DOUBLE_EQ(f.score, fw::risk::Score(f.likelihood, f.impact)) << f.rule;
    EXPECT_EQ(f.severity, fw::model::SeverityFromScore(f.score)) << f.rule;
    EXPECT_FALSE(f.business_impact.empty()) << f.rule;
    // Every contribution names a factor the JSON shows.
    for (const auto& c : f.contributions) EXPECT_NE(Factor(f, c.factor), "(absent)") << c.factor;
  }
}

TEST(RiskFactors, BusinessImpactIsPlainLanguage) {
  auto s = ScanText(Workflow("n8n-nodes-base.webhook"));
  const Finding* hook = Find(s, "n8n.webhook.no-auth");
  ASSERT_NE(hook, nullptr);
  EXPECT_EQ(hook->business_impact,
            "Anyone on the internet who finds this URL can run code on the n8n server that holds "
            "the HubSpot credentials.");
  for (const auto& f : s.findings) {
    EXPECT_EQ(f.business_impact.find(f.rule), std::string::npos) << f.business_impact;
    EXPECT_EQ(f.business_impact.find(f.category), std::string::npos) << f.business_impact;
    EXPECT_EQ(f.business_impact.back(), '.');
  }
}

TEST(AssessFactors, EachFactorMovesItsSide) {
  fw::risk::Factors base;
  base.category = "unauthenticated-entry-point";
  base.base_likelihood = 6;
  base.base_impact = 6;
  auto plain = fw::risk::AssessFactors(base);

  auto internet = base;
  internet.exposure = fw::model::Exposure::kInternet;
  internet.auth = "none";
  EXPECT_GT(fw::risk::AssessFactors(internet).likelihood, plain.likelihood);
  auto internal = base;
  internal.exposure = fw::model::Exposure::kInternal;
  EXPECT_LT(fw::risk::AssessFactors(internal).likelihood, plain.likelihood);

  auto disabled = base;
  disabled.disabled = true;
  EXPECT_LT(fw::risk::AssessFactors(disabled).likelihood, plain.likelihood);

  auto health = base;
  health.data = {fw::detect::DataClass::kHealth};
  health.data_topics = {"diagnosis"};
  auto h = fw::risk::AssessFactors(health);
  EXPECT_GT(h.impact, plain.impact);
  EXPECT_NE(h.business_impact.find("diagnoses"), std::string::npos) << h.business_impact;

  auto cloud = base;
  cloud.reach = fw::risk::Reach::kCloudAdmin;
  auto utility = base;
  utility.reach = fw::risk::Reach::kUtility;
  EXPECT_GT(fw::risk::AssessFactors(cloud).impact, fw::risk::AssessFactors(utility).impact);

  auto many = base;
  many.records = 50000;
  auto few = base;
  few.records = 3;
  EXPECT_GT(fw::risk::AssessFactors(many).impact, fw::risk::AssessFactors(few).impact);

  auto code = base;
  code.code_execution = true;
  EXPECT_GT(fw::risk::AssessFactors(code).impact, plain.impact);
}

TEST(AssessFactors, WorstCaseIsCriticalAndQuietCaseIsLow) {
  fw::risk::Factors worst;
  worst.category = "code-execution";
  worst.base_likelihood = 9.5;
  worst.base_impact = 9.5;
  worst.skill = fw::risk::Skill::kLow;
  worst.exposure = fw::model::Exposure::kInternet;
  worst.auth = "none";
  worst.active = true;
  worst.data = {fw::detect::DataClass::kHealth};
  worst.reach = fw::risk::Reach::kCloudAdmin;
  worst.code_execution = true;
  EXPECT_EQ(fw::risk::AssessFactors(worst).severity, fw::model::Severity::kCritical);

  fw::risk::Factors quiet;
  quiet.category = "logging-gap";
  quiet.base_likelihood = 2;
  quiet.base_impact = 2;
  quiet.reach = fw::risk::Reach::kUtility;
  EXPECT_EQ(fw::risk::AssessFactors(quiet).severity, fw::model::Severity::kLow);
}

TEST(Reach, ConnectorNames) {
  using fw::risk::Reach;
  using fw::risk::ReachOfConnector;
  EXPECT_EQ(ReachOfConnector("n8n-nodes-base.postgres"), Reach::kDatabase);
  EXPECT_EQ(ReachOfConnector("hubspot"), Reach::kCrm);
  EXPECT_EQ(ReachOfConnector("shared_office365"), Reach::kMail);
  EXPECT_EQ(ReachOfConnector("n8n-nodes-base.awsS3"), Reach::kFiles);
  EXPECT_EQ(ReachOfConnector("n8n-nodes-base.awsLambda"), Reach::kCloudAdmin);
  EXPECT_EQ(ReachOfConnector("n8n-nodes-base.whatsApp"), Reach::kMessaging);
  EXPECT_EQ(ReachOfConnector("n8n-nodes-base.executeWorkflow"), Reach::kNone);
  EXPECT_EQ(ReachOfConnector(""), Reach::kNone);
}
