#include "detect/pii_references.h"

#include <algorithm>

namespace fw::detect {

namespace {

bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool At(std::string_view t, size_t i, std::string_view word) {
  return t.size() >= i + word.size() && t.substr(i, word.size()) == word;
}
// `word` at i, not glued to an identifier or a member access before it.
bool StartsToken(std::string_view t, size_t i, std::string_view word) {
  if (!At(t, i, word)) return false;
  return i == 0 || !(IsIdentChar(t[i - 1]) || t[i - 1] == '.');
}

// A quoted string at i ('...', "..." or `...`); sets `value` and returns the
// index after the closing quote, or npos.
size_t ReadQuoted(std::string_view t, size_t i, std::string& value) {
  if (i >= t.size()) return std::string_view::npos;
  char q = t[i];
  if (q != '\'' && q != '"' && q != '`') return std::string_view::npos;
  value.clear();
  for (size_t k = i + 1; k < t.size() && k < i + 256; ++k) {
    if (t[k] == '\\' && k + 1 < t.size()) {
      value.push_back(t[++k]);
      continue;
    }
    if (t[k] == q) return k + 1;
    value.push_back(t[k]);
  }
  return std::string_view::npos;
}

// Property accesses after position i: `.a`, `?.a`, `["a"]`, `?.['a']`,
// `?['a/b']` (Power Automate paths split at '/'), `[0]` (skipped), and
// Make's `.`first name``. Stops at a method call (`.toLowerCase()`).
size_t ReadPath(std::string_view t, size_t i, std::vector<std::string>& path) {
  const size_t n = t.size();
  std::string s;
  while (i < n && path.size() < 16) {
    size_t k = i;
    if (t[k] == '?' && k + 1 < n && (t[k + 1] == '.' || t[k + 1] == '[')) ++k;
    if (k < n && t[k] == '.' && k + 1 < n && t[k + 1] == '[') ++k;  // "?.["
    if (k < n && t[k] == '.' && k + 1 < n && IsIdentStart(t[k + 1])) {
      size_t e = k + 1;
      while (e < n && IsIdentChar(t[e])) ++e;
      if (e < n && t[e] == '(') break;  // a method, not a property
      std::string_view name = t.substr(k + 1, e - k - 1);
      if (name == "length") break;
      path.emplace_back(name);
      i = e;
      continue;
    }
    if (k < n && t[k] == '.' && k + 1 < n && t[k + 1] == '`') {
      size_t e = ReadQuoted(t, k + 1, s);
      if (e == std::string_view::npos) break;
      path.push_back(s);
      i = e;
      continue;
    }
    if (k < n && t[k] == '[') {
      size_t j = k + 1;
      while (j < n && t[j] == ' ') ++j;
      if (j < n && IsDigit(t[j])) {
        while (j < n && IsDigit(t[j])) ++j;
        if (j < n && t[j] == ']') {
          i = j + 1;
          continue;
        }
        break;
      }
      size_t e = ReadQuoted(t, j, s);
      if (e == std::string_view::npos) break;
      while (e < n && t[e] == ' ') ++e;
      if (e >= n || t[e] != ']') break;
      size_t start = 0;
      for (size_t slash = s.find('/'); slash != std::string::npos; slash = s.find('/', start)) {
        if (slash > start) path.push_back(s.substr(start, slash - start));
        start = slash + 1;
      }
      if (start < s.size()) path.push_back(s.substr(start));
      i = e + 1;
      continue;
    }
    break;
  }
  return i;
}

// After `$('X')`, `$input`, `$items("X")[0]`: the accessor chain up to and
// including `.json` (`.item`, `.first()`, `.last()`, `.all()[0]`,
// `.itemMatching(0)`). Returns the index after `.json`, or npos when the
// chain reads something else (binary data, params, the run index).
size_t SkipToJson(std::string_view t, size_t i, bool* whole_list) {
  const size_t n = t.size();
  *whole_list = false;
  for (int steps = 0; steps < 6 && i < n; ++steps) {
    if (t[i] == '?' && i + 1 < n && t[i + 1] == '.') ++i;
    if (t[i] == '[') {
      size_t j = i + 1;
      while (j < n && t[j] != ']' && j < i + 8) ++j;
      if (j >= n || t[j] != ']') return std::string_view::npos;
      i = j + 1;
      continue;
    }
    if (t[i] != '.') break;
    size_t e = i + 1;
    while (e < n && IsIdentChar(t[e])) ++e;
    std::string_view name = t.substr(i + 1, e - i - 1);
    if (name == "json") return e;
    if (e < n && t[e] == '(') {
      size_t close = t.find(')', e);
      if (close == std::string_view::npos || close > e + 32) return std::string_view::npos;
      if (name == "all") *whole_list = true;
      i = close + 1;
      continue;
    }
    if (name == "item" || name == "items" || name == "first" || name == "last") {
      i = e;
      continue;
    }
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

void Push(std::vector<FieldReference>& out, std::string node, std::vector<std::string> path,
          size_t start, size_t end) {
  FieldReference r;
  r.node = std::move(node);
  r.path = std::move(path);
  r.offset = start;
  r.length = end - start;
  r.whole_item = std::all_of(r.path.begin(), r.path.end(),
                             [](const std::string& p) { return IsContainerName(p); });
  out.push_back(std::move(r));
}

// n8n references starting with '$'; returns where to go on.
size_t ReadDollar(std::string_view t, size_t i, std::vector<FieldReference>& out) {
  const size_t n = t.size();
  std::string name;
  std::vector<std::string> path;
  if (At(t, i, "$json") && (i + 5 == n || !IsIdentChar(t[i + 5]))) {
    size_t e = ReadPath(t, i + 5, path);
    Push(out, "", std::move(path), i, e);
    return e;
  }
  size_t chain = std::string_view::npos;
  if (At(t, i, "$input") && (i + 6 == n || !IsIdentChar(t[i + 6]))) {
    chain = i + 6;
  } else if (At(t, i, "$(")) {
    size_t j = i + 2;
    while (j < n && t[j] == ' ') ++j;
    size_t e = ReadQuoted(t, j, name);
    while (e != std::string_view::npos && e < n && t[e] == ' ') ++e;
    if (e == std::string_view::npos || e >= n || t[e] != ')') return i + 1;
    chain = e + 1;
  } else if (At(t, i, "$node[")) {
    size_t e = ReadQuoted(t, i + 6, name);
    if (e == std::string_view::npos || e >= n || t[e] != ']') return i + 1;
    chain = e + 1;
  } else if (At(t, i, "$items(")) {
    size_t e = ReadQuoted(t, i + 7, name);
    if (e == std::string_view::npos) return i + 1;
    size_t close = t.find(')', e);
    if (close == std::string_view::npos) return i + 1;
    chain = close + 1;
  } else {
    return i + 1;
  }
  bool whole_list = false;
  size_t after_json = SkipToJson(t, chain, &whole_list);
  if (after_json == std::string_view::npos) {
    if (whole_list) Push(out, name, {}, i, chain);
    return chain > i ? chain : i + 1;
  }
  size_t e = ReadPath(t, after_json, path);
  Push(out, std::move(name), std::move(path), i, e);
  return e;
}

// Power Automate / Logic Apps functions: triggerBody(), triggerOutputs(),
// body('X'), outputs('X'), items('X'), item(), actions('X').
size_t ReadWorkflowFunction(std::string_view t, size_t i, std::vector<FieldReference>& out) {
  std::string name;
  std::vector<std::string> path;
  for (std::string_view f : {"triggerBody()", "triggerOutputs()", "item()"}) {
    if (StartsToken(t, i, f)) {
      size_t e = ReadPath(t, i + f.size(), path);
      Push(out, f == "item()" ? "" : "#trigger", std::move(path), i, e);
      return e;
    }
  }
  for (std::string_view f : {"body(", "outputs(", "items(", "actions("}) {
    if (!StartsToken(t, i, f)) continue;
    size_t e = ReadQuoted(t, i + f.size(), name);
    if (e == std::string_view::npos || e >= t.size() || t[e] != ')') return i + 1;
    e = ReadPath(t, e + 1, path);
    Push(out, std::move(name), std::move(path), i, e);
    return e;
  }
  return i + 1;
}

// Make `{{1.email}}` and Node-RED mustache `{{payload.email}}` inside a
// template; `$` and `msg.` references inside are left to the main loop.
void ReadTemplate(std::string_view t, size_t open, std::vector<FieldReference>& out) {
  size_t close = t.find("}}", open + 2);
  if (close == std::string_view::npos) return;
  for (size_t k = open + 2; k < close; ++k) {
    bool boundary = k == open + 2 || !(IsIdentChar(t[k - 1]) || t[k - 1] == '.');
    if (!boundary) continue;
    std::vector<std::string> path;
    if (IsDigit(t[k])) {
      size_t d = k;
      while (d < close && IsDigit(t[d])) ++d;
      if (d + 1 < close && t[d] == '.' && (IsIdentStart(t[d + 1]) || t[d + 1] == '`')) {
        size_t e = ReadPath(t, d, path);
        if (!path.empty()) Push(out, std::string(t.substr(k, d - k)), std::move(path), k, e);
        k = e > k ? e - 1 : k;
      }
    } else if (At(t, k, "payload") && k + 7 <= close &&
               (k + 7 == close || !IsIdentChar(t[k + 7]))) {
      path.emplace_back("payload");
      size_t e = ReadPath(t, k + 7, path);
      Push(out, "", std::move(path), k, e);
      k = e > k ? e - 1 : k;
    }
  }
}

}  // namespace

bool IsContainerName(std::string_view name) {
  static constexpr std::string_view kContainers[] = {
      "body",       "json",    "data",       "payload", "query",   "params",   "parameters",
      "properties", "fields",  "item",       "items",   "record",  "records",  "row",
      "rows",       "result",  "results",    "output",  "outputs", "input",    "inputs",
      "response",   "request", "attributes", "entry",   "values",  "formData", "submission"};
  return std::find(std::begin(kContainers), std::end(kContainers), name) != std::end(kContainers);
}

std::string_view FieldReference::Field() const {
  static constexpr std::string_view kGeneric[] = {"value",  "text",      "raw",     "val",
                                                  "string", "formatted", "display", "answer"};
  for (size_t k = path.size(); k-- > 0;) {
    std::string_view p = path[k];
    if (IsContainerName(p)) continue;
    if (std::find(std::begin(kGeneric), std::end(kGeneric), p) != std::end(kGeneric)) continue;
    return p;
  }
  return {};
}

std::vector<FieldReference> FindFieldReferences(std::string_view t) {
  std::vector<FieldReference> out;
  const size_t n = t.size();
  size_t i = 0;
  while (i < n) {
    const char c = t[i];
    if (c == '$') {
      i = ReadDollar(t, i, out);
      continue;
    }
    if (c == '.' && At(t, i, ".json") &&
        (i + 5 == n || (!IsIdentChar(t[i + 5]) && t[i + 5] != '(')) && i > 0 &&
        (IsIdentChar(t[i - 1]) || t[i - 1] == ']' || t[i - 1] == ')')) {
      // item.json.email, items[0].json.email in Code nodes.
      std::vector<std::string> path;
      size_t start = i;
      while (start > 0 &&
             (IsIdentChar(t[start - 1]) || t[start - 1] == '[' || t[start - 1] == ']')) {
        --start;
      }
      size_t e = ReadPath(t, i + 5, path);
      Push(out, "", std::move(path), start, e);
      i = e;
      continue;
    }
    if (c == 'm' && StartsToken(t, i, "msg.")) {
      std::vector<std::string> path;
      size_t e = ReadPath(t, i + 3, path);
      if (!path.empty()) Push(out, "", std::move(path), i, e);
      i = e > i + 3 ? e : i + 1;
      continue;
    }
    if ((c == 't' || c == 'b' || c == 'o' || c == 'i' || c == 'a') &&
        (i == 0 || !IsIdentChar(t[i - 1]))) {
      i = ReadWorkflowFunction(t, i, out);
      continue;
    }
    if (c == '{' && i + 1 < n && t[i + 1] == '{') ReadTemplate(t, i, out);
    ++i;
  }
  std::stable_sort(out.begin(), out.end(), [](const FieldReference& a, const FieldReference& b) {
    return a.offset < b.offset;
  });
  return out;
}

}  // namespace fw::detect
