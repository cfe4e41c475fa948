// libFuzzer entry point for the Node-RED reader: one input is offered both
// as a flow file and as the settings.js beside it, then scanned again by the
// settings script scanner directly (JSON inputs never reach it otherwise).
// Every check runs on what was imported.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/check.h"
#include "core/source.h"
#include "ingest/ingest.h"
#include "ingest/nodered/nodered_importer.h"
#include "ingest/nodered/settings_script.h"

namespace {

class SameBytes final : public fw::ingest::SiblingReader {
 public:
  explicit SameBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  std::shared_ptr<const fw::core::SourceFile> Read(const fw::core::SourceFile&,
                                                   std::string_view relative) const override {
    if (relative != "settings.js") return nullptr;
    return std::make_shared<const fw::core::SourceFile>("fuzz/settings.js", bytes_);
  }

 private:
  std::string bytes_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  SameBytes siblings(bytes);

  auto flows = std::make_shared<const fw::core::SourceFile>("fuzz/flows.json", bytes);
  fw::model::ImportResult result = fw::ingest::ImportFile(flows, &siblings);
  std::vector<fw::model::Finding> findings;
  fw::analysis::RunChecks(result.workflows, findings);

  auto script = std::make_shared<const fw::core::SourceFile>("fuzz/settings.js", std::move(bytes));
  std::string error;
  size_t offset = 0;
  auto settings = fw::ingest::nodered::ScanSettingsScript(script, &error, &offset);
  if (offset > size) __builtin_trap();
  if (settings.document) {
    // Walk what was built: every value must be reachable and positioned.
    std::vector<fw::core::ValueRef> stack{settings.document->root()};
    while (!stack.empty()) {
      fw::core::ValueRef v = stack.back();
      stack.pop_back();
      if (v.offset() > size) __builtin_trap();
      (void)v.position();
      for (size_t i = 0; i < v.size(); ++i) stack.push_back(v.value_at(i));
    }
  }
  return 0;
}
