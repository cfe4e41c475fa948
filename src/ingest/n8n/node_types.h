// What flowwarden knows about n8n node types: the role each plays and who can
// fire the entry points. Facts from n8n's node catalogue; unknown types fall
// back on naming conventions (…Trigger is an entry point, …Tool a connector).
#pragma once

#include <string_view>

#include "model/inventory.h"

namespace fw::ingest::n8n {

struct NodeTypeInfo {
  model::NodeRole role;
  model::Exposure exposure;
};

NodeTypeInfo ClassifyNodeType(std::string_view type);

// The short name after the package prefix: "n8n-nodes-base.webhook" -> "webhook".
std::string_view ShortType(std::string_view type);
// True for n8n's own packages (n8n-nodes-base, @n8n/n8n-nodes-langchain).
bool IsCorePackage(std::string_view type);

}  // namespace fw::ingest::n8n
