#include "cli/rule_examples.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "analysis/check.h"
#include "cli/scan_pipeline.h"
#include "core/file_system.h"

namespace fw::cli {

namespace {

bool TokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '+' ||
         c == '/' || c == '=';
}

// Runs of 16+ key characters with letters and digits: first 4 kept.
std::string MaskSecrets(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    if (!TokenChar(line[i])) {
      out.push_back(line[i++]);
      continue;
    }
    size_t j = i;
    bool digit = false;
    bool alpha = false;
    while (j < line.size() && TokenChar(line[j])) {
      digit = digit || std::isdigit(static_cast<unsigned char>(line[j]));
      alpha = alpha || std::isalpha(static_cast<unsigned char>(line[j]));
      ++j;
    }
    std::string_view tok = line.substr(i, j - i);
    if (tok.size() >= 16 && digit && alpha) {
      out.append(tok.substr(0, 4));
      out.append("\u2026");
    } else {
      out.append(tok);
    }
    i = j;
  }
  return out;
}

}  // namespace

std::string ExcerptLines(std::string_view text, uint32_t finding_line, uint32_t before,
                         uint32_t after, bool mask_secrets, uint32_t* first_line) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (end == text.size()) break;
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return {};
  uint32_t line = std::clamp<uint32_t>(finding_line, 1, static_cast<uint32_t>(lines.size()));
  uint32_t from = line > before ? line - before : 1;
  uint32_t to = std::min<uint32_t>(static_cast<uint32_t>(lines.size()), line + after);
  size_t indent = std::string_view::npos;
  for (uint32_t i = from; i <= to; ++i) {
    std::string_view l = lines[i - 1];
    size_t first = l.find_first_not_of(' ');
    if (first != std::string_view::npos) indent = std::min(indent, first);
  }
  if (indent == std::string_view::npos) indent = 0;
  std::string out;
  for (uint32_t i = from; i <= to; ++i) {
    std::string_view l = lines[i - 1];
    l.remove_prefix(std::min(indent, l.size()));
    std::string s = mask_secrets ? MaskSecrets(l) : std::string(l);
    if (s.size() > 110) s = s.substr(0, 107) + "...";
    out += s;
    out += '\n';
  }
  if (first_line != nullptr) *first_line = from;
  return out;
}

report::RuleExamples CollectRuleExamples(const std::string& cases_dir) {
  namespace fs = std::filesystem;
  report::RuleExamples out;
  std::error_code ec;
  if (!fs::is_directory(cases_dir, ec)) return out;
  // "<rule>--fires" first, then its variants ("--fires-ssh"), each sorted.
  std::vector<std::pair<int, fs::path>> dirs;
  for (const auto& platform : fs::directory_iterator(cases_dir, ec)) {
    if (!platform.is_directory()) continue;
    for (const auto& c : fs::directory_iterator(platform.path(), ec)) {
      std::string name = c.path().filename().string();
      size_t sep = name.find("--fires");
      if (!c.is_directory() || sep == std::string::npos) continue;
      dirs.emplace_back(sep + 7 == name.size() ? 0 : 1, c.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  const core::FileSystem& fs_real = core::LocalFileSystem();
  for (const auto& [variant, dir] : dirs) {
    std::string name = dir.filename().string();
    std::string rule = name.substr(0, name.find("--fires"));
    const analysis::RuleInfo* info = analysis::FindRule(rule);
    if (info == nullptr || out.count(rule) > 0) continue;
    report::ScanReport scanned = Scan(fs_real, {dir.string()});
    for (const auto& f : scanned.findings) {
      if (f.rule != rule || f.location.line == 0) continue;
      if (f.location.file.find('!') != std::string::npos) continue;  // inside an archive
      auto bytes = fs_real.ReadFile((dir / f.location.file).string());
      if (!bytes.ok()) continue;
      std::string_view text(bytes.value().data(), bytes.value().size());
      report::RuleExample ex;
      ex.source =
          "tests/cases/" + (dir.lexically_relative(cases_dir) / f.location.file).generic_string();
      ex.finding_line = f.location.line;
      std::string ext = fs::path(f.location.file).extension().string();
      ex.language = ext == ".yaml" || ext == ".yml" ? "yaml" : ext == ".js" ? "js" : "json";
      ex.text = ExcerptLines(text, f.location.line, 3, 4, info->category == "hardcoded-secret",
                             &ex.first_line);
      out.emplace(rule, std::move(ex));
      break;
    }
  }
  return out;
}

}  // namespace fw::cli
