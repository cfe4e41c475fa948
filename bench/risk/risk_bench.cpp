// Cost of risk scoring and of waivers over a corpus of exports, one thread.
//
//   risk_bench [--runs N] [CORPUS_DIR]
//       CORPUS_DIR defaults to $FW_SHARED_DIR/corpus/n8n. Imports every file
//       and runs the checks (not timed), then N times (default 5):
//         score:   risk::BuildContext + risk::AssessAll for every workflow
//                  (inventory summaries computed beforehand, as the pipeline
//                  has them);
//         waivers: policy::ApplyWaivers with 100 rule+glob waivers and 100
//                  finding-id waivers over all findings.
//       Prints the median wall time of each and the time per finding. Prints
//       "skipped: ..." and exits 0 when the corpus is absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/check.h"
#include "analysis/inventory.h"
#include "core/file_system.h"
#include "ingest/ingest.h"
#include "policy/waivers.h"
#include "risk/risk.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Item {
  std::vector<fw::model::Workflow> workflows;
  std::vector<fw::analysis::WorkflowSummary> summaries;
  std::vector<std::vector<fw::model::Finding>> findings;  // per workflow
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      dir = argv[i];
    }
  }
  if (dir.empty()) {
    const char* shared = std::getenv("FW_SHARED_DIR");
    dir = std::string(shared != nullptr ? shared : "../shared") + "/corpus/n8n";
  }
  if (!fs::is_directory(dir)) {
    std::printf("skipped: corpus not found: %s\n", dir.c_str());
    return 0;
  }
  const auto& fsys = fw::core::LocalFileSystem();
  std::vector<Item> items;
  size_t workflows = 0;
  size_t findings = 0;
  for (const auto& path : fsys.ListFiles(dir)) {
    if (fs::path(path).extension() != ".json") continue;
    auto bytes = fsys.ReadFile(path);
    if (!bytes.ok()) continue;
    auto src = std::make_shared<fw::core::SourceFile>(path, std::move(bytes).value());
    auto imported = fw::ingest::ImportFile(src, nullptr);
    Item item;
    item.workflows = std::move(imported.workflows);
    for (const auto& wf : item.workflows) {
      item.summaries.push_back(fw::analysis::SummariseWorkflow(wf));
      item.findings.emplace_back();
      fw::analysis::RunChecks(wf, item.findings.back());
      findings += item.findings.back().size();
    }
    workflows += item.workflows.size();
    items.push_back(std::move(item));
  }
  std::printf("corpus: %s\n%zu files, %zu workflows, %zu findings\n", dir.c_str(), items.size(),
              workflows, findings);

  std::vector<double> score_ms;
  std::vector<double> context_ms;  // of which building contexts
  for (int r = 0; r < runs; ++r) {
    std::vector<std::vector<std::vector<fw::model::Finding>>> copies;
    for (const auto& it : items) copies.push_back(it.findings);  // not timed
    auto t0 = Clock::now();
    double context = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      for (size_t w = 0; w < items[i].workflows.size(); ++w) {
        if (copies[i][w].empty()) continue;  // as the pipeline: no findings, no context
        auto c0 = Clock::now();
        auto ctx = fw::risk::BuildContext(items[i].workflows[w], items[i].summaries[w]);
        context += std::chrono::duration<double, std::milli>(Clock::now() - c0).count();
        fw::risk::AssessAll(copies[i][w], ctx);
      }
    }
    score_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    context_ms.push_back(context);
  }

  std::vector<fw::model::Finding> all;
  for (const auto& it : items) {
    for (const auto& f : it.findings) all.insert(all.end(), f.begin(), f.end());
  }
  std::vector<fw::policy::Waiver> waivers;
  for (size_t k = 0; k < 100; ++k) {
    fw::policy::Waiver w;
    w.rule = k % 2 == 0 ? "n8n.*" : "secret.generic";
    w.path = "team-" + std::to_string(k) + "/**";
    w.workflow = "*report*";
    w.justification = "bench";
    w.approver = "bench";
    w.expires = "2099-01-01";
    waivers.push_back(w);
    w.rule.clear();
    w.path.clear();
    w.workflow.clear();
    w.finding = k < all.size() ? all[k * all.size() / 100].id : "FW-0";
    waivers.push_back(w);
  }
  std::vector<double> waive_ms;
  size_t waived = 0;
  for (int r = 0; r < runs; ++r) {
    auto copy = all;  // not timed
    auto t0 = Clock::now();
    auto outcome = fw::policy::ApplyWaivers(waivers, "2026-11-30", copy);
    waive_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    waived = outcome.waived;
  }
  double s = Median(score_ms);
  double w = Median(waive_ms);
  std::printf("score:   median %.2f ms over %d runs (%.0f ns per finding, %.1f us per workflow)\n",
              s, runs, findings > 0 ? s * 1e6 / static_cast<double>(findings) : 0.0,
              workflows > 0 ? s * 1e3 / static_cast<double>(workflows) : 0.0);
  std::printf("         of which building contexts: median %.2f ms\n", Median(context_ms));
  std::printf(
      "waivers: median %.2f ms over %d runs, 200 waivers, %zu findings waived (%.0f ns "
      "per finding)\n",
      w, runs, waived, all.empty() ? 0.0 : w * 1e6 / static_cast<double>(all.size()));
  return 0;
}
