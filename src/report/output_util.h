// Helpers shared by the SARIF, JUnit, Markdown and HTML renderers: escaping
// for each target syntax and the rule descriptor every output shows.
//
// Everything a finding says comes from the scanned files (workflow and node
// names, messages quoting parameters), so every piece of it is treated as
// hostile text: the escapers below are the only way finding text reaches an
// output. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"

namespace fw::report::internal {

// `text` as valid UTF-8: invalid bytes, and code points no XML 1.0 or HTML
// document may hold (C0 controls other than tab, newline and carriage
// return, DEL, C1 controls, U+FFFE, U+FFFF, surrogates), become U+FFFD.
std::string CleanUtf8(std::string_view text);

// Text content or a double- or single-quoted attribute value in XML.
// Newlines and tabs in attributes become character references so parsers
// keep them.
std::string XmlEscape(std::string_view text, bool attribute = false);

// Text or attribute value in HTML (also the characters that open markup in
// attributes without quotes).
std::string HtmlEscape(std::string_view text);

// Inline Markdown text for GitHub: HTML special characters as entities,
// Markdown punctuation backslash-escaped, '|' escaped for tables, '@' made
// unable to mention anyone, newlines folded into spaces.
std::string MarkdownEscape(std::string_view text);

// Inline code in Markdown: a backtick fence longer than any run inside it.
std::string MarkdownCode(std::string_view text);

// GitHub's heading anchor for a rule id in docs/rules.md.
std::string RuleAnchor(std::string_view id);

// What every output says about a rule: from the check table when the rule
// is one of flowwarden's checks, otherwise (policy rules and other sources)
// built from the finding itself, so every rule a finding names can be
// described.
struct RuleDescriptor {
  std::string id;
  std::string category;
  std::string title;
  std::string description;
  std::string remediation;
  std::vector<std::string> standards;
  double default_score = 0;
  bool builtin = false;  // from the check table
};
RuleDescriptor DescribeRule(const model::Finding& finding);

// The finding's business impact, or its message when the risk module left
// it empty.
const std::string& BusinessImpact(const model::Finding& finding);

// "file:line:column", or "file" when the position is unknown.
std::string Where(const model::Location& l);

// Score with one decimal ("7.5").
std::string Score1(double score);

}  // namespace fw::report::internal
