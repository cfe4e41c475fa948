// `flowwarden threat-model` and `flowwarden review`: derive the threat model
// of the exports, merge it with the register people keep beside them
// (threat-model.yaml), and write the diagrams, exchange formats and reports.
// Only this file touches the disk; the renderers are pure.
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "cli/commands.h"
#include "cli/threat_pipeline.h"
#include "core/file_system.h"
#include "core/source.h"
#include "core/text.h"
#include "report/threat_report.h"
#include "report/threat_text.h"
#include "threat/threat.h"

namespace fw::cli {

namespace {

namespace stdfs = std::filesystem;
namespace tt = report::threat_text;

bool IsRegisterFile(const std::string& path) {
  std::string ext = stdfs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// The register the command reads and writes: --register, else
// threat-model.yaml beside the first path when it is a folder, else in the
// output folder; "" when there is nowhere sensible (no -o, a file path).
std::string RegisterPath(const std::string& explicit_path, const std::vector<std::string>& paths,
                         const std::string& output_dir) {
  if (!explicit_path.empty()) return explicit_path;
  const core::FileSystem& fs = core::LocalFileSystem();
  if (!paths.empty() && fs.IsDirectory(paths[0])) {
    return (stdfs::path(paths[0]) / "threat-model.yaml").string();
  }
  if (!output_dir.empty()) return (stdfs::path(output_dir) / "threat-model.yaml").string();
  return "";
}

struct LoadedRegister {
  threat::Register reg;
  bool malformed = false;  // present but unreadable: never overwrite it
};

LoadedRegister LoadRegister(const std::string& path) {
  LoadedRegister out;
  const core::FileSystem& fs = core::LocalFileSystem();
  if (path.empty() || !fs.Exists(path)) return out;
  auto bytes = fs.ReadFile(path);
  if (!bytes.ok()) {
    core::Diagnostic d = bytes.error();
    d.file = path;
    std::fprintf(stderr, "flowwarden: %s\n", d.ToString().c_str());
    out.malformed = true;
    return out;
  }
  core::SourceFile file(path, std::move(bytes).value());
  auto parsed = threat::ParseRegister(file);
  if (!parsed.ok()) {
    std::fprintf(stderr, "flowwarden: %s\n", parsed.error().ToString().c_str());
    out.malformed = true;
    return out;
  }
  out.reg = std::move(parsed).value();
  return out;
}

void PrintErrors(const model::ScanSummary& summary) {
  for (const auto& e : summary.errors) {
    std::fprintf(stderr, "flowwarden: %s\n", e.ToString().c_str());
  }
}

bool WriteText(const stdfs::path& path, const std::string& text) {
  std::error_code ec;
  stdfs::create_directories(path.parent_path(), ec);
  auto status = core::LocalFileSystem().WriteFile(path.string(), text);
  if (!status.ok()) {
    std::fprintf(stderr, "flowwarden: %s\n", status.error().ToString().c_str());
    return false;
  }
  return true;
}

// DOT, Mermaid and SVG of one diagram under `base` (+ extension). A diagram
// Graphviz cannot lay out still gets its DOT and Mermaid.
bool WriteDiagram(const stdfs::path& base, const threat::DataFlowDiagram& d) {
  bool ok = WriteText(base.string() + ".dot", report::RenderDfdDot(d));
  ok = WriteText(base.string() + ".mmd", report::RenderDfdMermaid(d)) && ok;
  auto svg = report::RenderDfdSvg(d);
  if (svg.ok()) {
    ok = WriteText(base.string() + ".svg", svg.value()) && ok;
  } else {
    std::fprintf(stderr, "flowwarden: %s: %s\n", base.string().c_str(),
                 svg.error().message.c_str());
  }
  return ok;
}

std::string MergeSummary(const threat::RegisterMerge& merge) {
  return std::to_string(merge.new_threats.size()) + " new threat(s), " +
         std::to_string(merge.disappeared.size()) + " disappeared, " +
         std::to_string(merge.unmatched.size()) + " unmatched register entr" +
         (merge.unmatched.size() == 1 ? "y" : "ies");
}

std::string Pad(std::string text, size_t width) {
  // Counts code points so accented names line up.
  size_t cps = 0;
  for (char c : text) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (cps > width) {
    text = core::Abbreviate(text, width);
    return text;
  }
  return text + std::string(width - cps, ' ');
}

std::string SummaryTable(const threat::ThreatModel& model, const threat::RegisterMerge& merge) {
  tt::ThreatIndex index(model);
  std::map<model::Severity, size_t> counts;
  for (const auto& t : model.threats) ++counts[t.severity];
  size_t leaving = 0;
  std::set<std::string> external;
  for (const auto& b : model.estate.boundaries) {
    if (b.kind == threat::BoundaryKind::kExternalOrganisation) external.insert(b.id);
  }
  std::map<std::string, std::string> boundary_of;
  for (const auto& e : model.estate.elements) boundary_of[e.id] = e.boundary;
  for (const auto& f : model.estate.flows) leaving += external.count(boundary_of[f.to]);
  std::string out = "Threat model: " + std::to_string(model.diagrams.size()) + " workflow(s), " +
                    std::to_string(model.threats.size()) + " threat(s)";
  std::vector<std::string> parts;
  for (auto sev : {model::Severity::kCritical, model::Severity::kHigh, model::Severity::kMedium,
                   model::Severity::kLow, model::Severity::kInfo}) {
    if (counts[sev])
      parts.push_back(std::to_string(counts[sev]) + " " + std::string(model::SeverityName(sev)));
  }
  if (!parts.empty()) out += " (" + tt::Join(parts) + ")";
  out += ", " + std::to_string(leaving) + " data flow(s) to " + std::to_string(external.size()) +
         " outside organisation(s)\n\n";
  if (!model.threats.empty()) {
    out += Pad("SEVERITY", 9) + Pad("SCORE", 6) + Pad("ID", 16) + Pad("THREAT", 48) +
           Pad("WORKFLOW", 24) + "DECISION\n";
    for (const auto& t : model.threats) {
      const threat::RegisterEntry* e = tt::FindEntry(merge.merged, t.id);
      char score[16];
      std::snprintf(score, sizeof score, "%.1f", t.score);
      out += Pad(std::string(model::SeverityName(t.severity)), 9) + Pad(score, 6) + Pad(t.id, 16) +
             Pad(tt::CleanUtf8(t.title), 47) + " " +
             Pad(tt::CleanUtf8(index.WorkflowName(t.workflow)), 23) + " " +
             std::string(threat::DecisionName(e ? e->decision : threat::Decision::kOpen)) + "\n";
    }
    out += "\n";
  }
  out += "Register: " + MergeSummary(merge) + "\n";
  return out;
}

struct Built {
  threat::ThreatModel model;
  model::ScanSummary summary;
};

Built Build(const std::vector<std::string>& paths, const std::string& nodered_settings) {
  ThreatAnalysis a = AnalyseThreats(core::LocalFileSystem(), paths, Companions{nodered_settings});
  return Built{std::move(a.model), std::move(a.summary)};
}

int RunDiff(const ThreatModelOptions& options) {
  const std::string& before = options.diff[0];
  const std::string& after = options.diff[1];
  threat::ThreatDiff diff;
  if (IsRegisterFile(before) && IsRegisterFile(after)) {
    auto a = LoadRegister(before);
    auto b = LoadRegister(after);
    if (a.malformed || b.malformed) return 2;
    diff = threat::DiffRegisters(a.reg, b.reg);
  } else {
    Built a = Build({before}, options.nodered_settings);
    Built b = Build({after}, options.nodered_settings);
    PrintErrors(a.summary);
    PrintErrors(b.summary);
    if (a.summary.files == 0 || b.summary.files == 0) {
      std::fprintf(stderr, "flowwarden: no input could be read\n");
      return 2;
    }
    diff = threat::DiffModels(a.model, b.model);
  }
  std::string format = options.format == "markdown" ? "markdown" : "text";
  return Emit(report::RenderThreatDiff(diff, format), "") ? 0 : 2;
}

}  // namespace

void AddThreatModelCommand(CLI::App& app, ThreatModelOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "threat-model",
      "Derive data-flow diagrams and threats, merge them with the register, write reports");
  cmd->add_option("paths", options.paths, "Export files or folders (walked recursively)");
  cmd->add_option("--output,-o", options.output,
                  "Folder to write the reports, diagrams, Threat Dragon and OTM files into");
  cmd->add_option("--register", options.register_file,
                  "Register file (default: threat-model.yaml beside the first folder, else in -o)");
  cmd->add_option("--format,-f", options.format,
                  "Without -o: what to print (table, markdown, html, threat-dragon, otm, dot, "
                  "mermaid); with --diff: text or markdown")
      ->check(CLI::IsMember(
          {"table", "text", "markdown", "html", "threat-dragon", "otm", "dot", "mermaid"}))
      ->capture_default_str();
  cmd->add_option("--diff", options.diff,
                  "Compare two exports (files or folders) or two register files: OLD NEW")
      ->expected(2);
  cmd->add_option("--nodered-settings", options.nodered_settings,
                  "Node-RED settings.js or settings.json that applies to every flow read")
      ->check(CLI::ExistingFile);
}

int RunThreatModel(const ThreatModelOptions& options) {
  if (!options.diff.empty()) return RunDiff(options);
  if (options.paths.empty()) {
    std::fprintf(stderr, "flowwarden: threat-model needs export paths (or --diff OLD NEW)\n");
    return 2;
  }
  Built built = Build(options.paths, options.nodered_settings);
  PrintErrors(built.summary);
  if (built.summary.files == 0) {
    std::fprintf(stderr, "flowwarden: no input could be read\n");
    return 2;
  }
  std::string register_path = RegisterPath(options.register_file, options.paths, options.output);
  LoadedRegister loaded = LoadRegister(register_path);
  threat::RegisterMerge merge = threat::MergeRegister(built.model, loaded.reg);
  const threat::ThreatModel& model = built.model;
  int code = loaded.malformed ? 2 : 0;

  if (options.output.empty()) {
    std::string text;
    if (options.format == "markdown") {
      text = report::RenderThreatMarkdown(model, merge);
    } else if (options.format == "html") {
      text = report::RenderThreatHtml(model, merge);
    } else if (options.format == "threat-dragon") {
      text = report::RenderThreatDragon(model, merge.merged);
    } else if (options.format == "otm") {
      text = report::RenderOtm(model, merge.merged);
    } else if (options.format == "dot") {
      text = report::RenderDfdDot(model.estate);
    } else if (options.format == "mermaid") {
      text = report::RenderDfdMermaid(model.estate);
    } else {
      text = SummaryTable(model, merge);
    }
    if (!Emit(text, "")) return 2;
    // Without -o the register is written only when named explicitly.
    if (!options.register_file.empty() && !loaded.malformed) {
      if (!WriteText(register_path, threat::WriteRegister(merge.merged))) code = 2;
    }
    return code;
  }

  stdfs::path dir(options.output);
  bool ok = WriteText(dir / "threat-model.md", report::RenderThreatMarkdown(model, merge));
  ok = WriteText(dir / "threat-model.html", report::RenderThreatHtml(model, merge)) && ok;
  ok = WriteText(dir / "threat-dragon.json", report::RenderThreatDragon(model, merge.merged)) && ok;
  ok = WriteText(dir / "otm.json", report::RenderOtm(model, merge.merged)) && ok;
  ok = WriteDiagram(dir / "estate", model.estate) && ok;
  std::set<std::string> slugs;
  for (const auto& d : model.diagrams) {
    // Two workflows with the same name get -2, -3...: files never overwrite each other.
    std::string base = tt::Slug(d.name);
    std::string slug = base;
    for (int n = 2; !slugs.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    ok = WriteDiagram(dir / "workflows" / slug, d) && ok;
  }
  if (loaded.malformed) {
    std::fprintf(stderr, "flowwarden: %s was not updated because it could not be read\n",
                 register_path.c_str());
  } else {
    ok = WriteText(register_path, threat::WriteRegister(merge.merged)) && ok;
  }
  std::printf("Wrote %s (%zu workflow(s), %zu threat(s))\nRegister %s: %s\n", dir.string().c_str(),
              model.diagrams.size(), model.threats.size(), register_path.c_str(),
              MergeSummary(merge).c_str());
  return ok ? code : 2;
}

void AddReviewCommand(CLI::App& app, ReviewOptions& options) {
  CLI::App* cmd =
      app.add_subcommand("review", "Prepare a short review session for a product owner (Markdown)");
  cmd->add_option("paths", options.paths, "Export files or folders (walked recursively)")
      ->required();
  cmd->add_option("--register", options.register_file,
                  "Register file (default: threat-model.yaml beside the first folder)");
  cmd->add_option("--since", options.since,
                  "The exports (or register file) of the last review, to rank what changed");
  cmd->add_option("--output,-o", options.output, "Write the Markdown to FILE instead of stdout");
  cmd->add_option("--areas", options.areas, "How many areas to cover")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  cmd->add_option("--nodered-settings", options.nodered_settings,
                  "Node-RED settings.js or settings.json that applies to every flow read")
      ->check(CLI::ExistingFile);
}

int RunReview(const ReviewOptions& options) {
  Built built = Build(options.paths, options.nodered_settings);
  PrintErrors(built.summary);
  if (built.summary.files == 0) {
    std::fprintf(stderr, "flowwarden: no input could be read\n");
    return 2;
  }
  LoadedRegister loaded = LoadRegister(RegisterPath(options.register_file, options.paths, ""));
  threat::RegisterMerge merge = threat::MergeRegister(built.model, loaded.reg);
  threat::ThreatDiff diff;
  bool have_diff = false;
  if (!options.since.empty()) {
    if (IsRegisterFile(options.since)) {
      auto old = LoadRegister(options.since);
      if (old.malformed) return 2;
      diff = threat::DiffRegisters(old.reg, merge.merged);
    } else {
      Built old = Build({options.since}, options.nodered_settings);
      PrintErrors(old.summary);
      if (old.summary.files == 0) {
        std::fprintf(stderr, "flowwarden: --since: no input could be read\n");
        return 2;
      }
      diff = threat::DiffModels(old.model, built.model);
    }
    have_diff = true;
  }
  std::string text = report::RenderReview(built.model, merge.merged, have_diff ? &diff : nullptr,
                                          static_cast<size_t>(options.areas));
  if (!Emit(text, options.output)) return 2;
  return loaded.malformed ? 2 : 0;
}

}  // namespace fw::cli
