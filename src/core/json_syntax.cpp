// A strict RFC 8259 scanner used only to explain why a file is not JSON. It
// runs when simdjson has already rejected the input, so clarity beats speed.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace fw::core {

namespace {

constexpr size_t kMaxDepth = 256;

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool Run(size_t* offset, std::string* message) {
    SkipSpace();
    if (pos_ >= s_.size()) return Fail("empty file: expected a JSON value", offset, message);
    if (!Value()) {
      *offset = err_pos_;
      *message = err_;
      return true;
    }
    SkipSpace();
    if (pos_ < s_.size()) {
      return Fail("unexpected content after the end of the JSON value", offset, message);
    }
    return false;
  }

 private:
  bool Fail(const char* what, size_t* offset, std::string* message) {
    *offset = pos_;
    *message = what;
    return true;
  }
  bool Error(std::string what) {
    if (err_.empty()) {
      err_ = std::move(what);
      err_pos_ = pos_;
    }
    return false;
  }
  std::string Found() const {
    if (pos_ >= s_.size()) return "end of file";
    char c = s_[pos_];
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      return "byte 0x" + std::string(1, "0123456789abcdef"[(c >> 4) & 0xF]) +
             std::string(1, "0123456789abcdef"[c & 0xF]);
    }
    return std::string("'") + c + "'";
  }
  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Value() {
    if (++depth_ > kMaxDepth) return Error("nesting deeper than 256 levels");
    SkipSpace();
    bool ok = false;
    if (pos_ >= s_.size()) {
      ok = Error("unexpected end of file: expected a value");
    } else {
      switch (s_[pos_]) {
        case '{': ok = Object(); break;
        case '[': ok = Array(); break;
        case '"': ok = String(); break;
        case 't': ok = Literal("true"); break;
        case 'f': ok = Literal("false"); break;
        case 'n': ok = Literal("null"); break;
        default:
          if (s_[pos_] == '-' || (s_[pos_] >= '0' && s_[pos_] <= '9')) {
            ok = Number();
          } else {
            ok = Error("expected a value, found " + Found());
          }
      }
    }
    --depth_;
    return ok;
  }

  bool Object() {
    ++pos_;  // '{'
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') {
        return Error("expected a string key in double quotes, found " + Found());
      }
      if (!String()) return false;
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') {
        return Error("expected ':' after object key, found " + Found());
      }
      ++pos_;
      if (!Value()) return false;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Error("expected ',' or '}', found " + Found());
    }
  }

  bool Array() {
    ++pos_;  // '['
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      if (!Value()) return false;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Error("expected ',' or ']', found " + Found());
    }
  }

  bool String() {
    ++pos_;  // opening quote
    while (pos_ < s_.size()) {
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Error("control character inside a string (escape it)");
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) break;
        char e = s_[pos_];
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i) {
            if (pos_ + i >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[pos_ + i]))) {
              return Error("expected 4 hex digits after \\u");
            }
          }
          pos_ += 5;
          continue;
        }
        if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return Error("invalid escape sequence in string");
        }
        ++pos_;
        continue;
      }
      if (c >= 0x80) {
        if (!Utf8()) return Error("invalid UTF-8 in string");
        continue;
      }
      ++pos_;
    }
    return Error("unexpected end of file inside a string: expected '\"'");
  }

  bool Utf8() {
    auto c = static_cast<unsigned char>(s_[pos_]);
    size_t n = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (pos_ + n >= s_.size()) return false;
    for (size_t i = 1; i <= n; ++i) {
      auto d = static_cast<unsigned char>(s_[pos_ + i]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    pos_ += n + 1;
    return true;
  }

  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) {
      return Error("invalid literal: expected '" + std::string(word) + "'");
    }
    pos_ += word.size();
    return true;
  }

  bool Number() {
    if (s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
      return Error("invalid number: expected a digit");
    }
    if (s_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
        return Error("invalid number: expected a digit after '.'");
      }
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
        return Error("invalid number: expected a digit in the exponent");
      }
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
  size_t depth_ = 0;
  std::string err_;
  size_t err_pos_ = 0;
};

}  // namespace

bool FindJsonSyntaxError(std::string_view bytes, size_t* offset, std::string* message) {
  Scanner scanner(bytes);
  return scanner.Run(offset, message);
}

}  // namespace fw::core
