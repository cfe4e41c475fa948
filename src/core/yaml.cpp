#include "core/yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cstdlib>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fw::core {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Turns yaml-cpp marks (0-based line, 0-based byte column; a leading byte
// order mark is skipped without being counted) into byte offsets of the file.
class MarkMapper {
 public:
  explicit MarkMapper(std::string_view bytes) : size_(bytes.size()) {
    bom_ = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    line_starts_.push_back(0);
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  uint32_t Offset(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return 0;
    auto line = static_cast<size_t>(mark.line);
    if (line >= line_starts_.size()) return static_cast<uint32_t>(size_);
    size_t start = line_starts_[line] + (line == 0 ? bom_ : 0);
    size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : size_;
    size_t offset = start + static_cast<size_t>(mark.column);
    if (offset > end) offset = end;
    return static_cast<uint32_t>(offset);
  }

 private:
  size_t size_;
  size_t bom_ = 0;
  std::vector<size_t> line_starts_;
};

// Raised by the builder to stop parsing; carries a positioned message.
struct BuildError {
  uint32_t offset;
  std::string message;
};

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// YAML 1.2 core schema decimal numbers: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool IsDecimalNumber(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  if (e != std::string_view::npos) {
    std::string_view exp = s.substr(e + 1);
    if (!exp.empty() && (exp.front() == '-' || exp.front() == '+')) exp.remove_prefix(1);
    if (!IsDigits(exp)) return false;
  }
  size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) return IsDigits(mantissa);
  std::string_view int_part = mantissa.substr(0, dot);
  std::string_view frac = mantissa.substr(dot + 1);
  if (int_part.empty()) return IsDigits(frac);
  return IsDigits(int_part) && (frac.empty() || IsDigits(frac));
}

bool IsNullWord(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

class Builder final : public YAML::EventHandler {
 public:
  Builder(Document& doc, const MarkMapper& marks, const YamlLimits& limits, Diagnostics* warnings,
          const std::string& file)
      : doc_(doc), marks_(marks), limits_(limits), warnings_(warnings), file_(file) {}

  bool has_root() const { return has_root_; }
  uint32_t root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    uint32_t offset = marks_.Offset(mark);
    // An empty mapping value is reported at the next token; point at its key.
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().expect_key &&
        stack_.back().key_offset < offset && HasLineBreak(stack_.back().key_offset, offset)) {
      offset = stack_.back().key_offset;
    }
    uint32_t index = doc_.AddScalar(ValueType::kNull, offset, {}, 0, false);
    Finish(index, 1, anchor, offset, "", true);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    uint32_t offset = marks_.Offset(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw BuildError{offset,
                       "alias refers to an anchor that is not defined before it (or to "
                       "the collection that contains it)"};
    }
    const Anchored& a = it->second;
    alias_expansion_ += a.size;
    if (alias_expansion_ > limits_.max_alias_expansion) {
      throw BuildError{offset, "aliases expand to more than " +
                                   std::to_string(limits_.max_alias_expansion) +
                                   " values; refusing to read the document"};
    }
    Finish(a.index, a.size, 0, offset, a.scalar_text, a.is_scalar);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    uint32_t offset = marks_.Offset(mark);
    uint32_t index = 0;
    if (tag == "?") {
      index = AddPlain(offset, value);
    } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") {
      index = IsDecimalNumber(value)
                  ? doc_.AddScalar(ValueType::kNumber, offset, value, ToDouble(value), false)
                  : doc_.AddScalar(ValueType::kString, offset, value, 0, false);
    } else if (tag == "tag:yaml.org,2002:bool" && (value == "true" || value == "false")) {
      index = doc_.AddScalar(ValueType::kBool, offset, {}, 0, value == "true");
    } else if (tag == "tag:yaml.org,2002:null") {
      index = doc_.AddScalar(ValueType::kNull, offset, {}, 0, false);
    } else {
      index = doc_.AddScalar(ValueType::kString, offset, value, 0, false);
    }
    Finish(index, 1, anchor, offset, value, true);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(false, mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(true, mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    bool is_map = false;
    uint32_t offset = 0;
    YAML::anchor_t anchor = 0;
    uint64_t size = 1;  // values in the expanded subtree, this one included
    std::vector<uint32_t> elements;
    std::vector<std::pair<std::string, uint32_t>> members;
    std::unordered_set<std::string> keys;
    // Mapping state: the next value is a key, or the value of `key`.
    bool expect_key = true;
    bool key_ok = false;
    std::string key;
    uint32_t key_offset = 0;
    std::vector<uint32_t> merges;  // `<<` sources, applied at the end
  };
  struct Anchored {
    uint32_t index;
    uint64_t size;
    bool is_scalar;
    std::string scalar_text;
  };

  static double ToDouble(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

  uint32_t AddPlain(uint32_t offset, const std::string& value) {
    if (IsNullWord(value)) return doc_.AddScalar(ValueType::kNull, offset, {}, 0, false);
    if (value == "true" || value == "True" || value == "TRUE") {
      return doc_.AddScalar(ValueType::kBool, offset, {}, 0, true);
    }
    if (value == "false" || value == "False" || value == "FALSE") {
      return doc_.AddScalar(ValueType::kBool, offset, {}, 0, false);
    }
    if (IsDecimalNumber(value)) {
      return doc_.AddScalar(ValueType::kNumber, offset, value, ToDouble(value), false);
    }
    return doc_.AddScalar(ValueType::kString, offset, value, 0, false);
  }

  bool HasLineBreak(uint32_t from, uint32_t to) const {
    std::string_view bytes = doc_.source().bytes();
    if (to > bytes.size() || from >= to) return false;
    return bytes.substr(from, to - from).find('\n') != std::string_view::npos;
  }

  void Warn(uint32_t offset, std::string message) {
    if (warnings_ == nullptr) return;
    Position pos = doc_.source().PositionOf(offset);
    warnings_->push_back(Diagnostic{file_, pos.line, pos.column, std::move(message)});
  }

  void Open(bool is_map, const YAML::Mark& mark, YAML::anchor_t anchor) {
    uint32_t offset = marks_.Offset(mark);
    if (stack_.size() >= limits_.max_depth) {
      throw BuildError{offset,
                       "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    }
    Frame f;
    f.is_map = is_map;
    f.offset = offset;
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    uint32_t index = 0;
    if (f.is_map) {
      ApplyMerges(f);
      index = doc_.AddObject(f.offset, f.members);
    } else {
      index = doc_.AddArray(f.offset, f.elements);
    }
    Finish(index, f.size, f.anchor, f.offset, "", false);
  }

  // `<<: *base` (or a list of aliases): members of the sources that the
  // mapping does not set itself, in the sources' order.
  void ApplyMerges(Frame& f) {
    for (uint32_t source : f.merges) {
      ValueRef v(&doc_, source);
      if (!v.is_object()) continue;
      for (size_t i = 0; i < v.size(); ++i) {
        std::string key(v.key_at(i));
        if (!f.keys.insert(key).second) continue;
        f.members.emplace_back(std::move(key), v.value_at(i).index());
        f.size += Size(v.value_at(i).index());
      }
    }
  }

  uint64_t Size(uint32_t index) const { return index < sizes_.size() ? sizes_[index] : 1; }

  // A value is complete: record its size and anchor, then hand it to its parent.
  void Finish(uint32_t index, uint64_t size, YAML::anchor_t anchor, uint32_t offset,
              const std::string& scalar_text, bool is_scalar) {
    if (sizes_.size() <= index) sizes_.resize(index + 1, 1);
    sizes_[index] = size;
    if (anchor != 0) anchors_[anchor] = Anchored{index, size, is_scalar, scalar_text};
    if (stack_.empty()) {
      root_ = index;
      has_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (!parent.is_map) {
      parent.elements.push_back(index);
      parent.size += size;
      return;
    }
    if (parent.expect_key) {
      parent.expect_key = false;
      parent.key_offset = offset;
      ValueRef k(&doc_, index);
      parent.key_ok = is_scalar || k.is_null();
      parent.key = is_scalar ? scalar_text : std::string();
      if (!parent.key_ok)
        Warn(offset, "complex mapping key (a mapping or sequence); member skipped");
      return;
    }
    parent.expect_key = true;
    if (!parent.key_ok) return;
    if (parent.key == "<<") {
      ValueRef v(&doc_, index);
      if (v.is_object()) {
        parent.merges.push_back(index);
        return;
      }
      if (v.is_array()) {
        for (size_t i = 0; i < v.size(); ++i) parent.merges.push_back(v.at(i).index());
        return;
      }
    }
    if (!parent.keys.insert(parent.key).second) {
      Warn(parent.key_offset, "duplicate key '" + parent.key + "'; the first one is used");
    }
    parent.members.emplace_back(std::move(parent.key), index);
    parent.key.clear();
    parent.size += size;
  }

  Document& doc_;
  const MarkMapper& marks_;
  const YamlLimits& limits_;
  Diagnostics* warnings_;
  const std::string& file_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::vector<uint64_t> sizes_;
  uint64_t alias_expansion_ = 0;
  uint32_t root_ = 0;
  bool has_root_ = false;
};

// Counts further documents without building them.
class Skipper final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  YAML::Mark start;
};

Status ErrorAt(const SourceFile& src, uint32_t offset, const std::string& message) {
  Position pos = src.PositionOf(offset);
  return Status::InvalidInput(src.name(), message, pos.line, pos.column);
}

}  // namespace

bool LooksLikeJsonText(std::string_view bytes) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  for (char c : bytes) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

Result<std::shared_ptr<const Document>> ParseYaml(std::shared_ptr<const SourceFile> src,
                                                  Diagnostics* warnings, const YamlLimits& limits) {
  auto doc = std::make_shared<Document>(src);
  std::string_view bytes = src->bytes();
  if (bytes.size() > UINT32_MAX) {
    return Status::InvalidInput(src->name(), "file too large for YAML reading (over 4 GiB)");
  }
  doc->Reserve(bytes.size());
  MarkMapper marks(bytes);
  std::istringstream in{std::string(bytes)};
  Builder builder(*doc, marks, limits, warnings, src->name());
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder) || !builder.has_root()) {
      doc->SetRoot(doc->AddScalar(ValueType::kNull, 0, {}, 0, false));
      return std::shared_ptr<const Document>(std::move(doc));
    }
    doc->SetRoot(builder.root());
    Skipper skipper;
    try {
      if (parser.HandleNextDocument(skipper) && warnings != nullptr) {
        Position pos = src->PositionOf(marks.Offset(skipper.start));
        warnings->push_back(Diagnostic{src->name(), pos.line, pos.column,
                                       "the file holds more than one YAML document; only the "
                                       "first one was read"});
      }
    } catch (const YAML::Exception& e) {
      if (warnings != nullptr) {
        Position pos = src->PositionOf(marks.Offset(e.mark));
        warnings->push_back(
            Diagnostic{src->name(), pos.line, pos.column,
                       "a later YAML document is invalid and was not read: " + e.msg});
      }
    }
  } catch (const BuildError& e) {
    return ErrorAt(*src, e.offset, "invalid YAML: " + e.message);
  } catch (const YAML::Exception& e) {
    return ErrorAt(*src, marks.Offset(e.mark), "invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    return Status::InvalidInput(src->name(), std::string("invalid YAML: ") + e.what());
  }
  return std::shared_ptr<const Document>(std::move(doc));
}

}  // namespace fw::core
