#include "cli/owners.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <string>

namespace fw::cli {

namespace {

core::Diagnostic At(const std::string& file, const YAML::Mark& mark, std::string message) {
  core::Diagnostic d;
  d.file = file;
  if (!mark.is_null()) {
    d.line = static_cast<uint32_t>(mark.line + 1);
    d.column = static_cast<uint32_t>(mark.column + 1);
  }
  d.message = std::move(message);
  return d;
}

std::string_view TypeName(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// A non-empty string scalar, or an error.
bool ReadString(const YAML::Node& value, const std::string& key, const std::string& file,
                std::string* out, core::Diagnostics& errors) {
  if (!value.IsScalar() || value.Scalar().empty()) {
    errors.push_back(At(file, value.Mark(),
                        "'" + key + "' must be a non-empty string, found " +
                            std::string(value.IsScalar() ? "an empty string" : TypeName(value))));
    return false;
  }
  *out = value.Scalar();
  return true;
}

void ReadRule(const YAML::Node& item, const std::string& file, OwnersFile& result) {
  if (!item.IsMap()) {
    result.errors.push_back(At(file, item.Mark(),
                               "expected a rule mapping (match/workflow and owner), found " +
                                   std::string(TypeName(item))));
    return;
  }
  OwnerRule rule;
  rule.line = item.Mark().is_null() ? 0 : static_cast<uint32_t>(item.Mark().line + 1);
  bool ok = true;
  for (auto it = item.begin(); it != item.end(); ++it) {
    // yaml-cpp's iterators hand out temporaries: copy the (cheap) handles.
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    std::string name = key.IsScalar() ? key.Scalar() : std::string();
    if (name == "match") {
      ok &= ReadString(value, name, file, &rule.match, result.errors);
    } else if (name == "workflow") {
      ok &= ReadString(value, name, file, &rule.workflow, result.errors);
    } else if (name == "owner") {
      ok &= ReadString(value, name, file, &rule.owner, result.errors);
    } else {
      result.errors.push_back(
          At(file, key.Mark(), "unknown key '" + name + "' (expected match, workflow, owner)"));
      ok = false;
    }
  }
  if (!ok) return;
  if (rule.owner.empty()) {
    result.errors.push_back(At(file, item.Mark(), "rule without 'owner'"));
    return;
  }
  if (rule.match.empty() && rule.workflow.empty()) {
    result.errors.push_back(
        At(file, item.Mark(), "rule needs 'match' (a path glob) or 'workflow' (a name glob)"));
    return;
  }
  result.rules.push_back(std::move(rule));
}

char Fold(char c, bool fold) {
  return fold ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
}

// Glob matcher over (pattern index, text index) with memoisation, so
// patterns such as "**a**a**a" stay polynomial.
class Glob {
 public:
  Glob(std::string_view pattern, std::string_view text, bool path_mode)
      : p_(pattern),
        t_(text),
        path_(path_mode),
        memo_((pattern.size() + 1) * (text.size() + 1), kUnknown) {}

  bool Match(size_t pi, size_t ti) {
    uint8_t& m = memo_[pi * (t_.size() + 1) + ti];
    if (m != kUnknown) return m == kYes;
    bool r = Compute(pi, ti);
    m = r ? kYes : kNo;
    return r;
  }

 private:
  static constexpr uint8_t kUnknown = 0, kNo = 1, kYes = 2;

  bool Compute(size_t pi, size_t ti) {
    if (pi == p_.size()) return ti == t_.size();
    char c = p_[pi];
    if (c == '*') {
      bool double_star = pi + 1 < p_.size() && p_[pi + 1] == '*';
      if (double_star && path_) {
        size_t next = pi + 2;
        bool at_segment_start = pi == 0 || p_[pi - 1] == '/';
        // "**/" also matches no folder at all.
        if (at_segment_start && next < p_.size() && p_[next] == '/' && Match(next + 1, ti)) {
          return true;
        }
        for (size_t k = ti; k <= t_.size(); ++k) {
          if (Match(next, k)) return true;
        }
        return false;
      }
      size_t next = pi + 1;
      while (next < p_.size() && p_[next] == '*') ++next;
      for (size_t k = ti; k <= t_.size(); ++k) {
        if (Match(next, k)) return true;
        if (k < t_.size() && path_ && t_[k] == '/') return false;
      }
      return false;
    }
    if (ti == t_.size()) return false;
    char t = t_[ti];
    if (c == '?') return !(path_ && t == '/') && Match(pi + 1, ti + 1);
    if (c == '[') {
      size_t end = 0;
      bool in = false;
      if (ReadClass(pi, t, &end, &in)) return in && !(path_ && t == '/') && Match(end, ti + 1);
      // An unclosed '[' is an ordinary character.
    }
    if (c == '\\' && pi + 1 < p_.size()) {
      ++pi;
      c = p_[pi];
    }
    return Fold(c, !path_) == Fold(t, !path_) && Match(pi + 1, ti + 1);
  }

  // Reads "[...]" at `pi`; says whether `t` is in it and where it ends.
  bool ReadClass(size_t pi, char t, size_t* end, bool* in) const {
    size_t i = pi + 1;
    bool negate = i < p_.size() && (p_[i] == '!' || p_[i] == '^');
    if (negate) ++i;
    bool found = false;
    bool first = true;
    const char ft = Fold(t, !path_);
    while (i < p_.size() && (first || p_[i] != ']')) {
      first = false;
      char lo = p_[i];
      char hi = lo;
      if (i + 2 < p_.size() && p_[i + 1] == '-' && p_[i + 2] != ']') {
        hi = p_[i + 2];
        i += 3;
      } else {
        ++i;
      }
      if (Fold(lo, !path_) <= ft && ft <= Fold(hi, !path_)) found = true;
    }
    if (i >= p_.size()) return false;
    *end = i + 1;
    *in = found != negate;
    return true;
  }

  std::string_view p_;
  std::string_view t_;
  bool path_;
  std::vector<uint8_t> memo_;
};

}  // namespace

OwnersFile ParseOwners(std::string_view text, const std::string& file_name) {
  OwnersFile result;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    result.errors.push_back(At(file_name, e.mark, e.msg));
    return result;
  }
  try {
    if (!root.IsMap()) {
      result.errors.push_back(
          At(file_name, root.Mark(),
             "expected a mapping with an 'owners' list, found " + std::string(TypeName(root))));
      return result;
    }
    bool found = false;
    for (auto it = root.begin(); it != root.end(); ++it) {
      const YAML::Node key = it->first;
      std::string name = key.IsScalar() ? key.Scalar() : std::string();
      if (name != "owners") {
        result.errors.push_back(
            At(file_name, key.Mark(), "unknown key '" + name + "' (expected owners)"));
        continue;
      }
      found = true;
      const YAML::Node list = it->second;
      if (!list.IsSequence()) {
        result.errors.push_back(
            At(file_name, list.Mark(),
               "'owners' must be a list of rules, found " + std::string(TypeName(list))));
        continue;
      }
      for (const YAML::Node item : list) ReadRule(item, file_name, result);
    }
    if (!found && result.errors.empty()) {
      result.errors.push_back(At(file_name, root.Mark(), "no 'owners' list"));
    }
  } catch (const YAML::Exception& e) {
    result.errors.push_back(At(file_name, e.mark, e.msg));
  }
  if (!result.errors.empty()) result.rules.clear();
  return result;
}

const OwnerRule* FindOwner(const std::vector<OwnerRule>& rules, std::string_view file,
                           std::string_view workflow_name) {
  for (const auto& r : rules) {
    if (!r.match.empty() && !GlobMatch(r.match, file, true)) continue;
    if (!r.workflow.empty() && !GlobMatch(r.workflow, workflow_name, false)) continue;
    return &r;
  }
  return nullptr;
}

bool GlobMatch(std::string_view pattern, std::string_view text, bool path_mode) {
  // Bound the memo table; owners globs and names are short in practice.
  if (pattern.size() > 1024 || text.size() > 4096) return false;
  return Glob(pattern, text, path_mode).Match(0, 0);
}

}  // namespace fw::cli
