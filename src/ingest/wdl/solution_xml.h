// The two XML files of a Power Platform solution package that say what the
// flows in Workflows/*.json are: solution.xml (the solution's name, version
// and publisher) and customizations.xml (each flow's display name, state and
// JSON file; the connection references and their connectors).
//
// Only these elements are read, with a small tolerant scanner: no DTDs, no
// entities beyond the five predefined ones, nothing fetched. Malformed XML
// gives empty fields, never an error. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::ingest::wdl {

struct SolutionInfo {
  bool present = false;
  std::string unique_name;
  std::string display_name;
  std::string version;
  bool managed = false;
  std::string publisher_unique_name;
  std::string publisher_name;
};

struct SolutionWorkflow {
  std::string id;  // "{1ad90513-...}" as written
  std::string name;
  std::string json_file;  // "/Workflows/Name-GUID.json"
  int state_code = -1;    // 0 draft, 1 activated
  std::string description;
};

struct SolutionConnectionReference {
  std::string logical_name;
  std::string display_name;
  std::string connector_id;  // "/providers/Microsoft.PowerApps/apis/shared_office365"
};

struct Customizations {
  bool present = false;
  std::vector<SolutionWorkflow> workflows;
  std::vector<SolutionConnectionReference> connection_references;
};

// True for the <ImportExportXml> root both files share.
bool LooksLikeSolutionXml(std::string_view bytes);
SolutionInfo ParseSolutionXml(std::string_view xml);
Customizations ParseCustomizationsXml(std::string_view xml);

}  // namespace fw::ingest::wdl
