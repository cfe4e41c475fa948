// The derivation and the STRIDE rules on small hand-written n8n workflows:
// every rule has a workflow where it fires and one where it stays quiet;
// ids survive re-derivation and node reordering; diffs of two versions.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/threat_pipeline.h"
#include "threat_json.h"

namespace fw::threat {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

Json Node(std::string name, std::string type, Json parameters = Json::object()) {
  return Json{{"id", name + "-id"}, {"name", name},       {"type", std::move(type)},
              {"typeVersion", 1},   {"position", {0, 0}}, {"parameters", std::move(parameters)}};
}

Json Webhook(std::string name = "Hook", std::string auth = "") {
  Json p = {{"path", "hook"}, {"httpMethod", "POST"}};
  if (!auth.empty()) p["authentication"] = auth;
  return Node(std::move(name), "n8n-nodes-base.webhook", p);
}

Json Schedule() { return Node("Every hour", "n8n-nodes-base.scheduleTrigger"); }

Json WithCredentials(Json node, std::string type) {
  node["credentials"] = {{type, {{"id", "c1"}, {"name", "prod " + type}}}};
  return node;
}

// A chain of nodes connected in order by "main".
Json Chain(const std::vector<Json>& nodes, Json settings = Json::object()) {
  Json connections = Json::object();
  for (size_t i = 0; i + 1 < nodes.size(); ++i) {
    connections[nodes[i]["name"].get<std::string>()] = {
        {"main", {{{{"node", nodes[i + 1]["name"]}, {"type", "main"}, {"index", 0}}}}}};
  }
  return Json{{"id", "wf1"},    {"name", "Test flow"},        {"active", true},
              {"nodes", nodes}, {"connections", connections}, {"settings", settings}};
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("fw-threat-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return (path_ / name).string();
  }

 private:
  fs::path path_;
};

cli::ThreatAnalysis Analyse(const Json& workflow) {
  TempDir dir;
  std::string file = dir.Write("wf.json", workflow.dump(2));
  return cli::AnalyseThreats(core::LocalFileSystem(), {file});
}

std::vector<const Threat*> ByRule(const ThreatModel& m, std::string_view rule) {
  std::vector<const Threat*> out;
  for (const auto& t : m.threats) {
    if (t.rule == rule) out.push_back(&t);
  }
  return out;
}

std::string Dump(const ThreatModel& m) { return testing::ModelJson(m).dump(2); }

#define EXPECT_FIRES(model, rule) \
  EXPECT_FALSE(ByRule(model, rule).empty()) << rule << " should fire:\n" << Dump(model)
#define EXPECT_QUIET(model, rule) \
  EXPECT_TRUE(ByRule(model, rule).empty()) << rule << " should stay quiet:\n" << Dump(model)

const Json kHubspotEmail = {{"resource", "contact"},
                            {"email", "={{ $json.body.email }}"},
                            {"additionalFields", {{"firstName", "={{ $json.body.firstName }}"}}}};

// ---- the diagram ----

TEST(Derive, ElementsBoundariesAndFlows) {
  auto a =
      Analyse(Chain({Webhook(), Node("Create contact", "n8n-nodes-base.hubspot", kHubspotEmail),
                     Node("Call API", "n8n-nodes-base.httpRequest",
                          {{"url", "https://api.eu1.hubapi.com/crm/v3/objects"}}),
                     Node("Store row", "n8n-nodes-base.postgres",
                          {{"operation", "insert"}, {"table", "leads"}})}));
  ASSERT_EQ(a.model.diagrams.size(), 1u);
  const DataFlowDiagram& d = a.model.diagrams[0];
  EXPECT_EQ(d.key, "wf1");
  auto find = [&](const std::string& id) -> const Element* {
    for (const auto& e : d.elements) {
      if (e.id == id) return &e;
    }
    return nullptr;
  };
  const Element* caller = find("e:caller:wf1/Hook");
  ASSERT_NE(caller, nullptr) << Dump(a.model);
  EXPECT_EQ(caller->boundary, "b:internet");
  const Element* hook = find("p:wf1/Hook");
  ASSERT_NE(hook, nullptr);
  EXPECT_EQ(hook->Property("exposure"), "internet");
  EXPECT_EQ(hook->Property("auth"), "none");
  // The connector and the host on api.eu1.hubapi.com are one organisation.
  const Element* hubspot = find("e:org:hubspot.com");
  ASSERT_NE(hubspot, nullptr) << Dump(a.model);
  EXPECT_EQ(hubspot->boundary, "b:org:hubspot.com");
  EXPECT_EQ(hubspot->name, "HubSpot (hubspot.com)");
  size_t to_hubspot = 0;
  for (const auto& f : d.flows) to_hubspot += f.to == "e:org:hubspot.com";
  EXPECT_EQ(to_hubspot, 2u);
  const Element* store = find("d:wf1/Store row");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->kind, ElementKind::kDataStore);
  EXPECT_EQ(store->boundary, "b:stores");
  // The flow to HubSpot carries the contact's e-mail and crosses a boundary.
  bool labelled = false;
  for (const auto& f : d.flows) {
    if (f.id == "f:p:wf1/Create contact->e:org:hubspot.com") {
      labelled = true;
      EXPECT_TRUE(f.crosses_boundary);
      EXPECT_EQ(f.data_classes, std::vector<std::string>{"personal"});
      EXPECT_NE(f.label.find("email"), std::string::npos) << f.label;
      EXPECT_EQ(f.label.rfind("API: ", 0), 0u) << f.label;
    }
    if (f.from == "p:wf1/Hook" && f.to == "p:wf1/Create contact") {
      EXPECT_FALSE(f.crosses_boundary);
    }
  }
  EXPECT_TRUE(labelled) << Dump(a.model);
  // Estate: one HubSpot entity however many workflows talk to it.
  size_t estate_hubspot = 0;
  for (const auto& e : a.model.estate.elements) estate_hubspot += e.id == "e:org:hubspot.com";
  EXPECT_EQ(estate_hubspot, 1u);
  EXPECT_EQ(a.model.estate.key, "estate");
}

TEST(Derive, CloudStoreSitsWithItsVendor) {
  auto a = Analyse(Chain(
      {Schedule(), Node("Append", "n8n-nodes-base.googleSheets", {{"operation", "append"}})}));
  const auto& d = a.model.diagrams[0];
  bool found = false;
  for (const auto& e : d.elements) {
    if (e.id == "d:wf1/Append") {
      found = true;
      EXPECT_EQ(e.boundary, "b:org:google.com");
    }
  }
  EXPECT_TRUE(found) << Dump(a.model);
}

TEST(Derive, EstateMergesOrganisationsAcrossWorkflows) {
  TempDir dir;
  Json one = Chain({Schedule(), Node("Post", "n8n-nodes-base.slack", {{"text", "hi"}})});
  Json two = one;
  two["id"] = "wf2";
  std::string a = dir.Write("a.json", one.dump());
  std::string b = dir.Write("b.json", two.dump());
  auto r = cli::AnalyseThreats(core::LocalFileSystem(), {a, b});
  ASSERT_EQ(r.model.diagrams.size(), 2u);
  size_t slack = 0, processes = 0;
  for (const auto& e : r.model.estate.elements) {
    slack += e.id == "e:org:slack.com";
    processes += e.kind == ElementKind::kProcess;
  }
  EXPECT_EQ(slack, 1u);
  EXPECT_EQ(processes, 4u);
}

TEST(Derive, SameWorkflowIdInTwoFilesGetsTwoKeys) {
  TempDir dir;
  Json wf = Chain({Schedule(), Node("Post", "n8n-nodes-base.slack")});
  std::string a = dir.Write("a.json", wf.dump());
  std::string b = dir.Write("b.json", wf.dump());
  auto r = cli::AnalyseThreats(core::LocalFileSystem(), {a, b});
  ASSERT_EQ(r.model.diagrams.size(), 2u);
  EXPECT_NE(r.model.diagrams[0].key, r.model.diagrams[1].key);
}

// ---- the STRIDE rules: fires / quiet ----

TEST(Stride, UnauthenticatedEntryPoint) {
  constexpr auto kRule = "stride.spoofing.unauthenticated-entry-point";
  auto fires = Analyse(Chain({Webhook(), Node("Set", "n8n-nodes-base.set")}));
  EXPECT_FIRES(fires.model, kRule);
  auto t = ByRule(fires.model, kRule);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0]->target, "p:wf1/Hook");
  EXPECT_FALSE(t[0]->findings.empty());  // n8n.webhook.no-auth supports it
  EXPECT_NE(t[0]->scenario.find("'Test flow'"), std::string::npos);
  EXPECT_GE(t[0]->mitigations.size(), 2u);
  EXPECT_EQ(t[0]->id.size(), 15u);
  auto quiet = Analyse(Chain({Webhook("Hook", "headerAuth"), Node("Set", "n8n-nodes-base.set")}));
  EXPECT_QUIET(quiet.model, kRule);
  auto internal = Analyse(Chain({Schedule(), Node("Set", "n8n-nodes-base.set")}));
  EXPECT_QUIET(internal.model, kRule);
  // A Wait step resuming on an unauthenticated webhook call is a way in too.
  auto wait = Analyse(Chain(
      {Schedule(), Node("Wait for approval", "n8n-nodes-base.wait", {{"resume", "webhook"}})}));
  auto t_wait = ByRule(wait.model, kRule);
  ASSERT_EQ(t_wait.size(), 1u) << Dump(wait.model);
  EXPECT_EQ(t_wait[0]->target, "p:wf1/Wait for approval");
  auto wait_auth = Analyse(
      Chain({Schedule(), Node("Wait for approval", "n8n-nodes-base.wait",
                              {{"resume", "webhook"}, {"incomingAuthentication", "headerAuth"}})}));
  EXPECT_QUIET(wait_auth.model, kRule);
}

TEST(Stride, SharedSecretEntryAuth) {
  constexpr auto kRule = "stride.spoofing.shared-secret-entry-auth";
  auto fires = Analyse(Chain({Webhook("Hook", "headerAuth"), Node("Set", "n8n-nodes-base.set")}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({Webhook("Hook", "jwtAuth"), Node("Set", "n8n-nodes-base.set")}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, Injection) {
  constexpr auto kRule = "stride.tampering.injection";
  auto fires = Analyse(Chain(
      {Webhook(), Node("Query", "n8n-nodes-base.postgres",
                       {{"operation", "executeQuery"},
                        {"query", "=SELECT * FROM users WHERE name = '{{ $json.body.name }}'"}})}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain(
      {Webhook(), Node("Query", "n8n-nodes-base.postgres",
                       {{"operation", "executeQuery"}, {"query", "SELECT count(*) FROM users"}})}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, FileAccess) {
  constexpr auto kRule = "stride.tampering.file-access";
  Json file = Node("Write", "n8n-nodes-base.readWriteFile",
                   {{"operation", "write"}, {"fileName", "={{ $json.body.path }}"}});
  auto fires = Analyse(Chain({Webhook(), file}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({Schedule(), file}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, NoAuditTrail) {
  constexpr auto kRule = "stride.repudiation.no-audit-trail";
  auto fires = Analyse(
      Chain({Webhook(), Node("Set", "n8n-nodes-base.set")}, {{"saveDataErrorExecution", "none"}}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({Webhook(), Node("Set", "n8n-nodes-base.set")},
                             {{"saveDataErrorExecution", "all"}, {"errorWorkflow", "wf9"}}));
  EXPECT_QUIET(quiet.model, kRule);
  // Nobody outside starts it: nothing to repudiate.
  auto internal = Analyse(
      Chain({Schedule(), Node("Set", "n8n-nodes-base.set")}, {{"saveDataErrorExecution", "none"}}));
  EXPECT_QUIET(internal.model, kRule);
}

TEST(Stride, SensitiveDataLeaves) {
  constexpr auto kRule = "stride.information-disclosure.sensitive-data";
  auto fires =
      Analyse(Chain({Webhook(), Node("Create contact", "n8n-nodes-base.hubspot", kHubspotEmail)}));
  EXPECT_FIRES(fires.model, kRule);
  auto t = ByRule(fires.model, kRule);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0]->target, "f:p:wf1/Create contact->e:org:hubspot.com");
  EXPECT_NE(t[0]->scenario.find("HubSpot"), std::string::npos) << t[0]->scenario;
  EXPECT_NE(t[0]->scenario.find("email"), std::string::npos) << t[0]->scenario;
  auto quiet = Analyse(Chain({Webhook(), Node("Create deal", "n8n-nodes-base.hubspot",
                                              {{"resource", "deal"}, {"stage", "won"}})}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, HardcodedSecret) {
  constexpr auto kRule = "stride.information-disclosure.hardcoded-secret";
  Json headers = {
      {"parameters",
       {{{"name", "Authorization"}, {"value", "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dcTq9Xk2"}}}}};
  auto fires = Analyse(Chain({Schedule(), Node("Call", "n8n-nodes-base.httpRequest",
                                               {{"url", "https://api.stripe.com/v1/charges"},
                                                {"sendHeaders", true},
                                                {"headerParameters", headers}})}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(
      Chain({Schedule(), WithCredentials(Node("Call", "n8n-nodes-base.httpRequest",
                                              {{"url", "https://api.stripe.com/v1/charges"},
                                               {"authentication", "predefinedCredentialType"}}),
                                         "stripeApi")}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, PlaintextTransport) {
  constexpr auto kRule = "stride.information-disclosure.plaintext-transport";
  auto fires = Analyse(Chain({Schedule(), Node("Call", "n8n-nodes-base.httpRequest",
                                               {{"url", "http://api.example.com/x"}})}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({Schedule(), Node("Call", "n8n-nodes-base.httpRequest",
                                               {{"url", "https://api.example.com/x"}})}));
  EXPECT_QUIET(quiet.model, kRule);
  // Plain HTTP to the machine itself crosses no network.
  auto internal = Analyse(Chain({Schedule(), Node("Call", "n8n-nodes-base.httpRequest",
                                                  {{"url", "http://localhost:8080/x"}})}));
  EXPECT_QUIET(internal.model, kRule);
}

TEST(Stride, ExpensiveStepsFromInternet) {
  constexpr auto kRule = "stride.denial-of-service.expensive-steps-from-internet";
  Json agent = Node("Agent", "@n8n/n8n-nodes-langchain.agent", {{"text", "={{ $json.body.q }}"}});
  auto fires = Analyse(Chain({Webhook(), agent}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({Schedule(), agent}));
  EXPECT_QUIET(quiet.model, kRule);
  auto cheap = Analyse(Chain({Webhook(), Node("Set", "n8n-nodes-base.set")}));
  EXPECT_QUIET(cheap.model, kRule);
}

TEST(Stride, CodeFromInternet) {
  constexpr auto kRule = "stride.elevation-of-privilege.code-from-internet";
  Json code = Node("Code", "n8n-nodes-base.code", {{"jsCode", "return $input.all();"}});
  auto fires = Analyse(Chain({Webhook(), code}));
  EXPECT_FIRES(fires.model, kRule);
  auto t = ByRule(fires.model, kRule);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t[0]->target, "p:wf1/Code");
  auto quiet = Analyse(Chain({Schedule(), code}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, CredentialsFromInternet) {
  constexpr auto kRule = "stride.elevation-of-privilege.credentials-from-internet";
  Json slack = WithCredentials(Node("Post", "n8n-nodes-base.slack", {{"text", "hi"}}), "slackApi");
  auto fires = Analyse(Chain({Webhook(), slack}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({Webhook("Hook", "basicAuth"), slack}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, ExcessivePermission) {
  constexpr auto kRule = "stride.elevation-of-privilege.excessive-permission";
  Json nodes = {Node("Start", "n8n-nodes-base.executeWorkflowTrigger"),
                Node("Set", "n8n-nodes-base.set")};
  auto fires = Analyse(Chain({nodes[0], nodes[1]}, {{"callerPolicy", "any"}}));
  EXPECT_FIRES(fires.model, kRule);
  auto quiet = Analyse(Chain({nodes[0], nodes[1]}, {{"callerPolicy", "workflowsFromSameOwner"}}));
  EXPECT_QUIET(quiet.model, kRule);
}

TEST(Stride, EveryRuleIsDocumentedWithMitigations) {
  std::set<std::string_view> ids;
  for (const auto& r : ThreatRules()) {
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    EXPECT_GE(r.mitigations.size(), 2u) << r.id;
    EXPECT_FALSE(r.fires.empty()) << r.id;
  }
  EXPECT_GE(ids.size(), 10u);
}

// ---- ids and diffs ----

std::vector<std::string> ThreatIds(const ThreatModel& m) {
  std::vector<std::string> ids;
  for (const auto& t : m.threats) ids.push_back(t.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(Ids, StableAcrossRunsAndNodeOrder) {
  Json wf = Chain({Webhook(), Node("Code", "n8n-nodes-base.code", {{"jsCode", "return 1"}}),
                   Node("Create contact", "n8n-nodes-base.hubspot", kHubspotEmail)});
  auto first = Analyse(wf);
  auto again = Analyse(wf);
  ASSERT_FALSE(first.model.threats.empty());
  EXPECT_EQ(ThreatIds(first.model), ThreatIds(again.model));
  Json reordered = wf;
  std::reverse(reordered["nodes"].begin(), reordered["nodes"].end());
  auto moved = Analyse(reordered);
  EXPECT_EQ(ThreatIds(first.model), ThreatIds(moved.model));
  EXPECT_TRUE(DiffModels(first.model, moved.model).empty());
  EXPECT_EQ(ThreatId("r", "w", "t"), ThreatId("r", "w", "t"));
  EXPECT_NE(ThreatId("r", "w", "t"), ThreatId("r", "w", "u"));
}

TEST(Diff, TwoVersionsOfAWorkflow) {
  Json before = Chain({Webhook(), Node("Create contact", "n8n-nodes-base.hubspot", kHubspotEmail)});
  Json after = Chain({Webhook("Hook", "headerAuth"),
                      Node("Create contact", "n8n-nodes-base.hubspot", kHubspotEmail),
                      Node("Notify", "n8n-nodes-base.slack", {{"text", "new lead"}})});
  auto a = Analyse(before);
  auto b = Analyse(after);
  ThreatDiff d = DiffModels(a.model, b.model);
  EXPECT_NE(std::find(d.elements_added.begin(), d.elements_added.end(), "e:org:slack.com"),
            d.elements_added.end());
  EXPECT_NE(std::find(d.boundaries_added.begin(), d.boundaries_added.end(), "b:org:slack.com"),
            d.boundaries_added.end());
  EXPECT_NE(
      std::find(d.flows_added.begin(), d.flows_added.end(), "f:p:wf1/Create contact->p:wf1/Notify"),
      d.flows_added.end());
  const std::string unauth =
      ThreatId("stride.spoofing.unauthenticated-entry-point", "wf1", "p:wf1/Hook");
  EXPECT_NE(std::find(d.threats_removed.begin(), d.threats_removed.end(), unauth),
            d.threats_removed.end());
  EXPECT_FALSE(d.threats_added.empty());  // the shared-secret threat
  EXPECT_TRUE(DiffModels(a.model, a.model).empty());
}

TEST(Register, DecisionSurvivesReanalysis) {
  Json wf = Chain({Webhook(), Node("Code", "n8n-nodes-base.code", {{"jsCode", "return 1"}})});
  auto first = Analyse(wf);
  auto merge = MergeRegister(first.model, Register{});
  std::string text = WriteRegister(merge.merged);
  // A person accepts the first threat by editing the file.
  const std::string id = merge.merged.entries.front().threat;
  std::string needle = "id: \"" + id + "\"";
  size_t at = text.find(needle);
  ASSERT_NE(at, std::string::npos);
  size_t decision = text.find("decision: open", at);
  text.replace(decision, std::string("decision: open").size(), "decision: accepted");
  size_t just = text.find("justification: \"\"", at);
  text.replace(just, std::string("justification: \"\"").size(),
               "justification: \"Behind the VPN: only staff reach it\"");
  auto edited = ParseRegister(core::SourceFile("threat-model.yaml", text));
  ASSERT_TRUE(edited.ok()) << edited.error().ToString();

  auto second = Analyse(wf);
  auto remerged = MergeRegister(second.model, edited.value());
  EXPECT_TRUE(remerged.new_threats.empty());
  bool kept = false;
  for (const auto& e : remerged.merged.entries) {
    if (e.threat == id) {
      kept = true;
      EXPECT_EQ(e.decision, Decision::kAccepted);
      EXPECT_EQ(e.justification, "Behind the VPN: only staff reach it");
    }
  }
  EXPECT_TRUE(kept);
  EXPECT_EQ(WriteRegister(remerged.merged), text);
}

}  // namespace
}  // namespace fw::threat

namespace fw::threat {
namespace {

TEST(Docs, ThreatModelPageListsEveryRule) {
  std::ifstream in(std::filesystem::path(FW_SOURCE_DIR) / "docs" / "threat-model.md");
  std::string page((std::istreambuf_iterator<char>(in)), {});
  ASSERT_FALSE(page.empty());
  for (const auto& r : ThreatRules()) {
    std::string row = "| `" + std::string(r.id) + "` | " + std::string(StrideLetter(r.category)) +
                      " | " + std::string(r.title) + " | " + std::string(r.fires) + " |";
    EXPECT_NE(page.find(row), std::string::npos) << "docs/threat-model.md lacks:\n" << row;
  }
}

}  // namespace
}  // namespace fw::threat

namespace fw::threat {
namespace {

TEST(Stride, DataConcentrationAcrossTheEstate) {
  constexpr auto kRule = "stride.information-disclosure.data-concentration";
  Json one = Chain({Webhook(), Node("Create contact", "n8n-nodes-base.hubspot", kHubspotEmail)});
  Json two = one;
  two["id"] = "wf2";
  TempDir dir;
  std::string a = dir.Write("a.json", one.dump());
  std::string b = dir.Write("b.json", two.dump());
  auto both = cli::AnalyseThreats(core::LocalFileSystem(), {a, b});
  auto t = ByRule(both.model, kRule);
  ASSERT_EQ(t.size(), 1u) << Dump(both.model);
  EXPECT_EQ(t[0]->workflow, "estate");
  EXPECT_EQ(t[0]->target, "e:org:hubspot.com");
  EXPECT_NE(t[0]->title.find("2 workflows"), std::string::npos) << t[0]->title;
  // One workflow alone is covered by the per-flow rule.
  auto single = cli::AnalyseThreats(core::LocalFileSystem(), {a});
  EXPECT_QUIET(single.model, kRule);
}

}  // namespace
}  // namespace fw::threat

namespace fw::threat {
namespace {

// Every platform folder of the shared corpus (a sample of every 7th file, to
// keep sanitizer builds quick): the analysis completes, threat ids are
// unique, every threat names its rule, target and at least two mitigations,
// every flow joins known elements, and the register round-trips.
TEST(Corpus, SharedCorpusThreatModels) {
  const char* shared = std::getenv("FW_SHARED_DIR");
  if (shared == nullptr || *shared == '\0') GTEST_SKIP() << "FW_SHARED_DIR not set";
  const fs::path corpus = fs::path(shared) / "corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no corpus under " << corpus;
  std::vector<std::string> files;
  std::vector<fs::path> all;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file() && e.path().extension() == ".json") all.push_back(e.path());
  }
  std::sort(all.begin(), all.end());
  for (size_t i = 0; i < all.size(); i += 7) files.push_back(all[i].string());
  ASSERT_FALSE(files.empty());
  auto a = cli::AnalyseThreats(core::LocalFileSystem(), files);
  EXPECT_GT(a.model.diagrams.size(), files.size() / 2);
  std::set<std::string> ids;
  for (const auto& t : a.model.threats) {
    EXPECT_TRUE(ids.insert(t.id).second) << "duplicate threat id " << t.id;
    EXPECT_FALSE(t.rule.empty());
    EXPECT_FALSE(t.target.empty());
    EXPECT_FALSE(t.scenario.empty());
    EXPECT_GE(t.mitigations.size(), 2u);
  }
  for (const auto& d : a.model.diagrams) {
    std::set<std::string> elements;
    for (const auto& e : d.elements) elements.insert(e.id);
    for (const auto& f : d.flows) {
      EXPECT_TRUE(elements.count(f.from) && elements.count(f.to)) << f.id;
    }
  }
  auto merge = MergeRegister(a.model, Register{});
  std::string text = WriteRegister(merge.merged);
  auto parsed = ParseRegister(core::SourceFile("threat-model.yaml", text));
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(WriteRegister(MergeRegister(a.model, parsed.value()).merged), text);
}

}  // namespace
}  // namespace fw::threat
