// Cost of the threat model outputs on a corpus, one thread.
//
//   threat_outputs_bench [--runs N] [--workflows K] [CORPUS_DIR]
//       Derives the threat model of every export under CORPUS_DIR (default
//       ../shared/corpus/n8n beside the source tree, or $FW_SHARED_DIR/corpus/n8n)
//       once, timed, then N times (default 5) each renderer: estate DOT,
//       Mermaid and SVG (collapsed to one node a workflow when the estate has
//       more than report::kMaxDiagramElements elements and flows), Threat
//       Dragon, OTM, the Markdown and HTML reports (the HTML lays out every
//       workflow's SVG), and the SVG of the first K workflows (default 200)
//       one by one. Prints medians in milliseconds. Prints "skipped: ..." and
//       exits 0 when the corpus is absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli/threat_pipeline.h"
#include "report/threat_report.h"

namespace fs = std::filesystem;

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double TimeMs(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress visible through a pipe
  int runs = 5;
  size_t workflows = 200;
  std::string corpus;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--workflows") == 0 && i + 1 < argc) {
      workflows = static_cast<size_t>(std::max(0, std::atoi(argv[++i])));
    } else {
      corpus = argv[i];
    }
  }
  if (corpus.empty()) {
    const char* shared = std::getenv("FW_SHARED_DIR");
    corpus = shared
                 ? (fs::path(shared) / "corpus" / "n8n").string()
                 : (fs::path(FW_SOURCE_DIR).parent_path() / "shared" / "corpus" / "n8n").string();
  }
  if (!fs::exists(corpus)) {
    std::printf("skipped: corpus not found: %s\n", corpus.c_str());
    return 0;
  }
  fw::cli::ThreatAnalysis analysis;
  double derive =
      TimeMs([&] { analysis = fw::cli::AnalyseThreats(fw::core::LocalFileSystem(), {corpus}); });
  const auto& model = analysis.model;
  auto merge = fw::threat::MergeRegister(model, fw::threat::Register{});
  std::printf("corpus %s: %zu files, %zu workflows, %zu estate elements, %zu flows, %zu threats\n",
              corpus.c_str(), analysis.summary.files, model.diagrams.size(),
              model.estate.elements.size(), model.estate.flows.size(), model.threats.size());
  std::printf("derive (import, checks, threat model), once: %.1f ms\n", derive);

  size_t sink = 0;
  struct Item {
    const char* name;
    std::function<void()> run;
  };
  std::vector<Item> items = {
      {"estate DOT", [&] { sink += fw::report::RenderDfdDot(model.estate).size(); }},
      {"estate Mermaid", [&] { sink += fw::report::RenderDfdMermaid(model.estate).size(); }},
      {"estate SVG (Graphviz)",
       [&] {
         auto svg = fw::report::RenderDfdSvg(model.estate);
         sink += svg.ok() ? svg.value().size() : 0;
       }},
      {"Threat Dragon JSON",
       [&] { sink += fw::report::RenderThreatDragon(model, merge.merged).size(); }},
      {"OTM JSON", [&] { sink += fw::report::RenderOtm(model, merge.merged).size(); }},
      {"Markdown report", [&] { sink += fw::report::RenderThreatMarkdown(model, merge).size(); }},
      {"HTML report (every SVG)",
       [&] { sink += fw::report::RenderThreatHtml(model, merge).size(); }},
  };
  size_t k = std::min(workflows, model.diagrams.size());
  items.push_back({"SVG of each of the first K workflows", [&] {
                     for (size_t i = 0; i < k; ++i) {
                       auto svg = fw::report::RenderDfdSvg(model.diagrams[i]);
                       sink += svg.ok() ? svg.value().size() : 0;
                     }
                   }});
  for (const auto& item : items) {
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) times.push_back(TimeMs(item.run));
    std::printf("%-40s median %9.1f ms  (runs:", item.name, Median(times));
    for (double t : times) std::printf(" %.1f", t);
    std::printf(")\n");
  }
  std::printf("K = %zu; per workflow SVG see the last line / K\n", k);
  return sink == 0 ? 1 : 0;
}
