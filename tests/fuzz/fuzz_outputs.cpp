// libFuzzer entry point for the report renderers. One input is used twice:
// as an export file (imported, checked, summarised, then rendered in every
// format) and, raw, as the text of a finding's names and message. Whatever
// the bytes, the outputs must keep their shape: SARIF parses as JSON, JUnit
// and Markdown hold no raw control characters, and the HTML holds exactly
// the one <script> element the report writes itself.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "core/source.h"
#include "ingest/ingest.h"
#include "report/report.h"

namespace {

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

void RenderAll(const fw::report::ScanReport& r) {
  auto sarif = nlohmann::json::parse(fw::report::RenderSarif(r), nullptr, false);
  if (sarif.is_discarded()) __builtin_trap();
  std::string xml = fw::report::RenderJunit(r, fw::model::Severity::kMedium);
  for (char c : xml) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t') __builtin_trap();
  }
  std::string html = fw::report::RenderHtml(r);
  if (Count(html, "<script") != 1) __builtin_trap();
  // Markdown may quote markup inside code spans, where it stays text; it
  // must never carry control characters.
  std::string md = fw::report::RenderMarkdown(r);
  for (char c : md) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n') __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);

  fw::report::ScanReport imported;
  auto file = std::make_shared<const fw::core::SourceFile>("fuzz/export.json", bytes);
  fw::model::ImportResult result = fw::ingest::ImportFile(file);
  imported.summary.files = 1;
  imported.summary.errors = result.errors;
  fw::analysis::RunChecks(result.workflows, imported.findings);
  for (const auto& wf : result.workflows)
    imported.workflows.push_back(fw::analysis::SummariseWorkflow(wf));
  fw::report::SortFindings(imported.findings);
  RenderAll(imported);

  fw::report::ScanReport raw;
  fw::model::Finding f;
  f.rule = bytes.size() % 2 == 0 ? "policy." + bytes.substr(0, 16) : "n8n.webhook.no-auth";
  f.title = bytes;
  f.message = bytes;
  f.evidence = bytes;
  f.location.file = bytes.substr(0, 64);
  f.location.workflow_name = bytes;
  f.location.node_name = bytes;
  f.location.line = static_cast<uint32_t>(size);
  if (size % 3 == 0) f.suppression = fw::model::Suppression{bytes, bytes, bytes, bytes, bytes};
  raw.findings.push_back(f);
  raw.summary.errors.push_back({bytes.substr(0, 32), 1, 1, bytes});
  RenderAll(raw);
  return 0;
}
