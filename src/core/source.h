// SourceFile: the bytes of one input file and a line index, so that a byte
// offset found by a parser becomes a 1-based line and column. Columns count
// Unicode code points, as editors do. Immutable after construction; safe to
// share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fw::core {

struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
};

class SourceFile {
 public:
  // `name` is what outputs show: a path relative to the scan root, or
  // `archive.zip!/inner/path` for a member of an archive.
  SourceFile(std::string name, std::string bytes);

  const std::string& name() const { return name_; }
  std::string_view bytes() const { return bytes_; }
  // Allocated bytes behind bytes(); may exceed its size (see kReadPadding).
  size_t capacity() const { return bytes_.capacity(); }
  Position PositionOf(size_t offset) const;

 private:
  std::string name_;
  std::string bytes_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace fw::core
