// One plain sentence per finding: who can do what to which data or service.
// Written for managers: no rule ids, no category names, no jargon.
#include <cctype>

#include "core/text.h"
#include "risk/risk.h"

namespace fw::risk {

namespace {

std::string_view TopicPhrase(std::string_view topic) {
  static constexpr std::pair<std::string_view, std::string_view> kPhrases[] = {
      {"email", "e-mail addresses"},
      {"phone", "phone numbers"},
      {"person-name", "names"},
      {"postal-address", "postal addresses"},
      {"date-of-birth", "dates of birth"},
      {"national-id", "national ID numbers"},
      {"passport", "passport numbers"},
      {"driver-license", "driving licence numbers"},
      {"ip-address", "IP addresses"},
      {"username", "user names"},
      {"gender", "gender"},
      {"nationality", "nationality"},
      {"marital-status", "marital status"},
      {"special-category", "sensitive personal details"},
      {"iban", "bank account numbers"},
      {"bank-account", "bank account numbers"},
      {"bic", "bank details"},
      {"card-number", "card numbers"},
      {"card-expiry", "card details"},
      {"card-security-code", "card security codes"},
      {"salary", "salaries"},
      {"income", "income details"},
      {"tax-id", "tax numbers"},
      {"creditworthiness", "credit ratings"},
      {"diagnosis", "diagnoses"},
      {"medication", "medication details"},
      {"medical-record", "medical records"},
      {"medical-condition", "medical conditions"},
      {"allergy", "allergies"},
      {"blood-type", "blood types"},
      {"health-insurance", "health insurance details"},
      {"password", "passwords"},
      {"api-key", "API keys"},
      {"token", "access tokens"},
      {"secret", "secrets"},
      {"credential", "credentials"},
  };
  for (const auto& [t, p] : kPhrases) {
    if (t == topic) return p;
  }
  return {};
}

std::string JoinAnd(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

// "Customer e-mail addresses and phone numbers", or "" when no sensitive
// field is known. At most three kinds, most telling first.
std::string DataPhrase(const Factors& f) {
  std::vector<std::string> phrases;
  for (const auto& t : f.data_topics) {
    std::string_view p = TopicPhrase(t);
    if (p.empty() || p == "passwords" || p == "API keys" || p == "access tokens" ||
        p == "secrets" || p == "credentials") {
      continue;  // credentials are described by the secret findings themselves
    }
    bool dup = false;
    for (const auto& have : phrases) dup = dup || have == p;
    if (!dup && phrases.size() < 3) phrases.emplace_back(p);
  }
  if (phrases.empty()) return {};
  bool health = false;
  for (auto c : f.data) health = health || c == detect::DataClass::kHealth;
  return (health ? "Patient " : "Customer ") + JoinAnd(phrases);
}

std::string ServiceName(std::string_view connector) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"hubspot", "HubSpot"},
      {"salesforce", "Salesforce"},
      {"gmail", "Gmail"},
      {"office365", "Office 365"},
      {"outlook", "Outlook"},
      {"sharepoint", "SharePoint"},
      {"onedrive", "OneDrive"},
      {"googlesheets", "Google Sheets"},
      {"googledrive", "Google Drive"},
      {"postgres", "PostgreSQL"},
      {"mysql", "MySQL"},
      {"mongo", "MongoDB"},
      {"slack", "Slack"},
      {"teams", "Microsoft Teams"},
      {"stripe", "Stripe"},
      {"shopify", "Shopify"},
      {"airtable", "Airtable"},
      {"dynamics", "Dynamics 365"},
      {"dataverse", "Dataverse"},
      {"commondataservice", "Dataverse"},
      {"sql", "SQL Server"},
      {"aws", "AWS"},
      {"azure", "Azure"},
      {"ssh", "SSH"},
      {"telegram", "Telegram"},
      {"twilio", "Twilio"},
      {"zendesk", "Zendesk"},
      {"pipedrive", "Pipedrive"},
      {"notion", "Notion"},
      {"dropbox", "Dropbox"},
      {"redis", "Redis"},
      {"smtp", "e-mail"},
      {"ftp", "FTP"},
      {"email", "e-mail"},
      {"sheets", "spreadsheets"},
  };
  std::string lower = core::ToLower(connector);
  for (const auto& [k, v] : kNames) {
    if (lower.find(k) != std::string::npos) return std::string(v);
  }
  // "n8n-nodes-base.hubspotTrigger" -> "hubspotTrigger"; a host name stays
  // whole ("api.pipelinecrm-demo.io").
  size_t dot = connector.rfind('.');
  bool type_id = connector.find("-nodes-") != std::string_view::npos || connector.starts_with("@");
  std::string name(dot == std::string_view::npos || !type_id ? connector
                                                             : connector.substr(dot + 1));
  if (!type_id && dot != std::string_view::npos) return name;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

std::string ServicesPhrase(const Factors& f) {
  std::vector<std::string> names;
  for (const auto& s : f.services) {
    std::string n = ServiceName(s);
    bool dup = false;
    for (const auto& have : names) dup = dup || have == n;
    if (!dup && !n.empty() && names.size() < 3) names.push_back(std::move(n));
  }
  return JoinAnd(names);
}

std::string HostPhrase(const Factors& f) {
  if (f.platform == "n8n") return "the n8n server";
  if (f.platform == "nodered") return "the Node-RED server";
  if (f.platform == "powerautomate") return "the Power Automate environment";
  if (f.platform == "logicapps") return "the Logic Apps host";
  if (f.platform == "make") return "the Make organisation";
  if (f.platform == "appmodel") return "the app's server";
  return "the automation server";
}

// Who can try: from exposure and authentication.
std::string Who(const Factors& f) {
  switch (f.exposure) {
    case model::Exposure::kInternet:
      if (f.auth == "none") return "anyone on the internet who finds this URL";
      if (f.auth.empty())
        return "anyone on the internet who finds this URL, unless the platform checks callers";
      return "anyone holding the key for this URL";
    case model::Exposure::kThirdParty:
      return "whoever can send events through the connected service";
    case model::Exposure::kInternal:
    case model::Exposure::kNone:
      break;
  }
  return "anyone who can edit or feed this automation";
}

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string Lowered(std::string s) {
  if (s.size() > 1 && std::islower(static_cast<unsigned char>(s[1]))) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

}  // namespace

std::string BusinessImpact(const Factors& f) {
  const std::string data = DataPhrase(f);
  const std::string services = ServicesPhrase(f);
  const std::string host = HostPhrase(f);
  const std::string who = Who(f);
  const std::string holding =
      services.empty() ? std::string() : " that holds the " + services + " credentials";
  const std::string& c = f.category;
  if (c == "unauthenticated-entry-point") {
    if (f.code_execution) return Capitalised(who) + " can run code on " + host + holding + ".";
    if (!data.empty()) return data + " can be read or changed by " + who + ".";
    if (!services.empty()) {
      return Capitalised(who) + " can start this automation and make it act in " + services + ".";
    }
    return Capitalised(who) + " can start this automation as often as they like.";
  }
  if (c == "code-execution") return Capitalised(who) + " can run code on " + host + holding + ".";
  if (c == "injection") {
    if (f.code_execution) return Capitalised(who) + " can run commands on " + host + holding + ".";
    std::string target = !data.empty()       ? Lowered(data)
                         : !services.empty() ? "data in " + services
                                             : "the data it works on";
    return Capitalised(who) + " can change what this automation asks for and read or alter " +
           target + ".";
  }
  if (c == "hardcoded-secret") {
    std::string where = services.empty() ? "the connected service" : services;
    return "Anyone who sees this export or the editor can use the key to act in " + where +
           " in the organisation's name.";
  }
  if (c == "sensitive-data-exposure") {
    std::string what = data.empty() ? "Personal data" : data;
    return what + " can be seen by people or services that should not have them.";
  }
  if (c == "insecure-transport") {
    std::string what = data.empty() ? "Data this automation sends" : data;
    return what + " can be read or changed by anyone on the network path.";
  }
  if (c == "filesystem-access") {
    return Capitalised(who) + " can read or overwrite files on " + host + ".";
  }
  if (c == "excessive-permission") {
    std::string what = services.empty() ? "" : " and use its " + services + " access";
    return "More people and automations than needed can start this one" + what + ".";
  }
  if (c == "logging-gap") {
    return "If this automation is misused or fails, there is no record of what happened or whose "
           "data was affected.";
  }
  if (c == "asset-hygiene") {
    return "Nobody is clearly responsible for this automation, so problems in it can go unnoticed "
           "and unfixed.";
  }
  if (c == "unapproved-component") {
    std::string what = data.empty() ? "" : ", and it handles " + Lowered(data);
    return "This automation depends on a part the organisation has not vetted" + what + ".";
  }
  if (c == "drift") return "This automation no longer matches the version that was approved.";
  if (!data.empty())
    return "A setting of this automation weakens the protection of " + Lowered(data) + ".";
  return "A setting of this automation weakens its protection.";
}

}  // namespace fw::risk
