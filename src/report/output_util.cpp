#include "report/output_util.h"

#include <fmt/format.h>

#include <cmath>

#include "analysis/check.h"
#include "risk/risk.h"

namespace fw::report::internal {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool Allowed(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

}  // namespace

std::string CleanUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    char32_t cp = 0;
    size_t len = 0;
    if (b < 0x80) {
      cp = b;
      len = 1;
    } else if ((b & 0xE0) == 0xC0) {
      cp = b & 0x1F;
      len = 2;
    } else if ((b & 0xF0) == 0xE0) {
      cp = b & 0x0F;
      len = 3;
    } else if ((b & 0xF8) == 0xF0) {
      cp = b & 0x07;
      len = 4;
    }
    bool ok = len > 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms are invalid too.
    if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))) {
      ok = false;
    }
    if (!ok) {
      out += kReplacement;
      ++i;  // resynchronise on the next byte
      continue;
    }
    if (Allowed(cp)) {
      AppendUtf8(out, cp);
    } else {
      out += kReplacement;
    }
    i += len;
  }
  return out;
}

std::string XmlEscape(std::string_view text, bool attribute) {
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
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
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
      case '`':
        out += "&#96;";
        break;
      case '=':
        out += "&#61;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
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
      case '|':
        out += "\\|";
        break;
      // '@' would mention a user or team in a pull-request comment.
      case '@':
        out += "&#64;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out.push_back(' ');
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '~':
      case '!':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string MarkdownCode(std::string_view text) {
  std::string clean = CleanUtf8(text);
  for (auto& c : clean) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  // Inside a table row a '|' ends the cell even in a code span; GitHub
  // unescapes "\|" there.
  std::string escaped;
  for (char c : clean) {
    if (c == '|') {
      escaped += "\\|";
    } else {
      escaped.push_back(c);
    }
  }
  size_t longest = 0;
  size_t run = 0;
  for (char c : escaped) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !escaped.empty() && (escaped.front() == '`' || escaped.back() == '`');
  return fence + (pad ? " " : "") + escaped + (pad ? " " : "") + fence;
}

std::string RuleAnchor(std::string_view id) {
  std::string out;
  for (char c : id) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

RuleDescriptor DescribeRule(const model::Finding& finding) {
  RuleDescriptor d;
  d.id = finding.rule;
  if (const analysis::RuleInfo* r = analysis::FindRule(finding.rule)) {
    d.category = r->category;
    d.title = r->title;
    d.description = r->description;
    d.remediation = r->remediation;
    if (!r->owasp.empty()) d.standards.emplace_back(r->owasp);
    if (!r->cwe.empty()) d.standards.emplace_back(r->cwe);
    d.default_score = risk::Score(r->likelihood, r->impact);
    d.builtin = true;
    return d;
  }
  d.category = finding.category;
  d.title = finding.title.empty() ? finding.rule : finding.title;
  d.description = finding.title.empty() ? finding.message : finding.title;
  d.remediation = finding.remediation;
  d.standards = finding.standards;
  d.default_score = finding.score;
  return d;
}

const std::string& BusinessImpact(const model::Finding& finding) {
  return finding.business_impact.empty() ? finding.message : finding.business_impact;
}

std::string Where(const model::Location& l) {
  if (l.line == 0) return l.file;
  return fmt::format("{}:{}:{}", l.file, l.line, l.column);
}

std::string Score1(double score) { return fmt::format("{:.1f}", std::round(score * 10.0) / 10.0); }

}  // namespace fw::report::internal
