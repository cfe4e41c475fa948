// n8n export reader. Accepts what n8n writes: one workflow object (editor
// download, `n8n export:workflow --id`), an array of them
// (`n8n export:workflow --all`), or the public API's {"data": [...]} page.
#include <cctype>
#include <string>

#include "core/text.h"
#include "core/url.h"
#include "ingest/common.h"
#include "ingest/ingest.h"
#include "ingest/n8n/node_types.h"

namespace fw::ingest {

namespace {

using core::ValueRef;
using model::Exposure;
using model::NodeRole;

bool IsWorkflowObject(const ValueRef& v) {
  if (!v.is_object()) return false;
  ValueRef nodes = v["nodes"];
  if (!nodes.is_array()) return false;
  if (v["connections"].is_object()) return true;
  // Without connections, insist the nodes look like n8n nodes.
  ValueRef first = nodes.at(0);
  return first.is_object() && first["type"].is_string() && first["parameters"].valid();
}

// The service an n8n node type talks to: "slackTrigger" -> "slack",
// "postgresTool" -> "postgres", "lmChatOpenAi" -> "openAi".
std::string ServiceName(std::string_view s) {
  if (s.size() > 4 && s.ends_with("Tool")) s.remove_suffix(4);
  if (s.size() > 7 && s.ends_with("Trigger")) s.remove_suffix(7);
  for (std::string_view prefix : {"lmChat", "lm", "embeddings", "vectorStore", "tool"}) {
    if (s.size() > prefix.size() && s.starts_with(prefix) &&
        std::isupper(static_cast<unsigned char>(s[prefix.size()])) != 0) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

// Inventory facts in the platform-neutral fields: how callers of an entry
// point authenticate (Node::auth, "none" when n8n asks nobody) and which
// service a step talks to (Node::connector). A Wait node resuming on a
// webhook call is a second way into a running workflow, so it is exposed to
// the internet like a Webhook; its role stays step, so reachability still
// starts only from entry points.
void SetAccessFacts(model::Node& node) {
  const ValueRef& p = node.parameters;
  std::string_view s = ingest::n8n::ShortType(node.type);
  auto method = [](const ValueRef& v) {
    std::string a = Text(v);
    return a.empty() ? std::string("none") : a;
  };
  if (s == "webhook" || s == "formTrigger" || s == "mcpTrigger" ||
      (s == "chatTrigger" && node.exposure == Exposure::kInternet)) {
    node.auth = method(p["authentication"]);
  } else if (s == "wait" && p["resume"].str() == "webhook") {
    node.exposure = Exposure::kInternet;
    node.auth = method(p["incomingAuthentication"]);
  }
  // Files on n8n's own host are data stores without a service.
  static constexpr std::string_view kLocalFiles[] = {
      "readBinaryFile", "readBinaryFiles", "writeBinaryFile", "readWriteFile",
      "readPDF",        "readPdf",         "spreadsheetFile"};
  bool local = false;
  for (auto f : kLocalFiles) local = local || s == f;
  if (node.role == NodeRole::kConnector || (node.role == NodeRole::kDataStore && !local) ||
      (node.role == NodeRole::kEntryPoint && node.exposure == Exposure::kThirdParty)) {
    node.connector = ServiceName(s);
  }
}

model::Node ReadNode(const ValueRef& v, const std::string& pointer, core::Diagnostics& warnings) {
  model::Node node;
  node.source = model::SourceRef{v, pointer};
  node.id = Text(v["id"]);
  node.name = Text(v["name"]);
  node.type = Text(v["type"]);
  node.type_version = v["typeVersion"].number(1);
  node.disabled = v["disabled"].boolean(false);
  node.on_error = Text(v["onError"]);
  if (node.on_error.empty() && v["continueOnFail"].boolean(false)) {
    node.on_error = "continueRegularOutput";  // pre-1.0 spelling of the same setting
  }
  node.webhook_id = Text(v["webhookId"]);
  node.notes = Text(v["notes"]);
  node.parameters = v["parameters"];
  if (node.type.empty()) AddDiagnostic(warnings, v, "n8n node without a \"type\"");
  if (!node.parameters.valid()) node.parameters = ValueRef();

  auto info = ingest::n8n::ClassifyNodeType(node.type);
  node.role = info.role;
  node.exposure = info.exposure;
  if (ingest::n8n::ShortType(node.type) == "chatTrigger") {
    // Only a chat made public is reachable from the internet; otherwise it is
    // the editor's test chat.
    node.exposure = node.parameters["public"].boolean(false) ? Exposure::kInternet
                                                              : Exposure::kInternal;
  }
  SetAccessFacts(node);

  ValueRef creds = v["credentials"];
  for (size_t i = 0; i < creds.size() && creds.is_object(); ++i) {
    model::CredentialRef ref;
    ref.type = std::string(creds.key_at(i));
    ValueRef c = creds.value_at(i);
    std::string p = pointer + "/credentials";
    core::AppendPointerToken(p, ref.type);
    if (c.is_object()) {
      ref.id = Text(c["id"]);
      ref.name = Text(c["name"]);
    } else {
      ref.name = Text(c);  // n8n before 0.160 stored only the name
    }
    ref.source = model::SourceRef{c, std::move(p)};
    node.credentials.push_back(std::move(ref));
  }
  return node;
}

void ReadConnections(const ValueRef& conns, const std::string& pointer, model::Workflow& wf,
                     core::Diagnostics& warnings) {
  for (size_t i = 0; i < conns.size() && conns.is_object(); ++i) {
    std::string_view from_name = conns.key_at(i);
    int from = wf.FindNodeByNameOrId(from_name);
    std::string from_ptr = pointer;
    core::AppendPointerToken(from_ptr, from_name);
    if (from < 0) {
      AddDiagnostic(warnings, conns.value_at(i),
                    "connection from unknown node '" + std::string(from_name) + "'");
      continue;
    }
    ValueRef by_type = conns.value_at(i);
    for (size_t t = 0; t < by_type.size() && by_type.is_object(); ++t) {
      std::string type(by_type.key_at(t));
      ValueRef outputs = by_type.value_at(t);
      for (size_t o = 0; o < outputs.size() && outputs.is_array(); ++o) {
        ValueRef targets = outputs.at(o);
        for (size_t k = 0; k < targets.size() && targets.is_array(); ++k) {
          ValueRef target = targets.at(k);
          std::string to_name = Text(target["node"]);
          int to = wf.FindNodeByNameOrId(to_name);
          std::string ptr = from_ptr;
          core::AppendPointerToken(ptr, type);
          core::AppendPointerIndex(ptr, o);
          core::AppendPointerIndex(ptr, k);
          if (to < 0) {
            AddDiagnostic(warnings, target, "connection to unknown node '" + to_name + "'");
            continue;
          }
          model::Connection c;
          c.from = static_cast<uint32_t>(from);
          c.to = static_cast<uint32_t>(to);
          c.type = target["type"].is_string() ? Text(target["type"]) : type;
          c.output_index = static_cast<uint32_t>(o);
          c.input_index = static_cast<uint32_t>(target["index"].number(0));
          c.source = model::SourceRef{target, std::move(ptr)};
          wf.connections.push_back(std::move(c));
        }
      }
    }
  }
}

std::string ReadOwner(const ValueRef& v) {
  // Exports from n8n 1.x with sharing carry the owning project or user.
  ValueRef shared = v["shared"];
  for (size_t i = 0; i < shared.size(); ++i) {
    ValueRef s = shared.at(i);
    if (core::IContains(s["role"].str(), "owner")) {
      if (!s["project"]["name"].str().empty()) return Text(s["project"]["name"]);
      if (!s["user"]["email"].str().empty()) return Text(s["user"]["email"]);
    }
  }
  if (!v["ownedBy"]["email"].str().empty()) return Text(v["ownedBy"]["email"]);
  return Text(v["meta"]["owner"]);
}

model::Workflow ReadWorkflow(const std::shared_ptr<const core::Document>& doc, const ValueRef& v,
                             const std::string& pointer, core::Diagnostics& warnings) {
  model::Workflow wf;
  wf.platform = model::Platform::kN8n;
  wf.document = doc;
  wf.file = doc->source().name();
  wf.source = model::SourceRef{v, pointer};
  wf.id = Text(v["id"]);
  wf.name = Text(v["name"]);
  wf.active = v["active"].boolean(false);
  wf.archived = v["isArchived"].boolean(false);
  wf.version_id = Text(v["versionId"]);
  wf.owner = ReadOwner(v);
  ValueRef tags = v["tags"];
  for (size_t i = 0; i < tags.size(); ++i) {
    ValueRef t = tags.at(i);
    wf.tags.push_back(t.is_object() ? Text(t["name"]) : Text(t));
  }

  ValueRef nodes = v["nodes"];
  wf.nodes.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    ValueRef n = nodes.at(i);
    std::string p = pointer + "/nodes";
    core::AppendPointerIndex(p, i);
    if (!n.is_object()) {
      AddDiagnostic(warnings, n, "expected a node object in \"nodes\"");
      continue;
    }
    wf.nodes.push_back(ReadNode(n, p, warnings));
  }
  ReadConnections(v["connections"], pointer + "/connections", wf, warnings);

  ValueRef settings = v["settings"];
  if (settings.is_object()) {
    auto& s = wf.settings;
    s.present = true;
    s.source = model::SourceRef{settings, pointer + "/settings"};
    s.caller_policy = Text(settings["callerPolicy"]);
    s.save_data_error_execution = Text(settings["saveDataErrorExecution"]);
    s.save_data_success_execution = Text(settings["saveDataSuccessExecution"]);
    s.save_manual_executions = Text(settings["saveManualExecutions"]);
    s.error_workflow = Text(settings["errorWorkflow"]);
    s.execution_order = Text(settings["executionOrder"]);
    s.timezone = Text(settings["timezone"]);
  }
  wf.pin_data = v["pinData"];
  wf.static_data = v["staticData"];

  for (size_t i = 0; i < wf.nodes.size(); ++i) {
    const auto& node = wf.nodes[i];
    if (node.role == NodeRole::kAnnotation || !node.parameters.valid()) continue;
    CollectHosts(node.parameters, node.source.pointer + "/parameters", static_cast<uint32_t>(i),
                 wf.hosts);
  }
  return wf;
}

}  // namespace

bool LooksLikeN8n(const ValueRef& root) {
  if (IsWorkflowObject(root)) return true;
  if (root.is_object() && root["data"].is_array()) {
    ValueRef first = root["data"].at(0);
    return IsWorkflowObject(first);
  }
  if (root.is_array() && root.size() > 0) return IsWorkflowObject(root.at(0));
  return false;
}

model::ImportResult ImportN8n(std::shared_ptr<const core::Document> doc) {
  model::ImportResult result;
  ValueRef root = doc->root();
  auto read_array = [&](const ValueRef& arr, const std::string& prefix) {
    for (size_t i = 0; i < arr.size(); ++i) {
      std::string p = prefix;
      core::AppendPointerIndex(p, i);
      ValueRef w = arr.at(i);
      if (!IsWorkflowObject(w)) {
        AddDiagnostic(result.warnings, w, "array element is not an n8n workflow; skipped");
        continue;
      }
      result.workflows.push_back(ReadWorkflow(doc, w, p, result.warnings));
    }
  };
  if (root.is_array()) {
    read_array(root, "");
  } else if (IsWorkflowObject(root)) {
    result.workflows.push_back(ReadWorkflow(doc, root, "", result.warnings));
  } else if (root.is_object() && root["data"].is_array()) {
    read_array(root["data"], "/data");
  } else {
    AddDiagnostic(result.errors, root, "not an n8n workflow export");
  }
  return result;
}

}  // namespace fw::ingest
