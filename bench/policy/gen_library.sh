#!/usr/bin/env bash
# gen_library.sh DIR: writes a 200-rule policy library into DIR (five files)
# and prints the number of rules. A "rule" is one pattern, setting, floor or
# ownership requirement: what a reviewer would count as a line of policy.
set -euo pipefail
DIR="$1"
mkdir -p "$DIR"
n=0

{
  echo "components:"
  echo "  - platform: n8n"
  echo "    allow:"
  echo "      - \"n8n-nodes-base.*\""
  echo "      - \"@n8n/n8n-nodes-langchain.*\""
  n=$((n + 2))
  for i in $(seq 1 18); do echo "      - \"n8n-nodes-partner$i.*\""; done
  n=$((n + 18))
  echo "    block:"
  for t in executeCommand ssh readWriteFile localFileTrigger ftp; do echo "      - n8n-nodes-base.$t"; done
  n=$((n + 5))
  for i in $(seq 1 15); do echo "      - \"n8n-nodes-base.legacy${i}*\""; done
  n=$((n + 15))
  echo "  - platform: nodered"
  echo "    block: [exec, file, \"file in\", watch, \"node-red-contrib-*shell*\"]"
  n=$((n + 5))
  echo "community_packages:"
  echo "  - platform: n8n"
  echo "    allow:"
  for i in $(seq 1 15); do echo "      - \"@acme$i/n8n-nodes-*\""; done
  n=$((n + 15))
  echo "connectors:"
  echo "  - block:"
  for i in $(seq 1 15); do echo "      - consumer-service-$i"; done
  n=$((n + 15))
} > "$DIR/connectors.yaml"

{
  echo "hosts:"
  echo "  approved:"
  for i in $(seq 1 40); do echo "    - \"*.vendor$i.example.com\""; done
  for i in $(seq 1 20); do echo "    - \"api$i.partner.example\""; done
  for i in $(seq 1 10); do echo "    - \"*-gw$i.*.example.net\""; done
  n=$((n + 70))
  echo "host_groups:"
  echo "  business:"
  echo "    connectors: [hubspot, salesforce, postgres, googleSheets, microsoftSql, airtable, notion, shared_office365]"
  echo "    hosts: [\"*.crm.example\", \"*.erp.example\"]"
  echo "    data: [personal, financial, public]"
  echo "    separate_from: [non-business]"
  n=$((n + 10))
  echo "  non-business:"
  echo "    connectors: [slack, telegram, discord, twitter]"
  echo "    data: [public]"
  n=$((n + 4))
  echo "  ai:"
  echo "    connectors: [openAi, lmChatOpenAi, anthropic]"
  echo "    data: [personal, public]"
  n=$((n + 3))
  echo "  payments:"
  echo "    hosts: [api.stripe.com, \"*.adyen.com\"]"
  echo "    data: [financial, personal, public]"
  n=$((n + 2))
  echo "  blocked:"
  echo "    hosts: [pastebin.com, \"*.ngrok.io\", \"*.ngrok-free.app\", transfer.sh]"
  echo "    blocked: true"
  n=$((n + 4))
} > "$DIR/hosts.yaml"

{
  echo "settings:"
  for s in callerPolicy; do
    printf '  - platform: n8n\n    setting: %s\n    none_of: [any]\n' "$s"
  done
  for s in timezone executionOrder saveManualExecutions; do
    printf '  - platform: n8n\n    setting: %s\n    none_of: [forbidden-value]\n' "$s"
  done
  printf '  - platform: logicapps\n    setting: logicapps.trigger-access\n    none_of: [none]\n'
  n=$((n + 5))
  echo "logging:"
  printf '  - platform: n8n\n    setting: saveDataErrorExecution\n    one_of: [all]\n    unset_ok: true\n'
  printf '  - platform: n8n\n    setting: errorWorkflow\n    set: true\n'
  n=$((n + 2))
} > "$DIR/settings.yaml"

{
  echo "ownership:"
  echo "  require_owner: true"
  echo "  entry_points:"
  echo "    require_named_owner: true"
  echo "    generic_owners: [\"admin*\", \"it@*\", \"automation@*\"]"
  n=$((n + 5))
  echo "risk:"
  echo "  fail_on: high"
  echo "  floors:"
  n=$((n + 1))
  for c in hardcoded-secret unapproved-component logging-gap; do
    printf '    - category: %s\n      min_severity: medium\n' "$c"
  done
  for i in $(seq 1 16); do printf '    - rule: "custom.rule%d.*"\n      min_severity: high\n' "$i"; done
  n=$((n + 19))
} > "$DIR/ownership.yaml"

echo "$n"
