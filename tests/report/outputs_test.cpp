// SARIF, JUnit, Markdown and HTML renderers: structure, escaping of hostile
// text, waived findings, rules from outside the check table, and SARIF
// validated against the official 2.1.0 schema (read from FW_SHARED_DIR,
// never copied here) for the examples and the shared corpus.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "analysis/check.h"
#include "cli/scan_pipeline.h"
#include "report/output_util.h"
#include "report/report.h"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using fw::report::internal::CleanUtf8;
using fw::report::internal::HtmlEscape;
using fw::report::internal::MarkdownEscape;
using fw::report::internal::XmlEscape;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fw::report::ScanReport ScanExamples() {
  auto cwd = fs::current_path();
  fs::current_path(FW_SOURCE_DIR);
  auto report = fw::cli::Scan(fw::core::LocalFileSystem(), {"examples"});
  fs::current_path(cwd);
  return report;
}

// A report with what a plain scan cannot produce yet: a waived finding, a
// rule from the policy module, an unreadable file inside an archive, and
// hostile text everywhere.
fw::report::ScanReport Synthetic() {
  fw::report::ScanReport r;
  r.summary.files = 2;
  r.summary.workflows = 1;
  r.summary.nodes = 2;
  r.summary.errors.push_back({"bad dir/broken.json", 7, 3, "invalid JSON: expected ',' or '}'"});
  r.summary.errors.push_back({"pkg.zip!/Workflows/x.json", 2, 5, "invalid JSON: <eof>"});
  fw::model::Finding f;
  f.id = "FW-0123456789abcdef";
  f.rule = "policy.connector.unapproved";
  f.category = "unapproved-component";
  f.title = "Connector <b>not</b> approved";
  f.severity = fw::model::Severity::kHigh;
  f.score = 7.7;
  f.likelihood = 7;
  f.impact = 8.5;
  f.factors = {{"exposure", "internet"}};
  f.standards = {"LCNC-SEC-07"};
  f.location.file = "pkg.zip!/Workflows/flow.json";
  f.location.workflow_name = "<script>alert(1)</script>";
  f.location.node_name = "Send \x01 | @octocat ]]>";
  f.location.line = 12;
  f.location.column = 4;
  f.message = "Sends data to 'dropbox' \x1b[31m which is not approved <img src=x onerror=alert(1)>";
  f.remediation = "Use an approved connector.";
  f.evidence = "connector: dropbox";
  r.findings.push_back(f);
  fw::model::Finding waived = f;
  waived.id = "FW-fedcba9876543210";
  waived.rule = "n8n.webhook.no-auth";
  waived.location.file = "flows/a b.json";
  waived.location.line = 0;
  waived.suppression =
      fw::model::Suppression{"W-1", "Behind the VPN", "jane", "2027-01-31", "waivers.yaml:3:5"};
  r.findings.push_back(waived);
  return r;
}

std::string SchemaErrors(const Json& doc) {
  const char* shared = std::getenv("FW_SHARED_DIR");
  static const Json schema_json =
      Json::parse(Slurp(fs::path(shared) / "schemas" / "sarif-schema-2.1.0.json"));
  // The SARIF schema is draft-04 ("id", not "$id"); valijson defaults to
  // draft 7, so say which.
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) return "";
  std::string out;
  valijson::ValidationResults::Error error;
  int shown = 0;
  while (results.popError(error) && shown++ < 20) {
    std::string where;
    for (const auto& c : error.context) where += c;
    out += where + ": " + error.description + "\n";
  }
  return out;
}

bool HaveSchema() {
  const char* shared = std::getenv("FW_SHARED_DIR");
  return shared != nullptr && *shared != '\0' &&
         fs::exists(fs::path(shared) / "schemas" / "sarif-schema-2.1.0.json");
}

// Checks what GitHub code scanning needs beyond the schema.
void ExpectGithubReady(const Json& sarif) {
  ASSERT_EQ(sarif["version"], "2.1.0");
  const Json& run = sarif["runs"][0];
  const Json& rules = run["tool"]["driver"]["rules"];
  EXPECT_EQ(run["tool"]["driver"]["name"], "flowwarden");
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < rules.size(); ++i) {
    const Json& r = rules[i];
    index[r["id"]] = i;
    EXPECT_FALSE(r["shortDescription"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_FALSE(r["fullDescription"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_FALSE(r["help"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_FALSE(r["help"]["markdown"].get<std::string>().empty()) << r["id"];
    const std::string sev = r["properties"]["security-severity"];
    double v = std::stod(sev);
    EXPECT_TRUE(v >= 0.0 && v <= 10.0) << sev;
    EXPECT_NE(sev.find('.'), std::string::npos) << "one decimal: " << sev;
    EXPECT_LE(r["properties"]["tags"].size(), 20u) << "GitHub keeps at most 20 tags";
  }
  EXPECT_EQ(index.size(), rules.size()) << "rule ids are unique";
  for (const Json& res : run["results"]) {
    const std::string id = res["ruleId"];
    ASSERT_TRUE(index.count(id)) << id << " is not in driver.rules";
    EXPECT_EQ(res["ruleIndex"], index[id]);
    EXPECT_TRUE(res["level"] == "error" || res["level"] == "warning" || res["level"] == "note");
    EXPECT_FALSE(res["message"]["text"].get<std::string>().empty());
    EXPECT_TRUE(res["partialFingerprints"].contains("flowwardenFindingId/v1"));
    EXPECT_FALSE(res["partialFingerprints"].contains("primaryLocationLineHash"));
    ASSERT_EQ(res["locations"].size(), 1u) << "GitHub needs a location";
    const Json& phys = res["locations"][0]["physicalLocation"];
    const std::string uri = phys["artifactLocation"]["uri"];
    EXPECT_EQ(uri.find("!/"), std::string::npos) << "archive members are not files: " << uri;
    EXPECT_EQ(uri.find(' '), std::string::npos) << uri;
    if (phys.contains("region")) EXPECT_GE(phys["region"]["startLine"].get<int>(), 1);
  }
}

}  // namespace

TEST(Escapers, CleanUtf8ReplacesInvalidBytesAndControls) {
  EXPECT_EQ(CleanUtf8("ok é ✓ 😀"), "ok é ✓ 😀");
  EXPECT_EQ(CleanUtf8(std::string("a\x01z")), "a\xEF\xBF\xBDz");
  EXPECT_EQ(CleanUtf8(std::string("\xC3")), "\xEF\xBF\xBD") << "truncated sequence";
  EXPECT_EQ(CleanUtf8(std::string("\xC0\xAF")), "\xEF\xBF\xBD\xEF\xBF\xBD") << "overlong";
  EXPECT_EQ(CleanUtf8(std::string("\xED\xA0\x80")), "\xEF\xBF\xBD") << "surrogate";
  EXPECT_EQ(CleanUtf8("tab\tnl\n"), "tab\tnl\n");
  EXPECT_EQ(CleanUtf8(std::string("\x1b[31m")), "\xEF\xBF\xBD[31m");
}

TEST(Escapers, XmlHtmlMarkdown) {
  EXPECT_EQ(XmlEscape("<a & 'b'>\"", true), "&lt;a &amp; &apos;b&apos;&gt;&quot;");
  EXPECT_EQ(XmlEscape("a\nb", true), "a&#10;b");
  EXPECT_EQ(XmlEscape("]]>"), "]]&gt;");
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("\" onmouseover='x'"), "&quot; onmouseover&#61;&#39;x&#39;");
  EXPECT_EQ(MarkdownEscape("a|b @team <img> *x*\nnext"),
            "a\\|b &#64;team &lt;img&gt; \\*x\\* next");
  EXPECT_EQ(fw::report::internal::MarkdownCode("a`b"), "``a`b``");
}

TEST(Sarif, ExamplesHaveEveryRuleAndStableFingerprints) {
  auto report = ScanExamples();
  ASSERT_FALSE(report.findings.empty());
  fw::report::SarifOptions options;
  options.uri_prefix = "examples";
  Json sarif = Json::parse(fw::report::RenderSarif(report, options));
  ExpectGithubReady(sarif);
  const Json& run = sarif["runs"][0];
  EXPECT_EQ(run["results"].size(), report.findings.size());
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), fw::analysis::AllChecks().size())
      << "every built-in rule, no other";
  EXPECT_TRUE(run["invocations"][0]["executionSuccessful"]);
  bool saw_archive = false;
  bool saw_region = false;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const auto& f = report.findings[i];
    const Json& res = run["results"][i];
    EXPECT_EQ(res["partialFingerprints"]["flowwardenFindingId/v1"], f.id);
    const Json& phys = res["locations"][0]["physicalLocation"];
    if (f.location.file.find("!/") != std::string::npos) {
      saw_archive = true;
      EXPECT_FALSE(phys.contains("region")) << "no line of the zip itself";
      EXPECT_NE(res["message"]["text"].get<std::string>().find("in archive member"),
                std::string::npos);
      EXPECT_EQ(phys["artifactLocation"]["uri"],
                "examples/" + f.location.file.substr(0, f.location.file.find("!/")));
    } else if (f.location.line > 0) {
      saw_region = true;
      EXPECT_EQ(phys["region"]["startLine"], f.location.line);
      EXPECT_EQ(phys["region"]["startColumn"], f.location.column);
      EXPECT_EQ(phys["artifactLocation"]["uri"], "examples/" + f.location.file);
      EXPECT_EQ(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    }
  }
  EXPECT_TRUE(saw_archive) << "examples/powerautomate has a solution zip";
  EXPECT_TRUE(saw_region);
  // The same input gives the same document (no timestamps, no paths).
  EXPECT_EQ(fw::report::RenderSarif(report), fw::report::RenderSarif(ScanExamples()));
}

// The CLI names files relative to the repository when one folder is scanned
// from there, and takes --uri-prefix when told.
TEST(Sarif, CliPrefixesTheScannedFolder) {
  fs::path out = fs::temp_directory_path() / ("fw_sarif_" + std::to_string(::getpid()) + ".json");
  std::string base = "cd '" + std::string(FW_SOURCE_DIR) + "' && '" + FW_BINARY +
                     "' scan --fail-on never -o '" + out.string() + "' -f sarif ";
  ASSERT_EQ(std::system((base + "examples/n8n").c_str()), 0);
  Json sarif = Json::parse(Slurp(out));
  const std::string uri =
      sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  EXPECT_EQ(uri.rfind("examples/n8n/", 0), 0u) << uri;
  ASSERT_EQ(std::system((base + "--uri-prefix flows examples/n8n").c_str()), 0);
  sarif = Json::parse(Slurp(out));
  const std::string given =
      sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  EXPECT_EQ(given.rfind("flows/", 0), 0u) << given;
  fs::remove(out);
}

TEST(Sarif, PolicyRulesWaiversAndUnreadableFiles) {
  auto report = Synthetic();
  fw::report::SarifOptions options;
  options.uri_prefix = "exports";
  Json sarif = Json::parse(fw::report::RenderSarif(report, options));
  ExpectGithubReady(sarif);
  const Json& run = sarif["runs"][0];
  const Json& rules = run["tool"]["driver"]["rules"];
  const Json& policy = rules[run["results"][0]["ruleIndex"].get<size_t>()];
  EXPECT_EQ(policy["id"], "policy.connector.unapproved");
  EXPECT_EQ(policy["shortDescription"]["text"], "Connector <b>not</b> approved");
  EXPECT_EQ(policy["properties"]["security-severity"], "7.7");
  EXPECT_FALSE(policy.contains("helpUri")) << "not in docs/rules.md";
  EXPECT_FALSE(run["results"][0].contains("suppressions"));

  const Json& waived = run["results"][1];
  ASSERT_TRUE(waived.contains("suppressions"));
  EXPECT_EQ(waived["suppressions"][0]["kind"], "external");
  EXPECT_EQ(waived["suppressions"][0]["status"], "accepted");
  EXPECT_NE(waived["suppressions"][0]["justification"].get<std::string>().find("Behind the VPN"),
            std::string::npos);
  const Json& loc = waived["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "exports/flows/a%20b.json");
  EXPECT_FALSE(loc.contains("region")) << "line 0 means unknown";

  const Json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["level"], "error");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "exports/bad%20dir/broken.json");
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 7);
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 3);
  EXPECT_NE(notes[1]["message"]["text"].get<std::string>().find(
                "in archive member Workflows/x.json, line 2, column 5"),
            std::string::npos);

  // Import warnings only when asked for.
  report.summary.warnings.push_back(
      {"flows/a.json", 3, 1, "connection to a node that does not exist"});
  EXPECT_EQ(Json::parse(fw::report::RenderSarif(
                report, options))["runs"][0]["invocations"][0]["toolExecutionNotifications"]
                .size(),
            2u);
  options.include_warnings = true;
  Json with = Json::parse(fw::report::RenderSarif(report, options));
  ASSERT_EQ(with["runs"][0]["invocations"][0]["toolExecutionNotifications"].size(), 3u);
  EXPECT_EQ(with["runs"][0]["invocations"][0]["toolExecutionNotifications"][2]["level"], "warning");
}

TEST(SarifSchema, ExamplesAndSyntheticReportValidate) {
  if (!HaveSchema())
    GTEST_SKIP() << "FW_SHARED_DIR/schemas/sarif-schema-2.1.0.json not found; set FW_SHARED_DIR";
  EXPECT_EQ(SchemaErrors(Json::parse(fw::report::RenderSarif(ScanExamples()))), "");
  EXPECT_EQ(SchemaErrors(Json::parse(fw::report::RenderSarif(Synthetic()))), "");
  // The validator does reject what the schema forbids.
  Json bad = Json::parse(fw::report::RenderSarif(Synthetic()));
  bad["runs"][0]["results"][0]["level"] = "fatal";
  bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  EXPECT_NE(SchemaErrors(bad), "");
}

TEST(SarifSchema, SharedCorpusValidates) {
  const char* shared = std::getenv("FW_SHARED_DIR");
  if (!HaveSchema() || !fs::is_directory(fs::path(shared) / "corpus")) {
    GTEST_SKIP() << "FW_SHARED_DIR/corpus or the SARIF schema not found; set FW_SHARED_DIR";
  }
  size_t platforms = 0;
  for (const auto& e : fs::directory_iterator(fs::path(shared) / "corpus")) {
    if (!e.is_directory()) continue;
    ++platforms;
    auto report = fw::cli::Scan(fw::core::LocalFileSystem(), {e.path().string()});
    EXPECT_GT(report.summary.files, 0u) << e.path();
    Json sarif = Json::parse(fw::report::RenderSarif(report));
    EXPECT_EQ(SchemaErrors(sarif), "") << e.path();
    ExpectGithubReady(sarif);
    EXPECT_EQ(sarif["runs"][0]["results"].size(), report.findings.size()) << e.path();
  }
  EXPECT_GE(platforms, 4u);
}

TEST(Junit, FailuresSkipsErrorsAndEscaping) {
  std::string xml = fw::report::RenderJunit(Synthetic(), fw::model::Severity::kHigh);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0), 0u);
  EXPECT_NE(xml.find("tests=\"4\" failures=\"1\" errors=\"2\" skipped=\"1\""), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<failure message=\"Sends data to &apos;dropbox&apos;"), std::string::npos);
  EXPECT_NE(
      xml.find(
          "<skipped message=\"waived: Behind the VPN (approved by jane) (expires 2027-01-31)\"/>"),
      std::string::npos);
  EXPECT_NE(xml.find("<error message=\"invalid JSON: &lt;eof&gt;\" type=\"unreadable-file\">"),
            std::string::npos);
  // No raw control characters, markup or CDATA ends from the input.
  for (char c : xml) {
    auto u = static_cast<unsigned char>(c);
    EXPECT_FALSE(u < 0x20 && c != '\n' && c != '\t') << "control character " << int(u);
  }
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
  // --fail-on never: nothing fails, everything is still listed.
  std::string never = fw::report::RenderJunit(Synthetic(), std::nullopt);
  EXPECT_NE(never.find("failures=\"0\""), std::string::npos);
  EXPECT_EQ(never.find("<failure"), std::string::npos);
}

TEST(Junit, WellFormedForXmllint) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xmllint not installed";
  fs::path p = fs::temp_directory_path() / ("fw_junit_" + std::to_string(::getpid()) + ".xml");
  std::ofstream(p) << fw::report::RenderJunit(Synthetic(), fw::model::Severity::kHigh);
  EXPECT_EQ(std::system(("xmllint --noout " + p.string()).c_str()), 0);
  std::ofstream(p) << fw::report::RenderJunit(ScanExamples(), fw::model::Severity::kMedium);
  EXPECT_EQ(std::system(("xmllint --noout " + p.string()).c_str()), 0);
  fs::remove(p);
}

TEST(Markdown, CapsTheTableAndNeverMentions) {
  auto report = ScanExamples();
  ASSERT_GT(report.findings.size(), 5u);
  fw::report::MarkdownOptions options;
  options.max_findings = 5;
  std::string md = fw::report::RenderMarkdown(report, options);
  EXPECT_EQ(md.rfind("<!-- flowwarden-report -->\n", 0), 0u);
  EXPECT_NE(
      md.find("and " + std::to_string(report.findings.size() - 5) + " more (see the full report)"),
      std::string::npos);
  EXPECT_NE(md.find("<details>"), std::string::npos);
  EXPECT_NE(md.find("gate fails"), std::string::npos);

  std::string hostile = fw::report::RenderMarkdown(Synthetic(), {});
  EXPECT_EQ(hostile.find("@octocat"), std::string::npos);
  EXPECT_EQ(hostile.find("<script>"), std::string::npos);
  EXPECT_EQ(hostile.find("<img"), std::string::npos);
  EXPECT_NE(hostile.find("Waived (1)"), std::string::npos);
  EXPECT_NE(hostile.find("Unreadable files (2)"), std::string::npos);
  EXPECT_NE(hostile.find("gate fails"), std::string::npos) << "one high finding is not waived";
}

TEST(Markdown, StaysUnderGithubsCommentLimit) {
  fw::report::ScanReport big;
  fw::model::Finding f = Synthetic().findings[0];
  f.message = std::string(3000, 'm');
  f.remediation = std::string(2000, 'r');
  for (int i = 0; i < 2000; ++i) big.findings.push_back(f);
  for (int i = 0; i < 500; ++i)
    big.summary.errors.push_back({std::string(300, 'f'), 1, 1, std::string(500, 'e')});
  auto waived = f;
  waived.suppression =
      fw::model::Suppression{"W", std::string(1000, 'j'), "a", "2027-01-01", "w.yaml:1:1"};
  for (int i = 0; i < 300; ++i) big.findings.push_back(waived);
  fw::report::MarkdownOptions options;
  options.max_findings = 1000;
  std::string md = fw::report::RenderMarkdown(big, options);
  EXPECT_LT(md.size(), 65536u);
  EXPECT_NE(md.find("more (see the full report)"), std::string::npos);
  EXPECT_NE(md.find("</details>\n\n<sub>"), std::string::npos) << "ends properly";
}

TEST(Html, SelfContainedAndEscaped) {
  std::string html = fw::report::RenderHtml(Synthetic(), {});
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  for (const char* external : {"src=", "href=\"http", "url(", "@import", "<link", "<iframe"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  // Business impact comes before the top risks, and they before the pages.
  size_t impact = html.find("id=\"summary\"");
  size_t risks = html.find("id=\"top-risks\"");
  size_t pages = html.find("id=\"workflows\"");
  ASSERT_NE(impact, std::string::npos);
  EXPECT_LT(impact, risks);
  EXPECT_LT(risks, pages);
  // Only the one waived finding's justification; it is not a top risk.
  EXPECT_NE(html.find("Waived: Behind the VPN"), std::string::npos);
}

TEST(Html, BusinessImpactFallsBackToTheMessage) {
  auto r = Synthetic();
  std::string before = fw::report::RenderHtml(r, {});
  EXPECT_NE(before.find("which is not approved"), std::string::npos);
  r.findings[0].business_impact = "Customer files can reach an unvetted cloud service.";
  std::string after = fw::report::RenderHtml(r, {});
  EXPECT_NE(after.find("Customer files can reach an unvetted cloud service."), std::string::npos);
}
