#!/usr/bin/env python3
"""Independent reference emulation of the workflow-based counts of `n8n audit`.

Written from the facts recorded in docs/research/n8n-audit.md (the rules of
n8n's packages/cli/src/security-audit module), not from n8n's code.  It
reproduces four numbers that `n8n audit` reports when every workflow of a
corpus is imported and treated as active:

  webhook     instance report, "Unprotected webhooks in instance"
  risky       nodes report, "Official risky nodes"
  filesystem  filesystem report, "Nodes that interact with the filesystem"
  sql         database report, 'Expressions in "Execute Query" fields in SQL nodes'

It also counts (informational, not compared) the two other database sections:
'Expressions in "Query Parameters" fields' and 'Unused "Query Parameters" fields'.

Usage:
  n8n_audit_reference.py FOLDER [--json OUT] [--respect-active]

Python 3 standard library only.
"""

import argparse
import json
import os
import sys

BASE = "n8n-nodes-base."

SQL_TYPES_WITH_QUERY_PARAMS = frozenset(
    BASE + t for t in ("postgres", "crateDb", "questDb", "timescaleDb")
)
SQL_TYPES = SQL_TYPES_WITH_QUERY_PARAMS | frozenset(
    BASE + t for t in ("mySql", "microsoftSql", "snowflake")
)
WEBHOOK_TYPE = BASE + "webhook"
WEBHOOK_VALIDATOR_TYPES = frozenset(
    BASE + t for t in ("if", "switch", "code", "function", "functionItem")
)
FILESYSTEM_TYPES = frozenset(
    BASE + t
    for t in ("readPdf", "readBinaryFile", "readBinaryFiles", "spreadsheetFile",
              "writeBinaryFile")
)
RISKY_TYPES = frozenset(
    BASE + t
    for t in ("executeCommand", "code", "function", "functionItem", "httpRequest",
              "ssh", "ftp")
)


def is_js_truthy(value):
    """Truthiness as JavaScript sees it (for `!x` tests on JSON values)."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and value == value  # 0 and NaN are falsy
    if isinstance(value, str):
        return value != ""
    return True  # true, objects and arrays (even empty) are truthy


def is_expression(value):
    return isinstance(value, str) and value.startswith("=")


def first_main_children(workflow, node_name):
    """Names of the nodes wired to output 0 of `main` of the named node."""
    conns = workflow.get("connections")
    if not isinstance(conns, dict):
        return None
    entry = conns.get(node_name)
    if not isinstance(entry, dict):
        return None
    main = entry.get("main")
    if not isinstance(main, list) or not main:
        return None
    first = main[0]
    if not isinstance(first, list):
        return None  # null output slot: no children
    return [c.get("node") for c in first if isinstance(c, dict)]


def has_validator_child(workflow, node, nodes):
    children = first_main_children(workflow, node.get("name"))
    if not children:
        return False
    for child in children:
        for other in nodes:
            if other.get("name") == child and other.get("type") in WEBHOOK_VALIDATOR_TYPES:
                return True
    return False


def audit_workflow(workflow, respect_active):
    """Yield (kind, node) for every flag this workflow raises."""
    nodes = [n for n in (workflow.get("nodes") or []) if isinstance(n, dict)]
    active = is_js_truthy(workflow.get("active")) if respect_active else True

    for node in nodes:
        ntype = node.get("type")
        params = node.get("parameters")

        # Instance report: unprotected webhooks (active workflows only).
        if active and ntype == WEBHOOK_TYPE:
            auth_absent = not isinstance(params, dict) or "authentication" not in params
            if auth_absent and not has_validator_child(workflow, node, nodes):
                yield "webhook", node

        # Nodes report: official risky nodes (every workflow, every node).
        if ntype in RISKY_TYPES:
            yield "risky", node

        # Filesystem report (every workflow, every node).
        if ntype in FILESYSTEM_TYPES:
            yield "filesystem", node

        # Database report.
        if ntype in SQL_TYPES and isinstance(params, dict):
            if params.get("operation") != "executeQuery":
                continue
            if is_expression(params.get("query")):
                yield "sql", node
            if ntype not in SQL_TYPES_WITH_QUERY_PARAMS:
                continue
            extra = params.get("additionalFields")
            if not is_js_truthy(extra):
                yield "sql_unused_params", node
            if not isinstance(extra, (dict, list)):
                continue
            if not isinstance(extra, dict) or "queryParams" not in extra:
                yield "sql_unused_params", node
            elif is_expression(extra.get("queryParams")):
                yield "sql_expr_in_params", node


def load_workflows(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    data = json.loads(raw.decode("utf-8-sig"))
    items = data if isinstance(data, list) else [data]
    return [w for w in items if isinstance(w, dict) and isinstance(w.get("nodes"), list)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--json", metavar="OUT", help="write every flagged item to OUT")
    ap.add_argument("--respect-active", action="store_true",
                    help="honour each workflow's own 'active' flag for webhooks "
                         "(default: treat every workflow as active)")
    args = ap.parse_args(argv)

    files = []
    for root, dirs, names in os.walk(args.folder):
        dirs.sort()
        files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".json"))

    unparsable = 0
    workflows = 0
    items = []
    for path in files:
        try:
            wfs = load_workflows(path)
        except (OSError, ValueError, UnicodeDecodeError):
            unparsable += 1
            continue
        rel = os.path.relpath(path, args.folder)
        for wf in wfs:
            workflows += 1
            for kind, node in audit_workflow(wf, args.respect_active):
                items.append({"kind": kind, "file": rel, "workflow": wf.get("name"),
                              "node": node.get("name"), "type": node.get("type")})

    def count(kind):
        return sum(1 for i in items if i["kind"] == kind)

    print(f"files: {len(files)}  unparsable: {unparsable}  workflows: {workflows}")
    for label, kind in (("unprotected webhooks", "webhook"),
                        ("official risky nodes", "risky"),
                        ("filesystem-interaction nodes", "filesystem"),
                        ("SQL queries with expressions", "sql")):
        print(f"{label + ':':<31}{count(kind):>6}")
    print(f"  (info) expressions in query params: {count('sql_expr_in_params')}, "
          f"unused query params: {count('sql_unused_params')}")

    if args.json:
        main_kinds = ("webhook", "risky", "filesystem", "sql")
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump([i for i in items if i["kind"] in main_kinds], fh, indent=1,
                      ensure_ascii=False)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
