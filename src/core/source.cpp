#include "core/source.h"

#include <algorithm>
#include <cstring>

namespace fw::core {

SourceFile::SourceFile(std::string name, std::string bytes)
    : name_(std::move(name)), bytes_(std::move(bytes)) {
  // A UTF-8 byte order mark is not a column of the first line.
  line_starts_.push_back(bytes_.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  const char* begin = bytes_.data();
  const char* end = begin + bytes_.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    line_starts_.push_back(static_cast<uint32_t>(p - begin));
  }
}

Position SourceFile::PositionOf(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  offset = std::max<size_t>(offset, line_starts_[0]);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  size_t start = line_starts_[line_index];
  uint32_t column = 1;
  for (size_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
  }
  return Position{static_cast<uint32_t>(line_index + 1), column};
}

}  // namespace fw::core
