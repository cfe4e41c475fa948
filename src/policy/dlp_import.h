// Power Platform DLP policies as a flowwarden policy file. Reads the shapes
// an administrator can export (docs/decisions/0007-dlp-import.md):
//
//   - the admin API's v2 policies (PowerPlatform.Governance/v2/policies):
//     `connectorGroups` [{classification: Confidential|General|Blocked,
//     connectors: [{id, name, type}]}], `defaultConnectorsClassification`,
//     `customConnectorUrlPatternsDefinition`; alone, under `policyDefinition`
//     or in a `value` list;
//   - the older apiPolicies shape: `properties.definition.apiGroups`
//     {hbi, lbi, blocked: {apis: [...]}} with `defaultApiGroup`;
//   - the Terraform provider's powerplatform_data_loss_prevention_policy
//     (business_connectors, non_business_connectors, blocked_connectors,
//     default_connectors_classification, custom_connectors_patterns) as
//     `terraform show -json` output, a state file, a .tf.json resource or a
//     bare attribute object.
//
// Output: a policy YAML with host groups business, non-business (kept apart
// from business) and blocked, holding connector ids such as
// shared_office365. A pure function: bytes in, text or error out.
#pragma once

#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "core/result.h"
#include "core/source.h"

namespace fw::policy {

struct DlpImport {
  std::string yaml;            // a policy file that validates against the schema
  size_t policies = 0;         // DLP policies read
  size_t connectors = 0;       // connector ids classified
  core::Diagnostics warnings;  // parts skipped
};

core::Result<DlpImport> ImportDlpPolicy(std::shared_ptr<const core::SourceFile> source);

}  // namespace fw::policy
