#include "cli/scan_pipeline.h"

#include <filesystem>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "ingest/ingest.h"
#include "ingest/nodered/nodered_importer.h"
#include "policy/evaluate.h"
#include "policy/policy.h"
#include "risk/risk.h"

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

// A YAML file that validates as a non-empty policy file.
bool IsPolicyFile(const std::shared_ptr<const core::SourceFile>& source) {
  std::string ext = std::filesystem::path(source->name()).extension().string();
  if (ext != ".yaml" && ext != ".yml") return false;
  core::Diagnostics ignored;
  auto policy = policy::ParsePolicyFile(source, ignored);
  return policy.has_value() && policy->root.is_object() && policy->root.size() > 0;
}

}  // namespace

void ScoreWorkflowFindings(const model::Workflow& wf, const analysis::WorkflowSummary& summary,
                           std::vector<model::Finding>& findings, size_t first) {
  if (first >= findings.size()) return;
  risk::AssessAll(std::span<model::Finding>(findings).subspan(first),
                  risk::BuildContext(wf, summary));
}

std::vector<InputFile> ExpandPaths(const core::FileSystem& fs,
                                   const std::vector<std::string>& paths,
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
               const Companions& companions, const ConfigCallback& on_config) {
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
    if (imported.workflows.empty() && !imported.errors.empty() && IsPolicyFile(source)) {
      // A policy library beside the exports (examples/policy/) is not an
      // unreadable export: note it and move on.
      --summary.files;
      summary.warnings.push_back(
          core::Diagnostic{f.name, 0, 0, "a policy file, not an export: skipped (use --policy)"});
      continue;
    }
    for (auto& e : imported.errors) summary.errors.push_back(std::move(e));
    for (auto& w : imported.warnings) summary.warnings.push_back(std::move(w));
    summary.workflows += imported.workflows.size();
    for (const auto& wf : imported.workflows) summary.nodes += wf.nodes.size();
    on_import(f, imported.workflows);
    if (on_config && !imported.config.empty()) on_config(f, imported.config);
  }
}

report::ScanReport Scan(const core::FileSystem& fs, const std::vector<std::string>& paths,
                        const Companions& companions, const ScanExtras& extras) {
  report::ScanReport out;
  ImportAll(
      fs, paths, out.summary,
      [&](const InputFile&, const std::vector<model::Workflow>& workflows) {
        for (const auto& wf : workflows) {
          const size_t first = out.findings.size();
          analysis::RunChecks(wf, out.findings);
          analysis::WorkflowSummary summary = analysis::SummariseWorkflow(wf);
          if (summary.owner.empty() && extras.owners != nullptr) {
            if (const OwnerRule* rule = FindOwner(*extras.owners, summary.file, summary.name)) {
              summary.owner = rule->owner;
              summary.owner_source = "owners-file";
            }
          }
          // Findings from other passes over this workflow go here, before
          // scoring, so every finding is weighed with the same factors.
          if (extras.policy != nullptr) {
            policy::Evaluate(*extras.policy, wf, summary, out.findings);
          }
          ScoreWorkflowFindings(wf, summary, out.findings, first);
          out.workflows.push_back(std::move(summary));
        }
      },
      companions,
      [&](const InputFile&, const std::vector<model::ConfigValues>& config) {
        analysis::RunConfigChecks(config, out.findings);
      });
  if (extras.policy != nullptr) policy::ApplySeverityFloors(*extras.policy, out.findings);
  report::SortFindings(out.findings);
  return out;
}

}  // namespace fw::cli
