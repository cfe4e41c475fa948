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
void SecretInHeader(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretInUrlUserinfo(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretInQuery(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void SecretInBody(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void CallerPolicyAny(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void ErrorExecutionsNotSaved(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void NoErrorWorkflow(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);
void PinnedPersonalData(const WorkflowView& wf, const RuleInfo& rule, Reporter& out);

}  // namespace fw::analysis::checks
