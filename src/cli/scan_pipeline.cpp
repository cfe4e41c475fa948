#include "cli/scan_pipeline.h"

#include <filesystem>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "ingest/ingest.h"
#include "ingest/nodered/nodered_importer.h"

namespace fw::cli {

namespace {

// Folder walks read JSON exports, YAML app models (*.yaml, *.yml) and zip
// packages (*.zip: Power Platform solutions and flow export packages).
bool EndsWithJson(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".zip";
}

// Companion files come from the same file system, named relative to the
// importing file's display name and opened relative to its real path. The
// --nodered-settings file answers to ingest::kSettingsArgument.
class FsSiblings final : public ingest::SiblingReader {
 public:
  FsSiblings(const core::FileSystem& fs, std::string path,
             std::shared_ptr<const core::SourceFile> nodered_settings = nullptr)
      : fs_(fs), path_(std::move(path)), nodered_settings_(std::move(nodered_settings)) {}
  std::shared_ptr<const core::SourceFile> Read(const core::SourceFile& of,
                                               std::string_view relative) const override {
    if (relative == ingest::kSettingsArgument) return nodered_settings_;
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
  std::shared_ptr<const core::SourceFile> nodered_settings_;
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
        // The threat register kept beside the exports is not an export.
        if (std::filesystem::path(f).filename() == "threat-model.yaml") continue;
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

void ImportAll(const core::FileSystem& fs, const std::vector<std::string>& paths,
               model::ScanSummary& summary, const ImportCallback& on_import,
               const Companions& companions) {
  auto files = ExpandPaths(fs, paths, summary.errors);
  std::shared_ptr<const core::SourceFile> nodered_settings;
  if (!companions.nodered_settings.empty()) {
    auto bytes = fs.ReadFile(companions.nodered_settings);
    if (bytes.ok()) {
      nodered_settings = std::make_shared<core::SourceFile>(
          std::filesystem::path(companions.nodered_settings).generic_string(),
          std::move(bytes).value());
    } else {
      core::Diagnostic d = bytes.error();
      d.file = companions.nodered_settings;
      d.message = "--nodered-settings: " + d.message;
      summary.errors.push_back(std::move(d));
    }
  }
  for (const auto& f : files) {
    auto bytes = fs.ReadFile(f.path);
    if (!bytes.ok()) {
      core::Diagnostic d = bytes.error();
      d.file = f.name;
      summary.errors.push_back(std::move(d));
      continue;
    }
    ++summary.files;
    auto source = std::make_shared<core::SourceFile>(f.name, std::move(bytes).value());
    FsSiblings siblings(fs, f.path, nodered_settings);
    model::ImportResult imported = ingest::ImportFile(source, &siblings);
    for (auto& e : imported.errors) summary.errors.push_back(std::move(e));
    for (auto& w : imported.warnings) summary.warnings.push_back(std::move(w));
    summary.workflows += imported.workflows.size();
    for (const auto& wf : imported.workflows) summary.nodes += wf.nodes.size();
    on_import(f, imported.workflows);
  }
}

report::ScanReport Scan(const core::FileSystem& fs, const std::vector<std::string>& paths,
                        const Companions& companions) {
  report::ScanReport out;
  ImportAll(
      fs, paths, out.summary,
      [&](const InputFile&, const std::vector<model::Workflow>& workflows) {
        analysis::RunChecks(workflows, out.findings);
        for (const auto& wf : workflows) out.workflows.push_back(analysis::SummariseWorkflow(wf));
      },
      companions);
  report::SortFindings(out.findings);
  return out;
}

}  // namespace fw::cli
