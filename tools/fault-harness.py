#!/usr/bin/env python3
"""Fault harness (issue 15): two app nodes on one MariaDB, N cases driven through both over REST, a kill -9 of
one node mid-load and its restart, then MariaDB stopped and started mid-load; then a report of what was lost,
duplicated or left behind, read from the database itself.

    python3 tools/fault-harness.py [--cases 30] [--jar target/sanlian-*.jar]

Not part of CI. It starts its own MariaDB (own data folder under target/fault-harness, port 3317), so the
machine's MariaDB and anyone using it are left alone; the app nodes listen on 18151 and 18152. Everything
talks to 127.0.0.1 only; every wait and retry loop is bounded. Needs root (mariadbd runs as mysql) and a built
jar (./mvnw -B -q -DskipTests package).
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
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

HOST = "127.0.0.1"
DB_PORT = 3317
PORTS = (18151, 18152)
DB_NAME = "sanlian_harness"
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
                    "--transaction-isolation=READ-COMMITTED", "--skip-log-bin"], check=True)
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
             f"--sanlian.documents.template-dir={WORK}/templates"],
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
    """One REST call; (status, parsed body). A connection failure is status 0."""
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
    except (urllib.error.URLError, OSError):
        return 0, None


def variables(values):
    return {"variables": {name: {"value": value} for name, value in values.items()}}


# ---- the load ----

class Driver:
    """Drives each case lead → 案源核查 → 立案审批 (filing, which allocates the case number), alternating nodes.
    A step whose answer was lost (node killed, database down) is not sent again blindly: the driver first reads
    where the process stands and retries only what has not happened."""

    def __init__(self):
        self.turn = 0
        self.stats = {"requests": 0, "transportFailures": 0, "serverErrors": 0, "conflicts": 0}
        self.cases = []

    def node(self):
        self.turn += 1
        return PORTS[self.turn % 2]

    def request(self, user, method, path, body=None, retry_server_errors=True):
        for _ in range(120):
            port = self.node()
            status, answer = call(port, user, method, path, body)
            self.stats["requests"] += 1
            if status == 0:
                self.stats["transportFailures"] += 1
            elif status >= 500:
                self.stats["serverErrors"] += 1
                if not retry_server_errors:
                    return status, answer
            else:
                if status == 409:
                    self.stats["conflicts"] += 1
                return status, answer
            time.sleep(1)
        raise SystemExit(f"{method} {path}: no answer after 120 tries")

    def instance_of(self, party):
        query = urllib.parse.quote(f"partyName_eq_{party}")
        status, found = self.request("admin", "GET",
                                     f"/engine-rest/process-instance?processDefinitionKey=leadIntake&variables={query}")
        return found[0] if status == 200 and found else None

    def open_task(self, instance_id, key):
        status, tasks = self.request("admin", "GET",
                                     f"/engine-rest/task?processInstanceId={instance_id}&taskDefinitionKey={key}")
        return tasks[0]["id"] if status == 200 and tasks else None

    def complete(self, user, instance_id, key, values):
        for _ in range(30):
            task = self.open_task(instance_id, key)
            if task is None:
                return  # done already (by an earlier try whose answer was lost)
            # a 5xx is not resent as is: the task may be gone (an earlier try committed), so read the state again
            status, answer = self.request(user, "POST", f"/engine-rest/task/{task}/submit-form", variables(values),
                                          retry_server_errors=False)
            if status in (200, 204, 409):
                return
            log(f"  {key}: {status} {str(answer)[:200]}")
            time.sleep(1)

    def run_case(self, number):
        party = f"故障测试运输公司{number:03d}"
        instance = self.instance_of(party)
        if instance is None:
            status, answer = self.request("xfhandler1", "POST",
                                          "/engine-rest/process-definition/key/leadIntake/submit-form",
                                          variables({"source": "INSPECTION", "partyName": party,
                                                     "summary": "故障测试：未取得道路运输经营许可从事客运经营"}))
            instance = answer if status == 200 else self.instance_of(party)
        if instance is None:
            raise SystemExit(f"case {number}: lead not registered")
        self.complete("xfhandler1", instance["id"], "verifyLead", {"verificationFindings": "经核查，车辆无道路运输证"})
        self.complete("xfhead", instance["id"], "decideFiling", {"filingDecision": "file"})
        self.cases.append({"party": party, "leadInstance": instance["id"], "leadNumber": instance.get("businessKey")})


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
    timers_twice = rows("SELECT ACT_ID_, PROC_INST_ID_, COUNT(*) FROM ACT_HI_ACTINST "
                        "WHERE ACT_TYPE_ LIKE '%Timer%' GROUP BY ACT_ID_, PROC_INST_ID_, EXECUTION_ID_ "
                        "HAVING COUNT(*) > 1")
    timers_fired = one("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_TYPE_ LIKE '%Timer%'")
    failed_jobs = one("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0 OR EXCEPTION_MSG_ IS NOT NULL")
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
        "timersPending": timers,
        "timersFired": timers_fired,
        "timersFiredTwice": len(timers_twice),
        "timersNeverFired": overdue_timers,
        "failedJobs": failed_jobs,
        "incidents": incidents,
        **driver.stats,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=30)
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    jars = [j for j in glob.glob("target/sanlian-*.jar") if not j.endswith("-plain.jar")]
    jar = args.jar or (jars[0] if jars else None)
    if not jar:
        raise SystemExit("no jar: ./mvnw -B -q -DskipTests package first")
    cases = max(6, min(args.cases, 500))
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
        log(f"two nodes up on {PORTS}; driving {cases} cases")
        driver = Driver()
        kill_at, db_at = cases // 3, (2 * cases) // 3
        for number in range(cases):
            if number == kill_at:
                log(f"kill -9 node {PORTS[0]} mid-load (pid {nodes[0].process.pid}), restarting it")
                nodes[0].kill9()
                nodes[0].start()
            if number == kill_at + 3:
                nodes[0].wait_up()
                log(f"node {PORTS[0]} back")
            if number == db_at:
                log("stopping MariaDB mid-load (start-stop-daemon --stop)")
                stop_db()
                time.sleep(8)
                log("starting MariaDB again")
                start_db()
            driver.run_case(number)
            log(f"case {number + 1}/{cases} filed")
        time.sleep(5)
        report = measure(driver, started)
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
    ok = report["casesLost"] == 0 and report["stepsDuplicated"] == 0 and report["caseNumberGaps"] == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
