// Throughput of content detection (secrets plus personal data) over every
// string value of a corpus of exports, on one thread.
//
//   detect_bench [--json] [--runs N] [CORPUS_DIR]
//       Loads every *.json under CORPUS_DIR (default ../shared/corpus/n8n
//       beside the source tree), parses each with core::Document::ParseJson
//       and collects every string value with its context (not timed). Then,
//       N times (default 5) each: scans every value with
//       SecretScanner::BuiltIn() and detect::ClassifyPersonalValue, then each
//       of the two alone, then parses, walks and scans every file from its
//       bytes in memory. Reports medians of wall time and of this thread's CPU
//       time (the fair figure on a machine others are using), as MB/s over
//       the bytes of string values and over the bytes of the files (MB = 10^6
//       bytes). Prints "skipped: ..." and exits 0 when the corpus is absent.
//
//   detect_bench --compare-secretlint REPORT.json
//       REPORT.json is `secretlint --format json` output. For each secret
//       secretlint reported, checks that the engine reports a secret at an
//       overlapping place of the same file. Prints counts; secrets appear
//       only redacted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/text.h"
#include "detect/personal_data.h"
#include "detect/secret_scanner.h"
#include "detect/secret_walk.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Site {
  std::string_view value;
  std::string_view key;
  std::string pointer;
  bool binary;
};

struct Corpus {
  std::vector<std::shared_ptr<const fw::core::SourceFile>> sources;
  std::vector<std::shared_ptr<const fw::core::Document>> docs;
  std::vector<Site> sites;
  size_t file_bytes = 0;
  size_t string_bytes = 0;
  size_t parse_errors = 0;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Corpus Load(const fs::path& dir) {
  Corpus c;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto src = std::make_shared<const fw::core::SourceFile>(f.string(), ReadAll(f));
    c.file_bytes += src->bytes().size();
    c.sources.push_back(src);
    auto doc = fw::core::Document::ParseJson(src);
    if (!doc.ok()) {
      ++c.parse_errors;
      continue;
    }
    c.docs.push_back(doc.value());
    fw::detect::ForEachSecretSite(doc.value()->root(), "", [&](const fw::detect::SecretSite& s) {
      c.sites.push_back(Site{s.value, s.context.key, std::string(s.context.pointer),
                             s.context.binary});
      c.string_bytes += s.value.size();
    });
  }
  return c;
}

struct Counts {
  size_t secrets = 0;
  size_t personal = 0;
};

Counts ScanSites(const Corpus& c, bool secrets, bool personal) {
  const auto& engine = fw::detect::SecretScanner::BuiltIn();
  std::vector<fw::detect::SecretMatch> matches;
  Counts n;
  for (const auto& s : c.sites) {
    if (secrets) {
      matches.clear();
      engine.Scan(s.value, fw::detect::SecretContext{s.key, s.pointer, s.binary}, matches);
      n.secrets += matches.size();
    }
    if (personal) {
      n.personal += fw::detect::ClassifyPersonalValue(s.value) != fw::detect::PersonalKind::kNone;
    }
  }
  return n;
}

// Parse, walk and scan from the bytes already in memory.
Counts EndToEnd(const Corpus& c) {
  const auto& engine = fw::detect::SecretScanner::BuiltIn();
  std::vector<fw::detect::SecretMatch> matches;
  Counts n;
  for (const auto& src : c.sources) {
    auto doc = fw::core::Document::ParseJson(src);
    if (!doc.ok()) continue;
    fw::detect::ForEachSecretSite(doc.value()->root(), "", [&](const fw::detect::SecretSite& s) {
      matches.clear();
      engine.Scan(s.value, s.context, matches);
      n.secrets += matches.size();
      n.personal += fw::detect::ClassifyPersonalValue(s.value) != fw::detect::PersonalKind::kNone;
    });
  }
  return n;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timings {
  std::vector<double> wall;
  std::vector<double> cpu;  // this thread's CPU time: what the work costs on a busy machine
};

template <typename F>
Timings TimeRuns(int runs, F&& f, Counts* counts) {
  Timings t;
  for (int i = 0; i < runs; ++i) {
    const double c0 = ThreadCpuSeconds();
    auto t0 = Clock::now();
    *counts = f();
    t.wall.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    t.cpu.push_back(ThreadCpuSeconds() - c0);
  }
  return t;
}

// JSON string escaping as the test-set files are written (ASCII, \n, \").
std::string JsonEscape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

int CompareSecretlint(const fs::path& report_path) {
  auto report = nlohmann::json::parse(ReadAll(report_path));
  const auto& engine = fw::detect::SecretScanner::BuiltIn();
  size_t theirs = 0;
  size_t covered = 0;
  size_t ours = 0;
  for (const auto& file : report) {
    const fs::path path = file["filePath"].get<std::string>();
    const std::string bytes = ReadAll(path);
    // Where in the file's bytes the engine's secrets are.
    std::vector<std::pair<size_t, size_t>> ranges;
    auto src = std::make_shared<const fw::core::SourceFile>(path.string(), bytes);
    auto doc = fw::core::Document::ParseJson(src);
    if (doc.ok()) {
      fw::detect::ForEachSecretSite(doc.value()->root(), "", [&](const fw::detect::SecretSite& s) {
        for (const auto& m : engine.Scan(s.value, s.context)) {
          ++ours;
          const std::string raw = JsonEscape(s.value.substr(m.offset, m.length));
          for (size_t at = bytes.find(raw); at != std::string::npos; at = bytes.find(raw, at + 1)) {
            ranges.emplace_back(at, at + raw.size());
          }
        }
      });
    }
    for (const auto& msg : file["messages"]) {
      ++theirs;
      size_t begin = msg["range"][0].get<size_t>();
      size_t end = msg["range"][1].get<size_t>();
      bool hit = false;
      for (const auto& [b, e] : ranges) hit = hit || (begin < e && b < end);
      covered += hit;
      if (!hit) {
        std::printf("missed: %s %s %s\n", path.filename().string().c_str(),
                    msg["ruleId"].get<std::string>().c_str(),
                    fw::core::Redact(std::string_view(bytes).substr(begin, end - begin)).c_str());
      }
    }
  }
  std::printf("secretlint secrets: %zu, also found by flowwarden: %zu, flowwarden secrets: %zu\n",
              theirs, covered, ours);
  return covered == theirs ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  bool json = false;
  int runs = 5;
  fs::path corpus = fs::path(FW_SOURCE_DIR) / ".." / "shared" / "corpus" / "n8n";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") {
      json = true;
    } else if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--compare-secretlint" && i + 1 < argc) {
      return CompareSecretlint(argv[++i]);
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: detect_bench [--json] [--runs N] [CORPUS_DIR]\n"
                  "       detect_bench --compare-secretlint SECRETLINT_REPORT.json\n");
      return 0;
    } else {
      corpus = a;
    }
  }
  if (!fs::is_directory(corpus)) {
    if (json) {
      std::printf("{\"skipped\": true, \"reason\": \"corpus not found\", \"corpus\": \"%s\"}\n",
                  corpus.string().c_str());
    } else {
      std::printf("skipped: corpus not found: %s\n", corpus.string().c_str());
    }
    return 0;
  }
  (void)fw::detect::SecretScanner::BuiltIn();  // ready before timing
  Corpus c = Load(corpus);
  // One untimed pass: the engine compiles each rule's patterns on first use.
  Counts counts = ScanSites(c, true, true);
  auto both = TimeRuns(runs, [&] { return ScanSites(c, true, true); }, &counts);
  Counts ignored;
  auto secrets = TimeRuns(runs, [&] { return ScanSites(c, true, false); }, &ignored);
  auto personal = TimeRuns(runs, [&] { return ScanSites(c, false, true); }, &ignored);
  Counts e2e_counts;
  auto e2e = TimeRuns(runs, [&] { return EndToEnd(c); }, &e2e_counts);
  const double string_mb = c.string_bytes / 1e6;
  const double file_mb = c.file_bytes / 1e6;
  auto rates = [&](const Timings& t) {
    const double wall = Median(t.wall);
    const double cpu = Median(t.cpu);
    return nlohmann::ordered_json{{"wall_s", t.wall},
                                  {"median_wall_s", wall},
                                  {"median_cpu_s", cpu},
                                  {"string_mb_per_s", string_mb / wall},
                                  {"file_mb_per_s", file_mb / wall},
                                  {"string_mb_per_cpu_s", string_mb / cpu},
                                  {"file_mb_per_cpu_s", file_mb / cpu}};
  };
  nlohmann::ordered_json out = {{"corpus", fs::weakly_canonical(corpus).string()},
                                {"files", c.sources.size()},
                                {"parse_errors", c.parse_errors},
                                {"file_mb", file_mb},
                                {"strings", c.sites.size()},
                                {"string_mb", string_mb},
                                {"runs", runs},
                                {"secrets_and_personal", rates(both)},
                                {"secrets_only", rates(secrets)},
                                {"personal_only", rates(personal)},
                                {"parse_walk_scan", rates(e2e)},
                                {"secrets", counts.secrets},
                                {"personal_values", counts.personal}};
  if (json) {
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  std::printf("corpus:          %s\n", out["corpus"].get<std::string>().c_str());
  std::printf("files:           %zu (%zu not JSON), %.2f MB\n", c.sources.size(), c.parse_errors,
              file_mb);
  std::printf("string values:   %zu, %.2f MB\n", c.sites.size(), string_mb);
  std::printf("median of %d runs, one thread; MB/s of string values | of files (MB = 10^6 bytes)\n",
              runs);
  for (const char* part : {"secrets_and_personal", "secrets_only", "personal_only",
                           "parse_walk_scan"}) {
    const auto& r = out[part];
    std::printf("  %-21s wall %6.3f s: %7.1f | %7.1f MB/s   cpu %6.3f s: %7.1f | %7.1f MB/s\n",
                part, r["median_wall_s"].get<double>(), r["string_mb_per_s"].get<double>(),
                r["file_mb_per_s"].get<double>(), r["median_cpu_s"].get<double>(),
                r["string_mb_per_cpu_s"].get<double>(), r["file_mb_per_cpu_s"].get<double>());
  }
  std::printf("found:           %zu secrets, %zu personal values\n", counts.secrets,
              counts.personal);
  return 0;
}
