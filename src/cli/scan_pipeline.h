// The scan pipeline shared by the commands: expands paths into files, reads
// each through the FileSystem, imports it and runs the checks. Each file's
// parsed document is released once its findings are made, so memory stays
// flat however many files are scanned.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/inventory.h"
#include "cli/owners.h"
#include "core/file_system.h"
#include "model/inventory.h"
#include "report/report.h"

namespace fw::policy {
struct CompiledPolicy;
}

namespace fw::cli {

struct InputFile {
  std::string path;  // to open
  std::string name;  // to show: relative to the scan root
};

// Files to scan: a file argument as given; a directory walked recursively for
// *.json. Missing paths become errors in `errors`.
std::vector<InputFile> ExpandPaths(const core::FileSystem& fs,
                                   const std::vector<std::string>& paths,
                                   core::Diagnostics& errors);

// Files named on the command line for importers that read companions:
// `--nodered-settings FILE` is offered to every Node-RED flow file scanned.
struct Companions {
  std::string nodered_settings;  // path, or empty
};

// Called once per file that was read, with the workflows imported from it
// (possibly none); they are released when the callback returns.
using ImportCallback =
    std::function<void(const InputFile& file, const std::vector<model::Workflow>& workflows)>;

// Expands `paths`, reads and imports every file, counts files, workflows and
// nodes in `summary` and collects its errors and warnings there.
// Called with the settings an import found outside its workflows (see
// model::ConfigValues), before they are released.
using ConfigCallback =
    std::function<void(const InputFile& file, const std::vector<model::ConfigValues>& config)>;

void ImportAll(const core::FileSystem& fs, const std::vector<std::string>& paths,
               model::ScanSummary& summary, const ImportCallback& on_import,
               const Companions& companions = {}, const ConfigCallback& on_config = nullptr);

// Weighs findings[first..] (all of one workflow, whoever produced them) with
// the workflow's risk factors: likelihood, impact, score, severity, factors
// and business impact (risk::Assess).
void ScoreWorkflowFindings(const model::Workflow& wf, const analysis::WorkflowSummary& summary,
                           std::vector<model::Finding>& findings, size_t first);

// Optional inputs of a scan beyond the exports. Both may be null.
struct ScanExtras {
  // Owners file rules, applied to workflows whose export names no owner.
  const std::vector<OwnerRule>* owners = nullptr;
  // Evaluated on each file's workflows right after the checks; its severity
  // floors are applied to every finding at the end.
  const policy::CompiledPolicy* policy = nullptr;
};

report::ScanReport Scan(const core::FileSystem& fs, const std::vector<std::string>& paths,
                        const Companions& companions = {}, const ScanExtras& extras = {});

}  // namespace fw::cli
