// A read-only JSON (or YAML-converted) value tree that remembers where every
// value starts in its source file. Parsing uses simdjson's On-Demand API and
// copies the result into compact arrays, so a Document is cheap to walk many
// times and owns everything it refers to.
//
// When simdjson rejects a file, a small validating scanner re-reads it to say
// exactly where and what was expected ("expected ',' or '}'").
//
// Thread-safety: a Document is immutable after parsing; share freely.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/source.h"

namespace fw::core {

enum class ValueType : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

class Document;

// A handle to one value; a default-constructed ValueRef is "missing" and every
// accessor on it returns an empty answer, so lookups chain safely:
// `node["parameters"]["options"]["url"].str()`.
class ValueRef {
 public:
  ValueRef() = default;
  ValueRef(const Document* doc, uint32_t index) : doc_(doc), index_(index) {}

  explicit operator bool() const { return doc_ != nullptr; }
  bool valid() const { return doc_ != nullptr; }
  ValueType type() const;
  bool is_null() const { return valid() && type() == ValueType::kNull; }
  bool is_bool() const { return valid() && type() == ValueType::kBool; }
  bool is_number() const { return valid() && type() == ValueType::kNumber; }
  bool is_string() const { return valid() && type() == ValueType::kString; }
  bool is_array() const { return valid() && type() == ValueType::kArray; }
  bool is_object() const { return valid() && type() == ValueType::kObject; }

  // The unescaped string; empty if this is not a string.
  std::string_view str() const;
  // The value as text: strings as they are, numbers as written, booleans
  // as true/false; empty for null, containers and missing values.
  std::string_view text() const;
  double number(double fallback = 0.0) const;
  bool boolean(bool fallback = false) const;

  // Object member lookup (first match) and array access; missing if absent.
  ValueRef operator[](std::string_view key) const;
  ValueRef at(size_t i) const;
  // Number of members of an object or elements of an array.
  size_t size() const;
  // For objects: the key of member i. REQUIRES: is_object(), i < size().
  std::string_view key_at(size_t i) const;
  // For objects: the value of member i; for arrays: element i.
  ValueRef value_at(size_t i) const;

  uint32_t offset() const;  // byte offset of the value's first character
  Position position() const;
  const Document* document() const { return doc_; }
  uint32_t index() const { return index_; }

 private:
  const Document* doc_ = nullptr;
  uint32_t index_ = 0;
};

class Document {
 public:
  // Parses the whole file as one JSON value. On failure the diagnostic names
  // the file, line, column and what was expected.
  static Result<std::shared_ptr<const Document>> ParseJson(std::shared_ptr<const SourceFile> src);

  ValueRef root() const { return ValueRef(this, root_); }
  const SourceFile& source() const { return *src_; }
  const std::shared_ptr<const SourceFile>& source_ptr() const { return src_; }
  size_t value_count() const { return values_.size(); }

  // Builder interface, used by parsers (JSON here, YAML elsewhere).
  struct Node {
    ValueType type = ValueType::kNull;
    bool boolean = false;
    uint32_t offset = 0;
    uint32_t first = 0;  // strings_/children_/members_ index depending on type
    uint32_t count = 0;  // length or number of children
    double number = 0.0;
  };
  struct Member {
    uint32_t key_first;
    uint32_t key_length;
    uint32_t value;
  };
  explicit Document(std::shared_ptr<const SourceFile> src) : src_(std::move(src)) {}
  uint32_t AddScalar(ValueType type, uint32_t offset, std::string_view text, double number,
                     bool boolean);
  uint32_t AddArray(uint32_t offset, const std::vector<uint32_t>& elements);
  uint32_t AddArray(uint32_t offset, const uint32_t* elements, size_t count);
  uint32_t AddObject(uint32_t offset, const Member* members, size_t count);
  uint32_t AddObject(uint32_t offset, const std::vector<std::pair<std::string, uint32_t>>& members);
  uint32_t AddObject(uint32_t offset, const std::vector<Member>& members);
  uint32_t AddString(std::string_view s);  // returns index into strings_
  void SetRoot(uint32_t index) { root_ = index; }
  void Reserve(size_t bytes);

 private:
  friend class ValueRef;
  std::shared_ptr<const SourceFile> src_;
  std::vector<Node> values_;
  std::vector<uint32_t> children_;
  std::vector<Member> members_;
  std::string strings_;
  uint32_t root_ = 0;
};

// Finds the first syntax error in `bytes` with a strict RFC 8259 scanner.
// Returns true (and fills offset and message) when the text is not JSON.
bool FindJsonSyntaxError(std::string_view bytes, size_t* offset, std::string* message);

// Appends RFC 6901 escaping of `token` to `pointer` after a '/'.
void AppendPointerToken(std::string& pointer, std::string_view token);
void AppendPointerIndex(std::string& pointer, size_t index);

}  // namespace fw::core
