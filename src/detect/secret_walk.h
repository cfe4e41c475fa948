// Walking a parsed JSON tree the way the secret engine wants to see it:
// every string with its key as context. The value of a name/value pair
// ({"name": "Authorization", "value": "Bearer ..."}, {"key": ..., "value":
// ...}, Node-RED's {"keyValue": ..., "valueValue": ...}) gets the pair's name
// as its key; file contents (n8n binary data, objects with a mimeType) are
// marked binary. Shared by the hardcoded-secret check, the tests and the
// benchmark so that all three see the same contexts. Pure; no I/O.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "detect/secret_scanner.h"

namespace fw::detect {

struct SecretSite {
  const core::ValueRef& ref;  // the string value
  std::string_view value;
  SecretContext context;     // key, pointer, binary
  bool pair = false;         // the key is a name/value pair's name
};

// Calls `fn` for every string under `root`, depth-first in document order.
// `pointer` is root's JSON pointer.
void ForEachSecretSite(const core::ValueRef& root, const std::string& pointer,
                       const std::function<void(const SecretSite&)>& fn);

}  // namespace fw::detect
