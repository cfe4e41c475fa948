#include "core/yaml.h"

#include <gtest/gtest.h>

#include <string>

using fw::core::Diagnostics;
using fw::core::Document;
using fw::core::ParseYaml;
using fw::core::SourceFile;
using fw::core::ValueRef;
using fw::core::ValueType;

namespace {

std::shared_ptr<const Document> Parse(const std::string& text, Diagnostics* warnings = nullptr) {
  auto r = ParseYaml(std::make_shared<SourceFile>("t.yaml", text), warnings);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? r.value() : nullptr;
}

fw::core::Diagnostic Error(const std::string& text) {
  auto r = ParseYaml(std::make_shared<SourceFile>("bad.yaml", text));
  EXPECT_FALSE(r.ok());
  return r.ok() ? fw::core::Diagnostic{} : r.error();
}

}  // namespace

TEST(Yaml, MappingsSequencesAndScalarTypes) {
  auto doc = Parse(
      "name: Clinic\n"
      "count: 42\n"
      "ratio: -1.5e3\n"
      "on: true\n"
      "off: False\n"
      "nothing: ~\n"
      "empty:\n"
      "quoted: \"true\"\n"
      "single: '42'\n"
      "version: 1.10\n"
      "word: yes\n"
      "hex: 0x1F\n"
      "list: [a, 2, {k: v}]\n");
  ASSERT_TRUE(doc);
  ValueRef r = doc->root();
  ASSERT_TRUE(r.is_object());
  EXPECT_EQ(r["name"].str(), "Clinic");
  EXPECT_TRUE(r["count"].is_number());
  EXPECT_EQ(r["count"].number(), 42);
  EXPECT_EQ(r["ratio"].number(), -1500);
  EXPECT_TRUE(r["on"].is_bool());
  EXPECT_TRUE(r["on"].boolean());
  EXPECT_FALSE(r["off"].boolean(true));
  EXPECT_TRUE(r["nothing"].is_null());
  EXPECT_TRUE(r["empty"].is_null());
  EXPECT_TRUE(r["quoted"].is_string());
  EXPECT_EQ(r["quoted"].str(), "true");
  EXPECT_TRUE(r["single"].is_string());
  EXPECT_EQ(r["version"].text(), "1.10");  // numbers keep their spelling
  EXPECT_TRUE(r["word"].is_string());      // YAML 1.2: "yes" is a string
  EXPECT_TRUE(r["hex"].is_string());
  ASSERT_TRUE(r["list"].is_array());
  EXPECT_EQ(r["list"].size(), 3u);
  EXPECT_EQ(r["list"].at(2)["k"].str(), "v");
}

TEST(Yaml, PositionsPointAtValues) {
  auto doc = Parse(
      "app:\n"
      "  name: \"Intake\"\n"
      "  owners:\n"
      "    - a@example.com\n"
      "téléphone: ünïcode\n");
  ASSERT_TRUE(doc);
  ValueRef r = doc->root();
  auto name = r["app"]["name"].position();
  EXPECT_EQ(name.line, 2u);
  EXPECT_EQ(name.column, 9u);  // the opening quote
  auto owner = r["app"]["owners"].at(0).position();
  EXPECT_EQ(owner.line, 4u);
  EXPECT_EQ(owner.column, 7u);
  auto tel = r["téléphone"].position();  // columns count code points
  EXPECT_EQ(tel.line, 5u);
  EXPECT_EQ(tel.column, 12u);
  EXPECT_EQ(r["app"].position().line, 2u);  // a block mapping starts at its first key
}

TEST(Yaml, ByteOrderMarkAndCrLf) {
  auto doc = Parse("\xEF\xBB\xBFkind: AppModel\r\nname: x\r\n");
  ASSERT_TRUE(doc);
  auto kind = doc->root()["kind"].position();
  EXPECT_EQ(kind.line, 1u);
  EXPECT_EQ(kind.column, 7u);
  EXPECT_EQ(doc->root()["name"].str(), "x");
  EXPECT_EQ(doc->root()["name"].position().line, 2u);
}

TEST(Yaml, SyntaxErrorsHavePositions) {
  auto e = Error("a: [1, 2\nb: 3\n");
  EXPECT_EQ(e.file, "bad.yaml");
  EXPECT_GT(e.line, 0u);
  EXPECT_NE(e.message.find("invalid YAML"), std::string::npos) << e.message;

  auto tab = Error("a:\n\tb: 1\n");
  EXPECT_EQ(tab.line, 2u) << tab.message;

  auto unknown = Error("a: *nowhere\n");
  EXPECT_EQ(unknown.line, 1u);
}

TEST(Yaml, AnchorsAliasesAndMergeKeys) {
  auto doc = Parse(
      "base: &base {access: view, export: false}\n"
      "grant:\n"
      "  <<: *base\n"
      "  export: true\n"
      "again: *base\n");
  ASSERT_TRUE(doc);
  ValueRef r = doc->root();
  EXPECT_EQ(r["grant"]["access"].str(), "view");
  EXPECT_TRUE(r["grant"]["export"].boolean());
  EXPECT_EQ(r["again"]["access"].str(), "view");
  EXPECT_FALSE(r["grant"]["<<"].valid());
}

TEST(Yaml, BillionLaughsIsRefused) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + prev;
    text += "]\n";
    prev = c;
  }
  auto e = Error(text);
  EXPECT_NE(e.message.find("aliases expand"), std::string::npos) << e.message;
  EXPECT_GT(e.line, 1u);
}

TEST(Yaml, DeepNestingIsRefused) {
  std::string text(300, '[');
  text += std::string(300, ']');
  auto e = Error(text);
  EXPECT_NE(e.message.find("nesting"), std::string::npos) << e.message;
}

TEST(Yaml, WarningsForDuplicateKeysAndMoreDocuments) {
  Diagnostics warnings;
  auto doc = Parse("a: 1\na: 2\n? [x]\n: y\n---\nb: 2\n", &warnings);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root()["a"].number(), 1);  // first wins
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].message.find("duplicate key 'a'"), std::string::npos);
  EXPECT_EQ(warnings[0].line, 2u);
  EXPECT_NE(warnings[1].message.find("complex mapping key"), std::string::npos);
  EXPECT_NE(warnings[2].message.find("more than one YAML document"), std::string::npos);
  EXPECT_EQ(warnings[2].line, 5u);
}

TEST(Yaml, EmptyStreamGivesNullRoot) {
  auto doc = Parse("# only a comment\n");
  ASSERT_TRUE(doc);
  EXPECT_TRUE(doc->root().is_null());
}

TEST(Yaml, LooksLikeJsonText) {
  EXPECT_TRUE(fw::core::LooksLikeJsonText("  \n{\"a\": 1}"));
  EXPECT_TRUE(fw::core::LooksLikeJsonText("\xEF\xBB\xBF["));
  EXPECT_FALSE(fw::core::LooksLikeJsonText("kind: AppModel"));
  EXPECT_FALSE(fw::core::LooksLikeJsonText(""));
}
