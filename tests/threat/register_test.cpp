// The register file: parse errors with positions, lossless round trips of
// any text, merging with a fresh analysis, and register diffs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "core/yaml.h"
#include "threat/threat.h"

namespace fw::threat {
namespace {

core::Result<Register> Parse(const std::string& text) {
  return ParseRegister(core::SourceFile("threat-model.yaml", text));
}

Threat MakeThreat(std::string id, std::string title) {
  Threat t;
  t.id = std::move(id);
  t.title = std::move(title);
  return t;
}

TEST(Register, ParsesEveryField) {
  auto r = Parse(
      "version: 1\n"
      "assumptions:\n"
      "  - id: A-1\n"
      "    text: The n8n instance is only reachable through the VPN\n"
      "    owner: ops\n"
      "    date: 2026-03-01\n"
      "threats:\n"
      "  - id: TM-0123456789ab\n"
      "    title: Anyone can start it\n"
      "    decision: accepted\n"
      "    justification: 'Protected by the gateway: see ADR 12'\n"
      "    reviewer: Dana\n"
      "    date: 2028-02-29\n"
      "    residual_risk: low\n"
      "    mitigations_in_place: [gateway auth, rate limit]\n");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Register& reg = r.value();
  ASSERT_EQ(reg.assumptions.size(), 1u);
  EXPECT_EQ(reg.assumptions[0].text, "The n8n instance is only reachable through the VPN");
  EXPECT_EQ(reg.assumptions[0].date, "2026-03-01");
  ASSERT_EQ(reg.entries.size(), 1u);
  const RegisterEntry& e = reg.entries[0];
  EXPECT_EQ(e.threat, "TM-0123456789ab");
  EXPECT_EQ(e.decision, Decision::kAccepted);
  EXPECT_EQ(e.justification, "Protected by the gateway: see ADR 12");
  EXPECT_EQ(e.reviewer, "Dana");
  EXPECT_EQ(e.date, "2028-02-29");
  EXPECT_EQ(e.residual_risk, "low");
  EXPECT_EQ(e.mitigations_in_place, (std::vector<std::string>{"gateway auth", "rate limit"}));
  EXPECT_EQ(e.source.line, 8u);
}

TEST(Register, EmptyFileIsAnEmptyRegister) {
  auto r = Parse("");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().entries.empty());
}

struct BadCase {
  const char* text;
  uint32_t line;
  uint32_t column;
  const char* message;
};

TEST(Register, ErrorsNameLineColumnAndWhatWasExpected) {
  const BadCase cases[] = {
      {"threats:\n  - id: TM-0123456789ab\n    decision: maybe\n", 3, 15,
       "expected open, mitigated"},
      {"threats:\n  - id: TM-0123456789ab\n    date: 2026-02-30\n", 3, 11, "YYYY-MM-DD"},
      {"threats:\n  - id: TM-0123456789ab\n    date: 26-1-1\n", 3, 11, "YYYY-MM-DD"},
      {"threats:\n  - id: TM-0123456789ab\n    colour: red\n", 3, 13, "unknown key 'colour'"},
      {"version: 1\nowner: me\n", 2, 8, "unknown key 'owner'"},
      {"version: 2\n", 1, 10, "'version': expected 1"},
      {"threats:\n  - title: no id\n", 2, 5, "without 'id'"},
      {"threats: {a: 1}\n", 1, 10, "expected a list"},
      {"threats:\n  - id: TM-0123456789ab\n  - id: TM-0123456789ab\n", 3, 5, "listed twice"},
      {"threats:\n  - id: TM-0123456789ab\n    justification: [a]\n", 3, 20, "expected text"},
      {"assumptions:\n  - id: A-1\n    date: tomorrow\n", 3, 11, "YYYY-MM-DD"},
      {"threats:\n  - id: TM-0123456789ab\n    title: \"bad \xff byte\"\n", 3, 12,
       "not valid UTF-8"},
      {"threats: [\n", 0, 0, ""},  // a YAML syntax error: position from the reader
  };
  for (const auto& c : cases) {
    auto r = Parse(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().file, "threat-model.yaml");
    if (c.line != 0) {
      EXPECT_EQ(r.error().line, c.line) << c.text << " -> " << r.error().ToString();
      EXPECT_EQ(r.error().column, c.column) << c.text << " -> " << r.error().ToString();
      EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().ToString();
    } else {
      EXPECT_GT(r.error().line, 0u) << r.error().ToString();
    }
  }
}

Register Sample(std::vector<std::string> texts) {
  Register reg;
  Assumption a;
  a.id = "A-1";
  a.text = texts.empty() ? "" : texts[0];
  reg.assumptions.push_back(a);
  for (size_t i = 0; i < texts.size(); ++i) {
    RegisterEntry e;
    char id[32];
    std::snprintf(id, sizeof id, "TM-%012zx", i);
    e.threat = id;
    e.title = texts[i];
    e.justification = texts[(i + 1) % texts.size()];
    e.reviewer = texts[(i + 2) % texts.size()];
    e.decision = static_cast<Decision>(i % 5);
    e.mitigations_in_place = {texts[i], "second"};
    reg.entries.push_back(e);
  }
  return reg;
}

TEST(Register, RoundTripKeepsAnyText) {
  const std::vector<std::string> texts = {
      "plain",
      "colon: inside, and # hash",
      "\"double\" and 'single' quotes",
      "line one\nline two\n",
      "  leading and trailing spaces  ",
      "tab\there, carriage\rreturn, bell\a, nul\0end",
      "unicode: Grüße, 東京, emoji 😀, NEL \u0085, LS \u2028, BOM \ufeff",
      "- looks like a list",
      "{looks: like a map}",
      "null",
      "true",
      "123",
      "~",
      "back\\slash \\n not a newline",
      "",
      "*alias &anchor !tag %directive @at `tick`",
  };
  std::vector<std::string> all = texts;
  all[5] = std::string("tab\there, carriage\rreturn, bell\a, nul") + '\0' + "end";
  Register reg = Sample(all);
  const std::string written = WriteRegister(reg);
  auto parsed = Parse(written);
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString() << "\n" << written;
  ASSERT_EQ(parsed.value().entries.size(), reg.entries.size());
  for (size_t i = 0; i < reg.entries.size(); ++i) {
    EXPECT_EQ(parsed.value().entries[i].title, reg.entries[i].title) << i;
    EXPECT_EQ(parsed.value().entries[i].justification, reg.entries[i].justification) << i;
    EXPECT_EQ(parsed.value().entries[i].decision, reg.entries[i].decision) << i;
    EXPECT_EQ(parsed.value().entries[i].mitigations_in_place, reg.entries[i].mitigations_in_place);
  }
  EXPECT_EQ(parsed.value().assumptions[0].text, reg.assumptions[0].text);
  EXPECT_EQ(WriteRegister(parsed.value()), written);
}

TEST(Register, RoundTripRandomValidUtf8) {
  std::mt19937 rng(7);
  auto random_text = [&] {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      uint32_t cp;
      switch (rng() % 4) {
        case 0:
          cp = rng() % 0x80;
          break;
        case 1:
          cp = 0x80 + rng() % 0x780;
          break;
        case 2:
          cp = 0x800 + rng() % 0xf800;
          break;
        default:
          cp = 0x10000 + rng() % 0x100000;
          break;
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 'x';
      if (cp < 0x80) {
        s.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        s.push_back(static_cast<char>(0xc0 | (cp >> 6)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      } else if (cp < 0x10000) {
        s.push_back(static_cast<char>(0xe0 | (cp >> 12)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      } else {
        s.push_back(static_cast<char>(0xf0 | (cp >> 18)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      }
    }
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> texts = {random_text(), random_text(), random_text()};
    Register reg = Sample(texts);
    const std::string written = WriteRegister(reg);
    auto parsed = Parse(written);
    ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
    for (size_t i = 0; i < texts.size(); ++i) {
      ASSERT_EQ(parsed.value().entries[i].title, texts[i]) << "round " << round;
    }
    ASSERT_EQ(WriteRegister(parsed.value()), written);
  }
}

TEST(Register, InvalidUtf8IsWrittenAsReplacementCharacter) {
  Register reg;
  RegisterEntry e;
  e.threat = "TM-000000000000";
  e.title = std::string("bad \xff\xfe byte");
  reg.entries.push_back(e);
  auto parsed = Parse(WriteRegister(reg));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().entries[0].title, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
}

TEST(Register, WrittenEntriesAreInIdOrderWithHeader) {
  Register reg;
  for (const char* id : {"TM-00000000000b", "TM-00000000000a"}) {
    RegisterEntry e;
    e.threat = id;
    reg.entries.push_back(e);
  }
  std::string text = WriteRegister(reg);
  EXPECT_EQ(text.rfind("# flowwarden threat register", 0), 0u);
  EXPECT_LT(text.find("TM-00000000000a"), text.find("TM-00000000000b"));
}

TEST(Register, MergeKeepsDecisionsAndReportsNewDisappearedAndUnmatched) {
  ThreatModel model;
  model.threats = {MakeThreat("TM-aaaaaaaaaaaa", "Fresh title A"),
                   MakeThreat("TM-bbbbbbbbbbbb", "Title B")};
  auto old = Parse(
      "assumptions:\n  - id: A-1\n    text: VPN only\n"
      "threats:\n"
      "  - id: TM-aaaaaaaaaaaa\n    title: Old title A\n    decision: mitigated\n"
      "    justification: gateway\n    reviewer: Dana\n    date: 2026-01-02\n"
      "  - id: TM-cccccccccccc\n    decision: accepted\n"
      "  - id: not-a-threat-id\n    decision: false-positive\n");
  ASSERT_TRUE(old.ok()) << old.error().ToString();
  RegisterMerge m = MergeRegister(model, old.value());
  ASSERT_EQ(m.merged.entries.size(), 2u);
  EXPECT_EQ(m.merged.entries[0].threat, "TM-aaaaaaaaaaaa");
  EXPECT_EQ(m.merged.entries[0].decision, Decision::kMitigated);
  EXPECT_EQ(m.merged.entries[0].justification, "gateway");
  EXPECT_EQ(m.merged.entries[0].reviewer, "Dana");
  EXPECT_EQ(m.merged.entries[0].title, "Fresh title A");
  EXPECT_EQ(m.merged.entries[1].decision, Decision::kOpen);
  EXPECT_EQ(m.new_threats, std::vector<std::string>{"TM-bbbbbbbbbbbb"});
  ASSERT_EQ(m.disappeared.size(), 1u);
  EXPECT_EQ(m.disappeared[0].threat, "TM-cccccccccccc");
  ASSERT_EQ(m.unmatched.size(), 1u);
  EXPECT_EQ(m.unmatched[0].threat, "not-a-threat-id");
  ASSERT_EQ(m.merged.assumptions.size(), 1u);
  EXPECT_EQ(m.merged.assumptions[0].text, "VPN only");
}

TEST(Register, DiffRegistersReportsDecisionChanges) {
  auto a = Parse("threats:\n  - id: TM-aaaaaaaaaaaa\n  - id: TM-bbbbbbbbbbbb\n");
  auto b = Parse(
      "threats:\n  - id: TM-aaaaaaaaaaaa\n    decision: accepted\n    justification: ok\n"
      "  - id: TM-cccccccccccc\n");
  ASSERT_TRUE(a.ok() && b.ok());
  ThreatDiff d = DiffRegisters(a.value(), b.value());
  EXPECT_EQ(d.decisions_changed, std::vector<std::string>{"TM-aaaaaaaaaaaa"});
  EXPECT_EQ(d.threats_added, std::vector<std::string>{"TM-cccccccccccc"});
  EXPECT_EQ(d.threats_removed, std::vector<std::string>{"TM-bbbbbbbbbbbb"});
  EXPECT_FALSE(d.empty());
  EXPECT_TRUE(DiffRegisters(a.value(), a.value()).empty());
}

nlohmann::json ToJson(const core::ValueRef& v) {
  switch (v.type()) {
    case core::ValueType::kNull:
      return nullptr;
    case core::ValueType::kBool:
      return v.boolean();
    case core::ValueType::kNumber:
      return v.number();
    case core::ValueType::kString:
      return std::string(v.str());
    case core::ValueType::kArray: {
      nlohmann::json a = nlohmann::json::array();
      for (size_t i = 0; i < v.size(); ++i) a.push_back(ToJson(v.at(i)));
      return a;
    }
    case core::ValueType::kObject: {
      nlohmann::json o = nlohmann::json::object();
      for (size_t i = 0; i < v.size(); ++i) o[std::string(v.key_at(i))] = ToJson(v.value_at(i));
      return o;
    }
  }
  return nullptr;
}

TEST(Register, WrittenFileMatchesItsSchema) {
  Register reg = Sample({"one", "two: with colon", "three"});
  reg.entries[0].date = "2026-05-01";
  auto src = std::make_shared<core::SourceFile>("threat-model.yaml", WriteRegister(reg));
  auto doc = core::ParseYaml(src);
  ASSERT_TRUE(doc.ok());
  nlohmann::json instance = ToJson(doc.value()->root());

  std::ifstream in(std::filesystem::path(FW_SOURCE_DIR) / "schemas" /
                   "threat-register.schema.json");
  nlohmann::json schema_json = nlohmann::json::parse(in);
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(instance);
  EXPECT_TRUE(validator.validate(schema, target, &results)) << instance.dump(2);
  // And the schema rejects what ParseRegister rejects.
  instance["threats"][0]["decision"] = "maybe";
  valijson::adapters::NlohmannJsonAdapter bad(instance);
  EXPECT_FALSE(validator.validate(schema, bad, nullptr));
}

TEST(Names, DecisionsParseBack) {
  for (Decision d : {Decision::kOpen, Decision::kMitigated, Decision::kAccepted,
                     Decision::kTransferred, Decision::kFalsePositive}) {
    Decision out = Decision::kOpen;
    ASSERT_TRUE(ParseDecision(DecisionName(d), &out));
    EXPECT_EQ(out, d);
  }
  Decision out;
  EXPECT_FALSE(ParseDecision("Accepted", &out));
}

}  // namespace
}  // namespace fw::threat
