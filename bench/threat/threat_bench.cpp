// threat_bench FOLDER [RUNS]: times cli::AnalyseThreats over FOLDER plus the
// register merge and write, RUNS times (default 5), and prints each run, the
// median and what was derived, so a change in speed can be told apart from a
// change in output.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "cli/threat_pipeline.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: threat_bench FOLDER [RUNS]\n");
    return 2;
  }
  const std::string folder = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const fw::core::FileSystem& fs = fw::core::LocalFileSystem();
  std::vector<double> seconds;
  std::map<std::string, size_t> by_rule;
  size_t files = 0, workflows = 0, elements = 0, flows = 0, threats = 0, estate = 0, bytes = 0;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    auto analysis = fw::cli::AnalyseThreats(fs, {folder});
    auto merge = fw::threat::MergeRegister(analysis.model, fw::threat::Register{});
    std::string text = fw::threat::WriteRegister(merge.merged);
    auto end = std::chrono::steady_clock::now();
    seconds.push_back(std::chrono::duration<double>(end - start).count());
    files = analysis.summary.files;
    workflows = analysis.model.diagrams.size();
    elements = flows = 0;
    for (const auto& d : analysis.model.diagrams) {
      elements += d.elements.size();
      flows += d.flows.size();
    }
    estate = analysis.model.estate.elements.size();
    threats = analysis.model.threats.size();
    by_rule.clear();
    for (const auto& t : analysis.model.threats) ++by_rule[t.rule];
    bytes = text.size();
    std::printf("run %d: %.3f s\n", r + 1, seconds.back());
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  const size_t n = sorted.size();
  const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  std::printf(
      "files: %zu  workflows: %zu  elements: %zu  flows: %zu  estate elements: %zu  threats: %zu  "
      "register bytes: %zu\n",
      files, workflows, elements, flows, estate, threats, bytes);
  for (const auto& [rule, count] : by_rule) std::printf("  %-58s %zu\n", rule.c_str(), count);
  std::printf("median: %.3f s over %d runs\n", median, runs);
  return 0;
}
