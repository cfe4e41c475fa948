#include "cli/scan_pipeline.h"

#include <filesystem>

#include "analysis/check.h"
#include "ingest/ingest.h"

namespace fw::cli {

namespace {

bool EndsWithJson(const std::string& path) {
  if (path.size() < 5) return false;
  std::string ext = path.substr(path.size() - 5);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json";
}

// Companion files come from the same file system, named relative to the
// importing file's display name and opened relative to its real path.
class FsSiblings final : public ingest::SiblingReader {
 public:
  FsSiblings(const core::FileSystem& fs, std::string path) : fs_(fs), path_(std::move(path)) {}
  std::shared_ptr<const core::SourceFile> Read(const core::SourceFile& of,
                                               std::string_view relative) const override {
    namespace stdfs = std::filesystem;
    stdfs::path real = (stdfs::path(path_).parent_path() / relative).lexically_normal();
    auto bytes = fs_.ReadFile(real.string());
    if (!bytes.ok()) return nullptr;
    std::string name =
        (stdfs::path(of.name()).parent_path() / relative).lexically_normal().generic_string();
    return std::make_shared<core::SourceFile>(name, std::move(bytes).value());
  }

 private:
  const core::FileSystem& fs_;
  std::string path_;
};

}  // namespace

std::vector<InputFile> ExpandPaths(const core::FileSystem& fs, const std::vector<std::string>& paths,
                                   core::Diagnostics& errors) {
  std::vector<InputFile> files;
  for (const auto& p : paths) {
    if (fs.IsDirectory(p)) {
      std::filesystem::path root(p);
      for (auto& f : fs.ListFiles(p)) {
        if (!EndsWithJson(f)) continue;
        std::string name = std::filesystem::path(f).lexically_relative(root).generic_string();
        files.push_back(InputFile{f, name.empty() ? f : name});
      }
    } else if (fs.Exists(p)) {
      files.push_back(InputFile{p, std::filesystem::path(p).generic_string()});
    } else {
      errors.push_back(core::Diagnostic{p, 0, 0, "no such file or directory"});
    }
  }
  return files;
}

report::ScanReport Scan(const core::FileSystem& fs, const std::vector<std::string>& paths) {
  report::ScanReport out;
  auto files = ExpandPaths(fs, paths, out.summary.errors);
  for (const auto& f : files) {
    auto bytes = fs.ReadFile(f.path);
    if (!bytes.ok()) {
      core::Diagnostic d = bytes.error();
      d.file = f.name;
      out.summary.errors.push_back(std::move(d));
      continue;
    }
    ++out.summary.files;
    auto source = std::make_shared<core::SourceFile>(f.name, std::move(bytes).value());
    FsSiblings siblings(fs, f.path);
    model::ImportResult imported = ingest::ImportFile(source, &siblings);
    for (auto& e : imported.errors) out.summary.errors.push_back(std::move(e));
    for (auto& w : imported.warnings) out.summary.warnings.push_back(std::move(w));
    out.summary.workflows += imported.workflows.size();
    for (const auto& wf : imported.workflows) out.summary.nodes += wf.nodes.size();
    analysis::RunChecks(imported.workflows, out.findings);
  }
  report::SortFindings(out.findings);
  return out;
}

}  // namespace fw::cli
