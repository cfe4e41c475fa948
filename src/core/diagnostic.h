// Diagnostic: a problem found in an input, with its source position.
// Line and column are 1-based; 0 means "unknown" (e.g. an unreadable file).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fw::core {

struct Diagnostic {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;

  // "file:line:column: message", leaving out unknown parts.
  std::string ToString() const;
};

// Collects diagnostics; an importer adds warnings here and keeps going.
using Diagnostics = std::vector<Diagnostic>;

}  // namespace fw::core
