#include "core/json.h"

#include <simdjson.h>

#include <charconv>
#include <cstdlib>

namespace fw::core {

// ---- ValueRef ---------------------------------------------------------------

ValueType ValueRef::type() const { return doc_->values_[index_].type; }

std::string_view ValueRef::str() const {
  if (!valid()) return {};
  const auto& n = doc_->values_[index_];
  if (n.type != ValueType::kString) return {};
  return std::string_view(doc_->strings_).substr(n.first, n.count);
}

std::string_view ValueRef::text() const {
  if (!valid()) return {};
  const auto& n = doc_->values_[index_];
  switch (n.type) {
    case ValueType::kString:
    case ValueType::kNumber:
      return std::string_view(doc_->strings_).substr(n.first, n.count);
    case ValueType::kBool:
      return n.boolean ? "true" : "false";
    default:
      return {};
  }
}

double ValueRef::number(double fallback) const {
  if (!valid()) return fallback;
  const auto& n = doc_->values_[index_];
  if (n.type == ValueType::kNumber) return n.number;
  if (n.type == ValueType::kString) {
    std::string s(str());
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (end != s.c_str() && *end == '\0') return d;
  }
  return fallback;
}

bool ValueRef::boolean(bool fallback) const {
  if (!valid()) return fallback;
  const auto& n = doc_->values_[index_];
  if (n.type == ValueType::kBool) return n.boolean;
  if (n.type == ValueType::kString) {
    if (str() == "true") return true;
    if (str() == "false") return false;
  }
  return fallback;
}

ValueRef ValueRef::operator[](std::string_view key) const {
  if (!valid()) return {};
  const auto& n = doc_->values_[index_];
  if (n.type != ValueType::kObject) return {};
  std::string_view strings(doc_->strings_);
  for (uint32_t i = 0; i < n.count; ++i) {
    const auto& m = doc_->members_[n.first + i];
    if (strings.substr(m.key_first, m.key_length) == key) return ValueRef(doc_, m.value);
  }
  return {};
}

ValueRef ValueRef::at(size_t i) const {
  if (!valid()) return {};
  const auto& n = doc_->values_[index_];
  if (n.type != ValueType::kArray || i >= n.count) return {};
  return ValueRef(doc_, doc_->children_[n.first + i]);
}

size_t ValueRef::size() const {
  if (!valid()) return 0;
  const auto& n = doc_->values_[index_];
  return (n.type == ValueType::kArray || n.type == ValueType::kObject) ? n.count : 0;
}

std::string_view ValueRef::key_at(size_t i) const {
  const auto& n = doc_->values_[index_];
  const auto& m = doc_->members_[n.first + i];
  return std::string_view(doc_->strings_).substr(m.key_first, m.key_length);
}

ValueRef ValueRef::value_at(size_t i) const {
  if (!valid()) return {};
  const auto& n = doc_->values_[index_];
  if (i >= n.count) return {};
  if (n.type == ValueType::kObject) return ValueRef(doc_, doc_->members_[n.first + i].value);
  if (n.type == ValueType::kArray) return ValueRef(doc_, doc_->children_[n.first + i]);
  return {};
}

uint32_t ValueRef::offset() const { return valid() ? doc_->values_[index_].offset : 0; }

Position ValueRef::position() const {
  if (!valid()) return {};
  return doc_->source().PositionOf(offset());
}

// ---- Document builder -------------------------------------------------------

void Document::Reserve(size_t bytes) {
  // Unescaped strings never exceed the input; values average well over 16
  // bytes of JSON each in real exports.
  strings_.reserve(bytes);
  values_.reserve(bytes / 24);
  members_.reserve(bytes / 48);
}

uint32_t Document::AddString(std::string_view s) {
  auto first = static_cast<uint32_t>(strings_.size());
  strings_.append(s);
  return first;
}

uint32_t Document::AddScalar(ValueType type, uint32_t offset, std::string_view text, double number,
                             bool boolean) {
  Node n;
  n.type = type;
  n.offset = offset;
  n.boolean = boolean;
  n.number = number;
  if (type == ValueType::kString || type == ValueType::kNumber) {
    n.first = AddString(text);
    n.count = static_cast<uint32_t>(text.size());
  }
  values_.push_back(n);
  return static_cast<uint32_t>(values_.size() - 1);
}

uint32_t Document::AddArray(uint32_t offset, const uint32_t* elements, size_t count) {
  Node n;
  n.type = ValueType::kArray;
  n.offset = offset;
  n.first = static_cast<uint32_t>(children_.size());
  n.count = static_cast<uint32_t>(count);
  children_.insert(children_.end(), elements, elements + count);
  values_.push_back(n);
  return static_cast<uint32_t>(values_.size() - 1);
}

uint32_t Document::AddArray(uint32_t offset, const std::vector<uint32_t>& elements) {
  return AddArray(offset, elements.data(), elements.size());
}

uint32_t Document::AddObject(uint32_t offset, const Member* members, size_t count) {
  Node n;
  n.type = ValueType::kObject;
  n.offset = offset;
  n.first = static_cast<uint32_t>(members_.size());
  n.count = static_cast<uint32_t>(count);
  members_.insert(members_.end(), members, members + count);
  values_.push_back(n);
  return static_cast<uint32_t>(values_.size() - 1);
}

uint32_t Document::AddObject(uint32_t offset, const std::vector<Member>& members) {
  return AddObject(offset, members.data(), members.size());
}

uint32_t Document::AddObject(uint32_t offset,
                             const std::vector<std::pair<std::string, uint32_t>>& members) {
  std::vector<Member> ms;
  ms.reserve(members.size());
  for (const auto& [key, value] : members) {
    uint32_t first = AddString(key);
    ms.push_back(Member{first, static_cast<uint32_t>(key.size()), value});
  }
  return AddObject(offset, ms);
}

// ---- simdjson on-demand walk ------------------------------------------------

namespace {

namespace od = simdjson::ondemand;

class Builder {
 public:
  Builder(Document& doc, const char* base) : doc_(doc), base_(base) {}

  // Same limit as the syntax scanner (json_syntax.cpp), so that an input
  // rejected here gets its "nesting deeper than 256 levels" message. Without
  // it, Walk/WalkObject/WalkArray recurse once per level and a few hundred KB
  // of '[' overflow the stack (simdjson On-Demand does not bound the depth).
  static constexpr uint32_t kMaxDepth = 256;

  simdjson::error_code Walk(od::value value, uint32_t* out) {
    if (depth_ >= kMaxDepth) return simdjson::DEPTH_ERROR;
    ++depth_;
    simdjson::error_code err = WalkValue(value, out);
    --depth_;
    return err;
  }

  simdjson::error_code WalkValue(od::value value, uint32_t* out) {
    od::json_type type;
    if (auto err = value.type().get(type)) return err;
    std::string_view raw = value.raw_json_token();
    auto offset = static_cast<uint32_t>(raw.data() - base_);
    switch (type) {
      case od::json_type::object: {
        od::object obj;
        if (auto err = value.get_object().get(obj)) return err;
        return WalkObject(obj, offset, out);
      }
      case od::json_type::array: {
        od::array arr;
        if (auto err = value.get_array().get(arr)) return err;
        return WalkArray(arr, offset, out);
      }
      case od::json_type::string: {
        std::string_view s;
        if (auto err = value.get_string().get(s)) return err;
        *out = doc_.AddScalar(ValueType::kString, offset, s, 0, false);
        return simdjson::SUCCESS;
      }
      case od::json_type::number: {
        double d = 0;
        if (auto err = value.get_double().get(d)) {
          // Only a well-formed number beyond double range is kept (as strtod
          // reads it: +-inf, or 0 on underflow); anything else is bad JSON.
          if (err != simdjson::NUMBER_ERROR || !IsStrictJsonNumber(raw)) return err;
          d = std::strtod(std::string(TrimNumber(raw)).c_str(), nullptr);
        }
        *out = doc_.AddScalar(ValueType::kNumber, offset, TrimNumber(raw), d, false);
        return simdjson::SUCCESS;
      }
      case od::json_type::boolean: {
        bool b = false;
        if (auto err = value.get_bool().get(b)) return err;
        *out = doc_.AddScalar(ValueType::kBool, offset, {}, 0, b);
        return simdjson::SUCCESS;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto err = value.is_null().get(is_null)) return err;
        if (!is_null) return simdjson::N_ATOM_ERROR;
        *out = doc_.AddScalar(ValueType::kNull, offset, {}, 0, false);
        return simdjson::SUCCESS;
      }
    }
    return simdjson::INCORRECT_TYPE;
  }

  simdjson::error_code WalkObject(od::object obj, uint32_t offset, uint32_t* out) {
    // Children collect on a shared stack and move into the document when the
    // container closes: no allocation per object.
    const size_t base = member_stack_.size();
    for (auto field_result : obj) {
      od::field field;
      if (auto err = std::move(field_result).get(field)) return err;
      std::string_view key;
      if (auto err = field.unescaped_key().get(key)) return err;
      uint32_t key_first = doc_.AddString(key);
      auto key_length = static_cast<uint32_t>(key.size());
      uint32_t child = 0;
      if (auto err = Walk(field.value(), &child)) return err;
      member_stack_.push_back(Document::Member{key_first, key_length, child});
    }
    *out = doc_.AddObject(offset, member_stack_.data() + base, member_stack_.size() - base);
    member_stack_.resize(base);
    return simdjson::SUCCESS;
  }

  simdjson::error_code WalkArray(od::array arr, uint32_t offset, uint32_t* out) {
    const size_t base = element_stack_.size();
    for (auto element_result : arr) {
      od::value element;
      if (auto err = std::move(element_result).get(element)) return err;
      uint32_t child = 0;
      if (auto err = Walk(element, &child)) return err;
      element_stack_.push_back(child);
    }
    *out = doc_.AddArray(offset, element_stack_.data() + base, element_stack_.size() - base);
    element_stack_.resize(base);
    return simdjson::SUCCESS;
  }

  // True when `raw` (a raw token, possibly with trailing whitespace) is
  // exactly one RFC 8259 number.
  static bool IsStrictJsonNumber(std::string_view raw) {
    size_t end = raw.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return false;
    raw = raw.substr(0, end + 1);
    size_t i = 0;
    auto digit = [&](size_t k) { return k < raw.size() && raw[k] >= '0' && raw[k] <= '9'; };
    if (i < raw.size() && raw[i] == '-') ++i;
    if (!digit(i)) return false;
    if (raw[i] == '0') {
      ++i;
    } else {
      while (digit(i)) ++i;
    }
    if (i < raw.size() && raw[i] == '.') {
      if (!digit(++i)) return false;
      while (digit(i)) ++i;
    }
    if (i < raw.size() && (raw[i] == 'e' || raw[i] == 'E')) {
      ++i;
      if (i < raw.size() && (raw[i] == '+' || raw[i] == '-')) ++i;
      if (!digit(i)) return false;
      while (digit(i)) ++i;
    }
    return i == raw.size();
  }

  static std::string_view TrimNumber(std::string_view raw) {
    size_t n = 0;
    while (n < raw.size()) {
      char c = raw[n];
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
        ++n;
      } else {
        break;
      }
    }
    return raw.substr(0, n);
  }

 private:
  Document& doc_;
  const char* base_;
  std::vector<Document::Member> member_stack_;
  std::vector<uint32_t> element_stack_;
  uint32_t depth_ = 0;
};

simdjson::error_code WalkDocument(od::document& d, Builder& builder, Document& doc,
                                  const char* base, uint32_t* out) {
  od::json_type type;
  if (auto err = d.type().get(type)) return err;
  if (type == od::json_type::object || type == od::json_type::array) {
    od::value v;
    if (auto err = d.get_value().get(v)) return err;
    if (auto err = builder.Walk(v, out)) return err;
  } else {
    // Scalar documents: simdjson does not hand them out as values.
    std::string_view raw;
    if (auto err = d.raw_json_token().get(raw)) return err;
    auto offset = static_cast<uint32_t>(raw.data() - base);
    if (type == od::json_type::string) {
      std::string_view s;
      if (auto err = d.get_string().get(s)) return err;
      *out = doc.AddScalar(ValueType::kString, offset, s, 0, false);
    } else if (type == od::json_type::number) {
      double v = 0;
      if (auto err = d.get_double().get(v)) return err;
      *out = doc.AddScalar(ValueType::kNumber, offset, Builder::TrimNumber(raw), v, false);
    } else if (type == od::json_type::boolean) {
      bool b = false;
      if (auto err = d.get_bool().get(b)) return err;
      *out = doc.AddScalar(ValueType::kBool, offset, {}, 0, b);
    } else {
      bool is_null = false;
      if (auto err = d.is_null().get(is_null)) return err;
      if (!is_null) return simdjson::N_ATOM_ERROR;
      *out = doc.AddScalar(ValueType::kNull, offset, {}, 0, false);
    }
  }
  // At the end, current_location() has nothing left to point at.
  const char* rest = nullptr;
  if (d.current_location().get(rest) == simdjson::SUCCESS && rest != nullptr) {
    return simdjson::TRAILING_CONTENT;
  }
  return simdjson::SUCCESS;
}

}  // namespace

Result<std::shared_ptr<const Document>> Document::ParseJson(std::shared_ptr<const SourceFile> src) {
  std::string_view bytes = src->bytes();
  // Skip a UTF-8 byte order mark, which some Windows tools write.
  size_t skip = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") skip = 3;

  auto doc = std::make_shared<Document>(src);
  doc->Reserve(bytes.size());

  thread_local od::parser parser;
  // Parse in place when the buffer has simdjson's padding behind it;
  // otherwise copy into a padded buffer.
  simdjson::padded_string copy;
  simdjson::padded_string_view view;
  const size_t capacity = src->capacity() - skip;
  if (capacity >= bytes.size() - skip + simdjson::SIMDJSON_PADDING) {
    view = simdjson::padded_string_view(bytes.data() + skip, bytes.size() - skip, capacity);
  } else {
    copy = simdjson::padded_string(bytes.data() + skip, bytes.size() - skip);
    view = simdjson::padded_string_view(copy);
  }
  simdjson::error_code err = simdjson::SUCCESS;
  uint32_t root = 0;
  {
    od::document d;
    err = parser.iterate(view).get(d);
    if (!err) {
      // Offsets are relative to the parsed view; add `skip` back below.
      Builder builder(*doc, view.data());
      err = WalkDocument(d, builder, *doc, view.data(), &root);
    }
  }
  if (err) {
    size_t offset = 0;
    std::string message;
    if (FindJsonSyntaxError(bytes.substr(skip), &offset, &message)) {
      Position pos = src->PositionOf(offset + skip);
      return Status::InvalidInput(src->name(), "invalid JSON: " + message, pos.line, pos.column);
    }
    return Status::InvalidInput(src->name(),
                                std::string("invalid JSON: ") + simdjson::error_message(err));
  }
  if (skip != 0) {
    for (auto& n : doc->values_) n.offset += static_cast<uint32_t>(skip);
  }
  doc->SetRoot(root);
  return std::shared_ptr<const Document>(std::move(doc));
}

// ---- Pointers ---------------------------------------------------------------

void AppendPointerToken(std::string& pointer, std::string_view token) {
  pointer.push_back('/');
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

void AppendPointerIndex(std::string& pointer, size_t index) {
  pointer.push_back('/');
  pointer += std::to_string(index);
}

}  // namespace fw::core
