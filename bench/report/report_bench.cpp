// Time to render a scan report in each output format, on one thread.
//
//   report_bench [--runs N] [CORPUS_DIR]
//       Scans CORPUS_DIR (default ../shared/corpus beside the source tree)
//       once, untimed, then renders the report N times (default 5) in each
//       format (json, sarif, junit, markdown, html) and prints, per format,
//       the median wall time and this thread's CPU time (the fair figure on
//       a shared machine), the output size and MB/s of output. Prints
//       "skipped: ..." and exits 0 when the corpus is absent.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli/scan_pipeline.h"
#include "report/report.h"

namespace fs = std::filesystem;

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::string corpus = std::string(FW_SOURCE_DIR) + "/../shared/corpus";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      corpus = argv[i];
    }
  }
  if (!fs::is_directory(corpus)) {
    std::printf("skipped: corpus not found: %s\n", corpus.c_str());
    return 0;
  }
  auto report = fw::cli::Scan(fw::core::LocalFileSystem(), {corpus});
  std::printf("corpus %s: %zu files, %zu workflows, %zu findings\n", corpus.c_str(),
              report.summary.files, report.summary.workflows, report.findings.size());

  struct Format {
    const char* name;
    std::function<std::string()> render;
  };
  const std::vector<Format> formats = {
      {"json", [&] { return fw::report::RenderJson(report); }},
      {"sarif", [&] { return fw::report::RenderSarif(report); }},
      {"junit", [&] { return fw::report::RenderJunit(report, fw::model::Severity::kHigh); }},
      {"markdown", [&] { return fw::report::RenderMarkdown(report); }},
      {"html", [&] { return fw::report::RenderHtml(report); }},
  };
  std::printf("%-9s %12s %12s %12s %10s\n", "format", "median ms", "cpu ms", "output MB", "MB/s");
  for (const auto& f : formats) {
    std::vector<double> wall;
    std::vector<double> cpu;
    size_t bytes = 0;
    for (int r = 0; r < runs; ++r) {
      double c0 = ThreadCpuSeconds();
      auto t0 = std::chrono::steady_clock::now();
      std::string out = f.render();
      auto t1 = std::chrono::steady_clock::now();
      cpu.push_back(ThreadCpuSeconds() - c0);
      wall.push_back(std::chrono::duration<double>(t1 - t0).count());
      bytes = out.size();
    }
    double mb = static_cast<double>(bytes) / 1e6;
    std::printf("%-9s %12.1f %12.1f %12.2f %10.1f\n", f.name, Median(wall) * 1e3, Median(cpu) * 1e3,
                mb, mb / Median(cpu));
  }
  return 0;
}
