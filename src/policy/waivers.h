// Waivers: accepted risks written down. A waiver names one finding by id, or
// a rule together with a path glob and/or a workflow glob, and says why it
// is accepted, who accepted it and until when. Covered findings keep their
// place in JSON and SARIF, marked suppressed; the table and the exit code
// leave them out. An expired waiver suppresses nothing and is itself
// reported (policy.waiver.expired); a waiver that matches nothing is a
// warning, since it usually means the finding was fixed or the glob is wrong.
//
// Format (docs/waivers.md), a `waivers:` sequence in a policy file or in a
// file of its own:
//     waivers:
//       - id: W-2026-014                  # optional
//         finding: FW-7c1e0a9d3b2f4e11    # either a finding id ...
//         rule: n8n.webhook.no-auth       # ... or a rule with path and/or workflow glob
//         path: "marketing/**"
//         workflow: "Lead intake*"
//         justification: "Form is behind Cloudflare Access; see RISK-221"
//         approver: jane.doe@example.com
//         expires: 2027-03-31
//
// Pure functions; thread-safety: values only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "core/source.h"
#include "model/finding.h"

namespace fw::policy {

struct Waiver {
  std::string id;        // optional
  std::string finding;   // a finding id, or empty
  std::string rule;      // a rule id (glob allowed), or empty
  std::string path;      // glob on the finding's file, relative to the scan root
  std::string workflow;  // glob on the workflow's name or id
  std::string justification;
  std::string approver;
  std::string expires;  // YYYY-MM-DD; valid through that day
  // Where the waiver is written.
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string pointer;  // "/waivers/3"

  // The id, or a short description when it has none ("rule n8n.webhook.no-auth
  // at marketing/**").
  std::string Label() const;
};

// Reads a `waivers:` sequence. Entries with errors (unknown key, missing
// justification, approver or expires, a date that is not YYYY-MM-DD, neither
// a finding nor a rule with a glob) are reported in `errors` with file, line
// and column and left out; the other entries are still read. Returns false
// when anything was reported.
bool ParseWaivers(core::ValueRef sequence, std::string_view file, std::vector<Waiver>& out,
                  core::Diagnostics& errors);

// Reads a YAML file whose top level has a `waivers:` sequence (a waiver file
// or a policy file; other top-level keys are left to their readers).
bool LoadWaivers(std::shared_ptr<const core::SourceFile> file, std::vector<Waiver>& out,
                 core::Diagnostics& errors);

struct WaiverOutcome {
  size_t waived = 0;           // findings suppressed
  size_t expired = 0;          // waivers past their date
  core::Diagnostics warnings;  // waivers that matched nothing
};

// Marks the findings a current waiver covers (model::Finding::suppression),
// first waiver wins. Each expired waiver adds a policy.waiver.expired finding
// located at the waiver. `today` is YYYY-MM-DD; a waiver is valid through
// its expiry day.
WaiverOutcome ApplyWaivers(const std::vector<Waiver>& waivers, std::string_view today,
                           std::vector<model::Finding>& findings);

// True for a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view text);

// Glob match. `*` matches any run of characters except '/', `**` any run
// including '/', `**/` zero or more whole folders, `?` one character other
// than '/'. With path=false, '/' is an ordinary character.
bool GlobMatch(std::string_view pattern, std::string_view text, bool path = true);

// Today's date in UTC as YYYY-MM-DD.
std::string TodayUtc();

inline constexpr std::string_view kExpiredWaiverRule = "policy.waiver.expired";

}  // namespace fw::policy
