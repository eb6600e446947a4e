#!/usr/bin/env python3
"""The general procedure's model without Sanlian's code, timed against the bare reference (issue 16).

    ./mvnw -B -q -DskipTests package
    python3 tools/skeleton.py --db mariadb --database sl_skeleton     # drops and re-creates that database

How much of the general step's cost is the law's model itself — its gateways, subprocesses, timers, six decision
tables and forms, run by Camunda — and how much is our code (step rules, listeners, delegates, the case's rows,
the documents)? This tool deploys, into the running app and next to the bare reference of tools/benchmark.py, a
copy of bpmn/generalProcedure.bpmn (process `benchSkeleton`) with every task and execution listener, every
`camunda:properties` (the step rules, the values a form shows) and every delegate removed (a service task then
evaluates `${true}`), with the decision tables and forms it names. What every model gets from the platform stays:
the forms' server-side checks, the inbox index, the grants of a task's audience, the API guard.

A skeleton case starts with the variables a finished general case ended with (read from the history of the
warm-up's case: text, numbers, flags and dates; not the decision results, which the copy's decision tables make
again, nor the case's numbers: a skeleton case, like a bare one, is nobody's case file), so that its gateways take the general case's path; then it runs the general procedure's ten steps after
filing (调查取证 … 结案审批) with the same officers and the same form values as tools/benchmark.py. General, bare and
skeleton batches alternate; the ratios are over those ten steps (the bare process's steps 3–12), claim + submit,
as the benchmark counts them, with CPU seconds per case by thread. The report goes to
target/benchmark/skeleton[-<label>].md and .json.
"""
import argparse
import glob
import json
import os
import re
import statistics
import threading
import time
import urllib.request
import uuid
from datetime import datetime, timezone

import benchmark as bench

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEEP_TYPES = {"String", "Boolean", "Integer", "Long", "Short", "Double", "Date"}
# the case's identifiers are left out: a skeleton case is nobody's case file, like a bare one
IDENTIFIERS = {"caseNumber", "leadNumber", "decisionNumber", "generalProcedureInstanceId"}
KINDS = ("general", "bare", "skeleton")


def skeleton_model():
    with open(os.path.join(ROOT, "bpmn", "generalProcedure.bpmn"), encoding="utf-8") as model:
        text = model.read()
    text = re.sub(r"<camunda:(taskListener|executionListener)\b[^>]*/>", "", text)
    text = re.sub(r"<camunda:(taskListener|executionListener)\b[^>]*>.*?</camunda:\1>", "", text, flags=re.S)
    text = re.sub(r"<camunda:properties>.*?</camunda:properties>", "", text, flags=re.S)
    text = re.sub(r'camunda:(delegateExpression|class)="[^"]*"', 'camunda:expression="${true}"', text)
    text = text.replace('"generalProcedure"', '"benchSkeleton"').replace('name="普通程序"', 'name="普通程序（骨架）"', 1)
    for leftover in ("Listener", "delegateExpression", "camunda:class", "<camunda:properties"):
        if leftover in text:
            raise SystemExit(f"the skeleton still holds {leftover}: tools/skeleton.py needs to learn it")
    return text


def deploy_skeleton(port):
    model = skeleton_model()
    resources = [("benchSkeleton.bpmn", model.encode())]
    for decision in sorted(glob.glob(os.path.join(ROOT, "bpmn", "*.dmn"))):
        with open(decision, "rb") as content:
            resources.append((os.path.basename(decision), content.read()))
    for form_id in sorted(set(re.findall(r'camunda:formRef="([^"]+)"', model))):
        with open(os.path.join(ROOT, "forms", f"{form_id}.form"), "rb") as content:
            resources.append((f"{form_id}.form", content.read()))
    boundary = uuid.uuid4().hex
    body = b""
    for name, content in [("deployment-name", b"benchmark-skeleton"), ("deployment-source", b"benchmark")]:
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode() + content + b"\r\n"
    for name, content in resources:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"http://{bench.HOST}:{port}/engine-rest/deployment/create", data=body,
                                     method="POST")
    request.add_header("Authorization", bench.basic("admin"))
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read().decode())


def ended_with(port):
    """The variables the last finished general case ended with: name -> {value, type}."""
    client = bench.Client(port, {}, threading.Lock())
    finished = client.call("admin", "GET", "/engine-rest/history/process-instance?processDefinitionKey="
                           "generalProcedure&finished=true&sortBy=endTime&sortOrder=desc&maxResults=1")
    if not finished:
        raise SystemExit("no finished general case to copy the variables of")
    variables = client.call("admin", "GET", "/engine-rest/history/variable-instance?processInstanceId="
                            f"{finished[0]['id']}&deserializeValues=false&maxResults=1000")
    return {v["name"]: {"value": v["value"], "type": v["type"]} for v in variables
            if v["type"] in KEEP_TYPES and v["value"] is not None and v["name"] not in IDENTIFIERS}


def skeleton_case(client, party, start_variables):
    """One skeleton case: started with the variables a general case ended with, then its ten steps after filing."""
    began = time.perf_counter()
    values = dict(start_variables)
    values["partyName"] = {"value": party, "type": "String"}
    started = client.call("admin", "POST", "/engine-rest/process-definition/key/benchSkeleton/start",
                          {"variables": values}, record=("skeleton", "start", "start"))
    for key, user, form_values in bench.general_steps(party)[2:]:
        client.step("skeleton", started["id"], key, user, form_values)
    with client.lock:
        client.samples.setdefault(("skeleton", "case", "case"), []).append((time.perf_counter() - began) * 1000)


def run_batch(port, kind, clients, cases_per_client, samples, lock, tag, start_variables):
    case = (lambda client, party: skeleton_case(client, party, start_variables)) if kind == "skeleton" else None
    return bench.run_batch(port, kind, clients, cases_per_client, samples, lock, tag, case)


def ratios(samples, kind):
    """Per step after filing: p50 and mean of claim + submit, kind against bare; the median and the mean of them."""
    rows = []
    for i, (key, _user, _values) in enumerate(bench.general_steps("x"), 1):
        if i < 3:
            continue
        mine, bare = samples.get((kind, "step", key), []), samples.get(("bare", "step", f"step{i}"), [])
        if mine and bare:
            m, b = bench.summary(mine), bench.summary(bare)
            rows.append({"step": key, "name": bench.STEP_NAMES[key], kind: m, "bare": b,
                         "ratioP50": round(m["p50"] / b["p50"], 2), "ratioMean": round(m["mean"] / b["mean"], 2)})
    return {"steps": rows,
            "medianOfStepP50Ratios": round(statistics.median(r["ratioP50"] for r in rows), 2) if rows else None,
            "meanOfStepMeanRatios": round(statistics.fmean(r["ratioMean"] for r in rows), 2) if rows else None}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("h2", "mariadb"), default="mariadb")
    parser.add_argument("--database", default="sl_skeleton", help="MariaDB database (dropped and created afresh)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--cases", type=int, default=2, help="cases per client per round, of each kind")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8094)
    parser.add_argument("--xmx", default="768m")
    parser.add_argument("--jar", default=None)
    parser.add_argument("--label", default="")
    parser.add_argument("--app-arg", action="append", default=[], help="extra argument for the app")
    parser.add_argument("--jvm-arg", action="append", default=[], help="extra JVM option for the app only")
    parser.add_argument("--startup-timeout", type=int, default=1200)
    args = parser.parse_args()
    args.keep_database = False
    jars = [j for j in glob.glob("target/sanlian-*.jar") if not j.endswith("-plain.jar")]
    args.jar = args.jar or (jars[0] if jars else None)
    if not args.jar:
        raise SystemExit("no jar: ./mvnw -B -q -DskipTests package first")
    os.makedirs(bench.WORK, exist_ok=True)
    started = datetime.now(timezone.utc)
    if args.db == "mariadb":
        bench.subprocess.run(["mariadb", "--protocol=TCP", "-h", bench.HOST, "-uroot", "-e",
                              f"DROP DATABASE IF EXISTS {args.database}; CREATE DATABASE {args.database} "
                              "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"], check=True)
    app = bench.App(args)
    samples, lock = {}, threading.Lock()
    seconds, cases, errors = {k: 0.0 for k in KINDS}, {k: 0 for k in KINDS}, []
    cpu = {k: {} for k in KINDS}
    try:
        bench.log(f"starting {args.jar} on {args.db} (port {args.port})")
        app.start()
        bench.deploy_bare(args.port)
        deploy_skeleton(args.port)
        for kind in ("general", "bare"):
            _s, failed = bench.run_batch(args.port, kind, 1, 1, {}, threading.Lock(), "预热")
            if failed:
                raise SystemExit(f"warm-up failed: {failed[0]}")
        start_variables = ended_with(args.port)
        bench.log(f"a skeleton case starts with {len(start_variables)} variables of a finished general case")
        _s, failed = run_batch(args.port, "skeleton", 1, 1, {}, threading.Lock(), "预热", start_variables)
        if failed:
            raise SystemExit(f"warm-up failed: {failed[0]}")
        bench.wait_for_documents(args.port)
        bench.log("warmed up")
        orders = [KINDS, ("bare", "skeleton", "general"), ("skeleton", "general", "bare")]
        for r in range(args.rounds):
            for kind in orders[r % 3]:
                before = bench.cpu_snapshot(app)
                spent, failed = run_batch(args.port, kind, args.clients, args.cases, samples, lock, f"{r}",
                                          start_variables)
                seconds[kind] += spent
                cases[kind] += args.clients * args.cases - len(failed)
                errors += failed
                bench.wait_for_documents(args.port)
                bench.cpu_spent(before, bench.cpu_snapshot(app), cpu[kind])
                bench.log(f"round {r + 1} {kind}: {args.clients * args.cases} cases in {spent:.1f} s, {len(failed)} failed")
    finally:
        app.stop()
    report = {"db": args.db, "label": args.label, "date": started.strftime("%Y-%m-%d %H:%M UTC"),
              "command": "python3 tools/skeleton.py " + " ".join(os.sys.argv[1:]), "jar": os.path.basename(args.jar),
              "machine": bench.machine(), "clients": args.clients, "casesPerClient": args.cases, "rounds": args.rounds,
              "startVariables": len(start_variables),
              "skeleton": ratios(samples, "skeleton"), "general": ratios(samples, "general"),
              "cpuSecondsPerCase": {kind: {group: round(value / cases[kind], 3) for group, value in sorted(cpu[kind].items())}
                                    for kind in KINDS if cases[kind]},
              "errors": errors}
    lines = [f"### skeleton — {args.db}{' — ' + args.label if args.label else ''}: {report['date']}", "",
             f"Command: `{report['command']}`  ",
             f"Jar: `{report['jar']}`; {report['machine']['cpu']}, {report['machine']['cores']} cores; "
             f"{args.clients} clients × {args.cases} cases × {args.rounds} rounds of each kind; a skeleton case starts "
             f"with {len(start_variables)} variables", "",
             "| ten steps after filing, claim + submit, against the bare process's steps 3–12 | median of the p50 ratios "
             "| mean of the mean ratios |", "|---|---|---|",
             f"| general procedure (the app as it runs) | {report['general']['medianOfStepP50Ratios']}× | "
             f"{report['general']['meanOfStepMeanRatios']}× |",
             f"| skeleton (its model without our listeners, delegates, rules or documents) | "
             f"**{report['skeleton']['medianOfStepP50Ratios']}×** | **{report['skeleton']['meanOfStepMeanRatios']}×** |",
             "", "| step | general p50 / mean ms | skeleton p50 / mean ms | bare p50 / mean ms | skeleton ÷ bare (p50) |",
             "|---|---|---|---|---|"]
    for g, s in zip(report["general"]["steps"], report["skeleton"]["steps"]):
        lines.append(f"| {s['name']} | {g['general']['p50']} / {g['general']['mean']} | {s['skeleton']['p50']} / "
                     f"{s['skeleton']['mean']} | {s['bare']['p50']} / {s['bare']['mean']} | {s['ratioP50']}× |")
    lines += ["", "CPU seconds per case (the whole case: start and every step; threads by name, /proc): " + "; ".join(
        f"{kind} " + ", ".join(f"{group} {value}" for group, value in groups.items())
        for kind, groups in report["cpuSecondsPerCase"].items())]
    if errors:
        lines += ["", f"**{len(errors)} cases failed**; first: {errors[0]}"]
    name = "skeleton" + (f"-{args.label}" if args.label else "")
    with open(os.path.join(bench.WORK, f"{name}.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2, default=str)
    with open(os.path.join(bench.WORK, f"{name}.md"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    if errors:
        raise SystemExit(f"{len(errors)} cases failed; first: {errors[0]}")


if __name__ == "__main__":
    main()
