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
    model::ImportResult imported = ingest::ImportFile(source);
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
