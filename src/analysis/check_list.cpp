// The one table of every check: metadata and the function that runs it.
// `flowwarden rules` and docs/rules.md are generated from this table.
#include <array>

#include "analysis/check.h"
#include "analysis/checks/checks.h"

namespace fw::analysis {

namespace {

using namespace checks;  // NOLINT(google-build-using-namespace)

constexpr std::array kChecks = {
    Check{{"n8n.webhook.no-auth", "unauthenticated-entry-point",
           "Webhook accepts requests without authentication", "LCNC-SEC-04", "CWE-306", 8.0, 7.0,
           "Set the Webhook's Authentication to Header Auth, Basic Auth or JWT Auth. A header "
           "comparison in a following If/Code node is weaker: prefer the built-in option.",
           "A Webhook node with authentication missing or 'none' runs its workflow for anyone who "
           "knows the URL. Webhook URLs leak through browser history, logs and shared docs."},
          WebhookNoAuth},
    Check{{"n8n.form-trigger.no-auth", "unauthenticated-entry-point",
           "Form accepts submissions without authentication", "LCNC-SEC-04", "CWE-306", 7.0, 6.0,
           "Set the Form Trigger's Authentication to Basic Auth, or put the form behind your "
           "identity provider; rate-limit and validate what it accepts.",
           "A public n8n form lets anyone submit data that the workflow then processes and "
           "stores; bots find such forms quickly."},
          FormTriggerNoAuth},
    Check{{"n8n.chat-trigger.public", "unauthenticated-entry-point",
           "Public chat accepts messages without authentication", "LCNC-SEC-04", "CWE-306", 8.0, 7.0,
           "Set the Chat Trigger's Authentication to Basic Auth or n8n User Auth, or turn off "
           "'Make Chat Publicly Available'.",
           "A public Chat Trigger without authentication lets anyone talk to the AI agent behind "
           "it, using its tools, credentials and model budget (prompt injection, data theft)."},
          ChatTriggerPublic},
    Check{{"n8n.mcp-trigger.no-auth", "unauthenticated-entry-point",
           "MCP server exposes tools without authentication", "LCNC-SEC-04", "CWE-306", 8.0, 8.0,
           "Set the MCP Server Trigger's Authentication to Bearer or Header Auth.",
           "An MCP Server Trigger publishes the workflow's tools to any MCP client; without "
           "authentication anyone can call them with the workflow's credentials."},
          McpTriggerNoAuth},
    Check{{"n8n.wait.webhook-no-auth", "unauthenticated-entry-point",
           "Wait node resumes on an unauthenticated webhook", "LCNC-SEC-04", "CWE-306", 5.0, 6.0,
           "Set the Wait node's Authentication (incomingAuthentication) when resuming on a webhook.",
           "A Wait node set to resume on a webhook continues the paused run for whoever calls the "
           "resume URL, with data they choose."},
          WaitWebhookNoAuth},
    Check{{"n8n.code.execution", "code-execution", "Step runs custom code", "LCNC-SEC-05",
           "CWE-94", 4.0, 8.0,
           "Prefer built-in nodes; keep code short and reviewed; never evaluate input as code; "
           "restrict NODE_FUNCTION_ALLOW_BUILTIN/EXTERNAL on the instance.",
           "Code, Function, Function Item, AI Transform and LangChain Code nodes run arbitrary "
           "JavaScript or Python inside n8n, with access to every item and often to the network."},
          CodeExecution},
    Check{{"n8n.command.execution", "code-execution", "Step runs operating-system commands",
           "LCNC-SEC-05", "CWE-78", 5.0, 9.0,
           "Remove Execute Command/SSH where possible; otherwise run fixed commands only, with a "
           "least-privileged account, and disable the node type on instances that do not need it "
           "(NODES_EXCLUDE).",
           "Execute Command runs shell commands on the n8n host; SSH runs them on another host. "
           "Both reach far beyond the workflow."},
          CommandExecution},
    Check{{"n8n.sql.injection", "injection", "SQL query built from run-time data", "LCNC-SEC-06",
           "CWE-89", 5.0, 8.0,
           "Use query parameters ($1 with Query Parameters / options.queryReplacement) instead of "
           "{{ }} inside the SQL text.",
           "An SQL node whose query text interpolates {{ }} expressions lets whoever controls that "
           "data change the query: read other rows, modify or drop tables."},
          SqlInjection},
    Check{{"n8n.nosql.injection", "injection", "Database query built from run-time data",
           "LCNC-SEC-06", "CWE-943", 5.0, 7.0,
           "Build the query from fixed structure and put run-time values only in value positions; "
           "validate types first.",
           "MongoDB, Elasticsearch and Redis queries that splice {{ }} expressions let input add "
           "operators or commands to the query."},
          NoSqlInjection},
    Check{{"n8n.command.injection", "injection", "Shell command built from run-time data",
           "LCNC-SEC-06", "CWE-78", 6.0, 9.0,
           "Never put {{ }} expressions in a command line; pass data through files or environment "
           "and validate it against an allow-list.",
           "Execute Command and SSH nodes whose command interpolates run-time data let that data "
           "run its own commands (`; rm -rf`, `$(curl ...)`)."},
          CommandInjection},
    Check{{"n8n.http.url-from-input", "injection", "Request address taken from run-time data",
           "LCNC-SEC-06", "CWE-918", 5.0, 7.0,
           "Fix the host in the URL and put run-time values only in the path or query; if the "
           "host must vary, check it against an allow-list first.",
           "An HTTP Request whose scheme or host comes from a webhook's input or an AI agent's "
           "choice can be aimed at internal services and cloud metadata endpoints (SSRF)."},
          UrlFromInput},
    Check{{"n8n.file.access", "filesystem-access", "Step reads or writes files on the n8n host",
           "LCNC-SEC-05", "CWE-73", 4.0, 6.0,
           "Limit file access with N8N_RESTRICT_FILE_ACCESS_TO and never take paths from input.",
           "Read/Write Files from Disk, Read/Write Binary File(s), Read PDF, Spreadsheet File and "
           "Local File Trigger touch the file system of the machine running n8n."},
          FilesystemAccess},
    Check{{"transport.plaintext-http", "insecure-transport",
           "Data sent over plaintext HTTP", "LCNC-SEC-04", "CWE-319", 5.0, 6.0,
           "Use https:// for every host that is not on this machine.",
           "http:// to a host beyond this machine sends data and credentials readable and "
           "changeable by anyone on the network path."},
          PlaintextHttp},
    Check{{"transport.tls-verification-disabled", "insecure-transport",
           "TLS certificate checks turned off", "LCNC-SEC-04", "CWE-295", 5.0, 7.0,
           "Turn certificate checks back on ('Ignore SSL Issues' off in n8n, 'Verify server "
           "certificate' on in Node-RED); install the right CA certificate instead.",
           "allowUnauthorizedCerts / ignore SSL issues accept any certificate, so encryption no "
           "longer proves who is on the other end."},
          TlsVerificationDisabled},
    Check{{"n8n.transport.plaintext-ftp", "insecure-transport", "Files transferred over plain FTP",
           "LCNC-SEC-04", "CWE-319", 5.0, 6.0,
           "Switch the FTP node's protocol to SFTP.",
           "The FTP node defaults to plain FTP, which sends the login and the files unencrypted."},
          PlaintextFtp},
    Check{{"n8n.secret.header", "hardcoded-secret", "Credential written into an HTTP header",
           "LCNC-SEC-08", "CWE-798", 7.0, 8.0,
           "Move the value into an n8n credential (Header Auth / Generic Credential) and rotate it.",
           "Literal Authorization or API-key header values are stored in clear text in the "
           "workflow and in every export, backup and copy of it."},
          SecretInHeader},
    Check{{"n8n.secret.url-userinfo", "hardcoded-secret", "Password written into a URL",
           "LCNC-SEC-08", "CWE-798", 7.0, 8.0,
           "Remove user:password from the URL; use a credential and rotate the password.",
           "A URL of the form scheme://user:password@host carries a password that ends up in "
           "logs, error messages and exports."},
          SecretInUrlUserinfo},
    Check{{"n8n.secret.query-parameter", "hardcoded-secret",
           "Credential written into a query parameter", "LCNC-SEC-08", "CWE-798", 7.0, 8.0,
           "Use an n8n credential (Query Auth) and rotate the key; query strings are logged by "
           "proxies and servers.",
           "api_key / token style query parameters with literal values expose the key in the "
           "workflow, in exports and in every access log on the way."},
          SecretInQuery},
    Check{{"n8n.secret.body", "hardcoded-secret", "Password or key written into a request body",
           "LCNC-SEC-08", "CWE-798", 7.0, 8.0,
           "Reference a credential or an environment variable instead of a literal value, and "
           "rotate the secret.",
           "password, client_secret or api_key fields with literal values in a body or parameter "
           "are stored in clear text with the workflow."},
          SecretInBody},
    Check{{"n8n.settings.caller-policy-any", "excessive-permission",
           "Any workflow may call this workflow", "LCNC-SEC-02", "CWE-284", 4.0, 6.0,
           "Set 'This workflow can be called by' to the workflows that need it "
           "(callerPolicy workflowsFromSameOwner or workflowsFromAList).",
           "callerPolicy 'any' lets every workflow on the instance run this one, with its "
           "credentials, whoever owns the caller."},
          CallerPolicyAny},
    Check{{"n8n.settings.error-executions-not-saved", "logging-gap",
           "Failed executions are not saved", "LCNC-SEC-10", "CWE-778", 4.0, 4.0,
           "Set 'Save failed production executions' to Save (saveDataErrorExecution: all).",
           "With saveDataErrorExecution 'none' a failure or abuse leaves no execution record."},
          ErrorExecutionsNotSaved},
    Check{{"n8n.settings.no-error-workflow", "logging-gap",
           "Internet-facing workflow has no error workflow", "LCNC-SEC-10", "CWE-778", 3.0, 4.0,
           "Set an error workflow that alerts the owner (Slack, e-mail, ticket).",
           "A workflow that the internet can start should tell someone when it fails; without an "
           "error workflow, failures and probing go unnoticed."},
          NoErrorWorkflow},
    Check{{"n8n.pindata.personal-data", "sensitive-data-exposure",
           "Pinned test data holds personal data", "LCNC-SEC-03", "CWE-359", 5.0, 7.0,
           "Unpin the data or replace it with synthetic values before sharing or exporting.",
           "pinData keeps sample items inside the workflow; real e-mail addresses, phone numbers "
           "or card numbers there leave with every export, template and backup."},
          PinnedPersonalData},
};

}  // namespace

std::span<const Check> AllChecks() { return kChecks; }

}  // namespace fw::analysis
