// The policy library: what an organisation allows (components, connectors,
// community packages, external hosts and which data may go to which host
// group), which settings and logging it requires, who must own what, and how
// strictly risk is judged. Policies are YAML files validated against
// schemas/policy.schema.json and loaded in three stages:
//
//   read     one file: YAML -> core::Document, schema-validated, every error
//            with file, line and column (ReadPolicyFile);
//   merge    several files in order into one PolicySpec: lists extend,
//            conflicting scalars are an error naming both places (MergePolicies);
//   compile  wildcards pre-compiled and rules indexed by platform
//            (CompilePolicy) into the CompiledPolicy that evaluation runs.
//
// LoadPolicy does all three for files and folders (*.yaml, *.yml). What the
// user wrote (PolicySpec) and what runs (CompiledPolicy) are different types.
// A rule text is never evaluated as code: patterns are globs.
//
// Thread-safety: loading is reentrant; a CompiledPolicy is immutable once
// built and may be shared by threads evaluating workflows.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/json.h"
#include "detect/fields.h"
#include "model/finding.h"
#include "model/inventory.h"

namespace fw::policy {

// Where a policy statement is written; findings name it ("blocked by
// policies/connectors.yaml:12").
struct PolicySource {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string ToString() const;  // "file:line"
};

// ---- stage 1: read ---------------------------------------------------------

// One policy file, read and schema-validated. Keeps its Document alive.
struct PolicyFile {
  std::string name;
  std::shared_ptr<const core::Document> document;
  core::ValueRef root;
};

// ---- stage 2: merge (what the user wrote, with positions) ------------------

struct PatternSpec {
  std::string text;  // glob: '*' any run of characters, '?' one; ASCII case ignored
  PolicySource where;
};

// What a component rule lists: node types, connector names or community
// package names.
enum class ComponentKind : uint8_t { kNodeType, kConnector, kCommunityPackage };
std::string_view ComponentKindName(ComponentKind k);

struct ComponentRuleSpec {
  ComponentKind kind = ComponentKind::kNodeType;
  std::optional<model::Platform> platform;  // none: every platform
  std::vector<PatternSpec> allow;           // when any applies, others are not allowed
  std::vector<PatternSpec> block;
  std::string reason;
  PolicySource where;
};

struct HostGroupSpec {
  std::string name;  // e.g. "business", "non-business", "blocked"
  std::vector<PatternSpec> hosts;
  std::vector<PatternSpec> connectors;
  bool data_listed = false;                // `data:` given
  std::vector<detect::DataClass> data;     // classes that may go to this group
  std::vector<std::string> separate_from;  // groups a workflow may not combine with this one
  bool blocked = false;                    // nothing may use this group
  PolicySource blocked_where;              // line 0: `blocked` not written
  PolicySource data_where;                 // the first `data:` list
  PolicySource separate_where;             // the first `separate_from:` list
  PolicySource where;
};

// A required setting or logging expectation: `name` is an n8n setting
// (saveDataErrorExecution, errorWorkflow, callerPolicy...) or a workflow
// fact key ("nodered.*", "logicapps.*"...).
struct SettingSpec {
  std::optional<model::Platform> platform;
  std::string name;
  std::vector<std::string> one_of;   // value must be one of these
  std::vector<std::string> none_of;  // value must not be one of these
  bool must_be_set = false;          // value must not be empty
  bool unset_ok = false;             // an unset value passes one_of/none_of
  bool logging = false;              // from `logging:` (logging-gap) not `settings:`
  std::string reason;
  PolicySource where;
};

struct OwnershipSpec {
  std::optional<bool> require_owner;
  PolicySource require_owner_where;
  std::optional<bool> entry_point_named_owner;
  PolicySource entry_point_where;
  std::vector<model::Exposure> entry_point_exposures;  // default: internet, third-party
  std::vector<PatternSpec> generic_owners;             // owners that are not a named person
};

struct SeverityFloorSpec {
  std::string rule;      // glob on rule ids, or ""
  std::string category;  // exact category, or ""
  model::Severity min_severity = model::Severity::kInfo;
  PolicySource where;
};

struct RiskSpec {
  std::optional<std::string> fail_on;  // severity name or "never"
  PolicySource fail_on_where;
  std::optional<double> fail_on_score;
  PolicySource fail_on_score_where;
  std::vector<SeverityFloorSpec> floors;
};

struct PolicySpec {
  std::vector<std::string> files;  // in merge order
  std::vector<ComponentRuleSpec> components;
  std::vector<PatternSpec> approved_hosts;
  std::vector<HostGroupSpec> host_groups;  // merged by name
  std::vector<SettingSpec> settings;
  OwnershipSpec ownership;
  RiskSpec risk;
};

// ---- stage 3: compile (what runs) -----------------------------------------

// Pre-compiled globs: exact texts in a hash map, "prefix*" and "*suffix"
// as string compares, anything else by a glob matcher.
class PatternSet {
 public:
  // `tag` is returned by Match (e.g. an index into the owner's list).
  void Add(std::string_view pattern, uint32_t tag);
  // Tag of the first pattern (in Add order) matching `text`, or -1.
  int64_t Match(std::string_view text) const;
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }

 private:
  struct Entry {
    std::string text;  // lower case; prefix/suffix without the '*'
    uint32_t tag;
    uint32_t order;
  };
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> exact_;  // -> tag, order
  std::vector<Entry> prefixes_;
  std::vector<Entry> suffixes_;
  std::vector<Entry> globs_;
  bool match_all_ = false;
  uint32_t match_all_tag_ = 0;
  uint32_t match_all_order_ = 0;
  size_t count_ = 0;
};

// One compiled allow/block list for one kind of component.
struct CompiledComponents {
  PatternSet allow;  // tags index `sources`
  PatternSet block;
  std::vector<PolicySource> sources;
  std::vector<std::string> reasons;
  bool has_allow = false;
  size_t first_allow = 0;  // index in sources of the first allow pattern
};

struct CompiledHostGroup {
  HostGroupSpec spec;
  PatternSet hosts;
  PatternSet connectors;
};

struct CompiledPolicy {
  // Indexed by model::Platform; each holds the rules for that platform plus
  // the platform-independent ones, so a workflow meets only what applies.
  static constexpr size_t kPlatforms = 6;
  struct PerPlatform {
    CompiledComponents node_types;
    CompiledComponents connectors;
    CompiledComponents community_packages;
    std::vector<const SettingSpec*> settings;
  };
  PerPlatform platforms[kPlatforms];

  PatternSet approved_hosts;  // tags index host_sources
  std::vector<PolicySource> host_sources;
  std::vector<CompiledHostGroup> host_groups;

  PolicySpec spec;  // what was written (settings, ownership, risk point into it)
  PatternSet generic_owners;

  // Waivers are parsed by src/policy/waivers: each `waivers:` sequence found,
  // with the file it is in. `documents` keeps every ValueRef alive.
  std::vector<std::pair<core::ValueRef, std::string>> waiver_sections;
  std::vector<std::shared_ptr<const core::Document>> documents;

  CompiledPolicy() = default;
  CompiledPolicy(const CompiledPolicy&) = delete;  // settings point into spec
  CompiledPolicy& operator=(const CompiledPolicy&) = delete;
};

// ---- loading ---------------------------------------------------------------

// Reads and schema-validates one policy file. Every schema error is added to
// `errors` with file, line and column; returns nullopt if any was found.
std::optional<PolicyFile> ParsePolicyFile(std::shared_ptr<const core::SourceFile> source,
                                          core::Diagnostics& errors);

// Merges files in order. Conflicting scalars (two different fail_on values,
// two different required values for one setting) are errors naming both places.
PolicySpec MergePolicies(const std::vector<PolicyFile>& files, core::Diagnostics& errors);

// Compiles a merged spec; semantic errors (a floor with neither rule nor
// category, unknown group in separate_from) go to `errors`.
std::unique_ptr<CompiledPolicy> CompilePolicy(PolicySpec spec, const std::vector<PolicyFile>& files,
                                              core::Diagnostics& errors);

// Reads every path (a file, or a folder's *.yaml / *.yml files in name
// order), merges and compiles. Returns null, with every diagnostic in
// `errors`, when any file fails: nothing is evaluated under a policy that
// did not load.
std::unique_ptr<CompiledPolicy> LoadPolicy(const core::FileSystem& fs,
                                           const std::vector<std::string>& paths,
                                           core::Diagnostics& errors);

// The policy schema (schemas/policy.schema.json, embedded at build time).
std::string_view PolicySchemaText();

}  // namespace fw::policy
