#include "policy/schema_check.h"

#define VALIJSON_USE_EXCEPTIONS 1
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "policy/policy.h"

namespace fw::policy {

namespace {

using Json = nlohmann::json;

// valijson's string length walks UTF-8 without bounds checks, so invalid
// sequences (a lead byte at the end of a string) would read past it. Each
// byte of an invalid sequence becomes '?': the schema only looks at types,
// lengths and ASCII patterns.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xe  ? 3
                 : (c >> 3) == 0x1e ? 4
                                    : 0;
    bool ok = len > 0 && i + len <= s.size() && !(len == 2 && c < 0xc2);
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
    }
    if (ok && c != 0) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.push_back('?');
      ++i;
    }
  }
  return out;
}

// Numbers that are whole become integers so `version: 1` passes "integer".
Json ToJson(const core::ValueRef& v) {
  switch (v.type()) {
    case core::ValueType::kNull:
      return nullptr;
    case core::ValueType::kBool:
      return v.boolean();
    case core::ValueType::kNumber: {
      double d = v.number();
      if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15) {
        return static_cast<int64_t>(d);
      }
      return d;
    }
    case core::ValueType::kString:
      return ValidUtf8(v.str());
    case core::ValueType::kArray: {
      Json a = Json::array();
      for (size_t i = 0; i < v.size(); ++i) a.push_back(ToJson(v.value_at(i)));
      return a;
    }
    case core::ValueType::kObject: {
      Json o = Json::object();
      for (size_t i = 0; i < v.size(); ++i) {
        std::string key = ValidUtf8(v.key_at(i));
        // The YAML reader warns about duplicate keys; the first one counts,
        // as in ValueRef lookups.
        if (!o.contains(key)) o[key] = ToJson(v.value_at(i));
      }
      return o;
    }
  }
  return nullptr;
}

struct Schema {
  Json json;
  valijson::Schema schema;
  bool ok = false;
};

const Schema& PolicySchema() {
  static const Schema* schema = [] {
    auto* s = new Schema();
    try {
      s->json = Json::parse(PolicySchemaText());
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(s->json);
      parser.populateSchema(adapter, s->schema);
      s->ok = true;
    } catch (const std::exception&) {
      s->ok = false;  // a broken embedded schema is a build defect; tests catch it
    }
    return s;
  }();
  return *schema;
}

// One step of a valijson context ("[key]" or "[3]"), without brackets.
std::string_view StepText(const std::string& step) {
  std::string_view s(step);
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return s.substr(1, s.size() - 2);
  return s;
}

bool ParseIndex(std::string_view s, size_t* out) {
  if (s.empty() || s.size() > 9) return false;
  size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  *out = n;
  return true;
}

const Json* Resolve(const Json* schema, const Json& root) {
  for (int guard = 0; schema != nullptr && guard < 8; ++guard) {
    auto ref = schema->find("$ref");
    if (ref == schema->end() || !ref->is_string()) return schema;
    const std::string& r = ref->get_ref<const std::string&>();
    const std::string prefix = "#/definitions/";
    if (r.rfind(prefix, 0) != 0) return schema;
    auto defs = root.find("definitions");
    if (defs == root.end()) return nullptr;
    auto d = defs->find(r.substr(prefix.size()));
    if (d == defs->end()) return nullptr;
    schema = &*d;
  }
  return schema;
}

// Follows a valijson context through the instance and the schema together.
struct Located {
  core::ValueRef value;
  const Json* schema = nullptr;
};

Located Locate(const core::ValueRef& root, const std::vector<std::string>& context,
               const Json& schema_root) {
  Located at{root, Resolve(&schema_root, schema_root)};
  for (size_t i = 0; i < context.size(); ++i) {
    if (i == 0 && context[i] == "<root>") continue;
    std::string_view step = StepText(context[i]);
    const Json* next_schema = nullptr;
    if (at.value.is_array()) {
      size_t index = 0;
      if (!ParseIndex(step, &index)) break;
      at.value = at.value.at(index);
      if (at.schema != nullptr) {
        auto items = at.schema->find("items");
        if (items != at.schema->end()) next_schema = &*items;
      }
    } else if (at.value.is_object()) {
      at.value = at.value[step];
      if (at.schema != nullptr) {
        auto props = at.schema->find("properties");
        if (props != at.schema->end() && props->contains(std::string(step))) {
          next_schema = &(*props)[std::string(step)];
        } else {
          auto extra = at.schema->find("additionalProperties");
          if (extra != at.schema->end() && extra->is_object()) next_schema = &*extra;
        }
      }
    } else {
      break;
    }
    at.schema = Resolve(next_schema, schema_root);
  }
  return at;
}

std::string_view TypeName(const core::ValueRef& v) {
  switch (v.type()) {
    case core::ValueType::kNull:
      return "nothing (null)";
    case core::ValueType::kBool:
      return "a boolean";
    case core::ValueType::kNumber:
      return "a number";
    case core::ValueType::kString:
      return "a string";
    case core::ValueType::kArray:
      return "a list";
    case core::ValueType::kObject:
      return "a mapping";
  }
  return "a value";
}

std::string ExpectedTypeName(const std::string& t) {
  if (t == "object") return "a mapping";
  if (t == "array") return "a list";
  if (t == "integer") return "an integer";
  if (t == "null") return "nothing";
  return "a " + t;
}

std::string ExpectedTypes(const Json* schema) {
  if (schema == nullptr) return "another type";
  auto t = schema->find("type");
  if (t == schema->end()) return "another type";
  if (t->is_string()) return ExpectedTypeName(t->get<std::string>());
  std::string out;
  if (t->is_array()) {
    for (size_t i = 0; i < t->size(); ++i) {
      if (i > 0) out += i + 1 == t->size() ? " or " : ", ";
      out += ExpectedTypeName((*t)[i].get<std::string>());
    }
  }
  return out.empty() ? "another type" : out;
}

std::string JoinValues(const Json& list) {
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

std::string Quoted(std::string_view s) {
  std::string out = "'";
  out += s.size() > 60 ? std::string(s.substr(0, 57)) + "..." : std::string(s);
  out += "'";
  return out;
}

// The key's own position: keys carry no offset in a Document, so look back
// from the value for the key text (YAML writes it just before).
core::Position KeyPosition(const core::ValueRef& object, std::string_view key) {
  core::ValueRef value = object[key];
  if (!value.valid()) return object.position();
  std::string_view bytes = object.document()->source().bytes();
  size_t end = std::min<size_t>(value.offset(), bytes.size());
  size_t begin = std::min<size_t>(object.offset(), end);
  if (!key.empty()) {
    size_t at = bytes.substr(begin, end - begin).rfind(key);
    if (at != std::string_view::npos) return object.document()->source().PositionOf(begin + at);
  }
  return value.position();
}

bool StartsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

}  // namespace

bool ValidateAgainstSchema(const core::ValueRef& root, core::Diagnostics& errors) {
  const Schema& schema = PolicySchema();
  const std::string file = root.valid() ? root.document()->source().name() : std::string();
  if (!schema.ok) {
    errors.push_back(
        core::Diagnostic{file, 0, 0, "internal error: the policy schema does not load"});
    return false;
  }
  Json instance = ToJson(root);
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(instance);
  bool valid = false;
  try {
    valid = validator.validate(schema.schema, target, &results);
  } catch (const std::exception& e) {
    errors.push_back(
        core::Diagnostic{file, 0, 0, std::string("schema validation failed: ") + e.what()});
    return false;
  }
  if (valid) return true;

  // valijson reports a chain per problem: the leaf error, then wrappers
  // ("Failed to validate item #0 in array") up to the root. Keep leaves;
  // collapse the alternatives of a failed anyOf into its one message.
  struct Raw {
    std::vector<std::string> context;
    std::string description;
  };
  std::vector<Raw> kept;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    if (StartsWith(e.description, "Failed to validate against any schemas allowed by anyOf")) {
      // Its alternatives' complaints come just before it: "Missing required
      // property" for the keys the alternatives list.
      std::vector<std::string> alternatives;
      Located at = Locate(root, e.context, schema.json);
      if (at.schema != nullptr && at.schema->contains("anyOf")) {
        for (const auto& alt : (*at.schema)["anyOf"]) {
          if (!alt.contains("required")) continue;
          for (const auto& k : alt["required"]) alternatives.push_back(k.get<std::string>());
        }
      }
      auto is_child = [&](const Raw& r) {
        if (r.context != e.context) return false;
        for (const auto& k : alternatives) {
          if (r.description == "Missing required property '" + k + "'.") return true;
        }
        return false;
      };
      for (size_t i = kept.size(); i-- > 0;) {
        if (is_child(kept[i])) kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
      }
      kept.push_back(Raw{e.context, e.description});
      continue;
    }
    if (StartsWith(e.description, "Failed to validate")) continue;
    kept.push_back(Raw{e.context, e.description});
  }

  size_t before = errors.size();
  for (const auto& r : kept) {
    Located at = Locate(root, r.context, schema.json);
    core::Position pos = at.value.valid() ? at.value.position() : root.position();
    std::string message;
    const std::string& d = r.description;
    const std::string unknown = "Object contains a property that could not be validated";
    if (StartsWith(d, unknown)) {
      size_t q = d.find(": '");
      std::string key = q == std::string::npos ? std::string() : d.substr(q + 3);
      if (key.size() >= 2) key.resize(key.size() - 2);  // "'."
      pos = KeyPosition(at.value, key);
      message = "unknown key " + Quoted(key);
      if (at.schema != nullptr && at.schema->contains("properties")) {
        std::string names;
        for (const auto& [name, sub] : (*at.schema)["properties"].items()) {
          if (!names.empty()) names += ", ";
          names += name;
        }
        message += " (expected one of: " + names + ")";
      }
    } else if (StartsWith(d, "Value type not permitted")) {
      message =
          "expected " + ExpectedTypes(at.schema) + ", found " + std::string(TypeName(at.value));
    } else if (StartsWith(d, "Missing required property")) {
      size_t q = d.find('\'');
      std::string key = q == std::string::npos ? std::string() : d.substr(q + 1);
      if (!key.empty() && key.back() == '.') key.pop_back();
      if (!key.empty() && key.back() == '\'') key.pop_back();
      message = "missing required key " + Quoted(key);
    } else if (StartsWith(d, "Failed to match against any enum values")) {
      message = "unexpected value";
      if (at.value.is_string() || at.value.is_number() || at.value.is_bool()) {
        message += " " + Quoted(at.value.text());
      }
      if (at.schema != nullptr && at.schema->contains("enum")) {
        message += " (expected one of: " + JoinValues((*at.schema)["enum"]) + ")";
      }
    } else if (StartsWith(d, "Failed to validate against any schemas allowed by anyOf")) {
      auto custom =
          at.schema != nullptr ? at.schema->find("x-anyOf-message") : Json::const_iterator();
      message = at.schema != nullptr && custom != at.schema->end()
                    ? custom->get<std::string>()
                    : "matches none of the allowed forms";
    } else if (StartsWith(d, "Failed to match regex")) {
      message = "value " + Quoted(at.value.str()) + " does not have the expected form";
      if (at.schema != nullptr && at.schema->contains("x-expected")) {
        message += " (expected " + (*at.schema)["x-expected"].get<std::string>() + ")";
      } else if (at.schema != nullptr && at.schema->contains("pattern")) {
        message += " (pattern " + (*at.schema)["pattern"].get<std::string>() + ")";
      }
    } else {
      message = d;
    }
    errors.push_back(core::Diagnostic{file, pos.line, pos.column, std::move(message)});
  }
  if (errors.size() == before) {
    errors.push_back(core::Diagnostic{file, root.position().line, root.position().column,
                                      "does not match the policy schema"});
  }
  // Report in file order.
  std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(before), errors.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  return false;
}

}  // namespace fw::policy
