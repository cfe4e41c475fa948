#include "policy/waivers.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <unordered_map>

#include "analysis/check.h"
#include "core/yaml.h"

namespace fw::policy {

namespace {

constexpr std::array<std::string_view, 8> kKeys = {
    "id", "finding", "rule", "path", "workflow", "justification", "approver", "expires"};

core::Diagnostic At(std::string_view file, core::ValueRef where, std::string message) {
  core::Position pos = where.valid() ? where.position() : core::Position{};
  return core::Diagnostic{std::string(file), pos.line, pos.column, std::move(message)};
}

// Scalars as text: YAML writes ids and dates as plain scalars that may read
// as numbers.
bool ScalarText(core::ValueRef v, std::string* out) {
  if (v.is_string()) {
    *out = std::string(v.str());
    return true;
  }
  if (v.is_number() || v.is_bool()) {
    *out = std::string(v.text());
    return true;
  }
  return false;
}

enum class Tok : uint8_t { kLit, kOne, kStar, kDoubleStar, kDoubleStarSlash };
struct Token {
  Tok kind;
  char c;
};

void Tokenise(std::string_view p, bool path, std::vector<Token>& out) {
  out.clear();
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '?') {
      out.push_back({Tok::kOne, 0});
    } else if (c == '*') {
      if (path && i + 1 < p.size() && p[i + 1] == '*') {
        ++i;
        while (i + 1 < p.size() && p[i + 1] == '*') ++i;  // "***" is "**"
        if (i + 1 < p.size() && p[i + 1] == '/') {
          ++i;
          out.push_back({Tok::kDoubleStarSlash, 0});
        } else {
          out.push_back({Tok::kDoubleStar, 0});
        }
      } else if (out.empty() || out.back().kind != Tok::kStar) {
        out.push_back({Tok::kStar, 0});
      }
    } else {
      out.push_back({Tok::kLit, c});
    }
  }
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string Waiver::Label() const {
  if (!id.empty()) return id;
  if (!finding.empty()) return "finding " + finding;
  std::string s = "rule " + rule;
  if (!path.empty()) s += " at " + path;
  if (!workflow.empty()) s += " in workflow " + workflow;
  return s;
}

bool IsIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  int m = (t[5] - '0') * 10 + (t[6] - '0');
  int d = (t[8] - '0') * 10 + (t[9] - '0');
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  int days = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  return d <= days;
}

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Bottom-up over (pattern token, text offset): linear in their product, so
// hostile patterns like "*a*a*a*a*b" cannot make it backtrack exponentially.
bool GlobMatch(std::string_view pattern, std::string_view text, bool path) {
  if (pattern.size() > 1024 || text.size() > 65536) return false;
  // The literal head and tail of the pattern reject most texts before any
  // table is built ("team-7/**" against "sales/x.json").
  size_t head = pattern.find_first_of("*?");
  if (head == std::string_view::npos) return pattern == text;
  if (text.substr(0, head) != pattern.substr(0, head)) return false;
  size_t last = pattern.find_last_of("*?");
  // In "**/x" the slash belongs to the wildcard, which may match nothing.
  if (path && last >= 1 && pattern.substr(last - 1, 2) == "**" && last + 1 < pattern.size() &&
      pattern[last + 1] == '/') {
    ++last;
  }
  size_t tail_len = pattern.size() - 1 - last;
  if (tail_len > text.size() - std::min(text.size(), head)) return false;
  if (text.substr(text.size() - tail_len) != pattern.substr(pattern.size() - tail_len)) {
    return false;
  }
  // "prefix*" and "prefix/**": the head decided it.
  std::string_view rest = pattern.substr(head);
  std::string_view middle = text.substr(head);
  if (rest == "**" || (rest == "*" && (!path || middle.find('/') == std::string_view::npos))) {
    return true;
  }
  // Scratch reused across calls: waivers are matched against every finding.
  thread_local std::vector<Token> toks;
  thread_local std::vector<char> next;  // row i+1
  thread_local std::vector<char> cur;   // row i
  Tokenise(pattern, path, toks);
  const size_t n = text.size();
  next.assign(n + 1, 0);
  cur.assign(n + 1, 0);
  next[n] = 1;
  for (size_t i = toks.size(); i-- > 0;) {
    const Token t = toks[i];
    bool some = false;  // for "**/": some k > j with text[k-1] == '/' and next[k]
    for (size_t j = n + 1; j-- > 0;) {
      bool more = j < n;
      bool m = false;
      switch (t.kind) {
        case Tok::kLit:
          m = more && text[j] == t.c && next[j + 1];
          break;
        case Tok::kOne:
          m = more && (!path || text[j] != '/') && next[j + 1];
          break;
        case Tok::kStar:
          m = next[j] || (more && (!path || text[j] != '/') && cur[j + 1]);
          break;
        case Tok::kDoubleStar:
          m = next[j] || (more && cur[j + 1]);
          break;
        case Tok::kDoubleStarSlash:
          some = more && ((text[j] == '/' && next[j + 1]) || some);
          m = next[j] || some;
          break;
      }
      cur[j] = m ? 1 : 0;
    }
    std::swap(cur, next);
  }
  return next[0] != 0;
}

bool ParseWaivers(core::ValueRef sequence, std::string_view file, std::vector<Waiver>& out,
                  core::Diagnostics& errors) {
  const size_t errors_before = errors.size();
  if (!sequence.is_array()) {
    errors.push_back(At(file, sequence, "waivers: expected a sequence of waivers"));
    return false;
  }
  for (size_t i = 0; i < sequence.size(); ++i) {
    core::ValueRef entry = sequence.at(i);
    std::string label = "waiver " + std::to_string(i + 1);
    if (!entry.is_object()) {
      errors.push_back(At(file, entry,
                          label + ": expected a mapping with finding or rule, "
                                  "justification, approver and expires"));
      continue;
    }
    Waiver w;
    w.file = std::string(file);
    core::Position pos = entry.position();
    w.line = pos.line;
    w.column = pos.column;
    w.pointer = "/waivers/" + std::to_string(i);
    bool ok = true;
    for (size_t k = 0; k < entry.size(); ++k) {
      std::string_view key = entry.key_at(k);
      core::ValueRef value = entry.value_at(k);
      if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
        errors.push_back(At(file, value,
                            label + ": unknown key '" + std::string(key) +
                                "' (expected id, finding, rule, path, workflow, justification, "
                                "approver, expires)"));
        ok = false;
        continue;
      }
      std::string text;
      if (!ScalarText(value, &text)) {
        errors.push_back(At(file, value, label + ": '" + std::string(key) + "' must be a string"));
        ok = false;
        continue;
      }
      std::string* field = key == "id"              ? &w.id
                           : key == "finding"       ? &w.finding
                           : key == "rule"          ? &w.rule
                           : key == "path"          ? &w.path
                           : key == "workflow"      ? &w.workflow
                           : key == "justification" ? &w.justification
                           : key == "approver"      ? &w.approver
                                                    : &w.expires;
      *field = std::move(text);
      if (key == "expires" && !IsIsoDate(*field)) {
        errors.push_back(
            At(file, value,
               label + ": 'expires' must be a date written YYYY-MM-DD, got '" + *field + "'"));
        ok = false;
      }
      if (key == "finding" && field->rfind("FW-", 0) != 0) {
        errors.push_back(At(file, value,
                            label +
                                ": 'finding' must be a finding id like FW-7c1e0a9d3b2f4e11, "
                                "got '" +
                                *field + "'"));
        ok = false;
      }
    }
    if (!w.id.empty()) label = "waiver " + w.id;
    for (auto [name, v] :
         {std::pair<std::string_view, const std::string*>{"justification", &w.justification},
          {"approver", &w.approver},
          {"expires", &w.expires}}) {
      if (!entry[name].valid()) {
        errors.push_back(At(file, entry, label + ": missing '" + std::string(name) + "'"));
        ok = false;
      } else if (v->empty()) {
        errors.push_back(At(file, entry[name], label + ": '" + std::string(name) + "' is empty"));
        ok = false;
      }
    }
    if (!w.finding.empty() && !w.rule.empty()) {
      errors.push_back(At(file, entry, label + ": give either 'finding' or 'rule', not both"));
      ok = false;
    } else if (w.finding.empty() && w.rule.empty()) {
      errors.push_back(At(file, entry,
                          label + ": needs 'finding' (a finding id) or 'rule' with 'path' "
                                  "and/or 'workflow'"));
      ok = false;
    } else if (!w.rule.empty() && w.path.empty() && w.workflow.empty()) {
      errors.push_back(At(file, entry,
                          label + ": 'rule' needs 'path' and/or 'workflow' (path: \"**\" waives "
                                  "it everywhere)"));
      ok = false;
    }
    if (ok) out.push_back(std::move(w));
  }
  return errors.size() == errors_before;
}

bool LoadWaivers(std::shared_ptr<const core::SourceFile> file, std::vector<Waiver>& out,
                 core::Diagnostics& errors) {
  std::string name(file->name());
  auto doc = core::ParseYaml(std::move(file));
  if (!doc.ok()) {
    errors.push_back(doc.error());
    return false;
  }
  core::ValueRef root = doc.value()->root();
  core::ValueRef seq = root.is_object() ? root["waivers"] : core::ValueRef();
  if (!seq.valid()) {
    core::Diagnostic d = At(name, root, "expected a top-level 'waivers:' sequence");
    if (d.line == 0) d.line = d.column = 1;
    errors.push_back(std::move(d));
    return false;
  }
  return ParseWaivers(seq, name, out, errors);
}

namespace {

bool Matches(const Waiver& w, const model::Finding& f) {
  if (!w.finding.empty() && w.finding != f.id) return false;
  if (!w.rule.empty() && !GlobMatch(w.rule, f.rule, false)) return false;
  if (!w.path.empty() && !GlobMatch(w.path, f.location.file, true)) return false;
  if (!w.workflow.empty() && !GlobMatch(w.workflow, f.location.workflow_name, false) &&
      !GlobMatch(w.workflow, f.location.workflow_id, false)) {
    return false;
  }
  return true;
}

model::Finding ExpiredFinding(const Waiver& w, size_t covered, const model::Finding* example) {
  model::Finding f;
  f.rule = std::string(kExpiredWaiverRule);
  f.category = "asset-hygiene";
  f.title = "Waiver has expired";
  f.likelihood = 5.0;
  f.impact = 4.0;
  f.score = model::ScoreFrom(f.likelihood, f.impact);
  f.severity = model::SeverityFromScore(f.score);
  f.factors = {{"expired", w.expires}, {"covered-findings", std::to_string(covered)}};
  f.standards = {"LCNC-SEC-09"};
  f.location.file = w.file;
  // A waiver file belongs to no platform; it takes the platform of what it
  // covers so that per-platform views keep it next to those findings.
  if (example != nullptr) f.location.platform = example->location.platform;
  f.location.pointer = w.pointer;
  f.location.line = w.line;
  f.location.column = w.column;
  f.message = "Waiver " + w.Label() + " expired on " + w.expires + "; the " +
              std::to_string(covered) + " finding(s) it covered are reported again.";
  f.remediation =
      "Fix the findings and remove the waiver, or renew it with a new expiry date and a fresh "
      "approval.";
  f.evidence = "expires: " + w.expires + ", approver: " + w.approver;
  f.business_impact =
      "A risk that was accepted for a limited time is no longer covered by anyone's approval.";
  f.id = analysis::FindingId(f.rule, w.file, "", w.id.empty() ? w.Label() : w.id, w.pointer);
  return f;
}

}  // namespace

WaiverOutcome ApplyWaivers(const std::vector<Waiver>& waivers, std::string_view today,
                           std::vector<model::Finding>& findings) {
  WaiverOutcome out;
  const size_t n = findings.size();
  // Finding-id waivers by id; rule waivers are tried on every finding.
  std::unordered_map<std::string_view, std::vector<size_t>> by_id;
  std::vector<size_t> by_rule;
  for (size_t k = 0; k < waivers.size(); ++k) {
    if (!waivers[k].finding.empty()) {
      by_id[waivers[k].finding].push_back(k);
    } else {
      by_rule.push_back(k);
    }
  }
  std::vector<size_t> matched(waivers.size(), 0);
  std::vector<const model::Finding*> example(waivers.size(), nullptr);
  auto expired = [&](size_t k) { return std::string_view(waivers[k].expires) < today; };
  std::vector<size_t> candidates;
  for (size_t i = 0; i < n; ++i) {
    model::Finding& f = findings[i];
    if (f.rule == kExpiredWaiverRule) continue;
    candidates.clear();
    if (auto it = by_id.find(f.id); it != by_id.end()) candidates = it->second;
    for (size_t k : by_rule) {
      if (Matches(waivers[k], f)) candidates.push_back(k);
    }
    size_t chosen = waivers.size();
    for (size_t k : candidates) {
      if (!waivers[k].finding.empty() && !Matches(waivers[k], f)) continue;
      ++matched[k];
      if (example[k] == nullptr) example[k] = &f;
      if (!expired(k)) chosen = std::min(chosen, k);  // the first waiver written wins
    }
    if (chosen < waivers.size() && !f.suppression) {
      const Waiver& w = waivers[chosen];
      f.suppression = model::Suppression{
          w.Label(), w.justification, w.approver, w.expires,
          w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.column)};
      ++out.waived;
    }
  }
  std::vector<model::Finding> added;
  for (size_t k = 0; k < waivers.size(); ++k) {
    const Waiver& w = waivers[k];
    if (expired(k)) {
      added.push_back(ExpiredFinding(w, matched[k], example[k]));
      ++out.expired;
    } else if (matched[k] == 0) {
      out.warnings.push_back(core::Diagnostic{
          w.file, w.line, w.column,
          "waiver " + w.Label() + " matches no finding (fixed, or a wrong id or glob?)"});
    }
  }
  // Appended after the loop: `example` points into `findings`.
  for (auto& f : added) findings.push_back(std::move(f));
  return out;
}

}  // namespace fw::policy
