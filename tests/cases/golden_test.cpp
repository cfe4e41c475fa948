// Golden cases: every folder under tests/cases/<platform>/<case>/ holds input
// exports and expected.json (the findings' stable projection). One runner
// for all; run with FW_UPDATE_GOLDEN=1 to rewrite expected.json after a
// deliberate change, then review the diff.
//
// Case names carry intent: "<rule>--fires" must report that rule at least
// once, "<rule>--quiet" must never report it. Every rule in the check table
// needs both.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/check.h"
#include "cli/scan_pipeline.h"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

fs::path CasesDir() { return fs::path(FW_SOURCE_DIR) / "tests" / "cases"; }

std::vector<fs::path> CaseDirs() {
  std::vector<fs::path> out;
  for (const auto& platform : fs::directory_iterator(CasesDir())) {
    if (!platform.is_directory()) continue;
    for (const auto& c : fs::directory_iterator(platform.path())) {
      if (c.is_directory()) out.push_back(c.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Json Project(const fw::report::ScanReport& r) {
  Json findings = Json::array();
  for (const auto& f : r.findings) {
    findings.push_back(Json{{"rule", f.rule},
                            {"severity", fw::model::SeverityName(f.severity)},
                            {"file", f.location.file},
                            {"line", f.location.line},
                            {"column", f.location.column},
                            {"pointer", f.location.pointer},
                            {"node", f.location.node_name},
                            {"evidence", f.evidence}});
  }
  Json errors = Json::array();
  for (const auto& e : r.summary.errors) {
    errors.push_back(Json{{"file", e.file}, {"line", e.line}, {"column", e.column}, {"message", e.message}});
  }
  return Json{{"workflows", r.summary.workflows}, {"errors", errors}, {"findings", findings}};
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class GoldenCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenCase, MatchesExpected) {
  const fs::path dir = GetParam();
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename() != "expected.json") inputs.push_back(e.path().string());
  }
  std::sort(inputs.begin(), inputs.end());
  ASSERT_FALSE(inputs.empty()) << dir << " has no input files";
  // Scan the files by their names relative to the case folder, as a user
  // scanning the folder would see them.
  auto cwd = fs::current_path();
  fs::current_path(dir);
  std::vector<std::string> rel;
  for (const auto& i : inputs) rel.push_back(fs::path(i).filename().string());
  auto report = fw::cli::Scan(fw::core::LocalFileSystem(), rel);
  fs::current_path(cwd);
  Json actual = Project(report);

  const fs::path expected_path = dir / "expected.json";
  const char* update = std::getenv("FW_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_path) << actual.dump(2) << "\n";
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path
                                         << " (run with FW_UPDATE_GOLDEN=1 to create it)";
  Json expected = Json::parse(ReadAll(expected_path));
  EXPECT_EQ(expected.dump(2), actual.dump(2)) << "golden mismatch in " << dir;

  // Intent encoded in the name.
  std::string name = dir.filename().string();
  auto sep = name.find("--");
  if (sep != std::string::npos) {
    std::string rule = name.substr(0, sep);
    std::string intent = name.substr(sep + 2);
    size_t hits = 0;
    for (const auto& f : report.findings) hits += f.rule == rule;
    if (intent.rfind("fires", 0) == 0) {
      EXPECT_GT(hits, 0u) << name << " must report " << rule;
    } else if (intent.rfind("quiet", 0) == 0) {
      EXPECT_EQ(hits, 0u) << name << " must not report " << rule;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(CaseDirs()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string n = info.param.parent_path().filename().string() + "_" +
                                           info.param.filename().string();
                           for (auto& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

TEST(GoldenCoverage, EveryRuleHasFiringAndQuietCases) {
  std::set<std::string> names;
  for (const auto& d : CaseDirs()) names.insert(d.filename().string());
  for (const auto& check : fw::analysis::AllChecks()) {
    std::string id(check.info.id);
    bool fires = false;
    bool quiet = false;
    for (const auto& n : names) {
      if (n.rfind(id + "--fires", 0) == 0) fires = true;
      if (n.rfind(id + "--quiet", 0) == 0) quiet = true;
    }
    EXPECT_TRUE(fires) << "no tests/cases/*/" << id << "--fires* case";
    EXPECT_TRUE(quiet) << "no tests/cases/*/" << id << "--quiet* case";
  }
}
