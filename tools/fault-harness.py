#!/usr/bin/env python3
"""Fault harness (issue 15): two app nodes on one MariaDB, N cases driven through both over REST by several
concurrent clients, a kill -9 of one node while requests are in flight and its restart, then MariaDB stopped and
started while requests are in flight; then a report of what was lost, duplicated or left behind, read from the
database itself.

    python3 tools/fault-harness.py [--cases 60] [--clients 4] [--jar target/sanlian-*.jar]

Not part of CI. It starts its own MariaDB (own data folder under target/fault-harness, port 3317, database
sanlian_h1), so the machine's MariaDB and anyone using it are left alone; the app nodes listen on 8091 and 8191.
The nodes run with the 90-day limit (行政处罚法 Art. 60) set to -3 calendar days, so both deadline timers of every
filed case (期限届满前预警, 办案期限届满) are due at filing and fire during the run: "fired twice or never" judges
real timers. Everything talks to 127.0.0.1 only; every wait and retry loop is bounded. Needs root (mariadbd runs
as mysql) and a built jar (./mvnw -B -q -DskipTests package).
"""
import argparse
import base64
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

HOST = "127.0.0.1"
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()  # China's calendar day, as the app counts
DB_PORT = 3317
PORTS = (8091, 8191)
DB_NAME = "sanlian_h1"
# filing makes both deadline timers of the case due at once (see the module documentation)
NODE_SETTINGS = ["--sanlian.deadlines.decision=P-3D"]
DEADLINE_TIMERS = ("decisionWarningDue", "decisionDeadlinePassed")
WORK = os.path.abspath("target/fault-harness")
DB_DIR = os.path.join(WORK, "db")
SOCKET = os.path.join(WORK, "mariadb.sock")
PIDFILE = os.path.join(WORK, "mariadb.pid")
PASSWORD = "demo"


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


# ---- MariaDB of its own ----

def sql(statement, database=DB_NAME):
    command = ["mariadb", "--protocol=TCP", "-h", HOST, "-P", str(DB_PORT), "-uroot", "-N", "-B", "-e", statement]
    if database:
        command.insert(1, database)
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def db_up():
    try:
        sql("SELECT 1", database=None)
        return True
    except subprocess.CalledProcessError:
        return False


def start_db():
    subprocess.run(["start-stop-daemon", "--start", "--oknodo", "--background", "--pidfile", PIDFILE,
                    "--make-pidfile", "--exec", "/usr/sbin/mariadbd", "--", "--no-defaults", "--user=mysql",
                    f"--datadir={DB_DIR}", f"--port={DB_PORT}", f"--bind-address={HOST}", f"--socket={SOCKET}",
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--transaction-isolation=READ-COMMITTED", "--max-allowed-packet=256M", "--skip-log-bin"],
                   check=True)
    for _ in range(60):
        if db_up():
            return
        time.sleep(1)
    raise SystemExit("harness MariaDB did not start")


def stop_db():
    subprocess.run(["start-stop-daemon", "--stop", "--retry", "30", "--pidfile", PIDFILE,
                    "--exec", "/usr/sbin/mariadbd"], check=False)


def fresh_db():
    stop_db()
    shutil.rmtree(DB_DIR, ignore_errors=True)
    os.makedirs(DB_DIR)
    shutil.chown(WORK, "mysql", "mysql")
    shutil.chown(DB_DIR, "mysql", "mysql")
    subprocess.run(["mariadb-install-db", "--no-defaults", "--user=mysql", f"--datadir={DB_DIR}",
                    "--auth-root-authentication-method=normal", "--skip-test-db"], check=True,
                   capture_output=True)
    start_db()
    sql(f"CREATE DATABASE {DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", database=None)


# ---- app nodes ----

class Node:
    def __init__(self, port, jar):
        self.port, self.jar, self.process = port, jar, None

    def start(self):
        log_file = open(os.path.join(WORK, f"node-{self.port}.log"), "a")
        env = dict(os.environ, SANLIAN_DB_URL=f"jdbc:mariadb://{HOST}:{DB_PORT}/{DB_NAME}", SANLIAN_DB_USER="root",
                   SANLIAN_DB_PASSWORD="", SANLIAN_ADMIN_PASSWORD=PASSWORD)
        self.process = subprocess.Popen(
            ["java", "-Xmx512m", "-jar", self.jar, "--spring.profiles.active=mariadb,demo", f"--server.port={self.port}",
             f"--server.address={HOST}",
             f"--sanlian.documents.template-dir={WORK}/templates", *NODE_SETTINGS],
            stdout=log_file, stderr=subprocess.STDOUT, env=env)

    def wait_up(self, seconds=1200):
        for _ in range(seconds):
            if self.process.poll() is not None:
                raise SystemExit(f"node {self.port} exited; see {WORK}/node-{self.port}.log")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/actuator/health", timeout=3) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(1)
        raise SystemExit(f"node {self.port} did not come up")

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def call(port, user, method, path, body=None, timeout=120):
    """One REST call; (status, parsed body). A refused connection is -1 (nothing sent); any other failure to get
    an answer (reset, timeout) is 0: the call may or may not have taken effect."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode())
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            text = answer.read().decode()
            return answer.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, text
    except urllib.error.URLError as error:
        # refused: nothing reached the node (it is down), so the call may go to the other node at once
        return (-1 if isinstance(error.reason, ConnectionRefusedError) else 0), None
    except ConnectionRefusedError:
        return -1, None
    except OSError:
        return 0, None


def variables(values):
    return {"variables": {name: {"value": value} for name, value in values.items()}}


# ---- the load ----

class Driver:
    """Drives each case lead → 案源核查 → 立案审批 (filing, which allocates the case number), alternating nodes,
    from several client threads at once. A step whose answer was lost (node killed, database down) is not sent
    again blindly: the driver first reads where the process stands and retries only what has not happened."""

    def __init__(self):
        self.lock = threading.Lock()
        self.turn = 0
        self.in_flight = 0
        self.stats = {"requests": 0, "refusedConnections": 0, "transportFailures": 0, "serverErrors": 0, "conflicts": 0}
        self.cases = []
        self.failures = []
        self.faults = {}

    def node(self):
        with self.lock:
            self.turn += 1
            return PORTS[self.turn % 2]

    def count(self, key):
        with self.lock:
            self.stats[key] += 1

    def request(self, user, method, path, body=None, once=False):
        """Reads are retried until a node answers; a write is sent once (once=True) and its caller reads the state
        again before sending it anew."""
        for _ in range(180):
            port = self.node()
            with self.lock:
                self.in_flight += 1
            try:
                status, answer = call(port, user, method, path, body)
            finally:
                with self.lock:
                    self.in_flight -= 1
            self.count("requests")
            if status == -1:
                self.count("refusedConnections")
                time.sleep(0.2)
                continue  # not sent: the other node takes it, even a write
            if status == 0:
                self.count("transportFailures")
                if once:
                    return status, answer
            elif status >= 500:
                self.count("serverErrors")
                log(f"  {status} {method} {path} on {port}: {str(answer)[:160]}")
                if once:
                    return status, answer
            else:
                if status == 409:
                    self.count("conflicts")
                return status, answer
            time.sleep(1)
        raise RuntimeError(f"{method} {path}: no answer after 180 tries")

    def instance_of(self, party):
        query = urllib.parse.quote(f"partyName_eq_{party}")
        status, found = self.request("admin", "GET",
                                     f"/engine-rest/process-instance?processDefinitionKey=leadIntake&variables={query}")
        return found[0] if status == 200 and found else None

    def lead_stored(self, party):
        query = urllib.parse.quote(f"partyName_eq_{party}")
        status, found = self.request("admin", "GET", "/engine-rest/history/process-instance"
                                     f"?processDefinitionKey=leadIntake&variables={query}")
        return bool(status == 200 and found)

    def open_task(self, instance_id, key):
        status, tasks = self.request("admin", "GET",
                                     f"/engine-rest/task?processInstanceId={instance_id}&taskDefinitionKey={key}")
        return tasks[0]["id"] if status == 200 and tasks else None

    def complete(self, user, instance_id, key, values):
        for _ in range(60):
            task = self.open_task(instance_id, key)
            if task is None:
                return  # done already (by an earlier try whose answer was lost)
            # a 5xx is not resent as is: the task may be gone (an earlier try committed), so read the state again
            status, answer = self.request(user, "POST", f"/engine-rest/task/{task}/submit-form", variables(values),
                                          once=True)
            if status in (200, 204, 409):
                return
            log(f"  {key}: {status} {str(answer)[:200]}")
            time.sleep(1)
        raise RuntimeError(f"{key} of {instance_id}: not completed after 60 tries")

    def run_case(self, number):
        party = f"故障测试运输公司{number:03d}"
        instance = None
        for _ in range(60):
            # a lost answer is not a lost lead: look for the instance before registering the lead (again)
            instance = self.instance_of(party)
            if instance is not None:
                break
            status, answer = self.request("xfhandler1", "POST",
                                          "/engine-rest/process-definition/key/leadIntake/submit-form",
                                          variables({"source": "INSPECTION", "partyName": party,
                                                     # 行政处罚法 Art. 36: a lead is filed only with the day of the act
                                                     "occurredOn": TODAY, "place": "西峰区长庆大道",
                                                     "summary": "故障测试：未取得道路运输经营许可从事客运经营"}),
                                          once=True)
            if status == 200:
                instance = answer
                break
            time.sleep(1)
        if instance is None:
            raise RuntimeError(f"case {number}: lead not registered")
        self.complete("xfhandler1", instance["id"], "verifyLead", {"verificationFindings": "经核查，车辆无道路运输证"})
        self.complete("xfhead", instance["id"], "decideFiling", {"filingDecision": "file"})
        with self.lock:
            self.cases.append({"party": party, "leadInstance": instance["id"],
                               "leadNumber": instance.get("businessKey")})

    def client(self, numbers, done):
        while True:
            with self.lock:
                if not numbers:
                    return
                number = numbers.pop(0)
            try:
                self.run_case(number)
            except Exception as failure:  # noqa: BLE001 - reported, never hidden
                with self.lock:
                    self.failures.append(f"case {number}: {failure}")
                log(f"case {number} FAILED: {failure}")
            done.append(number)
            log(f"case {number} done ({len(done)} finished)")


# ---- the report, from the database ----

def measure(driver, started):
    def one(statement):
        return int(sql(statement).strip() or 0)

    def rows(statement):
        return [line.split("\t") for line in sql(statement).strip().splitlines() if line]

    parties = ",".join("'" + c["party"] + "'" for c in driver.cases)
    filed = one(f"SELECT COUNT(*) FROM case_file WHERE party_name IN ({parties})")
    leads = one(f"SELECT COUNT(DISTINCT party_name) FROM case_lead WHERE party_name IN ({parties})")
    duplicated_steps = rows(
        "SELECT PROC_INST_ID_, TASK_DEF_KEY_, COUNT(*) FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL "
        "AND DELETE_REASON_ = 'completed' GROUP BY PROC_INST_ID_, TASK_DEF_KEY_ HAVING COUNT(*) > 1")
    duplicate_leads = rows(f"SELECT party_name, COUNT(*) FROM case_lead WHERE party_name IN ({parties}) "
                           "GROUP BY party_name HAVING COUNT(*) > 1")
    gaps = 0
    series = rows("SELECT organisation_code, number_year, number_type, COUNT(*), MIN(sequence_value), "
                  "MAX(sequence_value) FROM case_number GROUP BY organisation_code, number_year, number_type")
    for _org, _year, _type, count, low, high in series:
        gaps += (int(high) - int(low) + 1) - int(count) + (int(low) - 1)
    timers = one("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'")
    overdue_timers = one("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' "
                         "AND DUEDATE_ < NOW() - INTERVAL 2 MINUTE")
    # every filed case starts one generalProcedure whose two deadline timers are due at filing (NODE_SETTINGS)
    procedures = one("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'generalProcedure'")
    timer_ids = ",".join(f"'{t}'" for t in DEADLINE_TIMERS)
    fired = rows("SELECT a.PROC_INST_ID_, a.ACT_ID_, COUNT(*) FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p "
                 "ON p.ID_ = a.PROC_INST_ID_ AND p.PROC_DEF_KEY_ = 'generalProcedure' "
                 f"WHERE a.ACT_ID_ IN ({timer_ids}) GROUP BY a.PROC_INST_ID_, a.ACT_ID_")
    timers_fired = sum(int(count) for _i, _a, count in fired)
    timers_twice = [row for row in fired if int(row[2]) > 1]
    timers_never = procedures * len(DEADLINE_TIMERS) - len(fired)
    failed_jobs = one("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0 OR EXCEPTION_MSG_ IS NOT NULL")
    # issue 16: each filing asks for its 立案登记表, rendered after the step commits by whichever node's worker gets
    # it; a node killed while rendering leaves the request behind, never the case without its document
    filed_numbers = f"SELECT case_number FROM case_file WHERE party_name IN ({parties})"
    filing_forms = one("SELECT COUNT(DISTINCT case_number) FROM case_document WHERE kind = 'FILING_FORM' "
                       f"AND case_number IN ({filed_numbers})")
    render_pending = one("SELECT COUNT(*) FROM document_render_job WHERE status = 'PENDING'")
    render_failed = one("SELECT COUNT(*) FROM document_render_job WHERE status = 'FAILED'")
    render_retried = one("SELECT COUNT(*) FROM document_render_job WHERE attempts > 1")
    incidents = one("SELECT COUNT(*) FROM ACT_RU_INCIDENT")
    return {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "casesDriven": len(driver.cases),
        "leadsStored": leads,
        "casesFiled": filed,
        "casesLost": len(driver.cases) - filed,
        "stepsDuplicated": len(duplicated_steps) + len(duplicate_leads),
        "caseNumberSeries": len(series),
        "caseNumberGaps": gaps,
        "timersExpected": procedures * len(DEADLINE_TIMERS),
        "timersFired": timers_fired,
        "timersFiredTwice": len(timers_twice),
        "timersNeverFired": timers_never,
        "timerJobsOverdueNotRun": overdue_timers,
        "timerJobsPending": timers,
        "failedJobs": failed_jobs,
        "filingFormsMade": filing_forms,
        "filingFormsMissing": filed - filing_forms,
        "renderJobsPending": render_pending,
        "renderJobsFailed": render_failed,
        "renderJobsTriedMoreThanOnce": render_retried,
        "incidents": incidents,
        "driverFailures": len(driver.failures),
        **driver.stats,
        **driver.faults,
    }


def wait_in_flight(driver, least=2, seconds=60):
    """Waits (bounded) until at least `least` requests are open, so that the fault hits requests in flight."""
    for _ in range(seconds * 20):
        with driver.lock:
            if driver.in_flight >= least:
                return driver.in_flight
        time.sleep(0.05)
    with driver.lock:
        return driver.in_flight


def inject_faults(driver, nodes, done, cases):
    """kill -9 of the first node a quarter of the way in, MariaDB stopped half way: each while requests are open
    (counted at the moment of the fault). The killed node restarts in a thread of its own, so the MariaDB stop
    does not wait for it. Returns that thread."""
    while len(done) < cases // 4:
        time.sleep(0.2)
    open_requests = wait_in_flight(driver)
    log(f"kill -9 node {PORTS[0]} (pid {nodes[0].process.pid}) with {open_requests} requests in flight")
    nodes[0].kill9()
    driver.faults["kill9InFlight"] = open_requests
    driver.faults["kill9AfterCases"] = len(done)

    def restart():
        nodes[0].start()
        nodes[0].wait_up()
        driver.faults["nodeBackAfterCases"] = len(done)
        log(f"node {PORTS[0]} back")

    restarter = threading.Thread(target=restart)
    restarter.start()
    while len(done) < cases // 2:
        time.sleep(0.2)
    open_requests = wait_in_flight(driver)
    log(f"stopping MariaDB with {open_requests} requests in flight (start-stop-daemon --stop)")
    stop_db()
    driver.faults["dbStopInFlight"] = open_requests
    driver.faults["dbStopAfterCases"] = len(done)
    time.sleep(8)
    log("starting MariaDB again")
    start_db()
    return restarter


def wait_timers(seconds=600):
    """After the load: wait (bounded) until no timer that is due is left unrun, so never-fired means never."""
    for _ in range(seconds // 5):
        try:
            if int(sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ < NOW()").strip()) == 0:
                return
        except subprocess.CalledProcessError:
            pass
        time.sleep(5)


def wait_documents(seconds=300):
    """Waits (bounded) until no document a step asked for is still to be rendered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if int(sql("SELECT COUNT(*) FROM document_render_job WHERE status = 'PENDING'").strip() or 0) == 0:
            return
        time.sleep(2)
    log("documents still pending after the wait")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=60)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    jars = [j for j in glob.glob("target/sanlian-*.jar") if not j.endswith("-plain.jar")]
    jar = args.jar or (jars[0] if jars else None)
    if not jar:
        raise SystemExit("no jar: ./mvnw -B -q -DskipTests package first")
    cases = max(6, min(args.cases, 500))
    clients = max(1, min(args.clients, 16))
    started = datetime.now(timezone.utc)
    os.makedirs(WORK, exist_ok=True)
    log(f"own MariaDB on {HOST}:{DB_PORT}, data in {DB_DIR}")
    fresh_db()
    nodes = [Node(port, jar) for port in PORTS]
    try:
        nodes[0].start()
        nodes[0].wait_up()  # the first node creates the schema alone
        nodes[1].start()
        nodes[1].wait_up()
        log(f"two nodes up on {PORTS}; driving {cases} cases with {clients} concurrent clients")
        driver = Driver()
        numbers, done = list(range(cases)), []
        threads = [threading.Thread(target=driver.client, args=(numbers, done)) for _ in range(clients)]
        for thread in threads:
            thread.start()
        restarter = inject_faults(driver, nodes, done, cases)
        for thread in threads:
            thread.join()
        restarter.join()
        log("load done; waiting for due timers to run")
        wait_timers()
        wait_documents()
        report = measure(driver, started)
        report["clients"] = clients
        report["finished"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    finally:
        for node in nodes:
            node.stop()
        stop_db()
    with open(os.path.join(WORK, "report.json"), "w") as out:
        json.dump(report, out, indent=2, ensure_ascii=False)
    lines = ["| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in report.items()]
    with open(os.path.join(WORK, "report.md"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    ok = (report["casesLost"] == 0 and report["stepsDuplicated"] == 0 and report["caseNumberGaps"] == 0
          and report["timersFiredTwice"] == 0 and report["timersNeverFired"] == 0 and report["driverFailures"] == 0
          and report["filingFormsMissing"] == 0 and report["renderJobsFailed"] == 0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
