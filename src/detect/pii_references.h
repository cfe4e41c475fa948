// Which data fields an expression or a piece of code reads: the property
// paths behind n8n's `$json.email`, `$json["e-mail"]`, `{{ $json.body.phone }}`,
// `$('Form').item.json.email`, `$node["Form"].json.email`, `item.json.email`;
// Make's `{{1.email}}`; Power Automate's and Logic Apps' `triggerBody()?['email']`,
// `body('Get_item')?['Email']`, `items('Apply_to_each')?['email']`; Node-RED's
// `msg.payload.email`. The sensitive-data flow check classifies the fields
// with ClassifyField and follows them back to where they entered.
//
// Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fw::detect {

struct FieldReference {
  // The step whose output is read: n8n `$('Form')`/`$node["Form"]`, Power
  // Automate `body('Get_item')` ("Get_item"), Make `{{3.email}}` ("3");
  // "#trigger" for triggerBody()/triggerOutputs(); "" for the current item.
  std::string node;
  // Property names after the item's data, in order: {"body", "email"}.
  // Array indices are left out.
  std::vector<std::string> path;
  size_t offset = 0;  // where the reference starts in the text
  size_t length = 0;
  // True when the whole item (or a whole container such as `body`) is read:
  // `{{ $json }}`, `JSON.stringify($json.body)`, `triggerBody()`.
  bool whole_item = false;

  // The last name of the path that says what the data is: skips containers
  // and generic leaves (`value`, `text`, `0`...) so that
  // `$json.properties.email.value` names "email". "" when none does.
  std::string_view Field() const;
};

// Every reference in `text`, in order. Make-style `{{1.field}}` references
// count only inside `{{ }}`.
std::vector<FieldReference> FindFieldReferences(std::string_view text);

// True for names that hold other fields rather than being one: body, json,
// data, payload, query, params, properties, fields, item(s), record, row,
// result(s), output, input.
bool IsContainerName(std::string_view name);

}  // namespace fw::detect
