#!/usr/bin/env python3
"""SQL statements per step (issue 16): the general procedure against the bare reference, counted by MariaDB.

    ./mvnw -B -q -DskipTests package
    python3 tools/statements.py --database sl_statements          # drops and re-creates that database

The benchmark (tools/benchmark.py) times the steps; this counts what each step asks of the database, Camunda's
statements and ours alike, which Hibernate's statistics (StepQueriesTest) cannot see. It starts the jar on MariaDB
as the benchmark does, drives one warm-up case of each kind, then one case of each kind with one client while
MariaDB's general query log writes to its table (mysql.general_log), and attributes every statement to the HTTP
call whose time window it falls in (claim, submit-form, the task lookup, the start). Before each call the render
queue is drained, so the documents of an earlier step are not counted in a later one; statements of the app's
background work that still fall in a window (job acquisition, the render queue's poll and claim, the publication
poll, a rendered document stored) are told by their shape and counted apart. The log is switched off and emptied
afterwards. A JDBC batch (Camunda batches its inserts into one table) is logged, and counted, once: the counts are
what the app sends, not rows written.

Needs the `mariadb` client and the right to set global variables (SET GLOBAL general_log). The report goes to
target/benchmark/statements[-<label>].json and .md, every logged statement with its window to
statements[-<label>]-log.tsv; nothing is timed.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import threading
import time
from datetime import datetime, timezone

import benchmark as bench

# the app's background work, by the shape of its statements (a step's own reads of the same tables count):
# the render queue's poll, claim and load of a job, Camunda's job acquisition and metrics, the publication poll,
# and Camunda's history clean-up (a job the executor runs in its window, 01:00-05:00 here): its load of the job,
# its deletes by removal time and the log of its run
BACKGROUND = re.compile(
    r"from document_render_job \w+ where \w+\.status='PENDING' and \w+\.next_attempt_at"
    r"|from document_render_job \w+ where \w+\.id=\d+ and \w+\.status="
    r"|^select \w+\.id,\w+\.actor,\w+\.archive_id,.* from document_render_job \w+ where \w+\.id="
    r"|^update document_render_job |^insert into case_document |^insert into case_archive "
    r"|from ACT_RU_JOB RES|ACT_RU_METER_LOG|from ACT_GE_PROPERTY|from publication_outbox"
    r"|where\s+REMOVAL_TIME_\s*<=|^select \* from ACT_RU_JOB where ID_ = "
    r"|^insert into ACT_HI_JOB_LOG(?s:.*)'history-cleanup'",
    re.IGNORECASE)
TABLE = re.compile(r"\b(?:from|into|update|join)\s+`?([A-Za-z_][A-Za-z0-9_]*)`?", re.IGNORECASE)
# whose statement it is, by the first table it names: the process variables' tables, the decisions' (history of a
# DMN evaluation, its definition), the rest of the engine's (tasks, executions, activity history, grants, users),
# the inbox index (ours, the same for both kinds) and our domain's tables
VARIABLE_TABLES = {"ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY"}
GROUPS = ("variables", "decisions", "engine", "inbox", "domain")


def group_of(statement):
    names = [t.upper() if t.upper().startswith("ACT_") else t for t in TABLE.findall(statement)]
    if "task_inbox" in names:
        return "inbox"
    first = names[0] if names else ""
    if first in VARIABLE_TABLES:
        return "variables"
    if first.startswith("ACT_HI_DEC") or first.startswith("ACT_RE_DECISION"):
        return "decisions"
    return "engine" if first.startswith("ACT_") else "domain"


NOISE = re.compile(r"^\s*(set |select @@|show |commit|rollback|start transaction|/\*)", re.IGNORECASE)


class Windows(bench.Client):
    """A client that notes the wall-clock window of every call, and drains the render queue before each."""

    def __init__(self, port, windows):
        super().__init__(port, {}, threading.Lock())
        self.windows = windows
        self.kind = None

    def call(self, user, method, path, body=None, record=None):
        if record and record[1] in ("claim", "submit", "start"):
            bench.wait_for_documents(self.port)
            time.sleep(0.3)
        began = time.time()
        try:
            return super().call(user, method, path, body, record)
        finally:
            if record:
                self.windows.append((began, time.time(), record))


def general_log(database, on):
    if on:
        bench.mariadb(database, "SET GLOBAL general_log = OFF; SET GLOBAL log_output = 'TABLE'; "
                                "TRUNCATE TABLE mysql.general_log; SET GLOBAL general_log = ON")
    else:
        bench.mariadb(database, "SET GLOBAL general_log = OFF")


def logged(database):
    # statements carry binary values (Camunda's byte arrays): read bytes, decode what is text
    text = subprocess.run(["mariadb", "--protocol=TCP", "-h", bench.HOST, "-uroot", "-N", "-B", database, "-e",
                           "SELECT UNIX_TIMESTAMP(event_time), thread_id, command_type, LEFT(argument, 2000) "
                           "FROM mysql.general_log WHERE command_type IN ('Query', 'Execute')"],
                          capture_output=True, check=True).stdout.decode("utf-8", errors="replace")
    rows = []
    for line in text.splitlines():
        parts = line.split("\t", 3)
        if len(parts) == 4:
            # the client's batch mode writes a line break inside a statement as \n, a tab as \t: spaces here, so
            # that a table named on the line after FROM is seen (MyBatis' statements run over many lines)
            statement = re.sub(r"(?:\\[nt])+", " ", parts[3])
            rows.append((float(parts[0]), int(parts[1]), parts[2], statement))
    return rows


def kind_of(statement):
    word = statement.strip().split(None, 1)[0].lower() if statement.strip() else ""
    return word if word in ("select", "insert", "update", "delete") else "other"


def attribute(rows, windows):
    """Per (kind, command, step): counts by statement kind, by table and by whose; background statements apart."""
    counts = collections.defaultdict(collections.Counter)
    groups = collections.defaultdict(collections.Counter)
    tables = collections.defaultdict(collections.Counter)
    background = collections.Counter()
    windows = sorted(windows)
    for at, _thread, _command, statement in rows:
        if NOISE.match(statement):
            continue
        window = next((w for w in windows if w[0] - 0.002 <= at <= w[1] + 0.002), None)
        if window is None:
            continue
        if BACKGROUND.search(statement):
            background[kind_of(statement)] += 1
            continue
        key = window[2]
        counts[key][kind_of(statement)] += 1
        groups[key][group_of(statement)] += 1
        for table in TABLE.findall(statement):
            tables[key][table.upper() if table.upper().startswith("ACT_") else table] += 1
    return counts, tables, groups, background


def whose(groups, steps, report):
    """The 12 steps' claims and submits by whose statements they are, and what the ratio would be without a group."""
    mine = {"general": collections.Counter(), "bare": collections.Counter()}
    for i, key in enumerate(steps, 1):
        for command in ("claim", "submit"):
            mine["general"].update(groups[("general", command, key)])
            mine["bare"].update(groups[("bare", command, f"step{i}")])
    g, b = mine["general"], mine["bare"]
    report["claimAndSubmitByGroup"] = {"general": dict(g), "bare": dict(b)}
    total_g, total_b = sum(g.values()), max(1, sum(b.values()))
    lines = ["", "The 12 steps' claims and submits together, by whose statement it is (the first table a statement "
             "names: `variables` = ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL, ACT_GE_BYTEARRAY; `decisions` = "
             "ACT_HI_DEC*, ACT_RE_DECISION*; `engine` = Camunda's other tables; `inbox` = task_inbox; `domain` = "
             "our tables), general / bare:", "", "| whose | general | bare | general − bare |", "|---|---|---|---|"]
    for name in GROUPS:
        lines.append(f"| {name} | {g[name]} | {b[name]} | {g[name] - b[name]} |")
    lines.append(f"| **all** | **{total_g}** | **{total_b}** | {total_g - total_b} |")
    lines += ["", f"Statement ratio of claim + submit: **{total_g / total_b:.2f}×**. Counted down, not measured: with "
              "the general procedure's variable statements no more than the bare process's, "
              f"{(total_g - max(0, g['variables'] - b['variables'])) / total_b:.2f}×; and with no domain statement "
              f"as well, {(total_g - max(0, g['variables'] - b['variables']) - g['domain']) / total_b:.2f}× "
              "(what Camunda alone does for the model's gateways, events, timers and decisions)."]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sl_statements", help="MariaDB database (dropped and created afresh)")
    parser.add_argument("--port", type=int, default=8093)
    parser.add_argument("--xmx", default="768m")
    parser.add_argument("--jar", default=None)
    parser.add_argument("--label", default="")
    parser.add_argument("--app-arg", action="append", default=[], help="extra argument for the app")
    parser.add_argument("--startup-timeout", type=int, default=1200)
    args = parser.parse_args()
    args.db, args.keep_database = "mariadb", False
    jars = [j for j in glob.glob("target/sanlian-*.jar") if not j.endswith("-plain.jar")]
    args.jar = args.jar or (jars[0] if jars else None)
    if not args.jar:
        raise SystemExit("no jar: ./mvnw -B -q -DskipTests package first")
    os.makedirs(bench.WORK, exist_ok=True)
    subprocess.run(["mariadb", "--protocol=TCP", "-h", bench.HOST, "-uroot", "-e",
                    f"DROP DATABASE IF EXISTS {args.database}; CREATE DATABASE {args.database} "
                    "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"], check=True)
    app = bench.App(args)
    windows = []
    try:
        app.start()
        bench.deploy_bare(args.port)
        for kind in ("general", "bare"):
            _s, errors = bench.run_batch(args.port, kind, 1, 1, {}, threading.Lock(), "语句预热")
            if errors:
                raise SystemExit(f"warm-up failed: {errors[0]}")
        bench.wait_for_documents(args.port)
        client = Windows(args.port, windows)
        general_log(args.database, True)
        try:
            client.general_case("语句计数运输公司一")
            client.bare_case("语句计数运输公司二")
        finally:
            general_log(args.database, False)
        rows = logged(args.database)
        bench.mariadb(args.database, "TRUNCATE TABLE mysql.general_log")
    finally:
        app.stop()
    counts, tables, groups, background = attribute(rows, windows)
    name = "statements" + (f"-{args.label}" if args.label else "")
    with open(os.path.join(bench.WORK, f"{name}-log.tsv"), "w", encoding="utf-8") as out:
        for at, thread, command, statement in rows:
            window = next((w for w in windows if w[0] - 0.002 <= at <= w[1] + 0.002), None)
            out.write(f"{at:.6f}\t{thread}\t{'/'.join(window[2]) if window else '-'}\t{statement}\n")
    steps = [key for key, _user, _values in bench.general_steps("x")]
    lines = [f"# SQL statements per step — {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC", "",
             f"Command: `python3 tools/statements.py {' '.join(os.sys.argv[1:])}`  ",
             f"Jar: `{os.path.basename(args.jar)}`; MariaDB {bench.mariadb(args.database, 'SELECT VERSION()').strip()}; "
             f"{len(rows)} statements logged, {sum(background.values())} of them the app's background work in a "
             "step's window (not counted below)", "",
             "| step | general: claim | general: submit (select / insert / update / delete) | bare: claim | "
             "bare: submit (select / insert / update / delete) | submit ratio |",
             "|---|---|---|---|---|---|"]
    report = {"statements": len(rows), "background": dict(background), "steps": []}
    total = collections.Counter()

    def split(counter):
        return f"{sum(counter.values())} ({counter['select']} / {counter['insert']} / {counter['update']} / " \
               f"{counter['delete']})"

    for i, key in enumerate(steps, 1):
        g_claim, g_submit = counts[("general", "claim", key)], counts[("general", "submit", key)]
        b_claim, b_submit = counts[("bare", "claim", f"step{i}")], counts[("bare", "submit", f"step{i}")]
        total.update({"gc": sum(g_claim.values()), "gs": sum(g_submit.values()),
                      "bc": sum(b_claim.values()), "bs": sum(b_submit.values())})
        ratio = sum(g_submit.values()) / max(1, sum(b_submit.values()))
        lines.append(f"| {bench.STEP_NAMES[key]} | {sum(g_claim.values())} | {split(g_submit)} | "
                     f"{sum(b_claim.values())} | {split(b_submit)} | {ratio:.1f}× |")
        report["steps"].append({"step": key, "generalClaim": dict(g_claim), "generalSubmit": dict(g_submit),
                                "bareClaim": dict(b_claim), "bareSubmit": dict(b_submit),
                                "generalSubmitTables": dict(tables[("general", "submit", key)].most_common())})
    g_start, b_start = counts[("general", "start", "start")], counts[("bare", "start", "start")]
    lines.append(f"| start (登记案源 / start form) | — | {split(g_start)} | — | {split(b_start)} | "
                 f"{sum(g_start.values()) / max(1, sum(b_start.values())):.1f}× |")
    lines.append(f"| **12 steps** | {total['gc']} | **{total['gs']}** | {total['bc']} | **{total['bs']}** | "
                 f"**{total['gs'] / max(1, total['bs']):.1f}×** |")
    all_tables = collections.Counter()
    for key in steps:
        all_tables.update(tables[("general", "submit", key)])
    bare_tables = collections.Counter()
    for i in range(1, len(steps) + 1):
        bare_tables.update(tables[("bare", "submit", f"step{i}")])
    lines += ["", "Tables named by the 12 submits (a statement naming two tables counts for each), general / bare:", "",
              "| table | general | bare |", "|---|---|---|"]
    for table, n in all_tables.most_common(30):
        lines.append(f"| {table} | {n} | {bare_tables.get(table, 0)} |")
    report["generalSubmitTables"], report["bareSubmitTables"] = dict(all_tables), dict(bare_tables)
    lines += whose(groups, steps, report)
    with open(os.path.join(bench.WORK, f"{name}.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2)
    with open(os.path.join(bench.WORK, f"{name}.md"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
