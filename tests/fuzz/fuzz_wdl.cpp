// libFuzzer entry point for the Power Automate / Logic Apps importers and
// zip archives. One input is the bytes of one file; it goes through
// ImportFile (zip detection, archive members, WDL detection, both
// importers) and every check. The same bytes also serve as every companion
// file (connections.json, manifests, solution and customizations XML), so
// the companion readers see hostile content too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/check.h"
#include "core/source.h"
#include "ingest/ingest.h"
#include "ingest/wdl/solution_xml.h"

namespace {

class EchoSiblings final : public fw::ingest::SiblingReader {
 public:
  explicit EchoSiblings(std::string bytes) : bytes_(std::move(bytes)) {}
  std::shared_ptr<const fw::core::SourceFile> Read(const fw::core::SourceFile& of,
                                                   std::string_view relative) const override {
    return std::make_shared<fw::core::SourceFile>(of.name() + "/" + std::string(relative), bytes_);
  }

 private:
  std::string bytes_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)fw::ingest::wdl::ParseSolutionXml(bytes);
  (void)fw::ingest::wdl::ParseCustomizationsXml(bytes);

  EchoSiblings siblings(bytes);
  // A name inside a solution's Workflows/ folder, so the solution companions
  // are asked for.
  auto file = std::make_shared<const fw::core::SourceFile>(
      "fuzz/Workflows/Flow-3C9F1A2B-4D5E-4F60-8A7B-9C0D1E2F3A4B.json", std::move(bytes));
  fw::model::ImportResult result = fw::ingest::ImportFile(file, &siblings);
  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(result.workflows, findings);
  for (const auto& wf : result.workflows) {
    for (const auto& n : wf.nodes) (void)n.source.value.position();
  }
  return 0;
}
