#include "detect/expressions.h"

#include <array>

#include "core/text.h"

namespace fw::detect {

bool HasExpression(std::string_view value) {
  if (value.find("{{") != std::string_view::npos) return true;
  if (value.find("@{") != std::string_view::npos) return true;
  return false;
}

bool IsExpression(std::string_view value) {
  value = core::Trim(value);
  if (value.empty()) return false;
  if (value.front() == '=') {
    return value.find("{{") != std::string_view::npos || value.find('$') != std::string_view::npos;
  }
  if (value.front() == '@' && value.size() > 1 && (value[1] == '{' || std::isalpha(static_cast<unsigned char>(value[1])))) {
    return value.find('(') != std::string_view::npos || value[1] == '{';
  }
  if (value.rfind("{{", 0) == 0 && value.find("}}") != std::string_view::npos) return true;
  return false;
}

bool ExpressionReferencesInput(std::string_view value) {
  static constexpr std::array<std::string_view, 16> kInputs = {
      "$json", "$input", "$(",      "$node",  "$item",   "$items",      "$fromai", "$binary",
      "$response", "items[", "item.", "$request", "$query", "$body", "triggerbody(", "body("};
  if (!HasExpression(value) && !IsExpression(value)) return false;
  std::string lower = core::ToLower(value);
  for (auto token : kInputs) {
    if (lower.find(token) != std::string::npos) return true;
  }
  // Make: {{1.field}} references module 1's output.
  for (size_t pos = lower.find("{{"); pos != std::string::npos; pos = lower.find("{{", pos + 2)) {
    size_t i = pos + 2;
    while (i < lower.size() && lower[i] == ' ') ++i;
    if (i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i]))) return true;
  }
  return false;
}

bool ExpressionReadsRequestSecret(std::string_view value) {
  if (!HasExpression(value) && !IsExpression(value)) return false;
  std::string lower = core::ToLower(value);
  for (std::string_view token : {"headers", "query", "$request"}) {
    if (lower.find(token) != std::string::npos) return true;
  }
  return false;
}

}  // namespace fw::detect
