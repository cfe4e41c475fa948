// FileSystem: the one door to the operating system's files, so tests can
// swap in an in-memory version. Only the edges (cli, report) hold one.
// Thread-safety: implementations are safe for concurrent reads.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace fw::core {

// Spare bytes ReadFile leaves after the data, so parsers that read past the
// end in wide steps (simdjson) can use the buffer without copying it.
inline constexpr size_t kReadPadding = 64;

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual Result<std::string> ReadFile(const std::string& path) const = 0;
  virtual bool IsDirectory(const std::string& path) const = 0;
  virtual bool Exists(const std::string& path) const = 0;
  // Regular files under `dir`, recursively, sorted by path so runs are stable.
  // Hidden entries (starting with '.') are skipped.
  virtual std::vector<std::string> ListFiles(const std::string& dir) const = 0;
  virtual Status WriteFile(const std::string& path, const std::string& data) const = 0;
};

// The real file system.
const FileSystem& LocalFileSystem();

}  // namespace fw::core
