// A small, allocation-light URL splitter for what automations hold: absolute
// http(s) and other scheme URLs, possibly with n8n-style expressions inside.
// Pure functions; no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::core {

struct UrlParts {
  std::string scheme;    // lower case
  std::string userinfo;  // "user:password" as written (may be empty)
  std::string host;      // lower case, without brackets for IPv6
  std::string port;
  std::string path_and_query;
  bool host_is_literal = true;  // false when the host holds an expression
};

// Parses an absolute URL ("scheme://..."); returns false for anything else.
bool ParseUrl(std::string_view text, UrlParts* out);

// Finds absolute http(s)/ftp/ws URLs inside free text (parameters, code).
std::vector<std::string_view> FindUrls(std::string_view text);

enum class HostScope { kLoopback, kPrivate, kLocalName, kPublic };
// Loopback: localhost, 127/8, ::1. Private: RFC 1918, link-local, ULA.
// LocalName: single-label names (docker-compose services), *.local,
// *.internal, *.localhost. Public: everything else.
HostScope ClassifyHost(std::string_view host);

}  // namespace fw::core
