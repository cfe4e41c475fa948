#include "report/inventory_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace fw::report {

namespace {

using analysis::Inventory;
using analysis::WorkflowSummary;
using Json = nlohmann::ordered_json;

bool IsSensitive(detect::DataClass c) {
  return c != detect::DataClass::kUnknown && c != detect::DataClass::kPublic;
}

// Names come from untrusted exports: keep control characters (terminal
// escapes, line breaks) out of the table.
std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7f ? ' ' : c);
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string EntryText(const analysis::EntryPointSummary& e) {
  std::string out = e.node + " (" + e.kind + ", " + std::string(model::ExposureName(e.exposure));
  if (!e.auth.empty()) {
    out += ", auth " + e.auth;
  } else if (e.exposure == model::Exposure::kInternet) {
    out += ", auth unknown";
  }
  if (e.disabled) out += ", disabled";
  return out + ")";
}

std::string HostText(const analysis::HostSummary& h) {
  return (h.scheme.empty() ? std::string() : h.scheme + "://") + h.host;
}

std::string CredentialText(const analysis::CredentialSummary& c) {
  return c.type + (c.name.empty() ? std::string() : " \"" + c.name + "\"");
}

std::string FieldText(const analysis::DataFieldSummary& f) {
  if (!IsSensitive(f.sensitivity)) return f.name;
  return f.name + " (" + std::string(detect::DataClassName(f.sensitivity)) + ")";
}

std::string OwnerText(const WorkflowSummary& w) {
  if (w.owner.empty()) return "(none)";
  if (w.owner_source == "owners-file") return w.owner + " (owners file)";
  return w.owner;
}

// Shows the first `limit` items and counts the rest.
std::string Capped(const std::vector<std::string>& items, size_t limit) {
  if (items.size() <= limit) return Join(items, ", ");
  std::vector<std::string> shown(items.begin(), items.begin() + static_cast<long>(limit));
  return Join(shown, ", ") + fmt::format(", +{} more", items.size() - limit);
}

template <typename T, typename F>
std::vector<std::string> Map(const std::vector<T>& items, F f) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& i : items) out.push_back(f(i));
  return out;
}

std::string PlatformCounts(const analysis::InventoryTotals& t) {
  std::vector<std::string> parts;
  for (const auto& [platform, n] : t.by_platform)
    parts.push_back(fmt::format("{} {}", platform, n));
  return Join(parts, ", ");
}

std::string SensitiveCounts(const analysis::InventoryTotals& t) {
  std::vector<std::string> parts;
  for (const auto& [cls, n] : t.workflows_with_sensitive_data) {
    parts.push_back(fmt::format("{} in {}", cls, n));
  }
  return parts.empty() ? "none seen" : Join(parts, ", ") + " workflows";
}

Json DiagnosticJson(const core::Diagnostic& d) {
  return Json{{"file", d.file}, {"line", d.line}, {"column", d.column}, {"message", d.message}};
}

// CSV cell (RFC 4180), with spreadsheet formulas neutralised.
std::string Cell(std::string_view s) {
  std::string v(s);
  if (!v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += Cell(cells[i]);
  }
  return out + "\r\n";
}

}  // namespace

std::string RenderInventoryTable(const Inventory& inv) {
  std::string out;
  const auto& t = inv.totals;
  for (const auto& w : inv.workflows) {
    out += Clean(w.name.empty() ? "(unnamed workflow)" : w.name) + "\n";
    std::string where = Clean(w.file) + " (" + std::string(model::PlatformName(w.platform));
    if (!w.id.empty()) where += ", id " + Clean(w.id);
    where += w.active ? ", active)" : ", inactive)";
    auto line = [&](std::string_view label, const std::string& value) {
      if (!value.empty()) out += fmt::format("  {:<13}{}\n", label, Clean(value));
    };
    line("file", where);
    line("owner", OwnerText(w));
    line("entry points", Capped(Map(w.entry_points, EntryText), 6));
    line("connectors", Capped(w.connectors, 10));
    line("hosts", Capped(Map(w.hosts, HostText), 8));
    line("credentials", Capped(Map(w.credentials, CredentialText), 8));
    line("code", Capped(Map(w.code_steps,
                            [](const analysis::CodeStepSummary& c) {
                              return c.node + " (" + c.language + ")";
                            }),
                        6));
    // Sensitive fields first: they are what a reviewer looks for.
    std::vector<std::string> fields;
    for (const auto& f : w.data_fields) {
      if (IsSensitive(f.sensitivity)) fields.push_back(FieldText(f));
    }
    size_t sensitive = fields.size();
    for (const auto& f : w.data_fields) {
      if (!IsSensitive(f.sensitivity)) fields.push_back(f.name);
    }
    line("data fields", Capped(fields, std::max<size_t>(sensitive, 10)));
    line("data stores", Capped(Map(w.data_stores,
                                   [](const analysis::DataStoreSummary& d) {
                                     std::string what = d.connector.empty() ? d.type : d.connector;
                                     return d.node + " (" + what + ")";
                                   }),
                               6));
    out += "\n";
  }
  if (!inv.scanned.errors.empty()) {
    out += fmt::format("ERRORS ({})\n", inv.scanned.errors.size());
    for (const auto& e : inv.scanned.errors) out += "  " + Clean(e.ToString()) + "\n";
    out += "\n";
  }
  out += "TOTALS\n";
  out += fmt::format("  {:<15}{} read, {} with errors\n", "files", inv.scanned.files,
                     inv.scanned.errors.size());
  out += fmt::format("  {:<15}{}{}\n", "workflows", t.workflows,
                     t.workflows > 0 ? " (" + PlatformCounts(t) + ")" : "");
  out += fmt::format(
      "  {:<15}{}; reachable from the internet {}, of which unauthenticated {}, auth unknown {}\n",
      "entry points", t.entry_points, t.internet_entry_points,
      t.unauthenticated_internet_entry_points, t.internet_entry_points_auth_unknown);
  out += fmt::format("  {:<15}{} distinct\n", "external hosts", t.external_hosts);
  out += fmt::format("  {:<15}{} distinct\n", "connectors", t.connectors);
  out += fmt::format("  {:<15}{} distinct\n", "credentials", t.credentials);
  out += fmt::format("  {:<15}{}\n", "code steps", t.code_steps);
  out += fmt::format("  {:<15}{}\n", "data stores", t.data_stores);
  out += fmt::format("  {:<15}{}\n", "sensitive data", SensitiveCounts(t));
  out += fmt::format("  {:<15}{} workflows\n", "without owner", t.workflows_without_owner);
  return out;
}

std::string RenderInventoryJson(const Inventory& inv) {
  Json out;
  out["tool"] = Json{{"name", kToolName}, {"version", kToolVersion}};
  out["scanned"] = Json{{"files", inv.scanned.files},
                        {"workflows", inv.scanned.workflows},
                        {"errors", inv.scanned.errors.size()}};
  Json workflows = Json::array();
  for (const auto& w : inv.workflows) {
    Json entries = Json::array();
    for (const auto& e : w.entry_points) {
      entries.push_back(Json{{"node", e.node},
                             {"type", e.type},
                             {"kind", e.kind},
                             {"exposure", model::ExposureName(e.exposure)},
                             {"auth", e.auth.empty() ? Json(nullptr) : Json(e.auth)},
                             {"disabled", e.disabled}});
    }
    Json hosts = Json::array();
    for (const auto& h : w.hosts) {
      hosts.push_back(Json{{"scheme", h.scheme}, {"host", h.host}, {"scope", h.scope}});
    }
    Json credentials = Json::array();
    for (const auto& c : w.credentials) {
      credentials.push_back(Json{{"type", c.type}, {"name", c.name}, {"id", c.id}});
    }
    Json code = Json::array();
    for (const auto& c : w.code_steps) {
      code.push_back(Json{{"node", c.node}, {"type", c.type}, {"language", c.language}});
    }
    Json fields = Json::array();
    for (const auto& f : w.data_fields) {
      fields.push_back(
          Json{{"name", f.name}, {"sensitivity", detect::DataClassName(f.sensitivity)}});
    }
    Json stores = Json::array();
    for (const auto& d : w.data_stores) {
      stores.push_back(Json{{"node", d.node}, {"type", d.type}, {"connector", d.connector}});
    }
    workflows.push_back(Json{
        {"file", w.file},
        {"platform", model::PlatformName(w.platform)},
        {"id", w.id},
        {"name", w.name},
        {"active", w.active},
        {"owner", w.owner.empty() ? Json(nullptr) : Json(w.owner)},
        {"owner_source", w.owner_source.empty() ? Json(nullptr) : Json(w.owner_source)},
        {"tags", w.tags},
        {"nodes", w.nodes},
        {"entry_points", std::move(entries)},
        {"connectors", w.connectors},
        {"hosts", std::move(hosts)},
        {"credentials", std::move(credentials)},
        {"code_steps", std::move(code)},
        {"data_fields", std::move(fields)},
        {"data_stores", std::move(stores)},
    });
  }
  out["workflows"] = std::move(workflows);
  Json errors = Json::array();
  for (const auto& e : inv.scanned.errors) errors.push_back(DiagnosticJson(e));
  out["errors"] = std::move(errors);
  Json warnings = Json::array();
  for (const auto& w : inv.scanned.warnings) warnings.push_back(DiagnosticJson(w));
  out["warnings"] = std::move(warnings);
  const auto& t = inv.totals;
  Json by_platform = Json::object();
  for (const auto& [p, n] : t.by_platform) by_platform[p] = n;
  Json sensitive = Json::object();
  for (const auto& [c, n] : t.workflows_with_sensitive_data) sensitive[c] = n;
  out["totals"] = Json{
      {"workflows", t.workflows},
      {"by_platform", std::move(by_platform)},
      {"entry_points", t.entry_points},
      {"internet_entry_points", t.internet_entry_points},
      {"unauthenticated_internet_entry_points", t.unauthenticated_internet_entry_points},
      {"internet_entry_points_auth_unknown", t.internet_entry_points_auth_unknown},
      {"external_hosts", t.external_hosts},
      {"connectors", t.connectors},
      {"credentials", t.credentials},
      {"code_steps", t.code_steps},
      {"data_stores", t.data_stores},
      {"workflows_without_owner", t.workflows_without_owner},
      {"workflows_with_sensitive_data", std::move(sensitive)},
  };
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string RenderInventoryCsv(const Inventory& inv) {
  std::string out =
      Row({"record", "file", "platform", "id", "name", "active", "owner", "owner_source",
           "entry_points", "internet_entry_points", "unauthenticated_internet_entry_points",
           "connectors", "hosts", "credentials", "code_steps", "data_fields", "sensitive_fields",
           "data_stores", "error"});
  for (const auto& w : inv.workflows) {
    size_t internet = 0;
    size_t open = 0;
    for (const auto& e : w.entry_points) {
      if (e.disabled || e.exposure != model::Exposure::kInternet) continue;
      ++internet;
      if (e.auth == "none") ++open;
    }
    std::vector<std::string> sensitive;
    for (const auto& f : w.data_fields) {
      if (IsSensitive(f.sensitivity)) sensitive.push_back(FieldText(f));
    }
    out += Row({
        "workflow",
        w.file,
        std::string(model::PlatformName(w.platform)),
        w.id,
        w.name,
        w.active ? "true" : "false",
        w.owner,
        w.owner_source,
        Join(Map(w.entry_points, EntryText), "; "),
        std::to_string(internet),
        std::to_string(open),
        Join(w.connectors, "; "),
        Join(Map(w.hosts, HostText), "; "),
        Join(Map(w.credentials, CredentialText), "; "),
        Join(Map(w.code_steps,
                 [](const analysis::CodeStepSummary& c) {
                   return c.node + " (" + c.type + ", " + c.language + ")";
                 }),
             "; "),
        Join(Map(w.data_fields, [](const analysis::DataFieldSummary& f) { return f.name; }), "; "),
        Join(sensitive, "; "),
        Join(Map(w.data_stores,
                 [](const analysis::DataStoreSummary& d) { return d.node + " (" + d.type + ")"; }),
             "; "),
        "",
    });
  }
  for (const auto& e : inv.scanned.errors) {
    std::string where = e.line > 0 ? fmt::format("{}:{}: ", e.line, e.column) : std::string();
    out += Row({"error", e.file, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                where + e.message});
  }
  return out;
}

}  // namespace fw::report
