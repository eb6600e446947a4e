#!/usr/bin/env python3
"""Benchmark (issue 16): the general procedure against a bare Camunda process with the same steps, in one app.

    ./mvnw -B -q -DskipTests package
    python3 tools/benchmark.py --db h2                      # H2 file under target/benchmark
    python3 tools/benchmark.py --db mariadb --database sanlian_h2

It starts the built jar on 127.0.0.1 (port 8092 unless --port), measures start-up and the heap after start
(jcmd GC.run + GC.heap_info), deploys a bare reference process through /engine-rest (12 user tasks with the same
candidate groups as the general procedure's 12 steps, a one-field form each, no listeners of our own), and then
runs K concurrent clients (default 4). Each client drives whole cases through /engine-rest, as Tasklist does:
registerLead (start form) → 案源核查 → 立案审批 → 调查取证 → 案件调查报告 → 法制审核 → 违法行为通知书 → 陈述申辩与复核 →
处罚决定审批 → 送达决定书 → 缴纳罚款 → 结案报告 → 结案审批 (archived), each step found in the task list, claimed and
submitted by the officer whose group it is offered to; and the bare process the same way, the same number of
times. General and bare batches alternate (--rounds), so both see the same machine; after each batch the harness
waits until the documents its steps asked for are made, so no batch pays for the PDFs of the one before.

Around each batch (and its documents' wait) it reads every thread's CPU time from /proc and reports CPU seconds per
case by thread name: requests, documents (render threads), jobs, gc, jit (compiler threads), other, and MariaDB's
own. --jvm-arg passes a JVM option to the app only; --warmup-clients runs a longer warm-up with several clients.

On MariaDB it also measures the database's commit limit for a workflow-step-like transaction (3 INSERT, 1 UPDATE,
1 DELETE, then COMMIT, over K connections of the `mariadb` client) in a scratch table of the same database, and
gives the share of it the app used at K clients.

The report goes to target/benchmark/<db>.json and .md, and replaces the section of that database in
docs/benchmark-report.md (between `<!-- benchmark:<db> -->` markers; --label tells two runs apart, e.g.
`--label before`). Only the Python standard library, a JDK (java, jcmd) and, for MariaDB, the `mariadb` client.
No test asserts a time: the figures live in the report only.
"""
import argparse
import base64
import glob
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

HOST = "127.0.0.1"
PASSWORD = "demo"
WORK = os.path.abspath("target/benchmark")

# the general procedure's 12 steps as Tasklist's walkthrough does them: (task, user, form fields)
# China's calendar day, as the server counts it (ChinaTime): after 16:00 UTC it is already tomorrow there
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def general_steps(party):
    return [
        ("verifyLead", "xfhandler1", {"verificationFindings": "经核查，车辆确有载客收费行为"}),
        ("decideFiling", "xfhead", {"filingDecision": "file"}),
        ("investigate", "xfhandler1", {"investigator1": "xfhandler1", "investigator2": "xfhandler2",
                                       "investigationFindings": "询问当事人及乘客各一次，制作现场笔录"}),
        ("investigationReport", "xfhandler1", {"facts": "当事人未取得道路运输经营许可，驾驶车辆从事道路客运经营",
                                               "legalBasis": "《道路运输条例》第十条、第六十三条",
                                               "partyType": "organisation", "proposedOutcome": "penalty",
                                               "violationCode": "YZ-KY-WZ", "proposedFine": 20000}),
        ("legalReview", "cityreviewer", {"reviewOpinion": "approve"}),
        # served with its 送达回证 (Art. 61); the party states its case at once and, a company fined 20,000 yuan, has
        # no hearing right, so the head decides without waiting for the periods to end (Arts. 62, 64(1))
        ("issueNotice", "xfhandler1", {"serviceMethod": "direct", "noticeServedOn": TODAY, "recipient": party,
                                       "receiptSignature": "signed"}),
        ("statementAndRecheck", "xfhandler1", {"statementMade": True, "statementSummary": "当事人称系初次载客",
                                               "recheckConclusion": "陈述理由不能成立，维持拟处罚意见",
                                               "finalFine": 20000}),
        ("decidePenalty", "xfhead", {"headDecision": "approve"}),
        ("serveDecision", "xfhandler2", {"serviceMethod": "direct", "servedOn": TODAY, "recipient": party,
                                         "receiptSignature": "signed"}),
        ("recordPayment", "xfhandler2", {"paymentOutcome": "paid", "paidOn": TODAY, "amountPaid": 20000}),
        ("closeCase", "xfhandler2", {"closureReport": "罚款已全额缴纳，处罚决定执行完毕"}),
        ("approveClosure", "xfhead", {"closureDecision": "approve"}),
    ]


GROUP_OF = {"xfhandler1": "xifengHandler", "xfhandler2": "xifengHandler", "xfhead": "xifengHead",
            "cityreviewer": "qylegalLegalReviewer"}
STEP_NAMES = {"verifyLead": "案源核查", "decideFiling": "立案审批", "investigate": "调查取证",
              "investigationReport": "案件调查报告", "legalReview": "法制审核", "issueNotice": "违法行为通知书",
              "statementAndRecheck": "陈述申辩与复核", "decidePenalty": "处罚决定审批", "serveDecision": "送达决定书",
              "recordPayment": "缴纳罚款", "closeCase": "结案报告", "approveClosure": "结案审批"}


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


# ---- the bare reference: same number of user tasks, same candidate groups, a one-field form each ----

def bare_model():
    users = [user for _key, user, _values in general_steps("x")]
    tasks, flows, shapes = [], [], []
    previous = "start"
    for i, user in enumerate(users, 1):
        tasks.append(f'<bpmn:userTask id="step{i}" name="步骤{i}" camunda:formRef="benchStep" '
                     f'camunda:formRefBinding="deployment" camunda:candidateGroups="{GROUP_OF[user]}" />')
        flows.append(f'<bpmn:sequenceFlow id="flow{i}" sourceRef="{previous}" targetRef="step{i}" />')
        previous = f"step{i}"
    flows.append(f'<bpmn:sequenceFlow id="flowEnd" sourceRef="{previous}" targetRef="end" />')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="benchReferenceDefinitions"
    targetNamespace="http://sanlian.example/benchmark">
  <bpmn:process id="benchReference" name="基准参照流程" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" name="开始" camunda:formRef="benchStart" camunda:formRefBinding="deployment" />
    {''.join(tasks)}
    <bpmn:endEvent id="end" name="结束" />
    {''.join(flows)}
  </bpmn:process>
</bpmn:definitions>
"""


def form(form_id, key, label):
    return json.dumps({"schemaVersion": 16, "type": "default", "id": form_id, "components": [
        {"type": "textfield", "key": key, "label": label, "id": f"{form_id}_{key}"}]}, ensure_ascii=False)


def deploy_bare(port):
    boundary = uuid.uuid4().hex
    parts = [("deployment-name", None, b"benchmark-reference"), ("deployment-source", None, b"benchmark"),
             ("enable-duplicate-filtering", None, b"true"),
             ("benchReference.bpmn", "benchReference.bpmn", bare_model().encode()),
             ("benchStart.form", "benchStart.form", form("benchStart", "partyName", "当事人").encode()),
             ("benchStep.form", "benchStep.form", form("benchStep", "note", "意见").encode())]
    body = b""
    for name, filename, content in parts:
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"".encode()
        if filename:
            body += f"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream".encode()
        body += b"\r\n\r\n" + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"http://{HOST}:{port}/engine-rest/deployment/create", data=body, method="POST")
    request.add_header("Authorization", basic("admin"))
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read().decode())


# ---- HTTP ----

def basic(user):
    return "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()


class Conflict(RuntimeError):
    pass


class Client:
    """One user's connection; every call is timed by the command it stands for."""

    def __init__(self, port, samples, lock):
        self.port, self.samples, self.lock = port, samples, lock

    def call(self, user, method, path, body=None, record=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://{HOST}:{self.port}{path}", data=data, method=method)
        request.add_header("Authorization", basic(user))
        request.add_header("Content-Type", "application/json")
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=300) as answer:
                text = answer.read().decode()
                status = answer.status
        except urllib.error.HTTPError as error:
            text, status = error.read().decode(errors="replace"), error.code
        elapsed = (time.perf_counter() - began) * 1000
        if record is not None:
            with self.lock:
                self.samples.setdefault(record, []).append(elapsed)
        if status == 409:
            raise Conflict(f"{method} {path} as {user}: 409")
        if status >= 300:
            raise RuntimeError(f"{method} {path} as {user}: {status} {text[:400]}")
        return json.loads(text) if text else None

    def find_task(self, user, instance, key, kind):
        query = f"/engine-rest/task?processInstanceId={instance}&taskDefinitionKey={key}"
        for _ in range(600):
            tasks = self.call(user, "GET", query, record=(kind, "lookup", key))
            if tasks:
                return tasks[0]["id"]
            time.sleep(0.05)
        raise RuntimeError(f"{key} never appeared in {instance}")

    def step(self, kind, instance, key, user, values):
        task = self.find_task(user, instance, key, kind)
        began = time.perf_counter()
        self.call(user, "POST", f"/engine-rest/task/{task}/claim", {"userId": user}, record=(kind, "claim", key))
        for attempt in range(6):
            try:
                self.call(user, "POST", f"/engine-rest/task/{task}/submit-form", variables(values),
                          record=(kind, "submit", key))
                break
            except Conflict:
                # the loser of a race answers 409 "reload and retry": an officer would submit again
                with self.lock:
                    self.samples.setdefault((kind, "conflict", key), []).append(1)
                if attempt == 5:
                    raise
                time.sleep(0.2 * (attempt + 1))
        with self.lock:
            self.samples.setdefault((kind, "step", key), []).append((time.perf_counter() - began) * 1000)

    def general_case(self, party):
        began = time.perf_counter()
        lead = self.call("xfhandler1", "POST", "/engine-rest/process-definition/key/leadIntake/submit-form",
                         variables({"source": "INSPECTION", "partyName": party, "plateNumber": plate_of(party),
                                    "occurredOn": TODAY, "place": "西峰区长庆大道",
                                    "summary": "路面检查发现该车未取得道路运输经营许可载客收费"}),
                         record=("general", "start", "start"))
        steps = general_steps(party)
        instance = lead["id"]
        for key, user, values in steps:
            if key == "investigate":  # filed: the case runs on in generalProcedure, keyed by its case number
                query = urllib.parse.quote(f"partyName_eq_{party}")
                procedures = self.call("xfhandler1", "GET", "/engine-rest/process-instance?processDefinitionKey="
                                       f"generalProcedure&variables={query}", record=("general", "lookup", "case"))
                if not procedures:
                    raise RuntimeError(f"no general procedure for {party}")
                instance = procedures[0]["id"]
            self.step("general", instance, key, user, values)
        with self.lock:
            self.samples.setdefault(("general", "case", "case"), []).append((time.perf_counter() - began) * 1000)
        return party

    def bare_case(self, party):
        began = time.perf_counter()
        started = self.call("xfhandler1", "POST", "/engine-rest/process-definition/key/benchReference/submit-form",
                            variables({"partyName": party}), record=("bare", "start", "start"))
        for i, (key, user, _values) in enumerate(general_steps(party), 1):
            self.step("bare", started["id"], f"step{i}", user, {"note": "同意"})
        with self.lock:
            self.samples.setdefault(("bare", "case", "case"), []).append((time.perf_counter() - began) * 1000)


PLATES = itertools.count(10000)


def plate_of(_party):
    """A plate of its own per case: a lead with the plate and date of another is taken as the same lead."""
    return f"甘M{next(PLATES) % 100000:05d}"


def variables(values):
    return {"variables": {name: {"value": value} for name, value in values.items()}}


# ---- the app ----

class App:
    def __init__(self, args):
        self.args, self.process, self.log_path = args, None, os.path.join(WORK, f"app-{args.db}.log")

    def start(self):
        args = self.args
        env = dict(os.environ, SANLIAN_ADMIN_PASSWORD=PASSWORD)
        command = ["java", f"-Xmx{args.xmx}", *getattr(args, "jvm_arg", []), "-jar", args.jar, f"--server.port={args.port}",
                   f"--server.address={HOST}", "--sanlian.demo-data.enabled=true",
                   f"--sanlian.documents.template-dir={WORK}/templates"]
        if args.db == "mariadb":
            env.update(SANLIAN_DB_URL=f"jdbc:mariadb://{HOST}:3306/{args.database}", SANLIAN_DB_USER="root",
                       SANLIAN_DB_PASSWORD="")
            command.append("--spring.profiles.active=mariadb,demo")  # the demo users drive the cases
        else:
            folder = os.path.join(WORK, "h2")
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            command.append(f"--spring.datasource.url=jdbc:h2:file:{folder}/sanlian;AUTO_SERVER=FALSE;"
                           "DB_CLOSE_ON_EXIT=FALSE")
        command += args.app_arg
        self.command = command
        began = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + args.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the app exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{args.port}/actuator/health", timeout=3) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        else:
            raise SystemExit(f"the app did not come up in {args.startup_timeout} s")
        self.ready_seconds = time.perf_counter() - began
        text = open(self.log_path, encoding="utf-8", errors="replace").read()
        match = re.search(r"Started SanlianApplication in ([\d.]+) seconds", text)
        self.started_seconds = float(match.group(1)) if match else None

    def heap_after_gc(self):
        """Used and committed heap (KiB) after a full GC."""
        subprocess.run(["jcmd", str(self.process.pid), "GC.run"], capture_output=True, check=True)
        info = subprocess.run(["jcmd", str(self.process.pid), "GC.heap_info"], capture_output=True, text=True,
                              check=True).stdout
        match = re.search(r"total (\d+)K, used (\d+)K", info)
        return {"usedKiB": int(match.group(2)), "committedKiB": int(match.group(1))} if match else {"raw": info}

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def document_renders(port):
    """Documents rendered after their step (issue 16): owed, failed, and the delay from commit to PDF."""
    request = urllib.request.Request(f"http://{HOST}:{port}/api/supervision/document-renders")
    request.add_header("Authorization", basic("admin"))
    for _ in range(30):
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                state = json.loads(answer.read().decode())
        except urllib.error.HTTPError:
            return None  # a build that renders inside the step
        if state["pending"] == 0:
            break
        time.sleep(1)
    state.pop("failures", None)
    return state


def wait_for_documents(port, limit_seconds=300):
    """After a batch: seconds until the documents its steps asked for are all made (0 for a build without the queue).

    So that a batch never pays for the documents of the one before it (the general batch's PDFs rendered while the
    bare batch runs); the wait is reported, and counted in the general procedure's cases/s with its documents."""
    request = urllib.request.Request(f"http://{HOST}:{port}/api/supervision/document-renders")
    request.add_header("Authorization", basic("admin"))
    began = time.perf_counter()
    while time.perf_counter() - began < limit_seconds:
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                state = json.loads(answer.read().decode())
        except urllib.error.HTTPError:
            return 0.0
        if state["pending"] == 0:
            return round(time.perf_counter() - began, 1)
        time.sleep(0.2)
    return round(time.perf_counter() - began, 1)


# ---- MariaDB ----

def mariadb(database, statement):
    return subprocess.run(["mariadb", "--protocol=TCP", "-h", HOST, "-uroot", "-N", "-B", database, "-e",
                           statement], capture_output=True, text=True, check=True).stdout


def commit_limit(database, connections, transactions):
    """Workflow-step-like transactions per second MariaDB commits over K connections of the mariadb client."""
    mariadb(database, "DROP TABLE IF EXISTS bench_commit_scratch; CREATE TABLE bench_commit_scratch ("
                      "id BIGINT AUTO_INCREMENT PRIMARY KEY, conn INT NOT NULL, n INT NOT NULL, "
                      "payload VARCHAR(400) NOT NULL, state VARCHAR(20) NOT NULL, KEY (conn, n)) ENGINE=InnoDB")
    payload = "x" * 300
    scripts = []
    for c in range(connections):
        lines = ["SET autocommit=0;"]
        for n in range(transactions):
            lines.append(f"INSERT INTO bench_commit_scratch (conn, n, payload, state) VALUES ({c},{n},'{payload}','a');")
            lines.append(f"INSERT INTO bench_commit_scratch (conn, n, payload, state) VALUES ({c},{n},'{payload}','b');")
            lines.append(f"INSERT INTO bench_commit_scratch (conn, n, payload, state) VALUES ({c},{n},'{payload}','c');")
            lines.append(f"UPDATE bench_commit_scratch SET state='done' WHERE conn={c} AND n={n} AND state='a';")
            lines.append(f"DELETE FROM bench_commit_scratch WHERE conn={c} AND n={n} AND state='b';")
            lines.append("COMMIT;")
        scripts.append("\n".join(lines) + "\n")
    began = time.perf_counter()
    workers = [subprocess.Popen(["mariadb", "--protocol=TCP", "-h", HOST, "-uroot", database],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) for _ in scripts]
    for worker, script in zip(workers, scripts):
        threading.Thread(target=lambda w=worker, s=script: (w.stdin.write(s), w.stdin.close())).start()
    for worker in workers:
        worker.wait()
    seconds = time.perf_counter() - began
    flags = mariadb(database, "SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin, @@version").split()
    mariadb(database, "DROP TABLE bench_commit_scratch")
    return {"connections": connections, "transactionsPerConnection": transactions,
            "seconds": round(seconds, 2), "commitsPerSecond": round(connections * transactions / seconds, 1),
            "innodbFlushLogAtTrxCommit": flags[0], "syncBinlog": flags[1], "logBin": flags[2],
            "version": flags[3]}


# ---- the run ----

# ---- where the CPU goes: each thread's user + system time from /proc, grouped by the thread's name ----

CPU_GROUPS = (("requests", ("http-nio",)), ("documents", ("document-render",)),
              ("jobs", ("camundaTaskExe", "JobExecutor", "camunda")), ("gc", ("GC ", "G1 ", "VM Thread")),
              ("jit", ("C1 Compiler", "C2 Compiler")))


def thread_cpu(pid):
    """CPU seconds per thread group of a process (Linux /proc; empty elsewhere)."""
    ticks, totals = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100, {}
    for stat in glob.glob(f"/proc/{pid}/task/*/stat"):
        try:
            text = open(stat, encoding="utf-8", errors="replace").read()
        except OSError:
            continue  # the thread ended meanwhile
        name, fields = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        seconds = (int(fields[11]) + int(fields[12])) / ticks
        group = next((g for g, prefixes in CPU_GROUPS if name.startswith(prefixes)), "other")
        totals[group] = totals.get(group, 0.0) + seconds
    return totals


def mariadb_cpu():
    found = subprocess.run(["pgrep", "-x", "mariadbd"], capture_output=True, text=True).stdout.split()
    return sum(sum(thread_cpu(pid).values()) for pid in found)


def cpu_snapshot(app):
    snapshot = thread_cpu(app.process.pid)
    snapshot["mariadb"] = mariadb_cpu() if app.args.db == "mariadb" else 0.0
    return snapshot


def cpu_spent(before, after, into):
    for group in set(before) | set(after):
        into[group] = into.get(group, 0.0) + after.get(group, 0.0) - before.get(group, 0.0)


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    index = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def summary(values):
    return {"n": len(values), "p50": round(statistics.median(values), 1), "p95": round(percentile(values, 95), 1),
            "mean": round(statistics.fmean(values), 1)}


def run_batch(port, kind, clients, cases_per_client, samples, lock, tag, case=None):
    """K clients at once, each driving its cases one after the other; `case(client, party)` drives one case of
    another kind (tools/skeleton.py) than the general procedure and the bare reference."""
    errors = []

    def client(c):
        worker = Client(port, samples, lock)
        for n in range(cases_per_client):
            party = f"基准测试{tag}运输公司{c:02d}{n:03d}"
            try:
                if case:
                    case(worker, party)
                else:
                    worker.general_case(party) if kind == "general" else worker.bare_case(party)
            except Exception as failure:  # noqa: BLE001 - reported, never hidden
                errors.append(f"{kind} {party}: {failure}")

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, errors


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(int(line.split()[1]) // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    except OSError:
        memory = None
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"host": platform.node(), "cpu": cpu, "cores": os.cpu_count(), "memoryMiB": memory,
            "os": platform.platform(), "java": java[0] if java else "?", "loadAverage": os.getloadavg()}


def analyse(samples, seconds, cases):
    steps = []
    keys = [key for key, _u, _v in general_steps("x")]
    for i, key in enumerate(keys, 1):
        general = samples.get(("general", "step", key), [])
        bare = samples.get(("bare", "step", f"step{i}"), [])
        if not general or not bare:
            continue
        g, b = summary(general), summary(bare)
        steps.append({"step": key, "name": STEP_NAMES[key], "user": general_steps("x")[i - 1][1],
                      "general": g, "bare": b, "ratioP50": round(g["p50"] / b["p50"], 2),
                      "ratioMean": round(g["mean"] / b["mean"], 2),
                      "generalSubmitP50": summary(samples[("general", "submit", key)])["p50"],
                      "bareSubmitP50": summary(samples[("bare", "submit", f"step{i}")])["p50"]})
    commands = {}
    for kind in ("general", "bare"):
        for command in ("start", "claim", "submit", "lookup"):
            values = [v for (k, c, _key), vs in samples.items() if k == kind and c == command for v in vs]
            if values:
                commands[f"{kind}.{command}"] = summary(values)
    ratios_p50 = [s["ratioP50"] for s in steps]
    ratios_mean = [s["ratioMean"] for s in steps]
    return {
        "steps": steps,
        "commands": commands,
        "ratio": {"medianOfStepP50Ratios": round(statistics.median(ratios_p50), 2) if steps else None,
                  "meanOfStepMeanRatios": round(statistics.fmean(ratios_mean), 2) if steps else None,
                  "allStepsMean": round(
                      statistics.fmean([v for s in keys for v in samples.get(("general", "step", s), [])])
                      / statistics.fmean([v for i in range(1, 13) for v in samples.get(("bare", "step", f"step{i}"), [])]),
                      2) if steps else None},
        "casesPerSecond": {kind: round(cases[kind] / seconds[kind], 3) if seconds[kind] else None
                           for kind in ("general", "bare")},
        "writeCommandsPerSecond": {kind: round(sum(len(samples.get((kind, c, k), [])) for (kk, c, k) in samples
                                                   if kk == kind and c in ("start", "claim", "submit")) / seconds[kind], 1)
                                   if seconds[kind] else None for kind in ("general", "bare")},
        "conflictsRetried": {kind: sum(len(vs) for (k, c, _key), vs in samples.items() if k == kind and c == "conflict")
                             for kind in ("general", "bare")},
        "case": {kind: summary(samples[(kind, "case", "case")]) for kind in ("general", "bare")
                 if samples.get((kind, "case", "case"))},
    }


def markdown(report):
    r, a = report, report["results"]
    lines = [f"### {r['db']}{' — ' + r['label'] if r['label'] else ''}: {r['date']}", "",
             f"Command: `{r['command']}`  ", f"Machine: {r['machine']['cpu']}, {r['machine']['cores']} cores, "
             f"{r['machine']['memoryMiB']} MiB, {r['machine']['os']}, {r['machine']['java']}; load average at the "
             f"start {', '.join(f'{x:.2f}' for x in r['machine']['loadAverage'])} (shared with other engineers' builds), "
             f"end {', '.join(f'{x:.2f}' for x in r['loadAverageAtEnd'])}  ",
             f"Jar: `{r['jar']}` ({r['jarMiB']} MiB), git {r['git']}", "",
             "| measure | value |", "|---|---|",
             f"| clients × cases (per client, per round) × rounds | {r['clients']} × {r['casesPerClient']} × {r['rounds']} "
             f"(+{r['warmup']} × {r.get('warmupClients', 1)} warm-up cases of each kind, not counted) |",
             f"| start-up (Spring Boot's \"Started … in\") / until /actuator/health is UP | "
             f"{r['startup']['startedSeconds']} s / {r['startup']['readySeconds']} s ({r['startup']['database']}) |",
             f"| heap after start (after a full GC, jcmd) | {r['heapAfterStart'].get('usedKiB', 0) // 1024} MiB used of "
             f"{r['heapAfterStart'].get('committedKiB', 0) // 1024} MiB committed |",
             f"| heap after the run (after a full GC) | {r['heapAfterRun'].get('usedKiB', 0) // 1024} MiB used |",
             f"| cases/s, general procedure (12 steps + start) | {a['casesPerSecond']['general']} |",
             f"| cases/s, bare reference (12 steps + start) | {a['casesPerSecond']['bare']} |",
             f"| write commands/s (start, claim, submit), general / bare | {a['writeCommandsPerSecond']['general']} / "
             f"{a['writeCommandsPerSecond']['bare']} |",
             f"| **per-step ratio to the bare reference (claim + submit): median of the steps' p50 ratios** | "
             f"**{a['ratio']['medianOfStepP50Ratios']}×** |",
             f"| **mean of the steps' mean ratios** | **{a['ratio']['meanOfStepMeanRatios']}×** |",
             f"| all steps' mean, general ÷ bare | {a['ratio']['allStepsMean']}× |"]
    lines.append(f"| submits answered 409 and sent again (general / bare) | {a['conflictsRetried']['general']} / "
                 f"{a['conflictsRetried']['bare']} |")
    if r.get("documentRenders"):
        d = r["documentRenders"]
        lines.append(f"| documents rendered after their step's commit: delay p50 / p95 / max (last {d['recentRendered']}); "
                     f"owed at the end / failed | {d['delayP50Ms']} / {d['delayP95Ms']} / {d['delayMaxMs']} ms; "
                     f"{d['pending']} / {d['failed']} |")
    else:
        lines.append("| documents | rendered inside the step's transaction |")
    if r.get("documentsDrainedSeconds"):
        g = r["documentsDrainedSeconds"]["general"]
        lines.append(f"| after each general batch, its last documents were made (s; the next batch waits for them) | "
                     f"{' / '.join(str(x) for x in g)} |")
        lines.append(f"| cases/s, general procedure, counting the wait for its documents | "
                     f"{r['generalCasesPerSecondWithDocuments']} |")
    if r.get("commitLimit"):
        c = r["commitLimit"]
        lines.append(f"| MariaDB commit limit, 3 INSERT + UPDATE + DELETE per transaction, {c['connections']} "
                     f"connections × {c['transactionsPerConnection']} | {c['commitsPerSecond']} tx/s "
                     f"(innodb_flush_log_at_trx_commit={c['innodbFlushLogAtTrxCommit']}, log_bin={c['logBin']}, "
                     f"{c['version']}) |")
        lines.append(f"| **share of that limit used by the general procedure at {r['clients']} clients** "
                     f"(write commands/s ÷ limit) | **{r['dbShare']} %** |")
    if r.get("cpuSecondsPerCase", {}).get("general") and r["cpuSecondsPerCase"].get("bare"):
        g, b = r["cpuSecondsPerCase"]["general"], r["cpuSecondsPerCase"]["bare"]
        parts = [f"{group} {g.get(group, 0):.3f} / {b.get(group, 0):.3f}" for group in
                 ("requests", "documents", "jobs", "gc", "jit", "other", "mariadb")]
        lines.append(f"| CPU seconds per case, general / bare (each batch and its documents' wait; threads by name, "
                     f"/proc) | {'; '.join(parts)} |")
    if r.get("errors"):
        lines.append(f"| errors | {len(r['errors'])} (first: {r['errors'][0][:200]}) |")
    lines += ["", "| step | officer | general p50 / p95 ms | bare p50 / p95 ms | ratio p50 | ratio mean | submit p50 general / bare |",
              "|---|---|---|---|---|---|---|"]
    for s in a["steps"]:
        lines.append(f"| {s['name']} ({s['step']}) | {s['user']} | {s['general']['p50']} / {s['general']['p95']} | "
                     f"{s['bare']['p50']} / {s['bare']['p95']} | {s['ratioP50']}× | {s['ratioMean']}× | "
                     f"{s['generalSubmitP50']} / {s['bareSubmitP50']} |")
    lines += ["", "| command | general p50 / p95 / mean ms (n) | bare p50 / p95 / mean ms (n) |", "|---|---|---|"]
    for command in ("start", "claim", "submit", "lookup"):
        g, b = a["commands"].get(f"general.{command}"), a["commands"].get(f"bare.{command}")
        if g and b:
            lines.append(f"| {command} | {g['p50']} / {g['p95']} / {g['mean']} ({g['n']}) | "
                         f"{b['p50']} / {b['p95']} / {b['mean']} ({b['n']}) |")
    if "general" in a.get("case", {}) and "bare" in a.get("case", {}):
        g, b = a["case"]["general"], a["case"]["bare"]
        lines.append(f"| whole case | {g['p50']} / {g['p95']} / {g['mean']} ({g['n']}) | "
                     f"{b['p50']} / {b['p95']} / {b['mean']} ({b['n']}) |")
    return "\n".join(lines) + "\n"


def write_docs(path, section_key, text):
    begin, end = f"<!-- benchmark:{section_key} -->", f"<!-- /benchmark:{section_key} -->"
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmark report\n\n"
    block = f"{begin}\n{text}{end}\n"
    if begin in old and end in old:
        new = old[:old.index(begin)] + block + old[old.index(end) + len(end) + 1:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8") as out:
        out.write(new)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("h2", "mariadb"), default="h2")
    parser.add_argument("--database", default="sanlian_h2", help="MariaDB database (dropped and created afresh)")
    parser.add_argument("--keep-database", action="store_true", help="do not drop the MariaDB database first")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--cases", type=int, default=3, help="cases per client per round, of each kind")
    parser.add_argument("--rounds", type=int, default=2, help="general and bare batches alternate this many times")
    parser.add_argument("--warmup", type=int, default=1, help="warm-up cases of each kind per warm-up client")
    parser.add_argument("--warmup-clients", type=int, default=1,
                        help="clients of the warm-up (e.g. as many as --clients, for a long warm-up that lets the JIT settle)")
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--xmx", default="768m")
    parser.add_argument("--jar", default=None)
    parser.add_argument("--label", default="", help="names this run in the report, e.g. before / after")
    parser.add_argument("--report", default="docs/benchmark-report.md")
    parser.add_argument("--commit-transactions", type=int, default=500, help="per connection, for the DB limit")
    parser.add_argument("--app-arg", action="append", default=[], help="extra argument for the app")
    parser.add_argument("--jvm-arg", action="append", default=[],
                        help="extra JVM option for the app only, e.g. -XX:StartFlightRecording=filename=run.jfr")
    parser.add_argument("--startup-timeout", type=int, default=1200, help="seconds")
    parser.add_argument("--documents-elsewhere", action="store_true",
                        help="the app runs no render worker (sanlian.documents.render-worker-enabled=false), as a "
                             "step node beside a render node would: its documents stay owed and are not waited for")
    args = parser.parse_args()
    if args.documents_elsewhere:
        args.app_arg.append("--sanlian.documents.render-worker-enabled=false")
    jars = [j for j in glob.glob("target/sanlian-*.jar") if not j.endswith("-plain.jar")]
    args.jar = args.jar or (jars[0] if jars else None)
    if not args.jar:
        raise SystemExit("no jar: ./mvnw -B -q -DskipTests package first")
    os.makedirs(WORK, exist_ok=True)
    started = datetime.now(timezone.utc)
    info = machine()
    if args.db == "mariadb" and not args.keep_database:
        subprocess.run(["mariadb", "--protocol=TCP", "-h", HOST, "-uroot", "-e",
                        f"DROP DATABASE IF EXISTS {args.database}; CREATE DATABASE {args.database} "
                        "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"], check=True)
    app = App(args)
    samples, lock = {}, threading.Lock()
    try:
        log(f"starting {args.jar} on {args.db} (port {args.port})")
        app.start()
        log(f"up: started in {app.started_seconds} s, health after {app.ready_seconds:.1f} s")
        heap_start = app.heap_after_gc()
        log(f"heap after start: {heap_start}")
        deploy_bare(args.port)
        warm = {}
        for kind in ("general", "bare"):
            _s, errors = run_batch(args.port, kind, args.warmup_clients, args.warmup, warm, threading.Lock(), "预热")
            if errors:
                raise SystemExit(f"warm-up failed: {errors[0]}")
        log("warmed up")
        seconds, cases, errors = {"general": 0.0, "bare": 0.0}, {"general": 0, "bare": 0}, []
        drained = {"general": [], "bare": []}
        cpu = {"general": {}, "bare": {}}
        documents = (lambda port: 0.0) if args.documents_elsewhere else wait_for_documents
        documents(args.port)  # the warm-up's
        for r in range(args.rounds):
            for kind in ("general", "bare") if r % 2 == 0 else ("bare", "general"):
                before = cpu_snapshot(app)
                spent, failed = run_batch(args.port, kind, args.clients, args.cases, samples, lock, f"{r}")
                seconds[kind] += spent
                cases[kind] += args.clients * args.cases - len(failed)
                errors += failed
                drained[kind].append(documents(args.port))
                cpu_spent(before, cpu_snapshot(app), cpu[kind])
                log(f"round {r + 1} {kind}: {args.clients * args.cases} cases in {spent:.1f} s, {len(failed)} failed; "
                    f"its documents done {drained[kind][-1]} s later")
        renders = document_renders(args.port)
        heap_run = app.heap_after_gc()
        limit = None
        if args.db == "mariadb":
            log("measuring MariaDB's commit limit")
            limit = commit_limit(args.database, args.clients, args.commit_transactions)
    finally:
        app.stop()
    results = analyse(samples, seconds, cases)
    git = subprocess.run(["git", "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout.strip()[:80]
    report = {
        "db": args.db, "label": args.label, "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python3 tools/benchmark.py " + " ".join(a for a in os.sys.argv[1:]),
        "machine": info, "loadAverageAtEnd": os.getloadavg(), "jar": os.path.basename(args.jar),
        "jarMiB": round(os.path.getsize(args.jar) / 1048576, 1), "git": git,
        "clients": args.clients, "casesPerClient": args.cases, "rounds": args.rounds, "warmup": args.warmup,
        "warmupClients": args.warmup_clients,
        "startup": {"startedSeconds": app.started_seconds, "readySeconds": round(app.ready_seconds, 1),
                    "database": "fresh database: both schemas created and migrated"},
        "documentRenders": renders,
        "documentsDrainedSeconds": drained,
        "generalCasesPerSecondWithDocuments": round(cases["general"] / (seconds["general"] + sum(drained["general"])), 3)
        if seconds["general"] else None,
        "heapAfterStart": heap_start, "heapAfterRun": heap_run, "results": results, "commitLimit": limit,
        "dbShare": round(100 * results["writeCommandsPerSecond"]["general"] / limit["commitsPerSecond"], 1)
        if limit else None,
        "cpuSecondsPerCase": {kind: {group: round(value / cases[kind], 3) for group, value in sorted(cpu[kind].items())}
                              for kind in ("general", "bare") if cases[kind]},
        "errors": errors,
    }
    name = args.db + (f"-{args.label}" if args.label else "")
    with open(os.path.join(WORK, f"{name}.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2, default=str)
    text = markdown(report)
    with open(os.path.join(WORK, f"{name}.md"), "w", encoding="utf-8") as out:
        out.write(text)
    write_docs(args.report, name, text)
    print(text)
    if errors:
        raise SystemExit(f"{len(errors)} cases failed; first: {errors[0]}")


if __name__ == "__main__":
    main()
