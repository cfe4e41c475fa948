#include <gtest/gtest.h>

#include "core/source.h"
#include "core/hash.h"

TEST(SourceFile, OffsetsToLineAndColumn) {
  fw::core::SourceFile f("x", "ab\ncd\n\nef");
  EXPECT_EQ(f.PositionOf(0).line, 1u);
  EXPECT_EQ(f.PositionOf(0).column, 1u);
  EXPECT_EQ(f.PositionOf(4).line, 2u);
  EXPECT_EQ(f.PositionOf(4).column, 2u);
  EXPECT_EQ(f.PositionOf(7).line, 4u);
  EXPECT_EQ(f.PositionOf(1000).line, 4u);  // clamps past the end
}

TEST(Hash, StableAndDistinct) {
  EXPECT_EQ(fw::core::Hex64(fw::core::Fnv1a64("flowwarden")),
            fw::core::Hex64(fw::core::Fnv1a64("flowwarden")));
  EXPECT_NE(fw::core::Fnv1a64("a"), fw::core::Fnv1a64("b"));
  EXPECT_EQ(fw::core::Hex64(0xabcULL), "0000000000000abc");
  // FNV-1a 64 of the empty string is its offset basis.
  EXPECT_EQ(fw::core::Fnv1a64(""), 14695981039346656037ULL);
}
