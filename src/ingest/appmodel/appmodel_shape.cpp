#include "ingest/appmodel/appmodel_shape.h"

#include <array>
#include <string>

#include "ingest/common.h"

namespace fw::ingest::appmodel {

namespace {

using core::ValueRef;

constexpr std::array<std::string_view, 6> kClassifications = {
    "public", "internal", "personal", "financial", "health", "credential"};
constexpr std::array<std::string_view, 3> kFormAccess = {"public", "authenticated", "internal"};
constexpr std::array<std::string_view, 10> kTriggerTypes = {
    "form_submit", "record_created", "record_updated", "record_deleted", "record_change",
    "schedule",    "webhook",        "manual",         "button",         "email"};
constexpr std::array<std::string_view, 11> kAuthMethods = {
    "none",         "api_key", "basic",           "bearer", "oauth2", "signature",
    "ip_allowlist", "sso",     "service_account", "mtls",   "login"};
constexpr std::array<std::string_view, 11> kActions = {
    "send_email",    "send_message",   "http_request",  "call_webhook",
    "create_record", "update_record",  "delete_record", "query_records",
    "run_script",    "call_connector", "ai_prompt"};
constexpr std::array<std::string_view, 6> kAudiences = {"public-link", "public", "anyone-in-org",
                                                        "groups",      "users",  "owners"};
constexpr std::array<std::string_view, 4> kPermissions = {"view", "comment", "edit", "admin"};
constexpr std::array<std::string_view, 3> kOnError = {"notify", "ignore", "stop"};
constexpr std::array<std::string_view, 3> kRunAs = {"owner", "triggering-user", "service-account"};

constexpr std::array kOwnerProps = {
    Prop{"name", Type::kString},
    Prop{"email", Type::kString},
    Prop{"team", Type::kString},
    Prop{"role", Type::kString},
};
constexpr Def kOwnerDef{"owner", kOwnerProps};

constexpr std::array kFieldProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"type", Type::kString},
    Prop{"classification", Type::kString, nullptr, kClassifications},
    Prop{"required", Type::kBool},
    Prop{"description", Type::kString},
};
constexpr Def kFieldDef{"field", kFieldProps};

constexpr std::array kGrantProps = {
    Prop{"audience", Type::kString, nullptr, kAudiences, true},
    Prop{"access", Type::kString, nullptr, kPermissions},
    Prop{"groups", Type::kStringList},
    Prop{"users", Type::kStringList},
    Prop{"export", Type::kBool},
    Prop{"expires", Type::kString},
    Prop{"url", Type::kString},
};
constexpr Def kGrantDef{"grant", kGrantProps};

constexpr std::array kAppProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"id", Type::kString},
    Prop{"platform", Type::kString},
    Prop{"description", Type::kString},
    Prop{"environment", Type::kString},
    Prop{"url", Type::kString},
    Prop{"owners", Type::kOwnerList},
    Prop{"tags", Type::kStringList},
    Prop{"sharing", Type::kObjectList, &kGrantDef},
};
constexpr Def kAppDef{"app", kAppProps};

constexpr std::array kFormProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"id", Type::kString},
    Prop{"description", Type::kString},
    Prop{"url", Type::kString},
    Prop{"access", Type::kString, nullptr, kFormAccess, true},
    Prop{"captcha", Type::kBool},
    Prop{"rate_limit", Type::kString},
    Prop{"fields", Type::kObjectList, &kFieldDef},
    Prop{"stores_to", Type::kString},
    Prop{"owners", Type::kOwnerList},
};
constexpr Def kFormDef{"form", kFormProps};

constexpr std::array kStoreProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"id", Type::kString},
    Prop{"description", Type::kString},
    Prop{"storage", Type::kString},
    Prop{"region", Type::kString},
    Prop{"connector", Type::kString},
    Prop{"encrypted", Type::kBool},
    Prop{"retention", Type::kString},
    Prop{"fields", Type::kObjectList, &kFieldDef},
    Prop{"sharing", Type::kObjectList, &kGrantDef},
    Prop{"owners", Type::kOwnerList},
};
constexpr Def kStoreDef{"store", kStoreProps};

constexpr std::array kDashboardProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"id", Type::kString},
    Prop{"description", Type::kString},
    Prop{"url", Type::kString},
    Prop{"shows", Type::kStringList},
    Prop{"sharing", Type::kObjectList, &kGrantDef},
    Prop{"owners", Type::kOwnerList},
};
constexpr Def kDashboardDef{"dashboard", kDashboardProps};

constexpr std::array kConnectorProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"service", Type::kString},
    Prop{"host", Type::kString},
    Prop{"base_url", Type::kString},
    Prop{"auth", Type::kString, nullptr, kAuthMethods},
    Prop{"credential", Type::kString},
    Prop{"scopes", Type::kStringList},
    Prop{"parameters", Type::kFree},
    Prop{"owners", Type::kOwnerList},
};
constexpr Def kConnectorDef{"connector", kConnectorProps};

constexpr std::array kTriggerProps = {
    Prop{"type", Type::kString, nullptr, kTriggerTypes, true},
    Prop{"form", Type::kString},
    Prop{"table", Type::kString},
    Prop{"schedule", Type::kString},
    Prop{"auth", Type::kString, nullptr, kAuthMethods},
    Prop{"path", Type::kString},
    Prop{"url", Type::kString},
};
constexpr Def kTriggerDef{"trigger", kTriggerProps};

constexpr std::array kStepProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"action", Type::kString, nullptr, kActions, true},
    Prop{"connector", Type::kString},
    Prop{"table", Type::kString},
    Prop{"disabled", Type::kBool},
    Prop{"parameters", Type::kFree},
};
constexpr Def kStepDef{"step", kStepProps};

constexpr std::array kAutomationProps = {
    Prop{"name", Type::kString, nullptr, {}, true},
    Prop{"id", Type::kString},
    Prop{"description", Type::kString},
    Prop{"enabled", Type::kBool},
    Prop{"run_as", Type::kString, nullptr, kRunAs},
    Prop{"on_error", Type::kString, nullptr, kOnError},
    Prop{"owners", Type::kOwnerList},
    Prop{"trigger", Type::kObject, &kTriggerDef, {}, true},
    Prop{"steps", Type::kObjectList, &kStepDef},
};
constexpr Def kAutomationDef{"automation", kAutomationProps};

constexpr std::array kRootProps = {
    Prop{"apiVersion", Type::kString, nullptr, {}, true},
    Prop{"kind", Type::kString, nullptr, {}, true},
    Prop{"app", Type::kObject, &kAppDef, {}, true},
    Prop{"forms", Type::kObjectList, &kFormDef},
    Prop{"tables", Type::kObjectList, &kStoreDef},
    Prop{"data_sources", Type::kObjectList, &kStoreDef},
    Prop{"dashboards", Type::kObjectList, &kDashboardDef},
    Prop{"connectors", Type::kObjectList, &kConnectorDef},
    Prop{"automations", Type::kObjectList, &kAutomationDef},
};
constexpr Def kRootDef{"root", kRootProps};

constexpr std::array<const Def*, 12> kAllDefs = {
    &kRootDef,  &kAppDef,       &kOwnerDef,     &kGrantDef,   &kFormDef, &kFieldDef,
    &kStoreDef, &kDashboardDef, &kConnectorDef, &kTriggerDef, &kStepDef, &kAutomationDef};

std::string_view TypeName(core::ValueType t) {
  switch (t) {
    case core::ValueType::kNull:
      return "nothing (null)";
    case core::ValueType::kBool:
      return "a boolean";
    case core::ValueType::kNumber:
      return "a number";
    case core::ValueType::kString:
      return "a string";
    case core::ValueType::kArray:
      return "a list";
    case core::ValueType::kObject:
      return "a mapping";
  }
  return "a value";
}

std::string Join(std::span<const std::string_view> values) {
  std::string out;
  for (auto v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

void CheckObject(const ValueRef& v, const Def& def, const std::string& where,
                 core::Diagnostics& warnings, int depth);

// Scalars written without quotes may arrive as numbers or booleans; a
// string property accepts them as text (a version "2", an id 42).
bool IsScalar(const ValueRef& v) { return v.is_string() || v.is_number() || v.is_bool(); }

void CheckValue(const ValueRef& v, const Prop& prop, const std::string& where,
                core::Diagnostics& warnings, int depth) {
  std::string what = "'";
  what.append(prop.name).append("' in ").append(where);
  auto expected = [&](std::string_view type) {
    AddDiagnostic(warnings, v,
                  "expected " + std::string(type) + " for " + what + ", found " +
                      std::string(TypeName(v.type())));
  };
  switch (prop.type) {
    case Type::kString:
      if (!IsScalar(v)) return expected("a string");
      if (!prop.values.empty()) {
        std::string_view s = v.text();
        for (auto allowed : prop.values) {
          if (allowed == s) return;
        }
        AddDiagnostic(warnings, v,
                      "unknown value '" + std::string(s) + "' for " + what +
                          " (expected one of: " + Join(prop.values) + ")");
      }
      return;
    case Type::kBool:
      if (!v.is_bool()) return expected("true or false");
      return;
    case Type::kNumber:
      if (!v.is_number()) return expected("a number");
      return;
    case Type::kStringList:
      if (!v.is_array()) return expected("a list of strings");
      for (size_t i = 0; i < v.size(); ++i) {
        if (!IsScalar(v.at(i))) {
          AddDiagnostic(warnings, v.at(i), "expected a string in the list " + what);
        }
      }
      return;
    case Type::kObject:
      if (!v.is_object()) return expected("a mapping");
      CheckObject(v, *prop.def, std::string(prop.def->name), warnings, depth + 1);
      return;
    case Type::kObjectList:
      if (!v.is_array()) return expected("a list");
      for (size_t i = 0; i < v.size(); ++i) {
        ValueRef e = v.at(i);
        if (!e.is_object()) {
          AddDiagnostic(warnings, e,
                        "expected a " + std::string(prop.def->name) + " mapping in the list " +
                            what + ", found " + std::string(TypeName(e.type())));
          continue;
        }
        std::string label = std::string(prop.def->name);
        if (e["name"].is_string()) label += " '" + std::string(e["name"].str()) + "'";
        CheckObject(e, *prop.def, label, warnings, depth + 1);
      }
      return;
    case Type::kFree:
      if (!v.is_object()) return expected("a mapping");
      return;
    case Type::kOwnerList:
      if (!v.is_array()) return expected("a list of owners");
      for (size_t i = 0; i < v.size(); ++i) {
        ValueRef e = v.at(i);
        if (e.is_string()) continue;
        if (!e.is_object()) {
          AddDiagnostic(warnings, e, "expected an e-mail address or an owner mapping in " + what);
          continue;
        }
        CheckObject(e, kOwnerDef, "owner", warnings, depth + 1);
      }
      return;
  }
}

void CheckObject(const ValueRef& v, const Def& def, const std::string& where,
                 core::Diagnostics& warnings, int depth) {
  if (depth > 16) return;
  for (size_t i = 0; i < v.size(); ++i) {
    std::string_view key = v.key_at(i);
    const Prop* prop = nullptr;
    for (const auto& p : def.props) {
      if (p.name == key) prop = &p;
    }
    if (prop == nullptr) {
      std::string names;
      for (const auto& p : def.props) {
        if (!names.empty()) names += ", ";
        names += p.name;
      }
      AddDiagnostic(
          warnings, v.value_at(i),
          "unknown key '" + std::string(key) + "' in " + where + " (known keys: " + names + ")");
      continue;
    }
    ValueRef value = v.value_at(i);
    if (value.is_null() && !prop->required) continue;
    CheckValue(value, *prop, where, warnings, depth);
  }
  for (const auto& p : def.props) {
    if (p.required && !v[p.name].valid()) {
      AddDiagnostic(warnings, v, "missing required key '" + std::string(p.name) + "' in " + where);
    }
  }
}

}  // namespace

const Def& RootDef() { return kRootDef; }
std::span<const Def* const> AllDefs() { return kAllDefs; }
std::span<const std::string_view> Classifications() { return kClassifications; }

void CheckShape(const ValueRef& root, core::Diagnostics& warnings) {
  if (!root.is_object()) return;
  CheckObject(root, kRootDef, "the app model", warnings, 0);
}

}  // namespace fw::ingest::appmodel
