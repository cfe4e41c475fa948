// Recognising platform expressions ({{ ... }} templates, n8n's leading '=',
// $env / $credentials references). A value that is an expression is computed
// at run time and is never a literal secret. Pure functions.
#pragma once

#include <string_view>

namespace fw::detect {

// True if the value holds a template expression anywhere (n8n "={{ }}",
// Make "{{1.field}}", Power Automate "@{...}" / "@triggerBody()").
bool HasExpression(std::string_view value);
// True if the whole value is computed (n8n: starts with '=' and holds {{ }}
// or a $-reference; Power Automate: starts with '@').
bool IsExpression(std::string_view value);
// True if an expression pulls in data from the run (items, request, AI
// output) rather than only constants such as $now, $env or $workflow.
bool ExpressionReferencesInput(std::string_view value);
// True if an expression reads a request header or query value
// ($json.headers..., $json.query..., $request...).
bool ExpressionReadsRequestSecret(std::string_view value);

}  // namespace fw::detect
