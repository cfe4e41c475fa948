// A streaming JSON writer for the large reports (the finding contract of a
// whole estate runs to tens of megabytes). It appends straight into one
// string, so no document tree is built and freed: rendering a scan's JSON
// costs a fraction of building an nlohmann tree of the same findings.
//
// Output is pretty-printed like nlohmann's dump(2): two-space indentation,
// "key": value, empty containers as [] and {}. Strings are escaped for JSON
// (quotes, backslashes, control characters as \u00XX) and invalid UTF-8 is
// replaced by U+FFFD, so the output is always valid UTF-8 JSON.
//
// Usage: BeginObject(); Key("a"); Int(1); EndObject(); Take().
// Not thread-safe; one writer per document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fw::report {

class JsonWriter {
 public:
  explicit JsonWriter(size_t reserve = 0) { out_.reserve(reserve); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The key of the next member of the current object.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  // Shortest form that reads back to the same double; integral values get
  // ".0" (8.0), as nlohmann writes them.
  void Double(double value);
  void Bool(bool value);
  void Null();

  // A value already rendered as pretty JSON at indentation 0 (e.g. a small
  // nlohmann tree's dump(2)); its lines are indented to where it goes.
  void Rendered(std::string_view json);

  // Convenience: Key() then the value.
  void Member(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }

  // The document, with a final newline. The writer is empty afterwards.
  std::string Take();

  // Appends `text` escaped as JSON string content (without quotes).
  static void AppendEscaped(std::string& out, std::string_view text);

 private:
  struct Level {
    bool empty = true;
  };
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void NewLine();

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace fw::report
