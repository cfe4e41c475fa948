// The loader stages: read (YAML + schema), merge (files in order), compile
// (patterns and per-platform indexes). The schema has already refused wrong
// keys and types when merge runs, so merge reads values without re-checking
// their shapes beyond what the schema cannot say.
#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/text.h"
#include "core/yaml.h"
#include "policy/policy.h"
#include "policy/schema_check.h"

namespace fw::policy {

namespace {

PolicySource Src(const std::string& file, const core::ValueRef& v) {
  core::Position p = v.position();
  return PolicySource{file, p.line, p.column};
}

std::optional<model::Platform> ParsePlatform(std::string_view s) {
  if (s == "n8n") return model::Platform::kN8n;
  if (s == "nodered") return model::Platform::kNodeRed;
  if (s == "powerautomate") return model::Platform::kPowerAutomate;
  if (s == "logicapps") return model::Platform::kLogicApps;
  if (s == "make") return model::Platform::kMake;
  if (s == "appmodel") return model::Platform::kAppModel;
  return std::nullopt;  // "*" or absent: every platform
}

std::vector<PatternSpec> Patterns(const std::string& file, const core::ValueRef& list) {
  std::vector<PatternSpec> out;
  for (size_t i = 0; i < list.size(); ++i) {
    core::ValueRef v = list.at(i);
    out.push_back(PatternSpec{std::string(v.str()), Src(file, v)});
  }
  return out;
}

std::vector<std::string> Texts(const core::ValueRef& list) {
  std::vector<std::string> out;
  for (size_t i = 0; i < list.size(); ++i) out.emplace_back(list.at(i).text());
  return out;
}

detect::DataClass ParseDataClass(std::string_view s) {
  if (s == "personal") return detect::DataClass::kPersonal;
  if (s == "financial") return detect::DataClass::kFinancial;
  if (s == "health") return detect::DataClass::kHealth;
  if (s == "credential") return detect::DataClass::kCredential;
  if (s == "public") return detect::DataClass::kPublic;
  return detect::DataClass::kUnknown;
}

std::string Conflict(std::string_view what, const std::string& a, const PolicySource& first) {
  return std::string(what) + " conflicts with " + a + " set at " + first.file + ":" +
         std::to_string(first.line) + ":" + std::to_string(first.column);
}

void MergeBool(const std::string& file, const core::ValueRef& v, std::string_view what,
               std::optional<bool>& into, PolicySource& where, core::Diagnostics& errors) {
  if (!v.is_bool()) return;
  bool value = v.boolean();
  if (into.has_value() && *into != value) {
    core::Position p = v.position();
    errors.push_back(
        core::Diagnostic{file, p.line, p.column,
                         Conflict(std::string(what) + ": " + (value ? "true" : "false"),
                                  std::string(*into ? "true" : "false"), where)});
    return;
  }
  if (!into.has_value()) {
    into = value;
    where = Src(file, v);
  }
}

void ReadComponents(const std::string& file, const core::ValueRef& list, ComponentKind kind,
                    PolicySpec& spec) {
  for (size_t i = 0; i < list.size(); ++i) {
    core::ValueRef r = list.at(i);
    ComponentRuleSpec c;
    c.kind = kind;
    c.platform = ParsePlatform(r["platform"].str());
    c.allow = Patterns(file, r["allow"]);
    c.block = Patterns(file, r["block"]);
    c.reason = std::string(r["reason"].str());
    c.where = Src(file, r);
    spec.components.push_back(std::move(c));
  }
}

bool SameSetting(const SettingSpec& a, const SettingSpec& b) {
  return a.one_of == b.one_of && a.none_of == b.none_of && a.must_be_set == b.must_be_set &&
         a.unset_ok == b.unset_ok;
}

void ReadSettings(const std::string& file, const core::ValueRef& list, bool logging,
                  PolicySpec& spec, core::Diagnostics& errors) {
  for (size_t i = 0; i < list.size(); ++i) {
    core::ValueRef r = list.at(i);
    SettingSpec s;
    s.platform = ParsePlatform(r["platform"].str());
    s.name = std::string(r["setting"].str());
    s.one_of = Texts(r["one_of"]);
    s.none_of = Texts(r["none_of"]);
    s.must_be_set = r["set"].boolean(false);
    s.unset_ok = r["unset_ok"].boolean(false);
    s.logging = logging;
    s.reason = std::string(r["reason"].str());
    s.where = Src(file, r);
    if (s.one_of.empty() && s.none_of.empty() && !s.must_be_set) {
      errors.push_back(core::Diagnostic{
          file, s.where.line, s.where.column,
          "setting '" + s.name + "' says nothing: give one_of, none_of or set: true"});
      continue;
    }
    // The same setting for the same platform twice is one scalar written
    // twice: fine when equal, an error when it differs.
    bool duplicate = false;
    for (const auto& prev : spec.settings) {
      if (prev.name != s.name || prev.platform != s.platform || prev.logging != s.logging) continue;
      duplicate = true;
      if (!SameSetting(prev, s)) {
        errors.push_back(core::Diagnostic{
            file, s.where.line, s.where.column,
            Conflict("requirement for setting '" + s.name + "'", "the requirement", prev.where)});
      }
      break;
    }
    if (!duplicate) spec.settings.push_back(std::move(s));
  }
}

void ReadHostGroups(const std::string& file, const core::ValueRef& groups, PolicySpec& spec,
                    core::Diagnostics& errors) {
  for (size_t i = 0; i < groups.size(); ++i) {
    std::string name(groups.key_at(i));
    core::ValueRef g = groups.value_at(i);
    auto it = std::find_if(spec.host_groups.begin(), spec.host_groups.end(),
                           [&](const HostGroupSpec& h) { return h.name == name; });
    if (it == spec.host_groups.end()) {
      spec.host_groups.push_back(HostGroupSpec{});
      it = spec.host_groups.end() - 1;
      it->name = name;
      it->where = Src(file, g);
    }
    auto add = [](std::vector<PatternSpec>& into, std::vector<PatternSpec> more) {
      for (auto& p : more) into.push_back(std::move(p));
    };
    add(it->hosts, Patterns(file, g["hosts"]));
    add(it->connectors, Patterns(file, g["connectors"]));
    if (g["data"].valid()) {
      if (!it->data_listed) it->data_where = Src(file, g["data"]);
      it->data_listed = true;
      for (const auto& d : Texts(g["data"])) {
        detect::DataClass c = ParseDataClass(d);
        if (std::find(it->data.begin(), it->data.end(), c) == it->data.end()) it->data.push_back(c);
      }
    }
    if (g["separate_from"].valid() && it->separate_where.line == 0) {
      it->separate_where = Src(file, g["separate_from"]);
    }
    for (const auto& s : Texts(g["separate_from"])) {
      if (std::find(it->separate_from.begin(), it->separate_from.end(), s) ==
          it->separate_from.end()) {
        it->separate_from.push_back(s);
      }
    }
    if (g["blocked"].is_bool()) {
      bool b = g["blocked"].boolean();
      if (it->blocked_where.line != 0 && it->blocked != b) {
        core::Position p = g["blocked"].position();
        errors.push_back(core::Diagnostic{
            file, p.line, p.column,
            Conflict("host group '" + name + "' blocked: " + (b ? "true" : "false"),
                     it->blocked ? "true" : "false", it->blocked_where)});
      } else if (it->blocked_where.line == 0) {
        it->blocked = b;
        it->blocked_where = Src(file, g["blocked"]);
      }
    }
  }
}

void ReadOwnership(const std::string& file, const core::ValueRef& o, PolicySpec& spec,
                   core::Diagnostics& errors) {
  if (!o.is_object()) return;
  OwnershipSpec& own = spec.ownership;
  MergeBool(file, o["require_owner"], "ownership.require_owner", own.require_owner,
            own.require_owner_where, errors);
  core::ValueRef ep = o["entry_points"];
  MergeBool(file, ep["require_named_owner"], "ownership.entry_points.require_named_owner",
            own.entry_point_named_owner, own.entry_point_where, errors);
  for (const auto& e : Texts(ep["exposures"])) {
    model::Exposure x = e == "internet"      ? model::Exposure::kInternet
                        : e == "third-party" ? model::Exposure::kThirdParty
                                             : model::Exposure::kInternal;
    if (std::find(own.entry_point_exposures.begin(), own.entry_point_exposures.end(), x) ==
        own.entry_point_exposures.end()) {
      own.entry_point_exposures.push_back(x);
    }
  }
  for (auto& p : Patterns(file, ep["generic_owners"])) own.generic_owners.push_back(std::move(p));
}

void ReadRisk(const std::string& file, const core::ValueRef& r, PolicySpec& spec,
              core::Diagnostics& errors) {
  if (!r.is_object()) return;
  RiskSpec& risk = spec.risk;
  if (r["fail_on"].is_string()) {
    std::string v(r["fail_on"].str());
    if (risk.fail_on.has_value() && *risk.fail_on != v) {
      core::Position p = r["fail_on"].position();
      errors.push_back(
          core::Diagnostic{file, p.line, p.column,
                           Conflict("risk.fail_on: " + v, *risk.fail_on, risk.fail_on_where)});
    } else if (!risk.fail_on.has_value()) {
      risk.fail_on = v;
      risk.fail_on_where = Src(file, r["fail_on"]);
    }
  }
  if (r["fail_on_score"].is_number()) {
    double v = r["fail_on_score"].number();
    if (risk.fail_on_score.has_value() && *risk.fail_on_score != v) {
      core::Position p = r["fail_on_score"].position();
      errors.push_back(core::Diagnostic{
          file, p.line, p.column,
          Conflict("risk.fail_on_score: " + std::string(r["fail_on_score"].text()),
                   std::to_string(*risk.fail_on_score), risk.fail_on_score_where)});
    } else if (!risk.fail_on_score.has_value()) {
      risk.fail_on_score = v;
      risk.fail_on_score_where = Src(file, r["fail_on_score"]);
    }
  }
  core::ValueRef floors = r["floors"];
  for (size_t i = 0; i < floors.size(); ++i) {
    core::ValueRef f = floors.at(i);
    SeverityFloorSpec s;
    s.rule = std::string(f["rule"].str());
    s.category = std::string(f["category"].str());
    (void)model::ParseSeverity(f["min_severity"].str(), &s.min_severity);
    s.where = Src(file, f);
    if (s.rule.empty() && s.category.empty()) {
      errors.push_back(core::Diagnostic{file, s.where.line, s.where.column,
                                        "a severity floor needs 'rule' or 'category'"});
      continue;
    }
    risk.floors.push_back(std::move(s));
  }
}

void AddComponents(CompiledComponents& into, const ComponentRuleSpec& c) {
  for (const auto& p : c.allow) {
    if (!into.has_allow) into.first_allow = into.sources.size();
    into.allow.Add(p.text, static_cast<uint32_t>(into.sources.size()));
    into.sources.push_back(p.where);
    into.reasons.push_back(c.reason);
    into.has_allow = true;
  }
  for (const auto& p : c.block) {
    into.block.Add(p.text, static_cast<uint32_t>(into.sources.size()));
    into.sources.push_back(p.where);
    into.reasons.push_back(c.reason);
  }
}

bool IsPolicyFileName(const std::string& path) {
  std::string ext = core::ToLower(std::filesystem::path(path).extension().string());
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

std::optional<PolicyFile> ParsePolicyFile(std::shared_ptr<const core::SourceFile> source,
                                          core::Diagnostics& errors) {
  const std::string name = source->name();
  core::Diagnostics warnings;
  auto parsed = core::ParseYaml(source, &warnings);
  if (!parsed.ok()) {
    errors.push_back(parsed.error());
    return std::nullopt;
  }
  // A duplicate key or a second document is ambiguous in a policy: refuse it.
  bool ok = warnings.empty();
  for (auto& w : warnings) errors.push_back(std::move(w));
  PolicyFile file{name, std::move(parsed).value(), {}};
  file.root = file.document->root();
  if (!file.root.is_null() && !ValidateAgainstSchema(file.root, errors)) ok = false;
  if (!ok) return std::nullopt;
  return file;
}

PolicySpec MergePolicies(const std::vector<PolicyFile>& files, core::Diagnostics& errors) {
  PolicySpec spec;
  for (const auto& f : files) {
    spec.files.push_back(f.name);
    const core::ValueRef& root = f.root;
    if (!root.is_object()) continue;  // an empty file adds nothing
    ReadComponents(f.name, root["components"], ComponentKind::kNodeType, spec);
    ReadComponents(f.name, root["connectors"], ComponentKind::kConnector, spec);
    ReadComponents(f.name, root["community_packages"], ComponentKind::kCommunityPackage, spec);
    for (auto& p : Patterns(f.name, root["hosts"]["approved"])) {
      spec.approved_hosts.push_back(std::move(p));
    }
    ReadHostGroups(f.name, root["host_groups"], spec, errors);
    ReadSettings(f.name, root["settings"], false, spec, errors);
    ReadSettings(f.name, root["logging"], true, spec, errors);
    ReadOwnership(f.name, root["ownership"], spec, errors);
    ReadRisk(f.name, root["risk"], spec, errors);
  }
  return spec;
}

std::unique_ptr<CompiledPolicy> CompilePolicy(PolicySpec spec, const std::vector<PolicyFile>& files,
                                              core::Diagnostics& errors) {
  auto out = std::make_unique<CompiledPolicy>();
  out->spec = std::move(spec);
  const PolicySpec& s = out->spec;
  for (const auto& c : s.components) {
    for (size_t p = 0; p < CompiledPolicy::kPlatforms; ++p) {
      if (c.platform.has_value() && static_cast<size_t>(*c.platform) != p) continue;
      auto& per = out->platforms[p];
      CompiledComponents& into = c.kind == ComponentKind::kNodeType    ? per.node_types
                                 : c.kind == ComponentKind::kConnector ? per.connectors
                                                                       : per.community_packages;
      AddComponents(into, c);
    }
  }
  for (const auto& st : s.settings) {
    for (size_t p = 0; p < CompiledPolicy::kPlatforms; ++p) {
      if (st.platform.has_value() && static_cast<size_t>(*st.platform) != p) continue;
      out->platforms[p].settings.push_back(&st);
    }
  }
  for (const auto& h : s.approved_hosts) {
    out->approved_hosts.Add(h.text, static_cast<uint32_t>(out->host_sources.size()));
    out->host_sources.push_back(h.where);
  }
  for (const auto& g : s.host_groups) {
    CompiledHostGroup cg;
    cg.spec = g;
    for (size_t i = 0; i < g.hosts.size(); ++i)
      cg.hosts.Add(g.hosts[i].text, static_cast<uint32_t>(i));
    for (size_t i = 0; i < g.connectors.size(); ++i) {
      cg.connectors.Add(g.connectors[i].text, static_cast<uint32_t>(i));
    }
    for (const auto& other : g.separate_from) {
      bool known = std::any_of(s.host_groups.begin(), s.host_groups.end(),
                               [&](const HostGroupSpec& h) { return h.name == other; });
      if (!known) {
        errors.push_back(core::Diagnostic{g.where.file, g.where.line, g.where.column,
                                          "host group '" + g.name + "': separate_from names '" +
                                              other + "', which is not a host group"});
      }
    }
    out->host_groups.push_back(std::move(cg));
  }
  for (size_t i = 0; i < s.ownership.generic_owners.size(); ++i) {
    out->generic_owners.Add(s.ownership.generic_owners[i].text, static_cast<uint32_t>(i));
  }
  for (const auto& f : files) {
    out->documents.push_back(f.document);
    if (f.root.is_object() && f.root["waivers"].is_array()) {
      out->waiver_sections.emplace_back(f.root["waivers"], f.name);
    }
  }
  return out;
}

std::unique_ptr<CompiledPolicy> LoadPolicy(const core::FileSystem& fs,
                                           const std::vector<std::string>& paths,
                                           core::Diagnostics& errors) {
  const size_t before = errors.size();
  std::vector<std::string> names;
  for (const auto& p : paths) {
    if (fs.IsDirectory(p)) {
      size_t found = 0;
      for (const auto& f : fs.ListFiles(p)) {
        if (!IsPolicyFileName(f)) continue;
        names.push_back(std::filesystem::path(f).generic_string());
        ++found;
      }
      if (found == 0)
        errors.push_back(core::Diagnostic{p, 0, 0, "no *.yaml policy files in this folder"});
    } else if (fs.Exists(p)) {
      names.push_back(std::filesystem::path(p).generic_string());
    } else {
      errors.push_back(core::Diagnostic{p, 0, 0, "no such file or directory"});
    }
  }
  std::vector<PolicyFile> files;
  for (const auto& name : names) {
    auto bytes = fs.ReadFile(name);
    if (!bytes.ok()) {
      core::Diagnostic d = bytes.error();
      d.file = name;
      errors.push_back(std::move(d));
      continue;
    }
    auto source = std::make_shared<core::SourceFile>(name, std::move(bytes).value());
    auto file = ParsePolicyFile(std::move(source), errors);
    if (file.has_value()) files.push_back(std::move(*file));
  }
  if (errors.size() != before) return nullptr;
  PolicySpec spec = MergePolicies(files, errors);
  if (errors.size() != before) return nullptr;
  auto compiled = CompilePolicy(std::move(spec), files, errors);
  if (errors.size() != before) return nullptr;
  return compiled;
}

}  // namespace fw::policy
