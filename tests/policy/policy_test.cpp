// The policy library: schema errors with exact positions, merge and compile,
// every policy rule firing and staying quiet, severity floors, waiver
// sections, patterns and the DLP import.
#include "policy/policy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analysis/inventory.h"
#include "core/file_system.h"
#include "ingest/ingest.h"
#include "policy/dlp_import.h"
#include "policy/evaluate.h"

namespace fs = std::filesystem;
using fw::core::Diagnostics;
using fw::model::Finding;

namespace {

std::shared_ptr<fw::core::SourceFile> Src(const std::string& name, const std::string& text) {
  return std::make_shared<fw::core::SourceFile>(name, text);
}

// Schema errors of one file ("" when it is valid).
Diagnostics Errors(const std::string& text, const std::string& name = "p.yaml") {
  Diagnostics errors;
  (void)fw::policy::ParsePolicyFile(Src(name, text), errors);
  return errors;
}

// Reads, merges and compiles in-memory files; null with `errors` on failure.
std::unique_ptr<fw::policy::CompiledPolicy> Load(
    const std::vector<std::pair<std::string, std::string>>& files,
    Diagnostics* errors_out = nullptr) {
  Diagnostics errors;
  std::vector<fw::policy::PolicyFile> read;
  for (const auto& [name, text] : files) {
    auto f = fw::policy::ParsePolicyFile(Src(name, text), errors);
    if (f.has_value()) read.push_back(std::move(*f));
  }
  std::unique_ptr<fw::policy::CompiledPolicy> out;
  if (errors.empty()) {
    auto spec = fw::policy::MergePolicies(read, errors);
    if (errors.empty()) out = fw::policy::CompilePolicy(std::move(spec), read, errors);
    if (!errors.empty()) out.reset();
  }
  if (errors_out != nullptr) *errors_out = errors;
  return out;
}

std::unique_ptr<fw::policy::CompiledPolicy> Load(const std::string& text) {
  Diagnostics errors;
  auto p = Load({{"policy.yaml", text}}, &errors);
  EXPECT_TRUE(errors.empty()) << errors.front().ToString();
  return p;
}

// Evaluates `policy` over every workflow of an export text; `owner` (when
// set) stands in for an owners-file match.
std::vector<Finding> Evaluate(const fw::policy::CompiledPolicy& policy,
                              const std::string& export_text, const std::string& file = "wf.json",
                              const std::string& owner = "") {
  auto imported = fw::ingest::ImportFile(Src(file, export_text));
  EXPECT_TRUE(imported.errors.empty()) << imported.errors.front().ToString();
  std::vector<Finding> out;
  for (const auto& wf : imported.workflows) {
    auto summary = fw::analysis::SummariseWorkflow(wf);
    if (summary.owner.empty()) summary.owner = owner;
    fw::policy::Evaluate(policy, wf, summary, out);
  }
  return out;
}

// Copies, so callers may pass a temporary.
std::vector<std::unique_ptr<Finding>> OfRule(const std::vector<Finding>& all,
                                             const std::string& rule) {
  std::vector<std::unique_ptr<Finding>> out;
  for (const auto& f : all) {
    if (f.rule == rule) out.push_back(std::make_unique<Finding>(f));
  }
  return out;
}

// An n8n workflow: a trigger, then the given nodes in a chain.
std::string N8n(const std::string& trigger_type, const std::vector<std::string>& nodes,
                const std::string& settings = "", const std::string& extra = "") {
  std::string out = R"({"id": "wf1", "name": "Test flow", )" + extra + R"("nodes": [
  {"id": "t", "name": "Trigger", "type": ")" +
                    trigger_type + R"(", "parameters": {"path": "x"}})";
  for (const auto& n : nodes) out += ",\n  " + n;
  out += "],\n \"connections\": {}";
  if (!settings.empty()) out += ",\n \"settings\": " + settings;
  return out + "}";
}

const std::string kHttp = R"({"id": "h", "name": "Call API", "type": "n8n-nodes-base.httpRequest",
   "parameters": {"url": "https://api.partner.example.com/v1/leads"}})";
const std::string kSetEmail = R"({"id": "s", "name": "Set", "type": "n8n-nodes-base.set",
   "parameters": {"assignments": {"assignments": [{"name": "email", "value": "={{ $json.body.email }}"}]}}})";
const std::string kSlack = R"({"id": "sl", "name": "Notify", "type": "n8n-nodes-base.slack",
   "parameters": {"channel": "#sales"}})";
const std::string kSheets = R"({"id": "gs", "name": "Sheet", "type": "n8n-nodes-base.googleSheets",
   "parameters": {}})";
const std::string kExec = R"({"id": "x", "name": "Run", "type": "n8n-nodes-base.executeCommand",
   "parameters": {"command": "ls"}})";
const std::string kCommunity = R"({"id": "c", "name": "Acme", "type": "n8n-nodes-acme.doThing",
   "parameters": {}})";

}  // namespace

// ---- read: the schema, with positions ---------------------------------------

TEST(PolicySchema, SyntaxErrorHasLineAndColumn) {
  auto e = Errors("components:\n  - allow: [a\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].file, "p.yaml");
  EXPECT_EQ(e[0].line, 3u);
  EXPECT_EQ(e[0].column, 1u);
  EXPECT_NE(e[0].message.find("invalid YAML"), std::string::npos) << e[0].message;
}

TEST(PolicySchema, UnknownKeyNamesKeyAndAlternatives) {
  auto e = Errors("version: 1\nhosts:\n  alow_hosts: ['*.hubspot.com']\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].line, 3u);
  EXPECT_EQ(e[0].column, 3u);
  EXPECT_EQ(e[0].message, "unknown key 'alow_hosts' (expected one of: approved)");

  auto top = Errors("connectorz: []\n");
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].line, 1u);
  EXPECT_EQ(top[0].column, 1u);
  EXPECT_NE(top[0].message.find("unknown key 'connectorz' (expected one of: "), std::string::npos);
}

TEST(PolicySchema, WrongTypeSaysExpectedAndFound) {
  auto e = Errors("components:\n  - platform: n8n\n    block: [42]\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].line, 3u);
  EXPECT_EQ(e[0].column, 13u);
  EXPECT_EQ(e[0].message, "expected a string, found a number");

  auto list = Errors("components:\n  - allow: n8n-nodes-base.*\n");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].line, 2u);
  EXPECT_EQ(list[0].column, 12u);
  EXPECT_EQ(list[0].message, "expected a list, found a string");

  auto score = Errors("risk:\n  fail_on_score: high\n");
  ASSERT_EQ(score.size(), 1u);
  EXPECT_EQ(score[0].message, "expected a number, found a string");
}

TEST(PolicySchema, EnumsAndRequiredKeys) {
  auto e = Errors("risk:\n  fail_on: hihg\nsettings:\n  - platform: n8n\n    one_of: [all]\n");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].line, 2u);
  EXPECT_EQ(e[0].message,
            "unexpected value 'hihg' (expected one of: info, low, medium, high, critical, never)");
  EXPECT_EQ(e[1].line, 4u);
  EXPECT_EQ(e[1].message, "missing required key 'setting'");
}

TEST(PolicySchema, EveryErrorOfAFileIsReported) {
  auto e = Errors("hosts:\n  alow: []\ncomponents:\n  - allow: 1\nrisk:\n  fail_on: x\n");
  EXPECT_EQ(e.size(), 3u);
}

TEST(PolicySchema, DuplicateKeysAreRefused) {
  auto e = Errors("risk:\n  fail_on: high\n  fail_on: low\n");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].line, 3u);
}

TEST(PolicySchema, WaiverShape) {
  const std::string ok = R"(waivers:
  - id: W-1
    finding: FW-0123456789abcdef
    justification: accepted for the pilot
    approver: jane.doe@acme.example
    expires: 2026-06-30
  - rule: policy.host.not-approved
    workflow: "Lead *"
    justification: partner API under review
    approver: sec@acme.example
    expires: "2026-01-31"
  - rule: n8n.webhook.no-auth
    path: "marketing/**"
    justification: behind the WAF
    approver: sec@acme.example
    expires: 2025-12-31
)";
  EXPECT_TRUE(Errors(ok).empty());

  auto e = Errors(R"(waivers:
  - finding: FW-123
    justification: x
    approver: y
    expires: 2026-01-01
  - rule: some.rule
    justification: x
    approver: y
    expires: 2026-01-01
  - finding: FW-0123456789abcdef
    expires: 31.12.2026
    justification: x
)");
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].line, 2u);
  EXPECT_EQ(e[0].column, 14u);
  EXPECT_NE(e[0].message.find("FW- and 16 lower-case hex digits"), std::string::npos)
      << e[0].message;
  EXPECT_EQ(e[1].line, 6u);
  EXPECT_EQ(e[1].message, "a waiver needs 'finding', or 'rule' with 'path' or 'workflow'");
  EXPECT_EQ(e[2].line, 10u);
  EXPECT_EQ(e[2].message, "missing required key 'approver'");
  EXPECT_EQ(e[3].line, 11u);
  EXPECT_NE(e[3].message.find("a date YYYY-MM-DD"), std::string::npos);
}

TEST(PolicySchema, EmptyFileIsAnEmptyPolicy) {
  EXPECT_TRUE(Errors("").empty());
  EXPECT_TRUE(Errors("# nothing yet\n").empty());
  auto e = Errors("- a list\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message, "expected a mapping, found a list");
}

TEST(PolicySchema, PublishedSchemaIsTheEmbeddedOne) {
  std::ifstream in(fs::path(FW_SOURCE_DIR) / "schemas" / "policy.schema.json", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, fw::policy::PolicySchemaText());
}

// ---- merge and compile --------------------------------------------------------

TEST(PolicyMerge, ConflictingScalarsNameBothPlaces) {
  Diagnostics errors;
  auto p =
      Load({{"a.yaml", "risk:\n  fail_on: high\n"}, {"b.yaml", "risk:\n  fail_on: critical\n"}},
           &errors);
  EXPECT_EQ(p, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "b.yaml");
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].column, 12u);
  EXPECT_EQ(errors[0].message, "risk.fail_on: critical conflicts with high set at a.yaml:2:12");

  // The same value twice is no conflict.
  EXPECT_NE(Load({{"a.yaml", "risk:\n  fail_on: high\n"}, {"b.yaml", "risk:\n  fail_on: high\n"}}),
            nullptr);
}

TEST(PolicyMerge, ConflictingSettingRequirements) {
  Diagnostics errors;
  auto p = Load(
      {{"a.yaml", "settings:\n  - platform: n8n\n    setting: callerPolicy\n    none_of: [any]\n"},
       {"b.yaml", "settings:\n  - platform: n8n\n    setting: callerPolicy\n    one_of: [none]\n"}},
      &errors);
  EXPECT_EQ(p, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("a.yaml:2:5"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[0].file, "b.yaml");
}

TEST(PolicyMerge, ConflictingGroupBlockedFlag) {
  Diagnostics errors;
  auto p =
      Load({{"a.yaml", "host_groups:\n  social:\n    blocked: true\n"},
            {"b.yaml", "host_groups:\n  social:\n    hosts: ['*.x.com']\n    blocked: false\n"}},
           &errors);
  EXPECT_EQ(p, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("a.yaml:3:14"), std::string::npos) << errors[0].message;
}

TEST(PolicyMerge, ListsExtendAcrossFiles) {
  auto p =
      Load({{"a.yaml",
             "hosts:\n  approved: ['*.hubspot.com']\nhost_groups:\n  crm:\n    hosts: [a.com]\n"},
            {"b.yaml",
             "hosts:\n  approved: [api.slack.com]\nhost_groups:\n  crm:\n    hosts: [b.com]\n"}});
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->spec.approved_hosts.size(), 2u);
  ASSERT_EQ(p->host_groups.size(), 1u);
  EXPECT_EQ(p->host_groups[0].spec.hosts.size(), 2u);
  EXPECT_GE(p->approved_hosts.Match("api.slack.com"), 0);
  EXPECT_EQ(p->spec.files, (std::vector<std::string>{"a.yaml", "b.yaml"}));
}

TEST(PolicyCompile, SemanticErrors) {
  Diagnostics errors;
  EXPECT_EQ(
      Load({{"a.yaml", "host_groups:\n  business:\n    separate_from: [personal]\n"}}, &errors),
      nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("'personal', which is not a host group"), std::string::npos);
  EXPECT_EQ(Load({{"a.yaml", "risk:\n  floors:\n    - min_severity: high\n"}}, &errors), nullptr);
  EXPECT_NE(errors[0].message.find("needs 'rule' or 'category'"), std::string::npos);
  EXPECT_EQ(Load({{"a.yaml", "settings:\n  - setting: x\n"}}, &errors), nullptr);
  EXPECT_NE(errors[0].message.find("says nothing"), std::string::npos);
}

TEST(PolicyCompile, KeepsWaiverSectionsAlive) {
  std::unique_ptr<fw::policy::CompiledPolicy> p;
  {
    p = Load({{"a.yaml",
               "waivers:\n  - finding: FW-0123456789abcdef\n    justification: j\n"
               "    approver: ann\n    expires: 2026-01-01\n"},
              {"b.yaml", "risk:\n  fail_on: high\n"},
              {"c.yaml", "waivers: []\n"}});
  }
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->waiver_sections.size(), 2u);
  EXPECT_EQ(p->waiver_sections[0].second, "a.yaml");
  EXPECT_EQ(p->waiver_sections[0].first.at(0)["approver"].str(), "ann");
  EXPECT_EQ(p->waiver_sections[0].first.at(0).position().line, 2u);
  EXPECT_EQ(p->waiver_sections[1].second, "c.yaml");
  EXPECT_EQ(p->documents.size(), 3u);
}

TEST(PolicyLoad, FoldersFilesAndMissingPaths) {
  fs::path dir = fs::temp_directory_path() / ("fw_policy_load_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "lib");
  std::ofstream(dir / "lib" / "b.yaml") << "hosts:\n  approved: [b.example]\n";
  std::ofstream(dir / "lib" / "a.yml") << "hosts:\n  approved: [a.example]\n";
  std::ofstream(dir / "lib" / "notes.txt") << "not a policy";
  std::ofstream(dir / "extra.yaml") << "risk:\n  fail_on: low\n";
  fs::create_directories(dir / "empty");

  Diagnostics errors;
  const auto& lfs = fw::core::LocalFileSystem();
  auto p =
      fw::policy::LoadPolicy(lfs, {(dir / "lib").string(), (dir / "extra.yaml").string()}, errors);
  ASSERT_NE(p, nullptr) << errors.front().ToString();
  ASSERT_EQ(p->spec.files.size(), 3u);
  EXPECT_NE(p->spec.files[0].find("a.yml"), std::string::npos);  // name order
  EXPECT_EQ(p->spec.approved_hosts.size(), 2u);
  EXPECT_EQ(*p->spec.risk.fail_on, "low");

  errors.clear();
  EXPECT_EQ(fw::policy::LoadPolicy(lfs, {(dir / "nope").string()}, errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "no such file or directory");
  errors.clear();
  EXPECT_EQ(fw::policy::LoadPolicy(lfs, {(dir / "empty").string()}, errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);

  // One bad file fails the whole library, and every file is still checked.
  std::ofstream(dir / "lib" / "c.yaml") << "hosts:\n  alow: []\n";
  std::ofstream(dir / "lib" / "d.yaml") << "risk: 5\n";
  errors.clear();
  EXPECT_EQ(fw::policy::LoadPolicy(lfs, {(dir / "lib").string()}, errors), nullptr);
  EXPECT_EQ(errors.size(), 2u);
  fs::remove_all(dir);
}

// ---- patterns -------------------------------------------------------------------

TEST(PolicyPatterns, ExactPrefixSuffixGlobAndOrder) {
  fw::policy::PatternSet set;
  set.Add("*.hubspot.com", 0);
  set.Add("n8n-nodes-base.*", 1);
  set.Add("api.slack.com", 2);
  set.Add("@n8n/*-langchain.*", 3);
  set.Add("db?.internal", 4);
  EXPECT_EQ(set.Match("api.hubspot.com"), 0);
  EXPECT_EQ(set.Match("API.HubSpot.com"), 0);
  EXPECT_EQ(set.Match("hubspot.com"), -1);  // "*." needs a subdomain
  EXPECT_EQ(set.Match("n8n-nodes-base.httpRequest"), 1);
  EXPECT_EQ(set.Match("api.slack.com"), 2);
  EXPECT_EQ(set.Match("@n8n/n8n-nodes-langchain.agent"), 3);
  EXPECT_EQ(set.Match("db1.internal"), 4);
  EXPECT_EQ(set.Match("db12.internal"), -1);
  EXPECT_EQ(set.Match("evil.com"), -1);

  fw::policy::PatternSet order;
  order.Add("api.*", 7);
  order.Add("api.x.com", 8);
  EXPECT_EQ(order.Match("api.x.com"), 7);  // first written wins
  fw::policy::PatternSet all;
  all.Add("x", 1);
  all.Add("*", 2);
  EXPECT_EQ(all.Match("x"), 1);
  EXPECT_EQ(all.Match("y"), 2);
}

TEST(PolicyPatterns, CommunityPackages) {
  using fw::model::Platform;
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kN8n, "n8n-nodes-base.slack"), "");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kN8n, "@n8n/n8n-nodes-langchain.agent"), "");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kN8n, "n8n-nodes-acme.doThing"),
            "n8n-nodes-acme");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kN8n, "@acme/n8n-nodes-x.y"),
            "@acme/n8n-nodes-x");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kNodeRed, "http request"), "");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kNodeRed, "subflow:abc"), "");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kNodeRed, "ui_button"), "node-red-dashboard");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kNodeRed, "sqlite"), "sqlite");
  EXPECT_EQ(fw::policy::CommunityPackage(Platform::kPowerAutomate, "OpenApiConnection"), "");
}

// ---- rules: each fires and stays quiet -------------------------------------------

TEST(PolicyRules, TableIsComplete) {
  for (const auto& r : fw::policy::AllRules()) {
    EXPECT_EQ(r.id.rfind("policy.", 0), 0u) << r.id;
    EXPECT_EQ(fw::policy::FindRule(r.id), &r);
    EXPECT_FALSE(r.description.empty());
    EXPECT_FALSE(r.remediation.empty());
    static const std::vector<std::string> kAllowed = {"unapproved-component", "misconfiguration",
                                                      "logging-gap", "asset-hygiene",
                                                      "sensitive-data-exposure"};
    EXPECT_NE(std::find(kAllowed.begin(), kAllowed.end(), std::string(r.category)), kAllowed.end());
  }
  EXPECT_EQ(fw::policy::FindRule("n8n.webhook.no-auth"), nullptr);
}

TEST(PolicyRules, ComponentBlocked) {
  auto p = Load(
      "\n\ncomponents:\n  - platform: n8n\n    block: [n8n-nodes-base.executeCommand]\n    reason: "
      "no shell\n");
  auto fired = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kExec})),
                      "policy.component.blocked");
  ASSERT_EQ(fired.size(), 1u);
  const Finding& f = *fired[0];
  EXPECT_EQ(f.category, "unapproved-component");
  EXPECT_EQ(f.location.node_name, "Run");
  EXPECT_EQ(f.location.line, 3u);
  EXPECT_EQ(f.location.pointer, "/nodes/1");
  EXPECT_NE(f.message.find("blocked by policy.yaml:5 (no shell)"), std::string::npos) << f.message;
  EXPECT_EQ(f.id.size(), 19u);
  EXPECT_TRUE(
      OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kHttp})), "policy.component.blocked")
          .empty());
  // Another platform's rule does not apply.
  auto nr = Load("components:\n  - platform: nodered\n    block: ['*']\n");
  EXPECT_TRUE(Evaluate(*nr, N8n("n8n-nodes-base.manualTrigger", {kExec})).empty());
}

TEST(PolicyRules, ComponentNotAllowed) {
  auto p = Load("components:\n  - platform: n8n\n    allow: ['n8n-nodes-base.*']\n");
  auto fired = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kCommunity})),
                      "policy.component.not-allowed");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->evidence, "node type: n8n-nodes-acme.doThing");
  EXPECT_NE(fired[0]->message.find("allow list at policy.yaml:3"), std::string::npos);
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kExec, kHttp})).empty());
}

TEST(PolicyRules, CommunityPackagesAndConnectors) {
  auto p = Load(
      "community_packages:\n  - platform: n8n\n    block: [n8n-nodes-acme]\n"
      "connectors:\n  - block: [slack]\n");
  auto all = Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kCommunity, kSlack}));
  auto fired = OfRule(all, "policy.component.blocked");
  ASSERT_EQ(fired.size(), 2u);
  EXPECT_EQ(fired[0]->evidence, "community package: n8n-nodes-acme");
  EXPECT_EQ(fired[1]->evidence, "connector: slack");
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kSheets, kExec})).empty());
}

TEST(PolicyRules, HostNotApproved) {
  auto p = Load("hosts:\n  approved: ['*.hubspot.com']\n");
  auto fired = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kHttp})),
                      "policy.host.not-approved");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->evidence, "host: api.partner.example.com");
  EXPECT_EQ(fired[0]->location.pointer, "/nodes/1/parameters/url");
  EXPECT_EQ(fired[0]->location.line, 4u);

  std::string approved = kHttp;
  approved.replace(approved.find("api.partner.example.com"), 23, "api.hubspot.com");
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {approved})).empty());
  std::string internal = kHttp;
  internal.replace(internal.find("https://api.partner.example.com"), 31, "http://10.1.2.3");
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {internal})).empty());
  // Without any approved hosts the rule is off.
  auto none = Load("risk:\n  fail_on: high\n");
  EXPECT_TRUE(Evaluate(*none, N8n("n8n-nodes-base.manualTrigger", {kHttp})).empty());
}

TEST(PolicyRules, DataToHostGroup) {
  auto p =
      Load("host_groups:\n  partners:\n    hosts: ['*.partner.example.com']\n    data: [public]\n");
  auto fired = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kSetEmail, kHttp})),
                      "policy.data.blocked-host-group");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->category, "sensitive-data-exposure");
  EXPECT_NE(fired[0]->message.find("handles personal data"), std::string::npos)
      << fired[0]->message;
  EXPECT_NE(
      fired[0]->message.find("host group 'partners', which may not receive it (policy.yaml:4)"),
      std::string::npos)
      << fired[0]->message;
  // No protected data, or a group that may receive it: quiet. A group host is
  // also approved.
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kHttp})).empty());
  auto allowed = Load(
      "host_groups:\n  partners:\n    hosts: ['*.partner.example.com']\n    data: [public, "
      "personal]\n");
  EXPECT_TRUE(Evaluate(*allowed, N8n("n8n-nodes-base.manualTrigger", {kSetEmail, kHttp})).empty());
}

TEST(PolicyRules, GroupMixAndBlockedGroup) {
  auto p = Load(R"(host_groups:
  business:
    connectors: [googleSheets]
    separate_from: [non-business]
  non-business:
    connectors: [slack]
  blocked:
    connectors: [telegram]
    blocked: true
)");
  auto mixed = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kSheets, kSlack})),
                      "policy.data.group-mix");
  ASSERT_EQ(mixed.size(), 1u);
  EXPECT_EQ(mixed[0]->location.node_name, "Notify");
  EXPECT_NE(mixed[0]->message.find("kept apart by policy.yaml:4"), std::string::npos)
      << mixed[0]->message;
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kSheets})).empty());
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kSlack})).empty());

  std::string telegram =
      R"({"id": "tg", "name": "Telegram", "type": "n8n-nodes-base.telegram", "parameters": {}})";
  auto blocked = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {telegram})),
                        "policy.component.blocked");
  ASSERT_EQ(blocked.size(), 1u);
  EXPECT_NE(blocked[0]->message.find("host group 'blocked', blocked by policy.yaml:9"),
            std::string::npos)
      << blocked[0]->message;
}

TEST(PolicyRules, SettingRequired) {
  auto p = Load("settings:\n  - platform: n8n\n    setting: callerPolicy\n    none_of: [any]\n");
  auto fired =
      OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {}, R"({"callerPolicy": "any"})")),
             "policy.setting.required");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->category, "misconfiguration");
  EXPECT_EQ(fired[0]->evidence, "callerPolicy: any");
  EXPECT_EQ(fired[0]->location.pointer, "/settings/callerPolicy");
  EXPECT_NE(fired[0]->message.find("required by policy.yaml:2"), std::string::npos);
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {},
                               R"({"callerPolicy": "workflowsFromSameOwner"})"))
                  .empty());
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {})).empty());  // unset: n8n default
}

TEST(PolicyRules, SettingFromWorkflowFacts) {
  // The generic form: any platform, keyed by a workflow fact.
  auto p =
      Load("settings:\n  - platform: nodered\n    setting: nodered.kind\n    none_of: [tab]\n");
  const std::string flow =
      R"([{"id": "t1", "type": "tab", "label": "Flow 1"},
          {"id": "n1", "type": "inject", "z": "t1", "wires": [["n2"]]},
          {"id": "n2", "type": "debug", "z": "t1", "wires": []}])";
  auto fired = OfRule(Evaluate(*p, flow, "flows.json"), "policy.setting.required");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->evidence, "nodered.kind: tab");
  auto quiet =
      Load("settings:\n  - platform: nodered\n    setting: nodered.kind\n    one_of: [tab]\n");
  EXPECT_TRUE(Evaluate(*quiet, flow, "flows.json").empty());
}

TEST(PolicyRules, LoggingExpected) {
  auto p = Load(R"(logging:
  - platform: n8n
    setting: saveDataErrorExecution
    one_of: [all]
  - platform: n8n
    setting: errorWorkflow
    set: true
)");
  auto fired = OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {},
                                       R"({"saveDataErrorExecution": "none"})")),
                      "policy.logging.expected");
  ASSERT_EQ(fired.size(), 2u);
  EXPECT_EQ(fired[0]->category, "logging-gap");
  EXPECT_EQ(fired[0]->evidence, "saveDataErrorExecution: none");
  EXPECT_EQ(fired[1]->evidence, "errorWorkflow: (not set)");
  EXPECT_NE(fired[0]->id, fired[1]->id);
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {},
                               R"({"saveDataErrorExecution": "all", "errorWorkflow": "42"})"))
                  .empty());
}

TEST(PolicyRules, OwnerMissing) {
  auto p = Load("ownership:\n  require_owner: true\n");
  auto fired =
      OfRule(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {})), "policy.owner.missing");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->category, "asset-hygiene");
  EXPECT_TRUE(
      Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {}), "wf.json", "ops@acme.example").empty());
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {}, "",
                               R"("ownedBy": {"email": "jane@acme.example"}, )"))
                  .empty());
}

TEST(PolicyRules, EntryPointNeedsNamedOwner) {
  auto p = Load(
      "ownership:\n  entry_points:\n    require_named_owner: true\n    generic_owners: ['admin*', "
      "'it@*']\n");
  auto fired = OfRule(Evaluate(*p, N8n("n8n-nodes-base.webhook", {})), "policy.entry-point.owner");
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_EQ(fired[0]->location.node_name, "Trigger");
  auto generic =
      OfRule(Evaluate(*p, N8n("n8n-nodes-base.webhook", {}), "wf.json", "admin@acme.example"),
             "policy.entry-point.owner");
  ASSERT_EQ(generic.size(), 1u);
  EXPECT_NE(generic[0]->message.find("generic owner 'admin@acme.example'"), std::string::npos);
  EXPECT_TRUE(
      Evaluate(*p, N8n("n8n-nodes-base.webhook", {}), "wf.json", "jane.doe@acme.example").empty());
  // An internal entry point (schedule) needs no named owner by default.
  EXPECT_TRUE(Evaluate(*p, N8n("n8n-nodes-base.scheduleTrigger", {})).empty());
}

TEST(PolicyRules, SeverityFloors) {
  auto p = Load(R"(components:
  - block: [n8n-nodes-base.executeCommand]
risk:
  floors:
    - category: unapproved-component
      min_severity: critical
    - rule: "n8n.*"
      min_severity: low
)");
  auto findings = Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kExec}));
  ASSERT_EQ(findings.size(), 1u);
  fw::policy::ApplySeverityFloors(*p, findings);
  EXPECT_EQ(findings[0].severity, fw::model::Severity::kCritical);
  EXPECT_GE(findings[0].score, 9.0);
  EXPECT_EQ(findings[0].factors.back().first, "policy-floor");
  EXPECT_EQ(findings[0].factors.back().second, "policy.yaml:5");
}

TEST(PolicyRules, FindingIdsAreStable) {
  auto p = Load("components:\n  - block: [n8n-nodes-base.executeCommand]\n");
  auto a = Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kExec}));
  auto b = Evaluate(*p, N8n("n8n-nodes-base.manualTrigger", {kExec}));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].id, b[0].id);
}

// ---- DLP import --------------------------------------------------------------------

namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(fs::path(FW_SOURCE_DIR) / "tests" / "policy" / "dlp" / name, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Imports a DLP file and loads the result as a policy.
std::unique_ptr<fw::policy::CompiledPolicy> ImportAndLoad(const std::string& name) {
  auto imported = fw::policy::ImportDlpPolicy(Src(name, Fixture(name)));
  EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().ToString());
  if (!imported.ok()) return nullptr;
  Diagnostics errors;
  auto p = Load({{"imported.yaml", imported.value().yaml}}, &errors);
  EXPECT_TRUE(errors.empty()) << errors.front().ToString() << "\n" << imported.value().yaml;
  return p;
}

const fw::policy::CompiledHostGroup* Group(const fw::policy::CompiledPolicy& p,
                                           const std::string& name) {
  for (const auto& g : p.host_groups) {
    if (g.spec.name == name) return &g;
  }
  return nullptr;
}

void ExpectGroups(const fw::policy::CompiledPolicy& p) {
  const auto* business = Group(p, "business");
  const auto* non_business = Group(p, "non-business");
  const auto* blocked = Group(p, "blocked");
  ASSERT_NE(business, nullptr);
  ASSERT_NE(non_business, nullptr);
  ASSERT_NE(blocked, nullptr);
  EXPECT_GE(business->connectors.Match("shared_office365"), 0);
  EXPECT_GE(business->connectors.Match("shared_sharepointonline"), 0);
  EXPECT_GE(non_business->connectors.Match("shared_twitter"), 0);
  EXPECT_LT(business->connectors.Match("shared_twitter"), 0);
  EXPECT_GE(blocked->connectors.Match("shared_dropbox"), 0);
  EXPECT_TRUE(blocked->spec.blocked);
  EXPECT_EQ(business->spec.separate_from, (std::vector<std::string>{"non-business"}));
}

}  // namespace

TEST(DlpImport, AdminApiV2) {
  auto p = ImportAndLoad("bap-v2.json");
  ASSERT_NE(p, nullptr);
  ExpectGroups(*p);
  // Default group General: unlisted shared_* connectors are non-business,
  // and the default group comes last so listed ones keep their group.
  EXPECT_EQ(p->host_groups.back().spec.name, "non-business");
  EXPECT_GE(Group(*p, "non-business")->connectors.Match("shared_unlisted"), 0);
  EXPECT_GE(Group(*p, "business")->hosts.Match("api.contoso.com"), 0);
}

TEST(DlpImport, AdminApiListOfPolicies) {
  auto p = ImportAndLoad("bap-v2-list.json");
  ASSERT_NE(p, nullptr);
  ExpectGroups(*p);
  EXPECT_NE(p->spec.files.empty(), true);
}

TEST(DlpImport, OlderApiPolicyShape) {
  auto p = ImportAndLoad("api-policy-hbi-lbi.json");
  ASSERT_NE(p, nullptr);
  ExpectGroups(*p);
  // defaultApiGroup blocked: unlisted connectors fall in the blocked group.
  EXPECT_GE(Group(*p, "blocked")->connectors.Match("shared_unlisted"), 0);
}

TEST(DlpImport, TerraformShowJson) {
  auto p = ImportAndLoad("terraform-show.json");
  ASSERT_NE(p, nullptr);
  ExpectGroups(*p);
  EXPECT_GE(Group(*p, "blocked")->hosts.Match("files.untrusted.example"), 0);
}

TEST(DlpImport, TerraformStateAndTfJson) {
  auto state = ImportAndLoad("terraform.tfstate");
  ASSERT_NE(state, nullptr);
  ExpectGroups(*state);
  auto tf = ImportAndLoad("dlp.tf.json");
  ASSERT_NE(tf, nullptr);
  ExpectGroups(*tf);
}

TEST(DlpImport, ImportedPolicyWorksOnAPowerAutomateFlow) {
  auto p = ImportAndLoad("bap-v2.json");
  ASSERT_NE(p, nullptr);
  const std::string flow = Fixture("flow-mixing-groups.json");
  auto findings = Evaluate(*p, flow, "flow.json");
  EXPECT_EQ(OfRule(findings, "policy.data.group-mix").size(), 1u);
  EXPECT_EQ(OfRule(findings, "policy.component.blocked").size(), 1u);
}

TEST(DlpImport, RejectsOtherJsonWithAPosition) {
  auto r = fw::policy::ImportDlpPolicy(Src("x.json", R"({"hello": "world"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "x.json");
  EXPECT_NE(r.error().message.find("not a Power Platform DLP policy"), std::string::npos);
  auto bad = fw::policy::ImportDlpPolicy(Src("y.json", "{\"connectorGroups\": [\n  {,]}"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 2u);
}

TEST(DlpImport, QuotesHostileNames) {
  auto r = fw::policy::ImportDlpPolicy(Src("q.json", R"({"displayName": "a\"b\\c\nd: e",
    "connectorGroups": [{"classification": "Confidential", "connectors": [{"id": "/x/shared_a\"b"}]}]})"));
  ASSERT_TRUE(r.ok());
  Diagnostics errors;
  EXPECT_NE(Load({{"q.yaml", r.value().yaml}}, &errors), nullptr)
      << (errors.empty() ? "" : errors[0].ToString()) << r.value().yaml;
}

TEST(PolicySchema, InvalidUtf8IsAnErrorOrValueNotACrash) {
  // Found by fuzz_policy: valijson's string length read past a string that
  // ended in a UTF-8 lead byte.
  (void)Errors(std::string("name: \"ab\xE2\"\nhosts:\n  approved: [\"\xF0\", \"x\x02\xC3\"]\n"));
  (void)Errors(std::string("hosts:\n  \xE2\x82: []\n"));
  auto e = Errors(std::string("hosts:\n  approved: [\"\xC3\"]\nrisk:\n  fail_on: \"\xE2\"\n"));
  EXPECT_FALSE(e.empty());
}
