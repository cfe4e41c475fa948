// Where personal, financial and health data enters a workflow and where it
// leaves: the analysis behind the data.sensitive-data.* checks.
//
// Sources are the steps data enters through: entry points fired by the
// internet or a third party (form fields, webhook bodies, chat messages,
// pinned sample items of those entry points) and read operations on data
// stores and CRMs (SQL selects, sheet and table reads, contact lookups).
// Sinks are the steps it leaves through: third-party connectors and any step
// calling a non-local host, AI agents and chains through their language
// model, responses to unauthenticated webhook callers, and logs (error
// steps, console output of code, log services, debug nodes).
//
// A sink's fields are the properties its parameters reference
// ($json.email, $('Form').item.json.email, {{1.email}},
// triggerBody()?['email'], msg.payload.email; see detect/pii_references.h),
// classified by name (detect::ClassifyField) or, when the name says nothing,
// by the parameter they fill ("email": "={{ $json.field_3 }}"). Each field is
// followed back along the workflow's connections, through renaming steps
// (n8n Set assignments), to the nearest source that provides it; fields set
// from constants, and fields no source provides, are not reported. Disabled
// steps pass data on (n8n skips them) but never send it anywhere.
//
// Platform-neutral: roles, exposure, auth, connector, hosts and parameters
// from the model; n8n form fields, Set assignments, operations and prompts
// are read where they are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/check.h"
#include "detect/fields.h"

namespace fw::analysis::checks {

enum class SensitiveSink : uint8_t { kThirdParty, kPublicResponse, kLog };

struct SensitiveUse {
  std::string field;        // as the workflow writes it ("email", "First name")
  detect::FieldClass cls;   // personal, financial or health, with its topic
  uint32_t origin = 0;      // node index where the data entered
  std::string origin_kind;  // "form", "webhook request", "chat", "data store read"...
  model::SourceRef where;   // the parameter (or node) that sends it
};

struct SensitiveFlow {
  uint32_t node = 0;  // the sink
  SensitiveSink kind = SensitiveSink::kThirdParty;
  std::string destination;  // "hubspot (api.hubapi.com)", "openAi through 'OpenAI Chat Model'"
  std::vector<SensitiveUse> uses;
};

// Every sink of the workflow that sends protected data, with its fields.
std::vector<SensitiveFlow> FindSensitiveFlows(const WorkflowView& wf);

}  // namespace fw::analysis::checks
