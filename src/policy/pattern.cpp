// PatternSet: many globs matched against one text. Most policy patterns are
// exact names, "prefix*" (node type families) or "*suffix" (host domains),
// so those skip the general matcher; a 200-rule library costs a hash lookup
// and a few string compares per component.
#include <algorithm>
#include <string>

#include "core/text.h"
#include "policy/policy.h"

namespace fw::policy {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// '*' any run (also empty), '?' one character; `pattern` is lower case.
// Iterative with one backtrack point: O(pattern * text) at worst.
bool Glob(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == Lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool HasWildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

bool StartsWithLower(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

bool EndsWithLower(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  size_t off = text.size() - suffix.size();
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (Lower(text[off + i]) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

void PatternSet::Add(std::string_view pattern, uint32_t tag) {
  std::string p = core::ToLower(pattern);
  uint32_t order = static_cast<uint32_t>(count_++);
  if (p == "*") {
    if (!match_all_) {
      match_all_ = true;
      match_all_tag_ = tag;
      match_all_order_ = order;
    }
    return;
  }
  if (!HasWildcard(p)) {
    exact_.emplace(std::move(p), std::make_pair(tag, order));  // first one wins
    return;
  }
  std::string_view body(p);
  if (body.back() == '*' && !HasWildcard(body.substr(0, body.size() - 1))) {
    prefixes_.push_back(Entry{std::string(body.substr(0, body.size() - 1)), tag, order});
  } else if (body.front() == '*' && !HasWildcard(body.substr(1))) {
    suffixes_.push_back(Entry{std::string(body.substr(1)), tag, order});
  } else {
    globs_.push_back(Entry{std::move(p), tag, order});
  }
}

int64_t PatternSet::Match(std::string_view text) const {
  // The earliest pattern in Add order wins, so findings name the first rule
  // that says so whichever bucket it sits in.
  uint32_t best_order = UINT32_MAX;
  int64_t best = -1;
  auto consider = [&](uint32_t tag, uint32_t order) {
    if (order < best_order) {
      best_order = order;
      best = tag;
    }
  };
  if (match_all_) consider(match_all_tag_, match_all_order_);
  if (!exact_.empty()) {
    auto it = exact_.find(core::ToLower(text));
    if (it != exact_.end()) consider(it->second.first, it->second.second);
  }
  for (const auto& e : prefixes_) {
    if (e.order < best_order && StartsWithLower(text, e.text)) consider(e.tag, e.order);
  }
  for (const auto& e : suffixes_) {
    if (e.order < best_order && EndsWithLower(text, e.text)) consider(e.tag, e.order);
  }
  for (const auto& e : globs_) {
    if (e.order < best_order && Glob(e.text, text)) consider(e.tag, e.order);
  }
  return best;
}

std::string PolicySource::ToString() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line);
}

std::string_view ComponentKindName(ComponentKind k) {
  switch (k) {
    case ComponentKind::kNodeType:
      return "node type";
    case ComponentKind::kConnector:
      return "connector";
    case ComponentKind::kCommunityPackage:
      return "community package";
  }
  return "component";
}

}  // namespace fw::policy
