// filesystem-access: steps that read or write files on the host running n8n.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

struct FileNode {
  std::string_view type;
  std::string_view verb;
  std::string_view path_param;
};
constexpr FileNode kFileNodes[] = {
    {"readWriteFile", "reads or writes", "fileSelector"},
    {"readBinaryFile", "reads", "filePath"},
    {"readBinaryFiles", "reads", "fileSelector"},
    {"writeBinaryFile", "writes", "fileName"},
    {"readPDF", "reads", "binaryPropertyName"},
    {"readPdf", "reads", "binaryPropertyName"},
    {"spreadsheetFile", "reads or writes", "operation"},
    {"localFileTrigger", "watches", "path"},
};

}  // namespace

void FilesystemAccess(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  const auto& w = wf.workflow;
  if (w.platform != model::Platform::kN8n) return;
  for (uint32_t i = 0; i < w.nodes.size(); ++i) {
    const model::Node& node = w.nodes[i];
    std::string_view t = ActiveN8nType(node);
    const FileNode* f = nullptr;
    for (const auto& candidate : kFileNodes) {
      if (candidate.type == t) f = &candidate;
    }
    if (f == nullptr) continue;
    std::string_view verb = f->verb;
    if (t == "readWriteFile") {
      verb = node.parameters["operation"].str() == "write" ? "writes" : "reads";
    }
    std::string_view path = node.parameters[f->path_param].str();
    if (t == "readWriteFile" && node.parameters["operation"].str() == "write") {
      path = node.parameters["fileName"].str();
    }
    Issue issue;
    std::string reach = ReachabilityPhrase(wf, i);
    issue.message = Quote(node.name) + " " + std::string(verb) +
                    " files on the machine that runs n8n" +
                    (t == "spreadsheetFile" ? " (through binary data it is given or returns)" : "") +
                    (reach.empty() ? "." : ", " + reach + ".");
    issue.evidence = "type: " + node.type;
    if (!path.empty() && f->path_param != "operation" && f->path_param != "binaryPropertyName") {
      issue.evidence += "; path: " + core::Abbreviate(path, 60);
    }
    bool path_from_input = path.find("{{") != std::string_view::npos;
    issue.likelihood = ReachableLikelihood(wf, i, rule.likelihood, path_from_input ? 7.0 : 5.0);
    // A path taken from run-time data can reach any file n8n may open.
    if (path_from_input && wf.internet_source[i] >= 0) issue.impact = 8.0;
    issue.factors = {{"exposure", reach.empty() ? "internal" : "internet"},
                     {"path", path_from_input ? "from-run-time-data" : "fixed"}};
    out.Report(rule, wf, &node, node.source, std::move(issue));
  }
}

}  // namespace fw::analysis::checks
