#include "report/threat_text.h"

#include <cstdio>

#include "core/hash.h"

namespace fw::report::threat_text {

std::string_view Property(const threat::Element& e, std::string_view key) {
  for (const auto& [k, v] : e.properties) {
    if (k == key) return v;
  }
  return {};
}

std::string CleanUtf8(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      // C0 controls and DEL are not allowed in XML 1.0 and confuse terminals.
      if ((c >= 0x20 && c != 0x7F) || c == '\n' || c == '\t') out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (c >= 0xF5) len = 0;
    bool ok = len != 0 && i + len <= text.size();
    uint32_t cp = 0;
    if (ok) {
      cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid; C1
    // controls are dropped like C0.
    if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
               (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)) {
      ok = false;
    }
    if (!ok) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (!(cp >= 0x80 && cp <= 0x9F)) out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string DotQuoted(std::string_view text) {
  std::string clean = CleanUtf8(text);
  std::string out = "\"";
  for (char c : clean) {
    switch (c) {
      // Backslash starts Graphviz label escapes (\N, \G, \l): keep it literal.
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      // Graphviz reads entities in labels ("&amp;" would show as "&"), so a
      // literal ampersand is written as one.
      case '&':
        out += "&amp;";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out.push_back(c);
    }
  }
  out += '"';
  return out;
}

std::string MermaidLabel(std::string_view text) {
  std::string clean = CleanUtf8(text);
  std::string out = "\"";
  for (char c : clean) {
    switch (c) {
      // Mermaid's entity codes: the label stays one quoted token whatever it holds.
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '|':
        out += "#124;";
        break;
      case '`':
        out += "#96;";
        break;
      case '[':
        out += "#91;";
        break;
      case ']':
        out += "#93;";
        break;
      case '{':
        out += "#123;";
        break;
      case '}':
        out += "#125;";
        break;
      case '(':
        out += "#40;";
        break;
      case ')':
        out += "#41;";
        break;
      case ';':
        out += "#59;";
        break;
      case '\n':
        out += "<br/>";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out.push_back(c);
    }
  }
  out += '"';
  return out;
}

std::string Html(std::string_view text) {
  std::string clean = CleanUtf8(text);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string MarkdownInline(std::string_view text) {
  std::string clean = CleanUtf8(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (char c : clean) {
    switch (c) {
      case '\n':
      case '\t':
        out += ' ';
        break;
      // Characters that would start emphasis, code, links, tables or HTML.
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
        out += '\\';
        out.push_back(c);
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string StableUuid(std::string_view key) {
  std::string a = core::Hex64(core::Fnv1a64(key));
  std::string b = core::Hex64(core::Fnv1a64(key, 0x9E3779B97F4A7C15ULL));
  std::string hex = a + b;  // 32 hex digits
  // Version 8 (custom) and RFC 4122 variant bits, so validators accept it.
  hex[12] = '8';
  hex[16] = "89ab"[static_cast<unsigned char>(hex[16]) % 4];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

int SeverityRank(model::Severity s) { return 4 - static_cast<int>(s); }

ThreatIndex::ThreatIndex(const threat::ThreatModel& m) : model(m) {
  for (const auto& d : m.diagrams) workflow_names.emplace(d.key, d.name);
}

std::string ThreatIndex::WorkflowName(std::string_view key) const {
  if (key.empty() || key == "estate") return "All workflows";
  auto it = workflow_names.find(key);
  return it == workflow_names.end() ? std::string(key) : it->second;
}

const threat::RegisterEntry* FindEntry(const threat::Register& reg, std::string_view threat_id) {
  for (const auto& e : reg.entries) {
    if (e.threat == threat_id) return &e;
  }
  return nullptr;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string DataClassPhrase(std::string_view data_class) {
  if (data_class == "personal") return "personal data";
  if (data_class == "financial") return "financial data";
  if (data_class == "health") return "health data";
  if (data_class == "credential" || data_class == "credentials") return "credentials";
  if (data_class == "contact") return "contact details";
  if (data_class == "identifier" || data_class == "government-id") return "identity numbers";
  if (data_class == "free-text") return "free text";
  return std::string(data_class);
}

std::string Slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
      dash = false;
    } else if (!dash && !out.empty()) {
      out.push_back('-');
      dash = true;
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "workflow" : out;
}

}  // namespace fw::report::threat_text
