// Small text helpers shared by every module. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace fw::core {

std::string ToLower(std::string_view s);
bool IEquals(std::string_view a, std::string_view b);
bool IContains(std::string_view haystack, std::string_view needle);
std::string_view Trim(std::string_view s);

// The only way a secret may appear in any output or log: its first four
// characters (fewer for short values) and its length, e.g. "sk_l…(32 chars)".
std::string Redact(std::string_view secret);

// Shortens free text for evidence, keeping it on one line.
std::string Abbreviate(std::string_view text, size_t max_chars = 80);

}  // namespace fw::core
