#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

using fw::report::JsonWriter;

TEST(JsonWriter, PrettyPrintsLikeNlohmannDump2) {
  JsonWriter w;
  w.BeginObject();
  w.Member("name", "flowwarden");
  w.Key("empty_array");
  w.BeginArray();
  w.EndArray();
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("list");
  w.BeginArray();
  w.Int(-3);
  w.Uint(7);
  w.Double(8.0);
  w.Double(7.5);
  w.Double(0.01);
  w.Bool(true);
  w.Null();
  w.EndArray();
  w.EndObject();
  std::string text = w.Take();
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(text, j.dump(2) + "\n");
  EXPECT_NE(text.find("\"list\": [\n    -3,\n    7,\n    8.0,\n    7.5,\n    0.01,"),
            std::string::npos)
      << text;
}

TEST(JsonWriter, EscapesControlCharactersAndReplacesInvalidUtf8) {
  JsonWriter w;
  w.BeginArray();
  w.String("quote \" backslash \\ newline \n tab \t bell \x07 del \x7f");
  w.String("ok: \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x94\x91");         // é € 🔑
  w.String("bad: \xC3 \xE2\x82 \xED\xA0\x80 \xF5\x80 \xC0\xAF");  // cut, surrogate, overlong
  w.EndArray();
  std::string text = w.Take();
  // Parses as strict UTF-8 JSON (nlohmann throws on invalid UTF-8).
  nlohmann::json j = nlohmann::json::parse(text);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0], "quote \" backslash \\ newline \n tab \t bell \x07 del \x7f");
  EXPECT_NE(text.find("\\u0007"), std::string::npos);
  EXPECT_EQ(j[1], "ok: \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x94\x91");
  std::string bad = j[2];
  EXPECT_EQ(bad.find('\xC0'), std::string::npos);
  EXPECT_NE(bad.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(bad.rfind("bad: ", 0), 0u);
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  JsonWriter w;
  w.BeginArray();
  w.Double(std::numeric_limits<double>::infinity());
  w.Double(std::numeric_limits<double>::quiet_NaN());
  w.EndArray();
  auto j = nlohmann::json::parse(w.Take());
  EXPECT_TRUE(j[0].is_null());
  EXPECT_TRUE(j[1].is_null());
}

TEST(JsonWriter, RenderedValuesAreIndentedWhereTheyGo) {
  nlohmann::ordered_json part = {{"a", 1}, {"b", {1, 2}}};
  nlohmann::ordered_json whole = {{"x", {{"list", {part, part}}}}};
  JsonWriter w;
  w.BeginObject();
  w.Key("x");
  w.BeginObject();
  w.Key("list");
  w.BeginArray();
  w.Rendered(part.dump(2));
  w.Rendered(part.dump(2));
  w.EndArray();
  w.EndObject();
  w.EndObject();
  EXPECT_EQ(w.Take(), whole.dump(2) + "\n");
}
