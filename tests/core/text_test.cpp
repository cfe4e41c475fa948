#include <gtest/gtest.h>

#include "core/text.h"

TEST(Text, RedactShowsPrefixAndLengthOnly) {
  std::string secret = "sk_live_abcdefghijklmnopqrstuvwx";
  std::string r = fw::core::Redact(secret);
  EXPECT_EQ(r, "sk_l\u2026(32 chars)");
  EXPECT_EQ(r.find("abcdef"), std::string::npos);
  // Short secrets show less.
  EXPECT_EQ(fw::core::Redact("hunter2!x"), "hu\u2026(9 chars)");
  EXPECT_EQ(fw::core::Redact("abc"), "\u2026(3 chars)");
}

TEST(Text, CaseInsensitiveHelpers) {
  EXPECT_TRUE(fw::core::IContains("X-Api-KEY", "api-key"));
  EXPECT_FALSE(fw::core::IContains("abc", "abcd"));
  EXPECT_TRUE(fw::core::IEquals("Bearer", "bEARER"));
  EXPECT_EQ(fw::core::Trim("  a b \n"), "a b");
  EXPECT_EQ(fw::core::Abbreviate("abcdef", 3), "abc\u2026");
  EXPECT_EQ(fw::core::Abbreviate("a\nb", 10), "a b");
}
