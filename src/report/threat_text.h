// Helpers shared by the threat model renderers (private to report/): names
// for the threat enums, escaping for each output language, and the lookups
// every report needs (element by id, workflow names, external organisations).
// Pure functions; safe to call from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "threat/threat_model.h"

namespace fw::report::threat_text {

// Enum names come from the threat model itself (threat::StrideName, ...,
// library fw_threat_model, which needs no analysis).
std::string_view Property(const threat::Element& e, std::string_view key);

// Valid UTF-8 with control characters (except '\n' and '\t') dropped and
// invalid bytes replaced by U+FFFD: every output below is built from this,
// so an export with broken bytes cannot make the SVG or JSON ill-formed.
std::string CleanUtf8(std::string_view text);

std::string DotQuoted(std::string_view text);       // "..." with \" \\ and \n
std::string MermaidLabel(std::string_view text);    // "..." with #quot; #lt; ... and <br/>
std::string Html(std::string_view text);            // &amp; &lt; &gt; &quot; &#39;
std::string MarkdownInline(std::string_view text);  // table/emphasis characters escaped, one line

// A UUID-shaped id derived from `key` (Threat Dragon wants UUIDs; the same
// key always gives the same id so exports diff well).
std::string StableUuid(std::string_view key);

// Human severity order: critical first.
int SeverityRank(model::Severity s);

struct ThreatIndex {
  explicit ThreatIndex(const threat::ThreatModel& model);
  const threat::ThreatModel& model;
  std::map<std::string, std::string, std::less<>> workflow_names;  // key -> name
  std::string WorkflowName(std::string_view key) const;
};

// Decision for a threat id from the register ("open" when not recorded).
const threat::RegisterEntry* FindEntry(const threat::Register& reg, std::string_view threat_id);

// Joins with ", ".
std::string Join(const std::vector<std::string>& parts, std::string_view sep = ", ");

// "personal" -> "personal data"; unknown classes are returned unchanged.
std::string DataClassPhrase(std::string_view data_class);

// Short slug for file names: lowercase ASCII letters, digits and '-', at most
// 60 characters, never empty ("workflow").
std::string Slug(std::string_view text);

}  // namespace fw::report::threat_text
