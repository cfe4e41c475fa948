#include "ingest/n8n/node_types.h"

#include <array>

#include "core/text.h"

namespace fw::ingest::n8n {

namespace {

using model::Exposure;
using model::NodeRole;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool In(std::string_view value, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (value == s) return true;
  }
  return false;
}

}  // namespace

std::string_view ShortType(std::string_view type) {
  size_t dot = type.rfind('.');
  return dot == std::string_view::npos ? type : type.substr(dot + 1);
}

bool IsCorePackage(std::string_view type) {
  return type.rfind("n8n-nodes-base.", 0) == 0 || type.rfind("@n8n/n8n-nodes-langchain.", 0) == 0;
}

NodeTypeInfo ClassifyNodeType(std::string_view type) {
  std::string_view s = ShortType(type);
  // "postgresTool", "executeCommandTool": the same node, offered to an AI agent.
  if (s.size() > 4 && EndsWith(s, "Tool") && s != "agentTool") s.remove_suffix(4);
  const std::string lower = core::ToLower(s);

  if (In(s, {"stickyNote"})) return {NodeRole::kAnnotation, Exposure::kNone};

  // Entry points reachable from the internet through n8n's own HTTP server.
  if (In(s, {"webhook", "formTrigger", "chatTrigger", "mcpTrigger"})) {
    return {NodeRole::kEntryPoint, Exposure::kInternet};
  }
  // Entry points only n8n itself or its users can fire.
  if (In(s, {"manualTrigger", "start", "scheduleTrigger", "cron", "interval",
             "executeWorkflowTrigger", "errorTrigger", "n8nTrigger", "workflowTrigger",
             "localFileTrigger", "evaluationTrigger", "sseTrigger"})) {
    return {NodeRole::kEntryPoint, Exposure::kInternal};
  }
  if (In(s, {"code", "function", "functionItem", "executeCommand", "ssh", "aiTransform",
             "toolCode", "pythonFunction"}) ||
      (type.rfind("@n8n/n8n-nodes-langchain.", 0) == 0 && s == "code")) {
    return {NodeRole::kCode, Exposure::kNone};
  }
  if (EndsWith(lower, "trigger")) return {NodeRole::kEntryPoint, Exposure::kThirdParty};
  if (In(s, {"emailReadImap", "rssFeedReadTrigger"})) {
    return {NodeRole::kEntryPoint, Exposure::kThirdParty};
  }
  // Files on the host running n8n.
  if (In(s, {"readBinaryFile", "readBinaryFiles", "writeBinaryFile", "readWriteFile", "readPDF",
             "readPdf", "spreadsheetFile"})) {
    return {NodeRole::kDataStore, Exposure::kNone};
  }
  static constexpr std::array<std::string_view, 24> kStoreWords = {
      "postgres", "mysql",    "sql",      "oracle",   "snowflake", "cratedb",
      "questdb",  "timescale", "mongo",   "redis",    "elastic",   "supabase",
      "airtable", "baserow",  "nocodb",   "googlesheets", "excel", "seatable",
      "grist",    "vectorstore", "qdrant", "pinecone", "memory",  "datatable"};
  for (auto word : kStoreWords) {
    if (lower.find(word) != std::string::npos) {
      // "memoryBufferWindow" keeps chat history in n8n's own memory.
      if (word == "memory" && lower.find("buffer") != std::string::npos) break;
      return {NodeRole::kDataStore, Exposure::kNone};
    }
  }
  // Internal logic that does not leave n8n.
  if (In(s, {"set", "if", "switch", "merge", "noOp", "splitInBatches", "splitOut", "aggregate",
             "itemLists", "filter", "sort", "limit", "removeDuplicates", "renameKeys", "dateTime",
             "wait", "stopAndError", "respondToWebhook", "executeWorkflow", "html", "xml",
             "markdown", "crypto", "compression", "moveBinaryData", "extractFromFile",
             "convertToFile", "editImage", "summarize", "compareDatasets", "form",
             "executionData", "debugHelper", "totp", "jwt", "htmlExtract", "interval",
             "splitInBatchesV3", "noop", "agent", "agentTool", "chainLlm", "chainSummarization",
             "chainRetrievalQa", "outputParserStructured", "outputParserAutofixing",
             "outputParserItemList", "textSplitterRecursiveCharacterTextSplitter",
             "textSplitterCharacterTextSplitter", "textSplitterTokenSplitter",
             "documentDefaultDataLoader", "documentBinaryInputLoader", "documentJsonInputLoader",
             "memoryBufferWindow", "toolWorkflow", "toolThink", "toolCalculator",
             "informationExtractor", "sentimentAnalysis", "textClassifier", "guardrails",
             "retrieverVectorStore", "retrieverWorkflow", "vectorStoreInMemory", "evaluation"})) {
    return {NodeRole::kStep, Exposure::kNone};
  }
  return {NodeRole::kConnector, Exposure::kNone};
}

}  // namespace fw::ingest::n8n
