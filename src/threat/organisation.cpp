#include "threat/organisation.h"

#include <libpsl.h>

#include <array>
#include <cctype>

#include "core/text.h"

namespace fw::threat {

namespace {

struct Vendor {
  std::string_view match;   // substring of the folded connector name
  std::string_view domain;  // registrable domain
  std::string_view name;
};

// Order matters: the first entry whose `match` occurs in the folded name
// wins, so specific names come before general ones ("sendgrid" before
// "grid"-like prefixes, "googlegemini" is Google).
constexpr std::array kVendors = {
    Vendor{"hubspot", "hubspot.com", "HubSpot"},
    Vendor{"salesforce", "salesforce.com", "Salesforce"},
    Vendor{"slack", "slack.com", "Slack"},
    Vendor{"openai", "openai.com", "OpenAI"},
    Vendor{"anthropic", "anthropic.com", "Anthropic"},
    Vendor{"mistral", "mistral.ai", "Mistral AI"},
    Vendor{"gmail", "google.com", "Google"},
    Vendor{"google", "google.com", "Google"},
    Vendor{"gemini", "google.com", "Google"},
    Vendor{"youtube", "google.com", "Google"},
    Vendor{"office365", "microsoft.com", "Microsoft"},
    Vendor{"microsoft", "microsoft.com", "Microsoft"},
    Vendor{"outlook", "microsoft.com", "Microsoft"},
    Vendor{"sharepoint", "microsoft.com", "Microsoft"},
    Vendor{"onedrive", "microsoft.com", "Microsoft"},
    Vendor{"teams", "microsoft.com", "Microsoft"},
    Vendor{"excelonline", "microsoft.com", "Microsoft"},
    Vendor{"commondataservice", "microsoft.com", "Microsoft"},
    Vendor{"dynamics", "microsoft.com", "Microsoft"},
    Vendor{"azure", "microsoft.com", "Microsoft"},
    Vendor{"approvals", "microsoft.com", "Microsoft"},
    Vendor{"aws", "amazon.com", "Amazon Web Services"},
    Vendor{"amazon", "amazon.com", "Amazon Web Services"},
    Vendor{"stripe", "stripe.com", "Stripe"},
    Vendor{"paypal", "paypal.com", "PayPal"},
    Vendor{"airtable", "airtable.com", "Airtable"},
    Vendor{"notion", "notion.so", "Notion"},
    Vendor{"telegram", "telegram.org", "Telegram"},
    Vendor{"whatsapp", "whatsapp.com", "WhatsApp (Meta)"},
    Vendor{"facebook", "facebook.com", "Meta"},
    Vendor{"instagram", "facebook.com", "Meta"},
    Vendor{"sendgrid", "sendgrid.com", "Twilio SendGrid"},
    Vendor{"twilio", "twilio.com", "Twilio"},
    Vendor{"mailchimp", "mailchimp.com", "Mailchimp"},
    Vendor{"github", "github.com", "GitHub"},
    Vendor{"gitlab", "gitlab.com", "GitLab"},
    Vendor{"jira", "atlassian.com", "Atlassian"},
    Vendor{"confluence", "atlassian.com", "Atlassian"},
    Vendor{"trello", "atlassian.com", "Atlassian"},
    Vendor{"discord", "discord.com", "Discord"},
    Vendor{"zendesk", "zendesk.com", "Zendesk"},
    Vendor{"shopify", "shopify.com", "Shopify"},
    Vendor{"dropbox", "dropbox.com", "Dropbox"},
    Vendor{"pipedrive", "pipedrive.com", "Pipedrive"},
    Vendor{"zoom", "zoom.us", "Zoom"},
    Vendor{"supabase", "supabase.com", "Supabase"},
    Vendor{"pinecone", "pinecone.io", "Pinecone"},
    Vendor{"asana", "asana.com", "Asana"},
    Vendor{"clickup", "clickup.com", "ClickUp"},
    Vendor{"monday", "monday.com", "monday.com"},
    Vendor{"linkedin", "linkedin.com", "LinkedIn"},
    Vendor{"twitter", "x.com", "X (Twitter)"},
    Vendor{"intercom", "intercom.com", "Intercom"},
    Vendor{"freshdesk", "freshworks.com", "Freshworks"},
    Vendor{"quickbooks", "intuit.com", "Intuit"},
    Vendor{"xero", "xero.com", "Xero"},
    Vendor{"docusign", "docusign.com", "DocuSign"},
    Vendor{"typeform", "typeform.com", "Typeform"},
    Vendor{"calendly", "calendly.com", "Calendly"},
    Vendor{"mailgun", "mailgun.com", "Mailgun"},
    Vendor{"postmark", "postmarkapp.com", "Postmark"},
    Vendor{"cohere", "cohere.com", "Cohere"},
    Vendor{"groq", "groq.com", "Groq"},
    Vendor{"deepseek", "deepseek.com", "DeepSeek"},
    Vendor{"huggingface", "huggingface.co", "Hugging Face"},
    Vendor{"perplexity", "perplexity.ai", "Perplexity"},
    Vendor{"openrouter", "openrouter.ai", "OpenRouter"},
    Vendor{"cloudflare", "cloudflare.com", "Cloudflare"},
};

// Vendors serving APIs from a second registrable domain.
struct Alias {
  std::string_view domain;
  std::string_view owner;
};
constexpr std::array kAliases = {
    Alias{"hubapi.com", "hubspot.com"},
    Alias{"googleapis.com", "google.com"},
    Alias{"googleusercontent.com", "google.com"},
    Alias{"gstatic.com", "google.com"},
    Alias{"microsoftonline.com", "microsoft.com"},
    Alias{"office.com", "microsoft.com"},
    Alias{"office365.com", "microsoft.com"},
    Alias{"sharepoint.com", "microsoft.com"},
    Alias{"windows.net", "microsoft.com"},
    Alias{"azure.com", "microsoft.com"},
    Alias{"live.com", "microsoft.com"},
    Alias{"amazonaws.com", "amazon.com"},
    Alias{"slack-edge.com", "slack.com"},
    Alias{"telegram.me", "telegram.org"},
    Alias{"t.me", "telegram.org"},
    Alias{"stripe.network", "stripe.com"},
    Alias{"atlassian.net", "atlassian.com"},
    Alias{"githubusercontent.com", "github.com"},
    Alias{"graph.facebook.com", "facebook.com"},
    Alias{"api.notion.com", "notion.so"},
};

std::string Fold(std::string_view connector) {
  std::string s = core::ToLower(connector);
  if (s.rfind("shared_", 0) == 0) s.erase(0, 7);
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out.push_back(c);
  }
  return out;
}

const Vendor* FindVendorByDomain(std::string_view domain) {
  for (const auto& v : kVendors) {
    if (v.domain == domain) return &v;
  }
  return nullptr;
}

const psl_ctx_t* Psl() {
  // psl_latest prefers the system list (publicsuffix package) when it is
  // newer than the built-in one; both are read-only after loading.
  static const psl_ctx_t* ctx = [] {
    const psl_ctx_t* c = psl_latest(nullptr);
    return c != nullptr ? c : psl_builtin();
  }();
  return ctx;
}

bool IsIpLiteral(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return true;
  for (char c : host) {
    if (c != '.' && std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// Without a suffix list: the last two labels, or three under a two-letter
// country code with a generic second level (co.uk, com.au).
std::string FallbackDomain(std::string_view host) {
  size_t last = host.rfind('.');
  if (last == std::string_view::npos || last == 0) return std::string(host);
  size_t second = host.rfind('.', last - 1);
  if (second == std::string_view::npos) return std::string(host);
  std::string_view sld = host.substr(second + 1, last - second - 1);
  bool cc = host.size() - last - 1 == 2;
  if (cc && (sld == "co" || sld == "com" || sld == "org" || sld == "net" || sld == "ac" ||
             sld == "gov" || sld == "edu")) {
    size_t third = second == 0 ? std::string_view::npos : host.rfind('.', second - 1);
    return std::string(third == std::string_view::npos ? host : host.substr(third + 1));
  }
  return std::string(host.substr(second + 1));
}

}  // namespace

std::string RegistrableDomain(std::string_view host) {
  std::string h = core::ToLower(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.empty() || IsIpLiteral(h) || h.find('.') == std::string::npos) return h;
  for (const auto& a : kAliases) {
    if (a.domain.find('.') != a.domain.rfind('.') && h == a.domain) return std::string(a.owner);
  }
  std::string domain;
  if (const psl_ctx_t* psl = Psl(); psl != nullptr) {
    const char* d = psl_registrable_domain(psl, h.c_str());
    if (d != nullptr) domain = d;
  }
  if (domain.empty()) domain = FallbackDomain(h);
  for (const auto& a : kAliases) {
    if (domain == a.domain) return std::string(a.owner);
  }
  return domain;
}

Organisation OrganisationOfHost(std::string_view host) {
  Organisation org;
  org.key = RegistrableDomain(host);
  if (const Vendor* v = FindVendorByDomain(org.key); v != nullptr) {
    org.name = std::string(v->name) + " (" + org.key + ")";
    org.known = true;
  } else {
    org.name = org.key;
  }
  return org;
}

Organisation OrganisationOfConnector(std::string_view connector) {
  const std::string folded = Fold(connector);
  for (const auto& v : kVendors) {
    if (folded.find(v.match) != std::string::npos) {
      return Organisation{std::string(v.domain),
                          std::string(v.name) + " (" + std::string(v.domain) + ")", true};
    }
  }
  Organisation org;
  org.key = folded.empty() ? std::string("unknown") : folded;
  org.name = connector.empty() ? std::string("Unknown service") : std::string(connector);
  return org;
}

bool IsGenericConnector(std::string_view connector) {
  static constexpr std::array<std::string_view, 19> kGeneric = {
      "httprequest", "http", "httpwebhook", "graphql",   "websocket",     "tcp",  "udp",
      "mqtt",        "amqp", "email",       "emailsend", "emailreadimap", "imap", "smtp",
      "ftp",         "sftp", "ssh",         "rabbitmq",  "kafka"};
  const std::string f = Fold(connector);
  for (auto g : kGeneric) {
    if (f == g) return true;
  }
  return false;
}

bool IsSelfHostedStore(std::string_view connector) {
  static constexpr std::array<std::string_view, 18> kStores = {
      "postgres", "mysql",   "mariadb", "microsoftsql",  "sql",    "sqlite",
      "redis",    "mongodb", "oracle",  "elasticsearch", "qdrant", "weaviate",
      "milvus",   "chroma",  "questdb", "timescaledb",   "crate",  "filesystem"};
  const std::string f = Fold(connector);
  for (auto s : kStores) {
    if (f == s || (f.size() > s.size() && f.rfind(s, 0) == 0)) return true;
  }
  return false;
}

}  // namespace fw::threat
