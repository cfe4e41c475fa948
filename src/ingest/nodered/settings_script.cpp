#include "ingest/nodered/settings_script.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>

namespace fw::ingest::nodered {

namespace {

using core::Document;
using core::ValueType;

constexpr int kMaxDepth = 64;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// After these characters a '/' starts a regular expression, not a division.
bool RegexAllowedAfter(char prev) {
  return std::string_view("(,=:[!&|?{};+-*%<>~^").find(prev) != std::string_view::npos;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
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

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Scanner {
 public:
  Scanner(std::string_view s, Document& doc, std::vector<uint32_t>& unknown)
      : s_(s), n_(s.size()), doc_(doc), unknown_(unknown) {}

  const std::string& error() const { return error_; }
  size_t error_offset() const { return error_offset_; }

  // Whitespace and comments.
  size_t SkipTrivia(size_t i) const {
    while (i < n_) {
      char c = s_[i];
      if (IsSpace(c)) {
        ++i;
      } else if (c == '/' && i + 1 < n_ && s_[i + 1] == '/') {
        while (i < n_ && s_[i] != '\n') ++i;
      } else if (c == '/' && i + 1 < n_ && s_[i + 1] == '*') {
        size_t end = s_.find("*/", i + 2);
        i = end == std::string_view::npos ? n_ : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  // `i` at a quote; returns the index after the closing quote. An unescaped
  // line break ends an unterminated string.
  size_t SkipQuoted(size_t i) const {
    char q = s_[i++];
    while (i < n_) {
      char c = s_[i];
      if (c == '\\') {
        i += 2;
      } else if (c == q) {
        return i + 1;
      } else if (c == '\n') {
        return i;
      } else {
        ++i;
      }
    }
    return n_;
  }

  // `i` at the opening '/' of a regular expression literal.
  size_t SkipRegex(size_t i) const {
    ++i;
    bool in_class = false;
    while (i < n_) {
      char c = s_[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\n') return i;
      if (c == '[') in_class = true;
      if (c == ']') in_class = false;
      ++i;
      if (c == '/' && !in_class) break;
    }
    while (i < n_ && IsIdentChar(s_[i])) ++i;
    return std::min(i, n_);
  }

  // Walks code from `i`, calling `at_ident(pos)` at each identifier outside
  // strings, comments and template text. With `stop_at_delimiter`, returns at
  // the first ',', ';', '}', ']' or ')' at bracket depth 0. Linear, no recursion.
  template <typename F>
  size_t Walk(size_t i, bool stop_at_delimiter, F&& at_ident) const {
    std::string stack;  // expected closers; '`' marks template text
    char prev = '(';
    while (i < n_) {
      char c = s_[i];
      if (!stack.empty() && stack.back() == '`') {
        if (c == '\\') {
          i += 2;
        } else if (c == '`') {
          stack.pop_back();
          prev = 'a';
          ++i;
        } else if (c == '$' && i + 1 < n_ && s_[i + 1] == '{') {
          stack.push_back('}');
          prev = '{';
          i += 2;
        } else {
          ++i;
        }
        continue;
      }
      if (stack.empty() && stop_at_delimiter &&
          (c == ',' || c == ';' || c == '}' || c == ']' || c == ')')) {
        return i;
      }
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      if (c == '/' && i + 1 < n_ && (s_[i + 1] == '/' || s_[i + 1] == '*')) {
        i = SkipTrivia(i);
        continue;
      }
      if (c == '"' || c == '\'') {
        i = SkipQuoted(i);
        prev = 'a';
        continue;
      }
      if (c == '`') {
        stack.push_back('`');
        ++i;
        continue;
      }
      if (c == '/' && RegexAllowedAfter(prev)) {
        i = SkipRegex(i);
        prev = 'a';
        continue;
      }
      if (IsIdentStart(c)) {
        size_t start = i;
        while (i < n_ && IsIdentChar(s_[i])) ++i;
        if (at_ident(start, i)) return start;
        prev = 'a';
        continue;
      }
      if (c == '(') stack.push_back(')');
      if (c == '[') stack.push_back(']');
      if (c == '{') stack.push_back('}');
      if ((c == ')' || c == ']' || c == '}') && !stack.empty()) stack.pop_back();
      prev = c;
      ++i;
    }
    return n_;
  }

  size_t SkipExpression(size_t i) const {
    return Walk(i, true, [](size_t, size_t) { return false; });
  }

  // Finds the object literal that `module.exports` is set to. Returns its
  // offset ('{'), or n_ with error_ set.
  size_t FindExports() {
    size_t found = n_;
    std::string alias;
    Walk(0, false, [&](size_t start, size_t end) {
      if (s_.substr(start, end - start) != "module") return false;
      size_t i = SkipTrivia(end);
      if (i >= n_ || s_[i] != '.') return false;
      i = SkipTrivia(i + 1);
      if (s_.substr(i, 7) != "exports" || (i + 7 < n_ && IsIdentChar(s_[i + 7]))) return false;
      i = SkipTrivia(i + 7);
      if (i >= n_ || s_[i] != '=' || (i + 1 < n_ && (s_[i + 1] == '=' || s_[i + 1] == '>'))) {
        return false;
      }
      i = SkipTrivia(i + 1);
      // module.exports = exports = { ... }
      while (i < n_ && IsIdentStart(s_[i])) {
        size_t id_end = i;
        while (id_end < n_ && IsIdentChar(s_[id_end])) ++id_end;
        size_t after = SkipTrivia(id_end);
        if (after < n_ && s_[after] == '=' && (after + 1 >= n_ || s_[after + 1] != '=')) {
          i = SkipTrivia(after + 1);
          continue;
        }
        // A plain name (`module.exports = settings;`), not a call or lookup.
        if (after >= n_ || s_[after] == ';' || s_[after] == '}' || s_[after] == ',') {
          alias = std::string(s_.substr(i, id_end - i));
        }
        break;
      }
      if (alias.empty() && i < n_ && s_[i] == '{') found = i;
      if (alias.empty() && found == n_) {
        error_ = "module.exports is not set to an object literal";
        error_offset_ = i;
      }
      return true;
    });
    if (found < n_ || !alias.empty()) {
      if (found == n_) found = FindAliasObject(alias);
      return found;
    }
    if (error_.empty()) {
      error_ = "expected `module.exports = { ... }` holding the settings";
      error_offset_ = 0;
    }
    return n_;
  }

  // `module.exports = settings;` with `var settings = { ... }` elsewhere.
  size_t FindAliasObject(const std::string& alias) {
    size_t found = n_;
    Walk(0, false, [&](size_t start, size_t end) {
      if (s_.substr(start, end - start) != alias) return false;
      size_t i = SkipTrivia(end);
      if (i >= n_ || s_[i] != '=' || (i + 1 < n_ && (s_[i + 1] == '=' || s_[i + 1] == '>'))) {
        return false;
      }
      i = SkipTrivia(i + 1);
      if (i < n_ && s_[i] == '{') {
        found = i;
        return true;
      }
      return false;
    });
    if (found == n_) {
      error_ = "module.exports is set to '" + alias + "', but no object literal is assigned to it";
      error_offset_ = 0;
    }
    return found;
  }

  // Decodes the string literal at `i` (a quote or backtick) into `out`;
  // returns the index after it. `has_substitution` reports `${` in templates.
  size_t ReadString(size_t i, std::string& out, bool* has_substitution) const {
    char q = s_[i++];
    *has_substitution = false;
    while (i < n_) {
      char c = s_[i];
      if (c == q) return i + 1;
      if (c == '\n' && q != '`') return i;
      if (q == '`' && c == '$' && i + 1 < n_ && s_[i + 1] == '{') *has_substitution = true;
      if (c != '\\') {
        out.push_back(c);
        ++i;
        continue;
      }
      if (i + 1 >= n_) return n_;
      char e = s_[i + 1];
      i += 2;
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'v':
          out.push_back('\v');
          break;
        case '0':
          out.push_back('\0');
          break;
        case '\r':
          if (i < n_ && s_[i] == '\n') ++i;
          break;
        case '\n':
          break;  // line continuation
        case 'x': {
          int hi = i < n_ ? HexValue(s_[i]) : -1;
          int lo = i + 1 < n_ ? HexValue(s_[i + 1]) : -1;
          if (hi >= 0 && lo >= 0) {
            AppendUtf8(out, static_cast<uint32_t>(hi * 16 + lo));
            i += 2;
          } else {
            out.push_back('x');
          }
          break;
        }
        case 'u': {
          uint32_t cp = 0;
          if (i < n_ && s_[i] == '{') {
            size_t j = i + 1;
            int digits = 0;
            while (j < n_ && HexValue(s_[j]) >= 0 && digits < 8) {
              cp = cp * 16 + static_cast<uint32_t>(HexValue(s_[j]));
              ++j;
              ++digits;
            }
            if (j < n_ && s_[j] == '}' && digits > 0) {
              AppendUtf8(out, cp);
              i = j + 1;
            } else {
              out.push_back('u');
            }
          } else {
            int digits = 0;
            while (digits < 4 && i + digits < n_ && HexValue(s_[i + digits]) >= 0) {
              cp = cp * 16 + static_cast<uint32_t>(HexValue(s_[i + digits]));
              ++digits;
            }
            if (digits == 4) {
              AppendUtf8(out, cp);
              i += 4;
            } else {
              out.push_back('u');
            }
          }
          break;
        }
        default:
          out.push_back(e);
      }
    }
    return n_;
  }

  // A numeric literal at `i` (optionally signed). Returns the index after it
  // and sets `ok` when it is a well-formed number.
  size_t ReadNumber(size_t i, double* value, bool* ok) const {
    size_t start = i;
    if (i < n_ && (s_[i] == '-' || s_[i] == '+')) i = SkipTrivia(i + 1);
    size_t digits = i;
    const bool hex = digits + 1 < n_ && s_[digits] == '0' && (s_[digits + 1] | 0x20) == 'x';
    while (i < n_) {
      char c = s_[i];
      bool exponent_sign =
          (c == '-' || c == '+') && !hex && i > digits && (s_[i - 1] == 'e' || s_[i - 1] == 'E');
      if (!IsIdentChar(c) && c != '.' && !exponent_sign) break;
      ++i;
    }
    std::string text;
    for (size_t k = digits; k < i; ++k) {
      if (s_[k] != '_') text.push_back(s_[k]);
    }
    *ok = false;
    if (text.empty()) return i;
    char* end = nullptr;
    double v = 0;
    int base = 0;
    if (text.size() > 2 && text[0] == '0') {
      char p = text[1];
      if (p == 'x' || p == 'X') base = 16;
      if (p == 'o' || p == 'O') base = 8;
      if (p == 'b' || p == 'B') base = 2;
    }
    if (base != 0) {
      unsigned long long u = std::strtoull(text.c_str() + 2, &end, base);
      v = static_cast<double>(u);
    } else {
      v = std::strtod(text.c_str(), &end);
    }
    if (end == nullptr || *end != '\0') return i;
    if (start < n_ && s_[start] == '-') v = -v;
    *value = v;
    *ok = true;
    return i;
  }

  uint32_t Unknown(size_t start, size_t end) {
    std::string_view raw = s_.substr(start, end - start);
    while (!raw.empty() && IsSpace(raw.back())) raw.remove_suffix(1);
    uint32_t idx = doc_.AddScalar(ValueType::kString, static_cast<uint32_t>(start), raw, 0, false);
    unknown_.push_back(idx);
    return idx;
  }

  bool AtValueEnd(size_t i) const {
    i = SkipTrivia(i);
    return i >= n_ || s_[i] == ',' || s_[i] == '}' || s_[i] == ']' || s_[i] == ';' || s_[i] == ')';
  }

  // Parses the value at `*pos` and moves `*pos` past it.
  uint32_t ParseValue(size_t* pos, int depth) {
    size_t start = SkipTrivia(*pos);
    if (start >= n_) {
      *pos = n_;
      SetError("expected a value", start);
      return Unknown(n_, n_);
    }
    char c = s_[start];
    size_t end = start;
    uint32_t idx = 0;
    bool literal = false;
    if ((c == '{' || c == '[') && depth < kMaxDepth) {
      idx = c == '{' ? ParseObject(start, &end, depth + 1) : ParseArray(start, &end, depth + 1);
      literal = true;
    } else if (c == '"' || c == '\'' || c == '`') {
      std::string text;
      bool substitution = false;
      end = ReadString(start, text, &substitution);
      if (!substitution) {
        idx = doc_.AddScalar(ValueType::kString, static_cast<uint32_t>(start), text, 0, false);
        literal = true;
      }
    } else if (IsDigit(c) || c == '-' || c == '+' ||
               (c == '.' && start + 1 < n_ && IsDigit(s_[start + 1]))) {
      double v = 0;
      bool ok = false;
      end = ReadNumber(start, &v, &ok);
      if (ok) {
        std::string_view raw = s_.substr(start, end - start);
        idx = doc_.AddScalar(ValueType::kNumber, static_cast<uint32_t>(start), raw, v, false);
        literal = true;
      }
    } else if (IsIdentStart(c)) {
      end = start;
      while (end < n_ && IsIdentChar(s_[end])) ++end;
      std::string_view word = s_.substr(start, end - start);
      if (word == "true" || word == "false") {
        idx = doc_.AddScalar(ValueType::kBool, static_cast<uint32_t>(start), {}, 0, word == "true");
        literal = true;
      } else if (word == "null" || word == "undefined") {
        idx = doc_.AddScalar(ValueType::kNull, static_cast<uint32_t>(start), {}, 0, false);
        literal = true;
      }
    }
    if (literal && AtValueEnd(end)) {
      *pos = end;
      return idx;
    }
    // An expression: a call, a lookup, arithmetic, a function, a literal
    // followed by an operator. Keep its text, mark it unknown.
    end = SkipExpression(start);
    if (end == start) end = std::min(start + 1, n_);
    *pos = end;
    return Unknown(start, end);
  }

  uint32_t ParseObject(size_t open, size_t* out_end, int depth) {
    std::vector<std::pair<std::string, uint32_t>> members;
    std::unordered_map<std::string, size_t> seen;
    size_t pos = open + 1;
    while (true) {
      size_t before = pos;
      pos = SkipTrivia(pos);
      if (pos >= n_) {
        SetError("expected '}' to close the object", open);
        break;
      }
      char c = s_[pos];
      if (c == '}') {
        ++pos;
        break;
      }
      if (c == ',') {
        ++pos;
        continue;
      }
      if (c == ']' || c == ')' || c == ';') {
        SetError("expected a key or '}'", pos);
        ++pos;
        continue;
      }
      if (s_.substr(pos, 3) == "...") {
        pos = SkipExpression(pos + 3);
        continue;
      }
      std::string key;
      size_t key_start = pos;
      if (c == '"' || c == '\'' || c == '`') {
        bool substitution = false;
        pos = ReadString(pos, key, &substitution);
      } else if (c == '[') {
        size_t close = Walk(pos + 1, true, [](size_t, size_t) { return false; });
        key = std::string(s_.substr(pos, std::min(close + 1, n_) - pos));
        pos = std::min(close + 1, n_);
      } else if (IsIdentChar(c) || c == '*') {
        if (c == '*') pos = SkipTrivia(pos + 1);
        size_t k = pos;
        while (pos < n_ && IsIdentChar(s_[pos])) ++pos;
        key = std::string(s_.substr(k, pos - k));
        // get x() {}, set x(v) {}, async x() {}
        if (key == "get" || key == "set" || key == "async" || key == "static") {
          size_t next = SkipTrivia(pos);
          if (next < n_ && (IsIdentStart(s_[next]) || s_[next] == '*')) {
            if (s_[next] == '*') next = SkipTrivia(next + 1);
            size_t k2 = next;
            while (next < n_ && IsIdentChar(s_[next])) ++next;
            if (next > k2) {
              key = std::string(s_.substr(k2, next - k2));
              pos = next;
            }
          }
        }
      } else {
        SetError("expected a key", pos);
        pos = SkipExpression(pos);
        if (pos == before) ++pos;
        continue;
      }
      pos = SkipTrivia(pos);
      uint32_t value = 0;
      if (pos < n_ && s_[pos] == ':') {
        ++pos;
        value = ParseValue(&pos, depth);
      } else if (pos < n_ && s_[pos] == '(') {
        // Method shorthand: name(args) { body }
        size_t end = SkipExpression(pos);
        value = Unknown(key_start, end);
        pos = end;
      } else if (pos >= n_ || s_[pos] == ',' || s_[pos] == '}') {
        value = Unknown(key_start, pos);  // shorthand property `{ name }`
      } else {
        SetError("expected ':' after key '" + key + "'", pos);
        size_t end = SkipExpression(pos);
        value = Unknown(key_start, end);
        pos = end;
      }
      auto it = seen.find(key);
      if (it != seen.end()) {
        members[it->second].second = value;  // the last assignment wins, as in JavaScript
      } else {
        seen.emplace(key, members.size());
        members.emplace_back(std::move(key), value);
      }
      pos = SkipTrivia(pos);
      if (pos < n_ && s_[pos] == ',') {
        ++pos;
      } else if (pos < n_ && s_[pos] != '}') {
        SetError("expected ',' or '}'", pos);
        size_t end = SkipExpression(pos);
        pos = end == pos ? pos + 1 : end;
      }
      if (pos <= before) pos = before + 1;
    }
    *out_end = std::min(pos, n_);
    return doc_.AddObject(static_cast<uint32_t>(open), members);
  }

  uint32_t ParseArray(size_t open, size_t* out_end, int depth) {
    std::vector<uint32_t> elements;
    size_t pos = open + 1;
    while (true) {
      size_t before = pos;
      pos = SkipTrivia(pos);
      if (pos >= n_) {
        SetError("expected ']' to close the array", open);
        break;
      }
      char c = s_[pos];
      if (c == ']') {
        ++pos;
        break;
      }
      if (c == ',') {
        ++pos;
        continue;
      }
      if (c == '}' || c == ')' || c == ';') {
        SetError("expected a value or ']'", pos);
        ++pos;
        continue;
      }
      elements.push_back(ParseValue(&pos, depth));
      pos = SkipTrivia(pos);
      if (pos < n_ && s_[pos] == ',') {
        ++pos;
      } else if (pos < n_ && s_[pos] != ']') {
        SetError("expected ',' or ']'", pos);
      }
      if (pos <= before) pos = before + 1;
    }
    *out_end = std::min(pos, n_);
    return doc_.AddArray(static_cast<uint32_t>(open), elements);
  }

  void SetError(std::string message, size_t offset) {
    if (!error_.empty()) return;
    error_ = std::move(message);
    error_offset_ = offset;
  }

 private:
  std::string_view s_;
  size_t n_;
  Document& doc_;
  std::vector<uint32_t>& unknown_;
  std::string error_;
  size_t error_offset_ = 0;
};

}  // namespace

bool SettingsScript::IsUnknown(const core::ValueRef& v) const {
  if (!v.valid()) return false;
  return std::binary_search(unknown.begin(), unknown.end(), v.index());
}

bool LooksLikeSettingsScript(std::string_view text) {
  if (text.find("module.exports") == std::string_view::npos &&
      text.find("module .exports") == std::string_view::npos) {
    return false;
  }
  for (std::string_view key :
       {"httpAdminRoot", "uiPort", "flowFile", "adminAuth", "httpNodeRoot", "httpNodeAuth",
        "credentialSecret", "functionGlobalContext", "editorTheme", "userDir", "httpStatic"}) {
    if (text.find(key) != std::string_view::npos) return true;
  }
  return false;
}

SettingsScript ScanSettingsScript(std::shared_ptr<const core::SourceFile> file, std::string* error,
                                  size_t* offset) {
  SettingsScript out;
  std::string_view bytes = file->bytes();
  auto doc = std::make_shared<Document>(file);
  std::vector<uint32_t> unknown;
  Scanner scanner(bytes, *doc, unknown);
  size_t open = scanner.FindExports();
  if (open >= bytes.size()) {
    *error = scanner.error();
    *offset = scanner.error_offset();
    return out;
  }
  size_t end = open;
  uint32_t root = scanner.ParseObject(open, &end, 1);
  doc->SetRoot(root);
  // Values are added in order, so the list is already sorted; keep it so
  // regardless of how the scanner evolves.
  std::sort(unknown.begin(), unknown.end());
  out.unknown = std::move(unknown);
  out.document = std::move(doc);
  // A syntax problem inside the object is not fatal: the rest was read.
  *error = scanner.error();
  *offset = scanner.error_offset();
  return out;
}

}  // namespace fw::ingest::nodered
