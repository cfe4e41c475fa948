// The catalogue of Make module ids the importer needs to tell apart:
// built-in tools, code, HTTP, data stores, webhooks and trigger modules.
// Anything else is an app module that talks to its service (a connector).
#include <array>
#include <cctype>

#include "core/text.h"
#include "ingest/make/make_importer.h"

namespace fw::ingest::make {

namespace {

// Apps that run inside Make and reach no outside service.
constexpr std::array<std::string_view, 14> kInternalApps = {
    "builtin", "util",  "json",    "xml",      "csv",          "regexp",      "markdown",
    "math",    "tools", "gateway", "iterator", "flow-control", "placeholder", "text-parser"};

// Apps whose modules read and write records (databases, sheets, Make's own
// data stores).
constexpr std::array<std::string_view, 20> kDataStoreApps = {"datastore",  "google-sheets",
                                                             "airtable",   "airtable2",
                                                             "mysql",      "postgres",
                                                             "postgresql", "mongodb",
                                                             "mssql",      "microsoft-sql-server",
                                                             "supabase",   "google-cloud-firestore",
                                                             "firebase",   "redis",
                                                             "smartsheet", "google-bigquery",
                                                             "snowflake",  "microsoft-excel",
                                                             "baserow",    "nocodb"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view s) {
  for (auto v : list) {
    if (v == s) return true;
  }
  return false;
}

bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::string_view AppOf(std::string_view module) {
  size_t colon = module.find(':');
  return colon == std::string_view::npos ? module : module.substr(0, colon);
}

std::string_view ActionOf(std::string_view module) {
  size_t colon = module.find(':');
  return colon == std::string_view::npos ? std::string_view() : module.substr(colon + 1);
}

bool IsCustomWebhook(std::string_view module) { return module == "gateway:CustomWebHook"; }
bool IsCustomMailhook(std::string_view module) { return module == "gateway:CustomMailHook"; }

bool IsCodeModule(std::string_view module) {
  if (AppOf(module) == "code") return true;
  std::string action = core::ToLower(ActionOf(module));
  for (std::string_view s : {"executecode", "runjavascript", "runpython", "executejavascript",
                             "executepython", "runcode", "runscript"}) {
    if (action.find(s) != std::string::npos) return true;
  }
  return false;
}

bool IsHttpRequestModule(std::string_view module) {
  if (AppOf(module) != "http") return false;
  std::string_view a = ActionOf(module);
  return a.rfind("ActionSendData", 0) == 0 || a == "ActionGetFile" || a == "MakeRequest" ||
         a.rfind("MakeRequest", 0) == 0 || a == "ActionSendDataAdvanced";
}

ModuleInfo ClassifyModule(std::string_view module) {
  ModuleInfo info;
  std::string_view app = AppOf(module);
  std::string action = core::ToLower(ActionOf(module));
  info.trigger = action.rfind("watch", 0) == 0 || action.rfind("trigger", 0) == 0 ||
                 action.find("watch") != std::string::npos || IsCustomWebhook(module) ||
                 IsCustomMailhook(module);
  if (IsCodeModule(module)) {
    info.role = model::NodeRole::kCode;
  } else if (In(kInternalApps, app)) {
    info.role = model::NodeRole::kStep;
    info.internal = true;
  } else if (In(kDataStoreApps, app)) {
    info.role = model::NodeRole::kDataStore;
  } else {
    info.role = model::NodeRole::kConnector;
  }
  return info;
}

bool ReferencesModule(std::string_view text, std::string_view id) {
  if (id.empty()) return false;
  for (size_t open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", open + 2)) {
    size_t close = text.find("}}", open + 2);
    std::string_view expr = text.substr(
        open + 2, close == std::string_view::npos ? std::string_view::npos : close - open - 2);
    for (size_t pos = expr.find(id); pos != std::string_view::npos; pos = expr.find(id, pos + 1)) {
      bool starts = pos == 0 || !(IsIdentChar(expr[pos - 1]) || expr[pos - 1] == '.');
      size_t end = pos + id.size();
      if (starts && end < expr.size() && expr[end] == '.') return true;
    }
  }
  return false;
}

}  // namespace fw::ingest::make
