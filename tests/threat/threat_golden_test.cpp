// Golden threat models of every example export (examples/<platform>/<entry>):
// the diagrams, the threats and the register written for them are compared
// with tests/threat/golden/<platform>/<entry>.json and .register.yaml.
// FW_UPDATE_GOLDEN=1 rewrites them; review the diff.
//
// Each case also round-trips the register: written, parsed, merged with the
// same analysis and written again must give the same text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/threat_pipeline.h"
#include "threat_json.h"

namespace fs = std::filesystem;
using fw::threat::testing::Json;

namespace {

fs::path Examples() { return fs::path(FW_SOURCE_DIR) / "examples"; }
fs::path Golden() { return fs::path(FW_SOURCE_DIR) / "tests" / "threat" / "golden"; }

// One case per file or folder directly under examples/<platform>/.
std::vector<fs::path> Cases() {
  std::vector<fs::path> out;
  for (const auto& platform : fs::directory_iterator(Examples())) {
    if (!platform.is_directory()) continue;
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
  const std::string want = ReadAll(expected);
  if (want == actual) return;
  // Name the first differing line rather than dumping both documents.
  size_t line = 1, i = 0;
  while (i < want.size() && i < actual.size() && want[i] == actual[i]) line += want[i++] == '\n';
  auto line_at = [](const std::string& s, size_t at) {
    size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
    b = b == std::string::npos ? 0 : b + 1;
    return s.substr(b, s.find('\n', b) - b);
  };
  ADD_FAILURE() << "golden mismatch: " << expected << " line " << line
                << "\n  expected: " << line_at(want, i) << "\n  actual:   " << line_at(actual, i)
                << "\n(FW_UPDATE_GOLDEN=1 rewrites it; review the diff)";
}

}  // namespace

class ThreatGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(ThreatGolden, DiagramThreatsAndRegister) {
  const fs::path input = GetParam();
  auto cwd = fs::current_path();
  fs::current_path(input.parent_path());
  auto analysis = fw::cli::AnalyseThreats(fw::core::LocalFileSystem(), {input.filename().string()});
  fs::current_path(cwd);
  ASSERT_FALSE(analysis.model.diagrams.empty()) << input << " gave no workflow";

  const std::string platform = input.parent_path().filename().string();
  const fs::path base = Golden() / platform / input.filename();
  Check(fs::path(base.string() + ".json"),
        fw::threat::testing::ModelJson(analysis.model).dump(2) + "\n");

  auto merge = fw::threat::MergeRegister(analysis.model, fw::threat::Register{});
  EXPECT_EQ(merge.new_threats.size(), analysis.model.threats.size());
  const std::string written = fw::threat::WriteRegister(merge.merged);
  Check(fs::path(base.string() + ".register.yaml"), written);

  fw::core::SourceFile file("threat-model.yaml", written);
  auto parsed = fw::threat::ParseRegister(file);
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  auto again = fw::threat::MergeRegister(analysis.model, parsed.value());
  EXPECT_TRUE(again.new_threats.empty());
  EXPECT_TRUE(again.disappeared.empty());
  EXPECT_TRUE(again.unmatched.empty());
  EXPECT_EQ(written, fw::threat::WriteRegister(again.merged));
}

INSTANTIATE_TEST_SUITE_P(Examples, ThreatGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string n = info.param.parent_path().filename().string() + "_" +
                                           info.param.filename().string();
                           for (auto& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });
