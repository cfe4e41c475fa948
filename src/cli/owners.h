// Owners file: who owns which workflows, for platforms whose exports do not
// record an owner. A YAML file such as
//
//   owners:
//     - match: "sales/**"        # glob on the file path relative to the scan root
//       owner: sales-ops@acme.example
//     - workflow: "Lead *"       # glob on the workflow name
//       owner: marketing@acme.example
//
// Rules are tried in order and the first match wins; a rule with both
// `match` and `workflow` needs both to match. Parsing reports every error
// with file, line and column and never throws.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace fw::cli {

struct OwnerRule {
  std::string match;     // glob on the file path; "" matches any file
  std::string workflow;  // glob on the workflow name; "" matches any name
  std::string owner;
  uint32_t line = 0;  // where the rule starts in the owners file (1-based)
};

struct OwnersFile {
  std::vector<OwnerRule> rules;
  core::Diagnostics errors;  // syntax, unknown keys, wrong types; empty when usable
};

// Parses the text of an owners file; `file_name` names it in diagnostics.
OwnersFile ParseOwners(std::string_view text, const std::string& file_name);

// The first rule matching `file` (path relative to the scan root) and
// `workflow_name`, or null.
const OwnerRule* FindOwner(const std::vector<OwnerRule>& rules, std::string_view file,
                           std::string_view workflow_name);

// Glob matching. In path mode `*` and `?` stop at '/', `**` crosses folders
// ("sales/**" matches everything under sales/, "**/x.json" also matches
// "x.json") and matching is case-sensitive. In name mode '/' is an ordinary
// character and matching ignores ASCII case. `[abc]`, `[a-z]`, `[!a]` and
// backslash escapes work in both.
bool GlobMatch(std::string_view pattern, std::string_view text, bool path_mode);

}  // namespace fw::cli
