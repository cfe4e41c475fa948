// Every check function; their metadata lives in check_list.cpp.
#pragma once

#include "analysis/check.h"

namespace fw::analysis::checks {

void WebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void FormTriggerNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void ChatTriggerPublic(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void McpTriggerNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void WaitWebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void CodeExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void CommandExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SqlInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NoSqlInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void CommandInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void UrlFromInput(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void PlaintextFtp(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void FilesystemAccess(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void PlaintextHttp(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void TlsVerificationDisabled(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
// hardcoded-secret, any platform: one check per family of credential.
void SecretCloudCredential(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretApiToken(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretPrivateKey(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretDatabaseUri(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretGeneric(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void CallerPolicyAny(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void ErrorExecutionsNotSaved(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NoErrorWorkflow(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void PinnedPersonalData(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SensitiveDataToThirdParty(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SensitiveDataInPublicResponse(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SensitiveDataInLog(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);

// Make and the YAML app model.
void MakeWebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void MakeCodeExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void MakeUrlFromInput(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void AppModelFormPublicNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void AppModelWebhookNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void AppModelSharingPublicLink(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void AppModelOwnerMissing(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);

// Node-RED.
void NodeRedHttpInNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NodeRedFunctionExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NodeRedExecExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NodeRedExecInjection(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NodeRedFileAccess(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NodeRedAdminNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NodeRedCredentialSecret(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);

// Power Automate and Logic Apps (Workflow Definition Language).
void WdlRequestTriggerNoAuth(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void WdlInlineCodeExecution(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void WdlHttpUrlFromInput(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);

}  // namespace fw::analysis::checks
