// The built-in secret rules as the build generated them from
// rules/secrets/*.yaml (secret_rules_gen.cpp writes secret_rules_builtin.cpp):
// one row per rule, without its examples, and the Vectorscan database of all
// prefilters, compiled and serialised at build time so that a process starts
// scanning without compiling anything. Internal to the detect module.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace fw::detect::builtin {

struct RuleRow {
  std::string_view id;
  std::string_view title;
  std::string_view provider;
  uint8_t family;
  uint8_t severity;
  std::string_view prefilter;
  std::string_view regex;
  std::string_view keywords;  // one per line
  double min_entropy;
  std::string_view key_pattern;
  std::string_view key_exclude;
  std::string_view pointer_pattern;
  std::string_view allowlist;  // one per line
  uint8_t validator;
  bool allow_uuid;
  std::string_view file;
  uint32_t line;
  uint32_t column;
};

std::span<const RuleRow> Rules();
// hs_serialize_database() output for Rules() in order, built for a generic
// x86-64 (or the build's architecture); empty if the build could not make it.
std::span<const unsigned char> PrefilterDatabase();

}  // namespace fw::detect::builtin
