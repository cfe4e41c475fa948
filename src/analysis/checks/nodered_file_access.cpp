// filesystem-access, Node-RED: `file` (write, append, delete), `file in`
// (read) and `watch` touch the file system of the machine running Node-RED.
// A path taken from the message (an empty filename means msg.filename;
// Node-RED 3 also has filenameType msg or jsonata) can be steered by
// whoever sends that message: path traversal when a network entry point
// feeds the node.
#include "analysis/checks/checks.h"
#include "analysis/checks/n8n_util.h"  // Quote
#include "analysis/checks/nodered_util.h"
#include "core/text.h"

namespace fw::analysis::checks {

namespace {

std::string_view Verb(const model::Node& node) {
  if (node.type == "file in") return "reads";
  if (node.type == "watch" || node.type == "tail") return "watches";
  std::string_view mode = node.parameters["overwriteFile"].text();
  if (mode == "delete") return "deletes";
  if (mode == "true") return "overwrites";
  return "appends to";
}

}  // namespace

void NodeRedFileAccess(const WorkflowView& wf, const RuleInfo& rule, Reporter& out) {
  if (!IsNodeRed(wf)) return;
  const auto& w = wf.workflow;
  for (const auto& node : w.nodes) {
    std::string_view t = ActiveNodeRedType(node);
    if (t != "file" && t != "file in" && t != "watch" && t != "tail") continue;
    const std::string_view key = t == "watch" ? "files" : "filename";
    std::string path(core::Trim(node.parameters[key].str()));
    std::string source(node.parameters["filenameType"].str());
    // Before Node-RED 3 an empty filename meant msg.filename; since then the
    // property is named and filenameType says where it is read.
    bool from_input = false;
    std::string described;
    if (t != "watch" && t != "tail" &&
        (source == "msg" || source == "jsonata" || (source.empty() && path.empty()))) {
      from_input = true;
      if (source == "jsonata") {
        described = "a JSONata expression over the message (" + core::Abbreviate(path, 40) + ")";
      } else {
        described = "msg." + (path.empty() ? std::string("filename") : path);
      }
    } else if (source == "flow" || source == "global" || source == "env") {
      described = source + " " + (source == "env" ? "variable " : "context ") + path;
    } else {
      described = path.empty() ? std::string("(not set)") : "'" + core::Abbreviate(path, 60) + "'";
    }
    NodeRedReach reach = ReachOf(w, node);
    Issue issue;
    issue.message = Quote(node.name) + " " + std::string(Verb(node)) +
                    " files on the Node-RED host at " + described +
                    (from_input ? ", a path the incoming message chooses." : ".") +
                    ReachPhrase(reach);
    issue.evidence = std::string(key) + ": " +
                     (path.empty() ? std::string("(empty)") : core::Abbreviate(path, 60)) +
                     (source.empty() ? "" : "; filenameType: " + source);
    double base = from_input ? 5.0 : rule.likelihood;
    issue.likelihood = from_input ? ReachLikelihood(reach, base, 6.5, 7.5)
                                  : ReachLikelihood(reach, base, 4.5, 5.0);
    issue.factors = {{"exposure", reach.level.empty() ? "internal" : reach.level},
                     {"path", from_input ? "from-input" : "fixed"},
                     {"operation", std::string(Verb(node))}};
    out.Report(rule, wf, &node, NodeRedField(node, key), std::move(issue));
  }
}

}  // namespace fw::analysis::checks
