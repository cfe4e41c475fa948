// Golden outputs: every folder under tests/outputs/ holds input exports and
// the JUnit, Markdown and HTML a scan of them renders (expected.junit.xml,
// expected.md, expected.html). Run with FW_UPDATE_GOLDEN=1 to rewrite them
// after a deliberate change, then review the diff.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/scan_pipeline.h"
#include "report/report.h"

namespace fs = std::filesystem;

namespace {

fs::path OutputsDir() { return fs::path(FW_SOURCE_DIR) / "tests" / "outputs"; }

std::vector<fs::path> CaseDirs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(OutputsDir())) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool IsExpected(const fs::path& p) { return p.filename().string().rfind("expected.", 0) == 0; }

// Scans the case's inputs by their names relative to the case folder.
fw::report::ScanReport ScanCase(const fs::path& dir) {
  std::vector<std::string> rel;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!IsExpected(e.path())) rel.push_back(e.path().filename().string());
  }
  std::sort(rel.begin(), rel.end());
  auto cwd = fs::current_path();
  fs::current_path(dir);
  auto report = fw::cli::Scan(fw::core::LocalFileSystem(), rel);
  fs::current_path(cwd);
  return report;
}

void Compare(const fs::path& dir, const std::string& name, const std::string& actual) {
  const fs::path path = dir / name;
  const char* update = std::getenv("FW_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
  }
  ASSERT_TRUE(fs::exists(path)) << "missing " << path
                                << " (run with FW_UPDATE_GOLDEN=1 to create it)";
  EXPECT_EQ(ReadAll(path), actual) << "golden mismatch in " << path;
}

}  // namespace

class OutputGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(OutputGolden, JunitMarkdownAndHtmlMatchExpected) {
  const fs::path dir = GetParam();
  auto report = ScanCase(dir);
  ASSERT_FALSE(report.findings.empty()) << dir << " should produce findings";
  Compare(dir, "expected.junit.xml", fw::report::RenderJunit(report, fw::model::Severity::kHigh));
  Compare(dir, "expected.md", fw::report::RenderMarkdown(report, {}));
  Compare(dir, "expected.html", fw::report::RenderHtml(report, {}));
}

INSTANTIATE_TEST_SUITE_P(Cases, OutputGolden, ::testing::ValuesIn(CaseDirs()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string n = info.param.filename().string();
                           for (auto& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });
