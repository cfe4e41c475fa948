#include "policy/dlp_import.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/text.h"

namespace fw::policy {

namespace {

using core::ValueRef;

enum Group { kBusiness, kNonBusiness, kBlocked, kNone };

struct Policy {
  std::string name;
  std::vector<std::string> groups[3];  // connector ids
  std::vector<std::string> host_patterns[3];
  Group default_group = kNone;
};

// "Confidential" is the business group, "General" the non-business one
// (the admin centre's labels); hbi/lbi are the older names.
Group ParseGroup(std::string_view s) {
  if (core::IEquals(s, "Confidential") || core::IEquals(s, "hbi") || core::IEquals(s, "Business")) {
    return kBusiness;
  }
  if (core::IEquals(s, "General") || core::IEquals(s, "lbi") || core::IEquals(s, "NonBusiness") ||
      core::IEquals(s, "Non-Business")) {
    return kNonBusiness;
  }
  if (core::IEquals(s, "Blocked")) return kBlocked;
  return kNone;
}

// "/providers/Microsoft.PowerApps/apis/shared_office365" -> "shared_office365".
std::string ConnectorId(ValueRef c) {
  std::string_view id = c.is_string() ? c.str() : c["id"].str();
  if (id.empty() && c.is_object()) id = c["name"].str();
  id = core::Trim(id);
  while (!id.empty() && id.back() == '/') id.remove_suffix(1);
  size_t slash = id.rfind('/');
  if (slash != std::string_view::npos) id = id.substr(slash + 1);
  return std::string(id);
}

void AddUnique(std::vector<std::string>& v, std::string s) {
  if (s.empty()) return;
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// "https://*.contoso.com/*" -> "*.contoso.com"; "" for patterns that would
// match every host.
std::string HostPattern(std::string_view p) {
  p = core::Trim(p);
  size_t scheme = p.find("://");
  if (scheme != std::string_view::npos) p = p.substr(scheme + 3);
  size_t slash = p.find('/');
  if (slash != std::string_view::npos) p = p.substr(0, slash);
  if (p.empty() || p == "*") return {};
  return core::ToLower(p);
}

void ReadConnectors(ValueRef list, Group g, Policy& out) {
  if (g == kNone) return;
  for (size_t i = 0; i < list.size(); ++i) AddUnique(out.groups[g], ConnectorId(list.at(i)));
}

bool ReadV2(ValueRef p, Policy& out) {
  if (p["policyDefinition"].is_object()) {
    ValueRef def = p["policyDefinition"];
    bool ok = ReadV2(def, out);
    ValueRef rules = p["customConnectorUrlPatternsDefinition"]["rules"];
    for (size_t i = 0; i < rules.size(); ++i) {
      Group g = ParseGroup(rules.at(i)["customConnectorRuleClassification"].str());
      std::string h = HostPattern(rules.at(i)["pattern"].str());
      if (g != kNone && !h.empty()) AddUnique(out.host_patterns[g], h);
    }
    return ok;
  }
  ValueRef groups = p["connectorGroups"];
  if (!groups.is_array()) return false;
  out.name = std::string(p["displayName"].str());
  for (size_t i = 0; i < groups.size(); ++i) {
    ValueRef g = groups.at(i);
    ReadConnectors(g["connectors"], ParseGroup(g["classification"].str()), out);
  }
  out.default_group = ParseGroup(p["defaultConnectorsClassification"].str());
  ValueRef rules = p["customConnectorUrlPatternsDefinition"]["rules"];
  for (size_t i = 0; i < rules.size(); ++i) {
    Group g = ParseGroup(rules.at(i)["customConnectorRuleClassification"].str());
    std::string h = HostPattern(rules.at(i)["pattern"].str());
    if (g != kNone && !h.empty()) AddUnique(out.host_patterns[g], h);
  }
  return true;
}

bool ReadApiPolicy(ValueRef p, Policy& out) {
  ValueRef def = p["properties"]["definition"];
  if (!def["apiGroups"].is_object()) return false;
  out.name = std::string(p["properties"]["displayName"].str());
  ValueRef groups = def["apiGroups"];
  for (size_t i = 0; i < groups.size(); ++i) {
    ReadConnectors(groups.value_at(i)["apis"], ParseGroup(groups.key_at(i)), out);
  }
  out.default_group = ParseGroup(def["defaultApiGroup"].str());
  return true;
}

bool IsTerraformAttributes(ValueRef v) {
  return v.is_object() && (v["business_connectors"].valid() ||
                           v["non_business_connectors"].valid() || v["blocked_connectors"].valid());
}

void ReadTerraform(ValueRef v, Policy& out) {
  out.name = std::string(v["display_name"].str());
  ReadConnectors(v["business_connectors"], kBusiness, out);
  ReadConnectors(v["non_business_connectors"], kNonBusiness, out);
  ReadConnectors(v["blocked_connectors"], kBlocked, out);
  out.default_group = ParseGroup(v["default_connectors_classification"].str());
  ValueRef patterns = v["custom_connectors_patterns"];
  for (size_t i = 0; i < patterns.size(); ++i) {
    Group g = ParseGroup(patterns.at(i)["data_group"].str());
    std::string h = HostPattern(patterns.at(i)["host_url_pattern"].str());
    if (g != kNone && !h.empty()) AddUnique(out.host_patterns[g], h);
  }
}

constexpr std::string_view kTfType = "powerplatform_data_loss_prevention_policy";

// Terraform JSON forms: show -json (values.root_module, child_modules),
// state (resources[].instances[].attributes), .tf.json (resource.<type>.<name>).
void FindTerraform(ValueRef v, std::vector<Policy>& out, int depth) {
  if (depth > 16 || !v.valid()) return;
  if (v.is_object()) {
    if (v["type"].str() == kTfType) {
      if (IsTerraformAttributes(v["values"])) {
        out.emplace_back();
        ReadTerraform(v["values"], out.back());
      }
      ValueRef inst = v["instances"];
      for (size_t i = 0; i < inst.size(); ++i) {
        if (IsTerraformAttributes(inst.at(i)["attributes"])) {
          out.emplace_back();
          ReadTerraform(inst.at(i)["attributes"], out.back());
        }
      }
      return;
    }
    ValueRef by_type = v["resource"][kTfType];
    for (size_t i = 0; i < by_type.size(); ++i) {
      if (IsTerraformAttributes(by_type.value_at(i))) {
        out.emplace_back();
        ReadTerraform(by_type.value_at(i), out.back());
      }
    }
    for (std::string_view key : {"values", "root_module", "planned_values", "prior_state"}) {
      FindTerraform(v[key], out, depth + 1);
    }
    for (std::string_view key : {"resources", "child_modules"}) {
      ValueRef list = v[key];
      for (size_t i = 0; i < list.size(); ++i) FindTerraform(list.at(i), out, depth + 1);
    }
  }
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void List(std::string& out, std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += "    " + std::string(key) + ":\n";
  for (const auto& i : items) out += "      - " + Quote(i) + "\n";
}

}  // namespace

core::Result<DlpImport> ImportDlpPolicy(std::shared_ptr<const core::SourceFile> source) {
  const std::string name = source->name();
  auto parsed = core::Document::ParseJson(source);
  if (!parsed.ok()) return parsed.status();
  ValueRef root = parsed.value()->root();

  std::vector<Policy> policies;
  auto read_one = [&](ValueRef p) {
    Policy pol;
    if (ReadV2(p, pol) || ReadApiPolicy(p, pol)) {
      policies.push_back(std::move(pol));
    } else if (IsTerraformAttributes(p)) {
      policies.emplace_back();
      ReadTerraform(p, policies.back());
    }
  };
  if (root.is_array()) {
    for (size_t i = 0; i < root.size(); ++i) read_one(root.at(i));
  } else if (root["value"].is_array()) {
    for (size_t i = 0; i < root["value"].size(); ++i) read_one(root["value"].at(i));
  } else {
    read_one(root);
  }
  if (policies.empty()) FindTerraform(root, policies, 0);
  if (policies.empty()) {
    return core::Status::InvalidInput(
        name,
        "not a Power Platform DLP policy: expected connectorGroups (admin API v2), "
        "properties.definition.apiGroups (apiPolicies) or business_connectors (Terraform "
        "powerplatform_data_loss_prevention_policy)",
        1, 1);
  }

  // Several policies: where they disagree the strictest wins, as Power
  // Platform applies every policy at once (blocked over business over
  // non-business).
  DlpImport result;
  result.policies = policies.size();
  Policy merged;
  Group default_group = kNone;
  std::vector<std::string> names;
  for (auto& p : policies) {
    if (!p.name.empty()) names.push_back(p.name);
    for (int g = 0; g < 3; ++g) {
      for (auto& c : p.groups[g]) AddUnique(merged.groups[g], c);
      for (auto& h : p.host_patterns[g]) AddUnique(merged.host_patterns[g], h);
    }
    if (p.default_group == kBlocked || default_group == kNone ||
        (p.default_group == kBusiness && default_group == kNonBusiness)) {
      if (p.default_group != kNone) default_group = p.default_group;
    }
  }
  auto in = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find_if(v.begin(), v.end(),
                        [&](const std::string& x) { return core::IEquals(x, s); }) != v.end();
  };
  std::vector<std::string> business, non_business;
  for (const auto& c : merged.groups[kBusiness]) {
    if (!in(merged.groups[kBlocked], c)) business.push_back(c);
  }
  for (const auto& c : merged.groups[kNonBusiness]) {
    if (!in(merged.groups[kBlocked], c) && !in(business, c)) non_business.push_back(c);
  }
  result.connectors = business.size() + non_business.size() + merged.groups[kBlocked].size();

  std::string y;
  y += "# Imported from " + name + " by `flowwarden policy import-dlp`.\n";
  y += "# Power Platform DLP groups become host groups: a workflow may not combine\n";
  y += "# business and non-business connectors, and blocked ones may not be used.\n";
  y += "version: 1\n";
  std::string title = "Power Platform DLP";
  if (!names.empty()) {
    title += ": ";
    for (size_t i = 0; i < names.size(); ++i) title += (i > 0 ? ", " : "") + names[i];
  }
  y += "name: " + Quote(title) + "\n";
  y += "host_groups:\n";
  // The default group (for connectors the policy does not list) gets
  // "shared_*" and comes last, since a connector belongs to the first group
  // that lists it.
  struct Out {
    Group g;
    const char* name;
    const std::vector<std::string>* connectors;
  };
  std::vector<Out> order = {{kBusiness, "business", &business},
                            {kNonBusiness, "non-business", &non_business},
                            {kBlocked, "blocked", &merged.groups[kBlocked]}};
  std::stable_partition(order.begin(), order.end(),
                        [&](const Out& o) { return o.g != default_group; });
  for (const auto& o : order) {
    y += "  " + std::string(o.name) + ":\n";
    std::string desc = o.g == kBusiness      ? "DLP business data group (Confidential)"
                       : o.g == kNonBusiness ? "DLP non-business data group (General)"
                                             : "DLP blocked group";
    if (o.g == default_group) desc += "; the default group for unlisted connectors";
    y += "    description: " + Quote(desc) + "\n";
    std::vector<std::string> connectors = *o.connectors;
    if (o.g == default_group) connectors.push_back("shared_*");
    List(y, "connectors", connectors);
    List(y, "hosts", merged.host_patterns[o.g]);
    if (o.g == kBusiness) y += "    separate_from: [\"non-business\"]\n";
    if (o.g == kNonBusiness) y += "    separate_from: [\"business\"]\n";
    if (o.g == kBlocked) y += "    blocked: true\n";
  }
  result.yaml = std::move(y);
  return result;
}

}  // namespace fw::policy
