// The register file (threat-model.yaml): reading it through the positioned
// YAML reader, writing it back in a stable form, and merging it with a fresh
// analysis.
//
// Writing quotes every free-text value as a YAML double-quoted scalar with
// escapes for control characters, so any text (colons, quotes, '#',
// newlines, leading spaces, unicode) survives write -> parse -> write
// unchanged. Bytes that are not UTF-8 cannot be represented in YAML and are
// written as U+FFFD.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "core/yaml.h"
#include "threat/threat.h"

namespace fw::threat {

namespace {

using core::ValueRef;
using core::ValueType;

// Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
// Register text must be representable in YAML, or it could not be written
// back unchanged.
bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (len == 0 || c > 0xf4 || i + len > s.size()) return false;
    uint32_t cp = c & (0xff >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += len;
  }
  return true;
}

class Reader {
 public:
  explicit Reader(const core::SourceFile& file) : file_(file) {}

  core::Status Error(const ValueRef& at, std::string message) const {
    core::Position p = at.position();
    return core::Status::InvalidInput(file_.name(), std::move(message), p.line, p.column);
  }
  SourcePosition Where(const ValueRef& v) const {
    core::Position p = v.position();
    return SourcePosition{file_.name(), "", p.line, p.column};
  }
  // A scalar as text; numbers and booleans as written, null as "".
  core::Status Text(const ValueRef& v, std::string_view key, std::string* out) const {
    if (v.is_null()) {
      out->clear();
      return core::Status::Ok();
    }
    if (v.is_array() || v.is_object()) {
      return Error(v, "'" + std::string(key) + "': expected text, found a " +
                          (v.is_array() ? "list" : "mapping"));
    }
    std::string_view text = v.text();
    if (!ValidUtf8(text)) {
      return Error(v, "'" + std::string(key) + "': text is not valid UTF-8");
    }
    *out = std::string(text);
    return core::Status::Ok();
  }

 private:
  const core::SourceFile& file_;
};

bool IsDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// YYYY-MM-DD naming a real calendar day.
bool ValidDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  if (!IsDigits(d.substr(0, 4)) || !IsDigits(d.substr(5, 2)) || !IsDigits(d.substr(8, 2))) {
    return false;
  }
  int y = std::stoi(std::string(d.substr(0, 4)));
  int m = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  if (m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return day <= max;
}

core::Status ReadDate(const Reader& r, const ValueRef& v, std::string* out) {
  if (auto s = r.Text(v, "date", out); !s.ok()) return s;
  if (!out->empty() && !ValidDate(*out)) {
    return r.Error(v, "'date': expected a date as YYYY-MM-DD, found '" + *out + "'");
  }
  return core::Status::Ok();
}

core::Status ReadAssumption(const Reader& r, const ValueRef& v, Assumption* a) {
  if (!v.is_object()) return r.Error(v, "assumptions: expected a mapping with id and text");
  a->source = r.Where(v);
  for (size_t i = 0; i < v.size(); ++i) {
    std::string_view key = v.key_at(i);
    ValueRef value = v.value_at(i);
    core::Status s;
    if (key == "id") {
      s = r.Text(value, key, &a->id);
    } else if (key == "text") {
      s = r.Text(value, key, &a->text);
    } else if (key == "owner") {
      s = r.Text(value, key, &a->owner);
    } else if (key == "date") {
      s = ReadDate(r, value, &a->date);
    } else {
      s = r.Error(value, "unknown key '" + std::string(key) +
                             "' in an assumption; expected id, text, owner or date");
    }
    if (!s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status ReadEntry(const Reader& r, const ValueRef& v, RegisterEntry* e) {
  if (!v.is_object()) return r.Error(v, "threats: expected a mapping with id and decision");
  e->source = r.Where(v);
  bool has_id = false;
  for (size_t i = 0; i < v.size(); ++i) {
    std::string_view key = v.key_at(i);
    ValueRef value = v.value_at(i);
    core::Status s;
    if (key == "id") {
      s = r.Text(value, key, &e->threat);
      has_id = true;
    } else if (key == "title") {
      s = r.Text(value, key, &e->title);
    } else if (key == "decision") {
      std::string d;
      s = r.Text(value, key, &d);
      if (s.ok() && !ParseDecision(d, &e->decision)) {
        s = r.Error(value,
                    "'decision': expected open, mitigated, accepted, transferred or "
                    "false-positive, found '" +
                        d + "'");
      }
    } else if (key == "justification") {
      s = r.Text(value, key, &e->justification);
    } else if (key == "reviewer") {
      s = r.Text(value, key, &e->reviewer);
    } else if (key == "date") {
      s = ReadDate(r, value, &e->date);
    } else if (key == "residual_risk") {
      s = r.Text(value, key, &e->residual_risk);
    } else if (key == "mitigations_in_place") {
      if (value.is_null()) continue;
      if (!value.is_array()) {
        s = r.Error(value, "'mitigations_in_place': expected a list of text");
      } else {
        for (size_t k = 0; k < value.size() && s.ok(); ++k) {
          std::string m;
          s = r.Text(value.at(k), key, &m);
          if (s.ok()) e->mitigations_in_place.push_back(std::move(m));
        }
      }
    } else {
      s = r.Error(value, "unknown key '" + std::string(key) +
                             "' in a threat entry; expected id, title, decision, justification, "
                             "reviewer, date, residual_risk or mitigations_in_place");
    }
    if (!s.ok()) return s;
  }
  if (!has_id || e->threat.empty()) return r.Error(v, "threat entry without 'id'");
  return core::Status::Ok();
}

// Appends `s` as a YAML double-quoted scalar.
void Quoted(std::string& out, std::string_view s) {
  out.push_back('"');
  size_t i = 0;
  auto hex = [&](const char* fmt, unsigned v) {
    char buf[12];
    std::snprintf(buf, sizeof buf, fmt, v);
    out += buf;
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        case 0:
          out += "\\0";
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            hex("\\x%02X", c);
          } else {
            out.push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; invalid bytes become U+FFFD.
    size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    uint32_t cp = 0;
    bool ok = len > 0 && c < 0xf5 && i + len <= s.size();
    if (ok) {
      cp = c & (0xff >> (len + 1));
      for (size_t k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xc0) != 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (cp < kMin[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    // C1 controls, line separators and the byte order mark are escaped so
    // no reader trips over them.
    if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
      hex("\\u%04X", cp);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out.push_back('"');
}

void Field(std::string& out, std::string_view indent, std::string_view key,
           std::string_view value) {
  out += indent;
  out += key;
  out += ": ";
  Quoted(out, value);
  out += '\n';
}

bool WellFormedId(std::string_view id) {
  if (id.size() != 15 || id.substr(0, 3) != "TM-") return false;
  return std::all_of(id.begin() + 3, id.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

core::Result<Register> ParseRegister(const core::SourceFile& file) {
  auto src = std::make_shared<core::SourceFile>(file.name(), std::string(file.bytes()));
  auto doc = core::ParseYaml(src);
  if (!doc.ok()) return doc.status();
  Reader r(*src);
  ValueRef root = doc.value()->root();
  Register reg;
  if (root.is_null()) return reg;
  if (!root.is_object())
    return r.Error(root, "expected a mapping with version, assumptions and threats");
  std::map<std::string, SourcePosition> seen;
  for (size_t i = 0; i < root.size(); ++i) {
    std::string_view key = root.key_at(i);
    ValueRef v = root.value_at(i);
    if (key == "version") {
      if (!v.is_number() || v.number() != 1) return r.Error(v, "'version': expected 1");
    } else if (key == "assumptions") {
      if (v.is_null()) continue;
      if (!v.is_array()) return r.Error(v, "'assumptions': expected a list");
      for (size_t k = 0; k < v.size(); ++k) {
        Assumption a;
        if (auto s = ReadAssumption(r, v.at(k), &a); !s.ok()) return s;
        reg.assumptions.push_back(std::move(a));
      }
    } else if (key == "threats") {
      if (v.is_null()) continue;
      if (!v.is_array()) return r.Error(v, "'threats': expected a list");
      for (size_t k = 0; k < v.size(); ++k) {
        RegisterEntry e;
        if (auto s = ReadEntry(r, v.at(k), &e); !s.ok()) return s;
        auto [it, added] = seen.emplace(e.threat, e.source);
        if (!added) {
          return r.Error(v.at(k), "threat '" + e.threat + "' is listed twice (first at line " +
                                      std::to_string(it->second.line) + ")");
        }
        reg.entries.push_back(std::move(e));
      }
    } else {
      return r.Error(
          v, "unknown key '" + std::string(key) + "'; expected version, assumptions or threats");
    }
  }
  return reg;
}

std::string WriteRegister(const Register& reg) {
  std::string out =
      "# flowwarden threat register, kept beside the exports and edited by people.\n"
      "# `flowwarden threat-model` adds every threat it finds as `open` and keeps what you\n"
      "# write here: set `decision` to open, mitigated, accepted, transferred or\n"
      "# false-positive, say why in `justification`, who decided in `reviewer` and when in\n"
      "# `date` (YYYY-MM-DD). Threat ids are stable across re-analysis; titles are refreshed.\n"
      "# Text is double-quoted: write \\\" for a quote and \\n for a new line.\n"
      "version: 1\n";
  if (reg.assumptions.empty()) {
    out += "assumptions: []\n";
  } else {
    out += "assumptions:\n";
    for (const auto& a : reg.assumptions) {
      out += "  - id: ";
      Quoted(out, a.id);
      out += '\n';
      Field(out, "    ", "text", a.text);
      Field(out, "    ", "owner", a.owner);
      Field(out, "    ", "date", a.date);
    }
  }
  std::vector<const RegisterEntry*> entries;
  for (const auto& e : reg.entries) entries.push_back(&e);
  std::stable_sort(
      entries.begin(), entries.end(),
      [](const RegisterEntry* a, const RegisterEntry* b) { return a->threat < b->threat; });
  if (entries.empty()) {
    out += "threats: []\n";
    return out;
  }
  out += "threats:\n";
  for (const auto* e : entries) {
    out += "  - id: ";
    Quoted(out, e->threat);
    out += '\n';
    Field(out, "    ", "title", e->title);
    out += "    decision: ";
    out += DecisionName(e->decision);
    out += '\n';
    Field(out, "    ", "justification", e->justification);
    Field(out, "    ", "reviewer", e->reviewer);
    Field(out, "    ", "date", e->date);
    Field(out, "    ", "residual_risk", e->residual_risk);
    if (e->mitigations_in_place.empty()) {
      out += "    mitigations_in_place: []\n";
    } else {
      out += "    mitigations_in_place:\n";
      for (const auto& m : e->mitigations_in_place) {
        out += "      - ";
        Quoted(out, m);
        out += '\n';
      }
    }
  }
  return out;
}

RegisterMerge MergeRegister(const ThreatModel& model, const Register& old) {
  RegisterMerge m;
  m.merged.version = 1;
  m.merged.assumptions = old.assumptions;
  std::map<std::string_view, const RegisterEntry*> recorded;
  for (const auto& e : old.entries) recorded.emplace(e.threat, &e);
  std::map<std::string_view, bool> used;
  for (const auto& t : model.threats) {
    auto it = recorded.find(t.id);
    RegisterEntry e;
    if (it != recorded.end()) {
      e = *it->second;
      used[t.id] = true;
    } else {
      e.threat = t.id;
      m.new_threats.push_back(t.id);
    }
    e.title = t.title;
    m.merged.entries.push_back(std::move(e));
  }
  for (const auto& e : old.entries) {
    if (used.count(e.threat) > 0) continue;
    (WellFormedId(e.threat) ? m.disappeared : m.unmatched).push_back(e);
  }
  return m;
}

}  // namespace fw::threat
