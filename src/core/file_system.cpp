#include "core/file_system.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fw::core {

namespace {

namespace fs = std::filesystem;

class LocalFs final : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) const override {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return Status::NotFound(path, std::string("cannot open: ") + std::strerror(errno));
    // One read into a buffer sized from the file, with spare capacity so the
    // JSON parser can use it in place (simdjson needs padding after the data).
    std::string data;
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (!ec) data.reserve(static_cast<size_t>(size) + kReadPadding);
    char buf[1 << 16];
    size_t n = 0;
    if (!ec) {
      data.resize(static_cast<size_t>(size));
      n = std::fread(data.data(), 1, data.size(), f);
      data.resize(n);
    }
    // Files that grew, or whose size is unknown (pipes), are read to the end.
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return Status::NotFound(path, "read error");
    return data;
  }
  bool IsDirectory(const std::string& path) const override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }
  bool Exists(const std::string& path) const override {
    std::error_code ec;
    return fs::exists(path, ec);
  }
  std::vector<std::string> ListFiles(const std::string& dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  Status WriteFile(const std::string& path, const std::string& data) const override {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return Status::NotFound(path, std::string("cannot write: ") + std::strerror(errno));
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) return Status::NotFound(path, "write error");
    return Status::Ok();
  }
};

}  // namespace

const FileSystem& LocalFileSystem() {
  static const LocalFs kFs;
  return kFs;
}

}  // namespace fw::core
