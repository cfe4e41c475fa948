#include "core/url.h"

#include <cctype>

#include "core/text.h"

namespace fw::core {

namespace {

bool IsSchemeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool ParseIpv4(std::string_view host, int out[4]) {
  int part = 0;
  int value = -1;
  for (char c : host) {
    if (c == '.') {
      if (value < 0 || part >= 3) return false;
      out[part++] = value;
      value = -1;
    } else if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
      if (value > 255) return false;
    } else {
      return false;
    }
  }
  if (value < 0 || part != 3) return false;
  out[3] = value;
  return true;
}

}  // namespace

bool ParseUrl(std::string_view text, UrlParts* out) {
  text = Trim(text);
  size_t colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    if (!IsSchemeChar(text[i])) return false;
  }
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  out->scheme = ToLower(text.substr(0, colon));
  std::string_view rest = text.substr(colon + 3);
  size_t authority_end = rest.find_first_of("/?#");
  // Expressions may hold '/' (n8n's {{ $json.a/b }}, Power Automate's and
  // Logic Apps' @{concat('a', '/b')}); keep their braces together.
  size_t brace = rest.find('{');
  if (brace != std::string_view::npos && brace < authority_end) {
    size_t depth = 0;
    size_t after = rest.size();
    for (size_t i = brace; i < rest.size(); ++i) {
      if (rest[i] == '{') ++depth;
      if (rest[i] == '}' && depth > 0 && --depth == 0) {
        after = i + 1;
        while (after < rest.size() && rest[after] == '}') ++after;
        break;
      }
    }
    size_t next = rest.substr(after).find_first_of("/?#");
    authority_end = next == std::string_view::npos ? std::string_view::npos : after + next;
  }
  std::string_view authority = rest.substr(0, authority_end);
  out->path_and_query = authority_end == std::string_view::npos
                            ? std::string()
                            : std::string(rest.substr(authority_end));
  // The last '@' outside an expression separates user information.
  size_t at = std::string_view::npos;
  for (size_t i = 0, depth = 0; i < authority.size(); ++i) {
    if (authority[i] == '{') ++depth;
    if (authority[i] == '}' && depth > 0) --depth;
    if (authority[i] == '@' && depth == 0 &&
        (i + 1 >= authority.size() || authority[i + 1] != '{')) {
      at = i;
    }
  }
  if (at != std::string_view::npos) {
    out->userinfo = std::string(authority.substr(0, at));
    authority = authority.substr(at + 1);
  } else {
    out->userinfo.clear();
  }
  std::string_view host = authority;
  out->port.clear();
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view after = host.substr(close + 1);
    if (!after.empty() && after.front() == ':') out->port = std::string(after.substr(1));
    host = host.substr(1, close - 1);
  } else {
    size_t pc = host.rfind(':');
    if (pc != std::string_view::npos && host.find('{') == std::string_view::npos) {
      out->port = std::string(host.substr(pc + 1));
      host = host.substr(0, pc);
    }
  }
  out->host = ToLower(host);
  out->host_is_literal = !host.empty() && host.find_first_of("{}$ ()") == std::string_view::npos;
  return !host.empty();
}

std::vector<std::string_view> FindUrls(std::string_view text) {
  std::vector<std::string_view> urls;
  size_t pos = 0;
  while ((pos = text.find("://", pos)) != std::string_view::npos) {
    size_t start = pos;
    while (start > 0 && IsSchemeChar(text[start - 1])) --start;
    std::string_view scheme = text.substr(start, pos - start);
    std::string lower = ToLower(scheme);
    // Strip a leading non-alpha part (e.g. "=http").
    while (!lower.empty() && !std::isalpha(static_cast<unsigned char>(lower[0]))) {
      lower.erase(0, 1);
      ++start;
    }
    size_t end = pos + 3;
    int depth = 0;
    while (end < text.size()) {
      char c = text[end];
      if (c == '{' && end + 1 < text.size() && text[end + 1] == '{') {
        ++depth;
        end += 2;
        continue;
      }
      if (c == '}' && end + 1 < text.size() && text[end + 1] == '}' && depth > 0) {
        --depth;
        end += 2;
        continue;
      }
      if (depth == 0 &&
          (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '`' ||
           c == '<' || c == '>' || c == ')' || c == ']' || c == ',' || c == '\\')) {
        break;
      }
      ++end;
    }
    if (!lower.empty() && end > pos + 3) urls.push_back(text.substr(start, end - start));
    pos = end;
  }
  return urls;
}

HostScope ClassifyHost(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "0.0.0.0" || EndsWith(host, ".localhost")) {
    return HostScope::kLoopback;
  }
  int ip[4];
  if (ParseIpv4(host, ip)) {
    if (ip[0] == 127) return HostScope::kLoopback;
    if (ip[0] == 10 || (ip[0] == 172 && ip[1] >= 16 && ip[1] <= 31) ||
        (ip[0] == 192 && ip[1] == 168) || (ip[0] == 169 && ip[1] == 254)) {
      return HostScope::kPrivate;
    }
    return HostScope::kPublic;
  }
  if (host.find(':') != std::string_view::npos) {  // IPv6
    std::string lower = ToLower(host);
    if (lower.rfind("fc", 0) == 0 || lower.rfind("fd", 0) == 0 || lower.rfind("fe80", 0) == 0) {
      return HostScope::kPrivate;
    }
    return HostScope::kPublic;
  }
  if (host.find('.') == std::string_view::npos || EndsWith(host, ".local") ||
      EndsWith(host, ".internal") || EndsWith(host, ".lan") || EndsWith(host, ".home.arpa")) {
    return HostScope::kLocalName;
  }
  return HostScope::kPublic;
}

}  // namespace fw::core
