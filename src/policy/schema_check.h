// Validates a policy Document against schemas/policy.schema.json (valijson)
// and turns every schema error into a diagnostic at the offending YAML value:
// "unknown key 'alow_hosts' (expected one of: approved)", "expected a
// string, found a number". Internal to the policy module.
//
// Thread-safety: the parsed schema is built once (thread-safe static) and
// only read afterwards.
#pragma once

#include "core/diagnostic.h"
#include "core/json.h"

namespace fw::policy {

// Adds one diagnostic per schema violation under `root` to `errors`;
// returns true when there was none.
bool ValidateAgainstSchema(const core::ValueRef& root, core::Diagnostics& errors);

}  // namespace fw::policy
