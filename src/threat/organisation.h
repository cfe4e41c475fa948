// Which organisation an external host or connector belongs to, so a diagram
// draws one trust boundary per third party: api.hubspot.com, app.hubspot.com
// and api.hubapi.com are all HubSpot. Hosts are grouped by registrable domain
// (the public suffix list through libpsl, plus a short alias table for
// vendors that serve APIs from a second domain); connectors without a host
// by a table of well-known services.
//
// Internal header of fw_threat. Pure functions; safe from any thread (the
// suffix list is loaded once).
#pragma once

#include <string>
#include <string_view>

namespace fw::threat {

struct Organisation {
  std::string key;     // registrable domain ("hubspot.com"), or a connector name when unknown
  std::string name;    // for people: "HubSpot (hubspot.com)"
  bool known = false;  // found in the vendor table
};

// "api.eu1.hubspot.com" -> "hubspot.com"; "foo.co.uk" -> "foo.co.uk".
// An IP address or a single label is returned as it is.
std::string RegistrableDomain(std::string_view host);

Organisation OrganisationOfHost(std::string_view host);

// The vendor behind a connector name as platforms write it ("hubspot",
// "googleSheets", "shared_office365", "google-sheets"). Unknown connectors
// get their own organisation keyed by the folded name, known = false.
Organisation OrganisationOfConnector(std::string_view connector);

// Connectors that name a protocol rather than a service (HTTP Request, MQTT,
// e-mail): their destination is the host they call, if known.
bool IsGenericConnector(std::string_view connector);

// Databases and brokers a company usually runs itself (Postgres, MySQL,
// Redis...): without a public host they sit in the internal-data-stores
// boundary.
bool IsSelfHostedStore(std::string_view connector);

}  // namespace fw::threat
