// The scan pipeline shared by the commands: expands paths into files, reads
// each through the FileSystem, imports it and runs the checks. Each file's
// parsed document is released once its findings are made, so memory stays
// flat however many files are scanned.
#pragma once

#include <string>
#include <vector>

#include "core/file_system.h"
#include "report/report.h"

namespace fw::cli {

struct InputFile {
  std::string path;  // to open
  std::string name;  // to show: relative to the scan root
};

// Files to scan: a file argument as given; a directory walked recursively for
// *.json. Missing paths become errors in `errors`.
std::vector<InputFile> ExpandPaths(const core::FileSystem& fs, const std::vector<std::string>& paths,
                                   core::Diagnostics& errors);

report::ScanReport Scan(const core::FileSystem& fs, const std::vector<std::string>& paths);

}  // namespace fw::cli
