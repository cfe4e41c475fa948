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
    Check{{"secret.cloud-credential", "hardcoded-secret",
           "Cloud account credential written into a workflow", "LCNC-SEC-08", "CWE-798", 7.0, 9.0,
           "Move the key into the platform's credential store (n8n credentials, Node-RED "
           "credentials, Key Vault references, Make connections) and rotate it at the provider: "
           "everyone who could read the workflow or an export has seen it.",
           "AWS, Google Cloud, Azure and other cloud or hosting keys written literally into "
           "parameters, headers, URLs, code or notes give whoever reads the workflow, an export "
           "or a backup the cloud account behind them. The detector that matched is named in "
           "the finding."},
          SecretCloudCredential},
    Check{{"secret.api-token", "hardcoded-secret", "Service API token written into a workflow",
           "LCNC-SEC-08", "CWE-798", 7.0, 8.0,
           "Move the token into the platform's credential store and rotate it with the service "
           "that issued it.",
           "Tokens with a recognisable format (GitHub, Slack, Stripe, OpenAI, SendGrid, webhook "
           "URLs with their secret part, JWTs and about 150 more) written literally into a "
           "workflow are stored in clear text in every export, backup and copy of it."},
          SecretApiToken},
    Check{{"secret.private-key", "hardcoded-secret", "Private key written into a workflow",
           "LCNC-SEC-08", "CWE-321", 7.0, 9.0,
           "Remove the key, keep it in a credential or a secret store, and replace the key pair: "
           "a published private key cannot be trusted again.",
           "PEM, OpenSSH, PGP and PuTTY private keys and Google service-account key files pasted "
           "into parameters or code let anyone who reads the workflow sign, decrypt or log in "
           "as their owner."},
          SecretPrivateKey},
    Check{{"secret.database-uri", "hardcoded-secret",
           "Database password written into a connection string", "LCNC-SEC-08", "CWE-798", 7.0,
           9.0,
           "Use the platform's database credential instead of a URI with a password, and change "
           "the database password.",
           "postgres://, mysql://, mongodb+srv://, redis://, amqp:// URIs, JDBC URLs and "
           "ADO.NET connection strings that carry a password expose the database to whoever "
           "reads the workflow, its logs or its exports."},
          SecretDatabaseUri},
    Check{{"secret.generic", "hardcoded-secret", "Password or key written into a workflow",
           "LCNC-SEC-08", "CWE-798", 7.0, 8.0,
           "Reference a credential (Header Auth, Query Auth, Basic Auth) or an environment "
           "variable instead of the literal, and rotate the secret.",
           "Literal values of password, api_key, client_secret or token fields, Authorization "
           "header literals (Bearer, Basic, Token), user:password in URLs, secret-looking query "
           "parameters and session cookies are stored in clear text with the workflow. Found by "
           "key names, validation and entropy, not by a provider's format."},
          SecretGeneric},
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
           "pinData keeps sample items inside the workflow; real e-mail addresses, phone numbers, "
           "card numbers, IBANs or national ids there (whole values or inside chat messages and "
           "notes) leave with every export, template and backup."},
          PinnedPersonalData},
    Check{{"data.sensitive-data.to-third-party", "sensitive-data-exposure",
           "Personal or sensitive data sent to a third party", "LCNC-SEC-03", "CWE-359", 5.0, 6.5,
           "Send only the fields the service needs; use services approved for this data (data "
           "processing agreement, region), or mask or pseudonymise the fields before the step.",
           "Personal, financial or health fields that enter through a form, webhook or chat, or "
           "are read from a database, sheet or CRM, reach a step that sends them to an external "
           "service or an AI model provider. Every such service is a processor the organisation "
           "answers for (GDPR Art. 28); until the policy library lists approved services, every "
           "external host counts."},
          SensitiveDataToThirdParty},
    Check{{"data.sensitive-data.in-public-response", "sensitive-data-exposure",
           "Sensitive data returned to unauthenticated callers", "LCNC-SEC-03", "CWE-200", 7.0, 7.0,
           "Authenticate the webhook, and return only what the caller needs (an id or a status), "
           "never records read from a store.",
           "A Respond to Webhook step behind an entry point without authentication returns "
           "personal, financial or health fields read from a data store or another source: "
           "whoever knows or guesses the URL can read them, one request at a time."},
          SensitiveDataInPublicResponse},
    Check{{"data.sensitive-data.in-log", "sensitive-data-exposure",
           "Sensitive data written to a log", "LCNC-SEC-03", "CWE-532", 5.0, 5.5,
           "Log ids, not the fields; mask personal data before logging it or putting it in an "
           "error message.",
           "Error steps, console output of code, debug nodes and log services copy personal, "
           "financial or health fields into execution logs and log stores that many people can "
           "read and that are kept longer than the data itself should be."},
          SensitiveDataInLog},
    // Make (formerly Integromat) and the YAML app model.
    Check{{"make.webhook.no-auth", "unauthenticated-entry-point",
           "Make custom webhook shows no authentication", "LCNC-SEC-04", "CWE-306", 7.0, 7.0,
           "In Make, restrict the webhook to the callers' IP addresses (webhook settings) and "
           "require a shared key: put a filter right after the webhook that admits only requests "
           "whose key header or field equals the expected value.",
           "A custom webhook (gateway:CustomWebHook) starts its scenario for anyone who knows "
           "the URL. IP restrictions live in Make's webhook settings, not in the blueprint; the "
           "only evidence a blueprint can carry is a filter that checks a key."},
          MakeWebhookNoAuth},
    Check{{"make.code.execution", "code-execution", "Make module runs custom code", "LCNC-SEC-05",
           "CWE-94", 4.0, 7.0,
           "Prefer built-in modules and functions; keep code short and reviewed; never evaluate "
           "input as code.",
           "The Make Code app (code:ExecuteCode) and similar modules run user-written JavaScript "
           "or Python on every bundle, with whatever data earlier modules pass in."},
          MakeCodeExecution},
    Check{{"make.http.url-from-input", "injection",
           "Make HTTP request address taken from run-time data", "LCNC-SEC-06", "CWE-918", 5.0, 7.0,
           "Fix the scheme and host in the HTTP module's URL and map run-time values only into "
           "the path or query; if the host must vary, check it against an allow-list in a filter.",
           "An HTTP module whose URL host comes from a mapped value ({{1.callback_url}}) can be "
           "aimed at internal services and cloud metadata endpoints by whoever sends that value "
           "(SSRF)."},
          MakeUrlFromInput},
    Check{{"appmodel.form.public-no-auth", "unauthenticated-entry-point",
           "Public form collects sensitive data without sign-in or CAPTCHA", "LCNC-SEC-04",
           "CWE-306", 6.0, 6.0,
           "Require sign-in (access: authenticated or internal) or at least turn on the "
           "platform's CAPTCHA; rate-limit submissions and validate what the form accepts.",
           "A form anyone can submit that collects personal, financial or health data invites "
           "spam, fake records and abuse of the automations it triggers."},
          AppModelFormPublicNoAuth},
    Check{{"appmodel.webhook.no-auth", "unauthenticated-entry-point",
           "Automation webhook accepts calls without authentication", "LCNC-SEC-04", "CWE-306",
           7.0, 7.0,
           "Require a shared secret header, a signature or an IP allow-list on the webhook, and "
           "record it in the trigger's `auth`.",
           "An automation started by a webhook whose trigger says `auth: none` (or nothing) runs "
           "for anyone who learns the address, with data of their choosing."},
          AppModelWebhookNoAuth},
    Check{{"appmodel.sharing.public-link", "excessive-permission",
           "Sensitive data shared by public link", "LCNC-SEC-02", "CWE-284", 6.0, 8.0,
           "Share with named groups or the organisation instead of a public link; if a link is "
           "needed, give it an expiry, view-only access and no export.",
           "A table, dashboard or app shared by public link (or to anyone) exposes every record "
           "it holds to whoever gets the link; links are forwarded, indexed and leaked."},
          AppModelSharingPublicLink},
    Check{{"appmodel.owner.missing", "asset-hygiene", "App has no declared owner", "LCNC-SEC-09",
           "CWE-1059", 3.0, 4.0,
           "Add app.owners with at least one person or team who answers for the app.",
           "Apps without an owner are not reviewed, not retired and not fixed when a finding "
           "comes in."},
          AppModelOwnerMissing},
    // Node-RED.
    Check{{"nodered.http-in.no-auth", "unauthenticated-entry-point",
           "Node-RED HTTP endpoint accepts requests without authentication", "LCNC-SEC-04",
           "CWE-306", 8.0, 7.0,
           "Set httpNodeAuth ({user, pass} with a bcrypt hash) in settings.js, or put Node-RED "
           "behind a proxy that authenticates; check a token in the flow only as a last resort.",
           "Node-RED serves every 'http in' node at httpNodeRoot to anyone who can reach the "
           "instance unless httpNodeAuth (or custom httpNodeMiddleware) is set in the runtime "
           "settings; the flow itself cannot require a login."},
          NodeRedHttpInNoAuth},
    Check{{"nodered.function.execution", "code-execution", "Node-RED node runs custom code",
           "LCNC-SEC-05", "CWE-94", 4.0, 8.0,
           "Prefer core nodes; keep function code short and reviewed; never evaluate message "
           "content as code; limit functionExternalModules and functionGlobalContext.",
           "Function nodes (and community Python function nodes) run code written into the flow "
           "inside the Node-RED process, with access to every message, context, and with "
           "modules to the file system and network."},
          NodeRedFunctionExecution},
    Check{{"nodered.exec.execution", "code-execution",
           "Node-RED node runs operating-system commands", "LCNC-SEC-05", "CWE-78", 5.0, 9.0,
           "Remove exec and daemon nodes where possible; otherwise run a fixed script with a "
           "least-privileged account, or exclude the node types (nodesExcludes in settings.js).",
           "Exec and daemon nodes run programs on the machine hosting Node-RED, with the "
           "runtime's account and its access."},
          NodeRedExecExecution},
    Check{{"nodered.exec.injection", "injection",
           "Node-RED command line built from message data", "LCNC-SEC-06", "CWE-78", 6.0, 9.0,
           "Turn off 'Append msg.payload' (addpay) and pass data through a file or environment; "
           "if arguments must vary, validate them against an allow-list first and use spawn "
           "mode.",
           "An exec node with addpay appends a message property to its command line and runs it "
           "through a shell: whoever controls that message can add `; rm -rf` or `$(curl ...)`."},
          NodeRedExecInjection},
    Check{{"nodered.file.access", "filesystem-access",
           "Node-RED node reads or writes files on the host", "LCNC-SEC-05", "CWE-73", 4.0, 6.0,
           "Use fixed paths inside a dedicated folder; never take file names from messages "
           "without checking them against an allow-list (no '..', no absolute paths).",
           "File, file in and watch nodes read, write, delete or watch files on the machine "
           "running Node-RED; a file name taken from the message lets its sender pick the path."},
          NodeRedFileAccess},
    Check{{"nodered.settings.admin-no-auth", "unauthenticated-entry-point",
           "Node-RED editor open without a login", "LCNC-SEC-04", "CWE-306", 8.0, 9.0,
           "Set adminAuth in settings.js (type credentials with bcrypt password hashes, or an "
           "OAuth strategy), or set httpAdminRoot: false on instances that need no editor.",
           "Without adminAuth, anyone who reaches the editor or the admin API can read and "
           "deploy flows; a function or exec node then runs their code on the host."},
          NodeRedAdminNoAuth},
    Check{{"nodered.settings.credential-secret", "misconfiguration",
           "Node-RED credentials stored unencrypted or with a clear-text key", "LCNC-SEC-08",
           "CWE-312", 6.0, 7.0,
           "Set credentialSecret from an environment variable "
           "(credentialSecret: process.env.NODE_RED_CREDENTIAL_SECRET) and keep it out of the "
           "repository and backups of the flows.",
           "credentialSecret: false writes node credentials to the flows' credentials file in "
           "clear text; a literal credentialSecret sits in settings.js, usually committed or "
           "backed up together with the file it unlocks."},
          NodeRedCredentialSecret},
    Check{{"wdl.request-trigger.no-auth", "unauthenticated-entry-point",
           "HTTP request trigger protected only by the signed URL", "LCNC-SEC-04", "CWE-306",
           5.0, 7.0,
           "Power Automate: set 'Who can trigger the flow?' to 'Any user in my tenant' or "
           "'Specific users in my tenant'. Logic Apps Consumption: add an OAuth authorization "
           "policy (accessControl.triggers.openAuthenticationPolicies) or allowed caller IP "
           "ranges. Logic Apps Standard: turn on App Service authentication (EasyAuth).",
           "A Request trigger's callback URL carries a SAS signature (sig=) that works for "
           "anyone who holds it, is not tied to a caller and stays valid until the access key "
           "is regenerated. URLs leak through run history, logs, tickets and shared documents."},
          WdlRequestTriggerNoAuth},
    Check{{"wdl.inline-code.execution", "code-execution", "Workflow runs inline code",
           "LCNC-SEC-05", "CWE-94", 4.0, 6.0,
           "Prefer built-in actions or an Azure Function under review and version control; "
           "keep inline code short, never evaluate input as code, and review who may edit the "
           "workflow.",
           "Logic Apps 'Execute JavaScript Code' (JavaScriptCode, InlineCode) runs script with "
           "every output of the run in reach; Standard's C# script and PowerShell actions run "
           ".NET or PowerShell with the app's managed identity and network access."},
          WdlInlineCodeExecution},
    Check{{"wdl.http.url-from-input", "injection", "HTTP action address taken from run-time data",
           "LCNC-SEC-06", "CWE-918", 5.0, 7.0,
           "Fix the scheme and host of the HTTP action's URI (or take them from parameters), and "
           "put run-time values only in the path or query; if the host must vary, check it "
           "against an allow-list in a condition first.",
           "An HTTP action whose URI host comes from @triggerBody(), @body() or an agent's "
           "arguments can be aimed by the caller at internal services and cloud metadata "
           "endpoints (SSRF), with whatever authentication the action adds."},
          WdlHttpUrlFromInput},
};

}  // namespace

std::span<const Check> AllChecks() { return kChecks; }

}  // namespace fw::analysis
