// The threat model outputs of every example export (examples/<platform>/<entry>):
// DOT, Mermaid, the Markdown report and the review are compared with
// tests/report/golden/<platform>/<entry>/ (FW_UPDATE_GOLDEN=1 rewrites them;
// review the diff); the Threat Dragon and OTM exports validate against the
// shared schemas; the SVG is well-formed and names every element; the HTML
// is one offline file. Then the CLI end to end: files written, a decision
// edited in the register survives a re-run, --diff and review.
#include <expat.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli/threat_pipeline.h"
#include "report/threat_report.h"
#include "threat_fixtures.h"

namespace fs = std::filesystem;

namespace {

fs::path Examples() { return fs::path(FW_SOURCE_DIR) / "examples"; }
fs::path Golden() { return fs::path(FW_SOURCE_DIR) / "tests" / "report" / "golden"; }

std::vector<fs::path> Cases() {
  std::vector<fs::path> out;
  for (const auto& platform : fs::directory_iterator(Examples())) {
    if (!platform.is_directory() || platform.path().filename() == "policy")
      continue;  // not exports
    for (const auto& e : fs::directory_iterator(platform.path())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool Updating() {
  const char* u = std::getenv("FW_UPDATE_GOLDEN");
  return u != nullptr && std::string(u) == "1";
}

void Check(const fs::path& expected, const std::string& actual) {
  if (Updating()) {
    fs::create_directories(expected.parent_path());
    std::ofstream(expected, std::ios::binary) << actual;
  }
  ASSERT_TRUE(fs::exists(expected))
      << "missing " << expected << " (run with FW_UPDATE_GOLDEN=1 to create it)";
  EXPECT_EQ(ReadAll(expected), actual) << "golden mismatch: " << expected;
}

// Character data of a well-formed XML document; `ok` false otherwise.
struct Xml {
  bool ok = false;
  std::string text;
};
Xml ParseXml(const std::string& xml) {
  Xml out;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &out.text);
  XML_SetCharacterDataHandler(p, [](void* user, const XML_Char* s, int len) {
    static_cast<std::string*>(user)->append(s, static_cast<size_t>(len));
  });
  out.ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return out;
}

fw::cli::ThreatAnalysis Analyse(const fs::path& input) {
  // Relative names, as in the other goldens: the output must not depend on
  // where the repository is checked out.
  auto cwd = fs::current_path();
  fs::current_path(input.parent_path());
  auto analysis = fw::cli::AnalyseThreats(fw::core::LocalFileSystem(), {input.filename().string()});
  fs::current_path(cwd);
  return analysis;
}

}  // namespace

class ThreatOutputs : public ::testing::TestWithParam<fs::path> {};

TEST_P(ThreatOutputs, DiagramsReportAndReviewMatchGolden) {
  const fs::path input = GetParam();
  auto analysis = Analyse(input);
  ASSERT_FALSE(analysis.model.diagrams.empty()) << input << " gave no workflow";
  auto merge = fw::threat::MergeRegister(analysis.model, fw::threat::Register{});
  const fs::path base = Golden() / input.parent_path().filename() / input.filename();
  Check(base / "estate.dot", fw::report::RenderDfdDot(analysis.model.estate));
  Check(base / "estate.mmd", fw::report::RenderDfdMermaid(analysis.model.estate));
  Check(base / "threat-model.md", fw::report::RenderThreatMarkdown(analysis.model, merge));
  Check(base / "review.md", fw::report::RenderReview(analysis.model, merge.merged, nullptr));
}

TEST_P(ThreatOutputs, ThreatDragonAndOtmValidateAgainstSharedSchemas) {
  std::string dir = fw::testing::SharedSchemaDir();
  if (dir.empty())
    GTEST_SKIP() << "FW_SHARED_DIR not set: the Threat Dragon and OTM schemas live there";
  auto analysis = Analyse(GetParam());
  auto merge = fw::threat::MergeRegister(analysis.model, fw::threat::Register{});
  auto td = nlohmann::json::parse(fw::report::RenderThreatDragon(analysis.model, merge.merged));
  EXPECT_EQ(fw::testing::SchemaErrors(dir + "/threat-dragon-v2.schema.json", td), "");
  // Every threat is on some cell, so Threat Dragon shows all of them.
  size_t on_cells = 0;
  for (const auto& d : td["detail"]["diagrams"]) {
    for (const auto& c : d["cells"])
      on_cells += c["data"].value("threats", nlohmann::json::array()).size();
  }
  EXPECT_EQ(on_cells, analysis.model.threats.size());
  auto otm = nlohmann::json::parse(fw::report::RenderOtm(analysis.model, merge.merged));
  EXPECT_EQ(fw::testing::SchemaErrors(dir + "/open-threat-model.schema.json", otm), "");
  EXPECT_EQ(otm["threats"].size(), analysis.model.threats.size());
}

TEST_P(ThreatOutputs, SvgAndHtmlAreWellFormedAndOffline) {
  auto analysis = Analyse(GetParam());
  auto svg = fw::report::RenderDfdSvg(analysis.model.estate);
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  Xml xml = ParseXml(svg.value());
  ASSERT_TRUE(xml.ok);
  for (const auto& e : analysis.model.estate.elements) {
    EXPECT_NE(xml.text.find(e.name.substr(0, e.name.find('\n'))), std::string::npos) << e.name;
  }
  auto merge = fw::threat::MergeRegister(analysis.model, fw::threat::Register{});
  std::string html = fw::report::RenderThreatHtml(analysis.model, merge);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Examples, ThreatOutputs, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string n = info.param.parent_path().filename().string() + "_" +
                                           info.param.filename().string();
                           for (auto& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

namespace {

struct CliRun {
  int code;
  std::string out;
};

CliRun Exec(const std::string& args, bool with_stderr = false) {
  std::string cmd = std::string(FW_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  CliRun r{0, ""};
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

fs::path TempDir(const std::string& name) {
  fs::path d =
      fs::temp_directory_path() / ("fw_threat_out_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(ThreatModelCli, WritesEveryOutputAndKeepsAnEditedDecision) {
  fs::path work = TempDir("cli");
  fs::path exports = work / "exports";
  fs::create_directories(exports);
  fs::copy_file(Examples() / "n8n" / "lead-intake.json", exports / "lead-intake.json");
  fs::path out = work / "out";
  CliRun first = Exec("threat-model " + exports.string() + " -o " + out.string());
  ASSERT_EQ(first.code, 0) << first.out;
  for (const char* f : {"threat-model.md", "threat-model.html", "estate.svg", "estate.dot",
                        "estate.mmd", "threat-dragon.json", "otm.json"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  EXPECT_TRUE(fs::exists(out / "workflows" / "lead-intake-website-form-to-crm.svg"));
  EXPECT_TRUE(fs::exists(out / "workflows" / "lead-intake-website-form-to-crm.mmd"));
  // The register goes beside the exports (the first path is a folder).
  fs::path reg = exports / "threat-model.yaml";
  ASSERT_TRUE(fs::exists(reg));
  EXPECT_NE(first.out.find("new threat(s), 0 disappeared, 0 unmatched"), std::string::npos)
      << first.out;

  // A person accepts the first threat and adds an entry for a threat the
  // analysis no longer finds and one whose id is mistyped.
  std::string text = ReadAll(reg);
  auto at = text.find("decision: open");
  ASSERT_NE(at, std::string::npos);
  auto id_at = text.rfind("- id: \"", at);
  std::string id = text.substr(id_at + 7, 15);
  text.replace(at, std::string("decision: open").size(), "decision: accepted");
  text = std::regex_replace(text, std::regex("justification: \"\""),
                            "justification: \"Only partners know the form\"",
                            std::regex_constants::format_first_only);
  text += "  - id: \"TM-000000000000\"\n    title: \"Gone\"\n    decision: mitigated\n";
  text += "  - id: \"TM-typo\"\n    title: \"Mistyped\"\n    decision: accepted\n";
  std::ofstream(reg, std::ios::binary) << text;

  CliRun second = Exec("threat-model " + exports.string() + " -o " + out.string());
  ASSERT_EQ(second.code, 0) << second.out;
  EXPECT_NE(second.out.find("0 new threat(s), 1 disappeared, 1 unmatched register entry"),
            std::string::npos)
      << second.out;
  std::string kept = ReadAll(reg);
  auto entry = kept.find("- id: \"" + id + "\"");
  ASSERT_NE(entry, std::string::npos);
  auto next = kept.find("- id:", entry + 1);
  std::string block =
      kept.substr(entry, next == std::string::npos ? std::string::npos : next - entry);
  EXPECT_NE(block.find("decision: accepted"), std::string::npos) << block;
  EXPECT_NE(block.find("Only partners know the form"), std::string::npos) << block;
  // The reports and the Threat Dragon export show the decision.
  EXPECT_NE(ReadAll(out / "threat-model.md").find("accepted: Only partners know the form"),
            std::string::npos);
  EXPECT_NE(ReadAll(out / "threat-dragon.json").find("Decision: accepted"), std::string::npos);
  // The register beside the exports is not read as an export.
  CliRun review = Exec("review " + exports.string(), true);
  EXPECT_EQ(review.out.find("threat-model.yaml:"), std::string::npos) << review.out;
  std::string html = ReadAll(out / "threat-model.html");
  EXPECT_NE(html.find("TM-000000000000: Gone"), std::string::npos);
  EXPECT_NE(html.find("TM-typo"), std::string::npos);
  fs::remove_all(work);
}

TEST(ThreatModelCli, MalformedRegisterIsReportedAndNotOverwritten) {
  fs::path work = TempDir("bad");
  fs::path reg = work / "threat-model.yaml";
  std::ofstream(reg) << "version: 1\nthreats: [\n";
  CliRun r = Exec("threat-model " + (Examples() / "n8n" / "lead-intake.json").string() + " -o " +
                  (work / "out").string() + " --register " + reg.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(fs::exists(work / "out" / "threat-model.html"));  // the rest still happens
  EXPECT_EQ(ReadAll(reg), "version: 1\nthreats: [\n");
  fs::remove_all(work);
}

TEST(ThreatModelCli, SummaryTableWithoutOutputFolder) {
  CliRun r = Exec("threat-model " + (Examples() / "n8n" / "lead-intake.json").string());
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Threat model: 1 workflow(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SEVERITY SCORE ID"), std::string::npos);
  EXPECT_NE(r.out.find("Register: "), std::string::npos);
  CliRun none = Exec("threat-model /nonexistent/path");
  EXPECT_EQ(none.code, 2);
}

TEST(ThreatModelCli, DiffOfTwoExports) {
  fs::path n8n = Examples() / "n8n";
  CliRun same = Exec("threat-model --diff " + (n8n / "lead-intake.json").string() + " " +
                     (n8n / "lead-intake.json").string());
  ASSERT_EQ(same.code, 0);
  EXPECT_NE(same.out.find("nothing changed"), std::string::npos) << same.out;
  CliRun other = Exec("threat-model --diff " + (n8n / "nightly-report.json").string() + " " +
                      (n8n / "lead-intake.json").string() + " --format markdown");
  ASSERT_EQ(other.code, 0);
  EXPECT_NE(other.out.find("## Threats added"), std::string::npos) << other.out;
  EXPECT_NE(other.out.find("## Data flows removed"), std::string::npos) << other.out;
}

TEST(ReviewCli, AsksAboutTheRiskiestWorkflows) {
  CliRun r = Exec("review " + (Examples() / "n8n").string() + " --areas 3");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("# Review session", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("## 3. "), std::string::npos);
  EXPECT_EQ(r.out.find("## 4. "), std::string::npos);
  EXPECT_NE(r.out.find("- [ ] Should people outside the company be able to start"),
            std::string::npos);
}

TEST(ReviewCli, SinceRanksWhatChanged) {
  fs::path n8n = Examples() / "n8n";
  CliRun r = Exec("review " + (n8n / "lead-intake.json").string() + " --since " +
                  (n8n / "nightly-report.json").string());
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("change(s) since the last review"), std::string::npos) << r.out;
}
