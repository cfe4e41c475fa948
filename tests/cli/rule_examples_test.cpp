// Rule reference examples: every rule gets one from its firing golden case,
// cut around the finding's line, with key-like tokens shortened.
#include "cli/rule_examples.h"

#include <gtest/gtest.h>

#include "analysis/check.h"

TEST(RuleExamples, EveryRuleHasOneFromItsFiringCase) {
  auto examples = fw::cli::CollectRuleExamples(std::string(FW_SOURCE_DIR) + "/tests/cases");
  for (const auto& c : fw::analysis::AllChecks()) {
    auto it = examples.find(c.info.id);
    ASSERT_NE(it, examples.end()) << c.info.id;
    const auto& e = it->second;
    EXPECT_EQ(e.source.rfind("tests/cases/", 0), 0u) << e.source;
    EXPECT_NE(e.source.find(std::string(c.info.id) + "--fires"), std::string::npos) << e.source;
    EXPECT_FALSE(e.text.empty()) << c.info.id;
    EXPECT_LE(e.first_line, e.finding_line);
  }
  EXPECT_TRUE(fw::cli::CollectRuleExamples("/nonexistent/cases").empty());
}

TEST(RuleExamples, ExcerptAroundTheLine) {
  std::string text = "a\n  b\n    c\n  d\n  e\n  f\n";
  uint32_t first = 0;
  EXPECT_EQ(fw::cli::ExcerptLines(text, 3, 1, 1, false, &first), "b\n  c\nd\n");
  EXPECT_EQ(first, 2u);
  EXPECT_EQ(fw::cli::ExcerptLines(text, 1, 3, 0, false, &first), "a\n");
  EXPECT_EQ(first, 1u);
  EXPECT_EQ(fw::cli::ExcerptLines(text, 99, 0, 5, false, &first), "f\n");
  EXPECT_EQ(fw::cli::ExcerptLines("", 1, 1, 1, false, &first), "");
  EXPECT_EQ(
      fw::cli::ExcerptLines("\"key\": \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"", 1, 0, 0, true, &first),
      "\"key\": \"sk_l\u2026\"\n");
}
