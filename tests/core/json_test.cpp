#include <gtest/gtest.h>

#include "core/json.h"

using fw::core::Document;
using fw::core::SourceFile;

namespace {

std::shared_ptr<const Document> Parse(const std::string& text) {
  auto r = Document::ParseJson(std::make_shared<SourceFile>("t.json", text));
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? r.value() : nullptr;
}

fw::core::Diagnostic ParseError(const std::string& text) {
  auto r = Document::ParseJson(std::make_shared<SourceFile>("bad.json", text));
  EXPECT_FALSE(r.ok());
  return r.ok() ? fw::core::Diagnostic{} : r.error();
}

}  // namespace

TEST(Json, ReadsValuesAndPositions) {
  auto doc = Parse("{\n  \"a\": [1, \"x\\u00e9\", true, null],\n  \"b\": {\"c\": -2.5e1}\n}");
  ASSERT_TRUE(doc);
  auto root = doc->root();
  ASSERT_TRUE(root.is_object());
  EXPECT_EQ(root.size(), 2u);
  EXPECT_EQ(root["a"].size(), 4u);
  EXPECT_EQ(root["a"].at(0).number(), 1.0);
  EXPECT_EQ(root["a"].at(1).str(), "x\xc3\xa9");
  EXPECT_TRUE(root["a"].at(2).boolean());
  EXPECT_TRUE(root["a"].at(3).is_null());
  EXPECT_EQ(root["b"]["c"].number(), -25.0);
  EXPECT_EQ(root["b"]["c"].text(), "-2.5e1");
  // "a"'s array starts on line 2, column 8.
  auto pos = root["a"].position();
  EXPECT_EQ(pos.line, 2u);
  EXPECT_EQ(pos.column, 8u);
  EXPECT_EQ(root["b"]["c"].position().line, 3u);
  EXPECT_EQ(root["b"]["c"].position().column, 14u);
}

TEST(Json, MissingLookupsChainSafely) {
  auto doc = Parse("{\"a\": 1}");
  ASSERT_TRUE(doc);
  EXPECT_FALSE(doc->root()["x"]["y"].at(3).valid());
  EXPECT_EQ(doc->root()["x"].str(), "");
  EXPECT_EQ(doc->root()["a"].str(), "");  // a number is not a string
  EXPECT_EQ(doc->root()["a"].text(), "1");
}

TEST(Json, ColumnsCountCodePoints) {
  auto doc = Parse("{\"\xc3\xa9\xc3\xa9\": 7}");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root()["\xc3\xa9\xc3\xa9"].position().column, 8u);
}

TEST(Json, SkipsByteOrderMark) {
  auto doc = Parse("\xEF\xBB\xBF{\"a\": [1]}");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root()["a"].position().column, 7u);
}

TEST(Json, MissingCommaHasPositionAndExpectation) {
  auto d = ParseError("{\n  \"a\": 1\n  \"b\": 2\n}");
  EXPECT_EQ(d.file, "bad.json");
  EXPECT_EQ(d.line, 3u);
  EXPECT_EQ(d.column, 3u);
  EXPECT_NE(d.message.find("expected ',' or '}'"), std::string::npos) << d.message;
}

TEST(Json, TruncatedFile) {
  auto d = ParseError("[{\"a\": \"unterminated");
  EXPECT_EQ(d.line, 1u);
  EXPECT_NE(d.message.find("end of file"), std::string::npos) << d.message;
}

TEST(Json, TrailingContentAndEmptyFile) {
  auto d = ParseError("{} {}");
  EXPECT_NE(d.message.find("after the end"), std::string::npos) << d.message;
  EXPECT_EQ(d.column, 4u);
  auto e = ParseError("");
  EXPECT_NE(e.message.find("empty"), std::string::npos) << e.message;
}

TEST(Json, ScalarDocuments) {
  auto doc = Parse("\"just a string\"");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root().str(), "just a string");
}

TEST(JsonSyntax, AcceptsValidJson) {
  size_t off = 0;
  std::string msg;
  EXPECT_FALSE(fw::core::FindJsonSyntaxError("{\"a\": [1, 2.5e-3, \"\\u00e9\", false]}", &off, &msg));
  EXPECT_TRUE(fw::core::FindJsonSyntaxError("{\"a\": tru}", &off, &msg));
  EXPECT_EQ(off, 6u);
}

TEST(Pointer, EscapesTokens) {
  std::string p;
  fw::core::AppendPointerToken(p, "a/b~c");
  fw::core::AppendPointerIndex(p, 3);
  EXPECT_EQ(p, "/a~1b~0c/3");
}

TEST(Json, DeepNestingIsAnErrorNotACrash) {
  // Found by fuzzing: unbounded recursion overflowed the stack.
  auto d = ParseError(std::string(50000, '['));
  EXPECT_NE(d.message.find("nesting deeper than 256"), std::string::npos) << d.message;
  EXPECT_EQ(d.line, 1u);
  EXPECT_GT(d.column, 250u);
  auto ok = Parse(std::string(200, '[') + std::string(200, ']'));
  EXPECT_TRUE(ok);
}

TEST(Json, MalformedNumbersAreRejected) {
  // Found by differential fuzzing against the syntax scanner.
  auto d = ParseError("{\"url\":0\"http://evil\"}");
  EXPECT_EQ(d.column, 9u);
  ParseError("[6.94c]");
  ParseError("[00]");
  auto big = Parse("[1e400]");
  ASSERT_TRUE(big);
  EXPECT_GT(big->root().at(0).number(), 1e300);
}
