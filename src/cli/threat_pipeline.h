// The threat model of a set of exports: the scan pipeline (ImportAll) with
// the checks run one workflow at a time, each workflow summarised and handed
// to threat::Builder before its document is released.
#pragma once

#include <string>
#include <vector>

#include "cli/scan_pipeline.h"
#include "core/file_system.h"
#include "model/finding.h"
#include "threat/threat.h"

namespace fw::cli {

struct ThreatAnalysis {
  threat::ThreatModel model;
  model::ScanSummary summary;            // files, workflows, errors, warnings
  std::vector<model::Finding> findings;  // every finding, sorted as the scan sorts them
};

ThreatAnalysis AnalyseThreats(const core::FileSystem& fs, const std::vector<std::string>& paths,
                              const Companions& companions = {});

}  // namespace fw::cli
