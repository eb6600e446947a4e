#!/usr/bin/env python3
"""Scale run (issue 16): Tasklist's 本单位待办 and 即将到期 and the case list's search, timed against a seeded database.

    ./mvnw -B -o -q -DskipTests package
    mariadb -uroot -e "CREATE DATABASE sl_scale CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    SANLIAN_ADMIN_PASSWORD=demo SANLIAN_DB_URL=jdbc:mariadb://127.0.0.1:3306/sl_scale SANLIAN_DB_USER=root \\
      SANLIAN_DB_PASSWORD= java -Xmx1g -jar target/sanlian-*.jar --server.port=8216 \\
      --spring.profiles.active=mariadb,demo &                      # Flyway and Camunda create the schema
    python3 tools/scale.py --port 8216 --templates                 # drives the template cases through /engine-rest
    python3 tools/scale_seed.py --database sl_scale …              # (the ids --templates printed; see its docstring)
    python3 tools/scale.py --port 8216 --database sl_scale         # measures; writes target/scale/report.json

--templates drives two real cases through /engine-rest as the officers do: one filed and waiting in 调查取证 (the
open template) and one through 8 of its steps up to 处罚决定审批 (the closed template: the statutory 3- and 5-day
periods of Art. 62/64 forbid a decision the same day, so no case can be closed within the run).

The measurement: p50/p95 (ms) over --requests calls each, after 10 warm-up calls, one client at a time:
- Tasklist's 本单位待办 and 即将到期 as Tasklist calls them: a webapp session (login, session cookie, XSRF token),
  POST /camunda/api/engine/engine/default/filter/{id}/list?firstResult=0&maxResults=15, Accept application/hal+json,
  sorted by creation, newest first (the answer carries the page, its variables and the count);
- the same through /engine-rest (HTTP Basic); with --supervisor also the supervisors' 全市待办, 全市即将到期 and 全市已超期
  as citysupervisor;
- GET /api/case-list?q=<party> and ?q=<plate> with parties and plates of seeded cases, each call a different one, as a
  brigade handler (sees his body's cases) and as the city supervisor (sees all).
- --export N: the archives (一案一卷) of N closed cases, as the archive page reads them: the index, then the ZIP, its
  SHA-256 checked; volumes/s and MB/s (--close-cases K first drives K whole cases to 归档 for real volumes, and
  scale_seed.py --archives copies them onto seeded closed cases).
No test asserts a time: the figures live in the report only.
"""
import argparse
import hashlib
import http.cookiejar
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark  # noqa: E402  (HTTP Basic client, percentiles, the machine's description)

HOST = "127.0.0.1"
WORK = os.path.abspath("target/scale")
TASKLIST_BODY = {"processVariables": [], "taskVariables": [], "caseInstanceVariables": [], "orQueries": [],
                 "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}


class WebappSession:
    """A Tasklist sign-in: session cookie and the XSRF token the webapps' CSRF filter asks for."""

    def __init__(self, port, user):
        self.base, self.jar = f"http://{HOST}:{port}", http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.send("GET", "/camunda/app/tasklist/default/")
        form = urllib.parse.urlencode({"username": user, "password": benchmark.PASSWORD}).encode()
        self.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                  "application/x-www-form-urlencoded")
        self.send("GET", "/camunda/api/engine/engine/")

    def send(self, method, path, body=None, content_type=None, accept="application/json"):
        request = urllib.request.Request(self.base + path, data=body, method=method)
        request.add_header("Accept", accept)
        if content_type:
            request.add_header("Content-Type", content_type)
        token = [c.value for c in self.jar if c.name == "XSRF-TOKEN"]
        if token:
            request.add_header("X-XSRF-TOKEN", token[-1])
        with self.opener.open(request, timeout=300) as answer:
            return answer.read()


def timed(call, requests, warmup=10):
    for _ in range(warmup):
        call(0)
    times = []
    for i in range(requests):
        began = time.perf_counter()
        answer = call(i)
        times.append((time.perf_counter() - began) * 1000)
    return times, answer


def figures(times, **extra):
    return dict(requests=len(times), p50=round(statistics.median(times), 1),
                p95=round(benchmark.percentile(times, 95), 1), max=round(max(times), 1), **extra)


def filters(port, user="xfhandler1"):
    client = benchmark.Client(port, {}, threading.Lock())
    return {f["name"]: f["id"] for f in client.call(user, "GET", "/engine-rest/filter")}


def measure_inbox(port, requests, user, warmup, names=("本单位待办", "即将到期")):
    ids, report = filters(port, user), {}
    session = WebappSession(port, user)
    body = json.dumps(TASKLIST_BODY).encode()
    for name in names:
        path = f"/filter/{ids[name]}/list?firstResult=0&maxResults=15"

        def webapp(_i):
            return json.loads(session.send("POST", "/camunda/api/engine/engine/default" + path, body,
                                           "application/json", "application/hal+json"))

        def rest(_i):
            request = urllib.request.Request(f"http://{HOST}:{port}/engine-rest{path}", data=body, method="POST")
            request.add_header("Authorization", benchmark.basic(user))
            request.add_header("Content-Type", "application/json")
            request.add_header("Accept", "application/hal+json")
            with urllib.request.urlopen(request, timeout=300) as answer:
                return json.loads(answer.read())

        for label, call in (("tasklist", webapp), ("engineRest", rest)):
            times, answer = timed(call, requests, warmup)
            report[f"{name} ({label}, {user})"] = figures(times, count=answer.get("count"),
                                                          page=len(answer.get("_embedded", {}).get("task", [])))
            benchmark.log(f"{name} {label}: {report[f'{name} ({label}, {user})']}")
    return report


def samples(database, requests):
    """Parties and plates of seeded cases, newest and oldest alike (random case ids)."""
    top = int(benchmark.mariadb(database, "SELECT MAX(id) FROM case_file").strip())
    ids = ",".join(str(random.randint(1, top)) for _ in range(requests * 2))
    parties = benchmark.mariadb(database, f"SELECT party_name FROM case_file WHERE id IN ({ids})").split("\n")
    plates = benchmark.mariadb(database, "SELECT plate_number FROM case_vehicle WHERE id IN"
                                         f" ({ids})").split("\n")
    return [p for p in parties if p][:requests], [p for p in plates if p][:requests]


def measure_search(port, database, requests, users):
    client = benchmark.Client(port, {}, threading.Lock())
    parties, plates = samples(database, requests + 10)
    report = {}
    for kind, values in (("party", parties), ("plate", plates)):
        for user in users:
            found = []

            def search(i):
                rows = client.call(user, "GET", "/api/case-list?q=" + urllib.parse.quote(values[i % len(values)]))
                found.append(len(rows))
                return rows

            times, _ = timed(search, requests)
            report[f"case-list ?q=<{kind}> ({user})"] = figures(times, meanRows=round(statistics.fmean(found), 1))
            benchmark.log(f"{kind} {user}: {report[f'case-list ?q=<{kind}> ({user})']}")
    return report


def counts(database):
    tables = ["case_file", "case_lead", "case_party", "case_vehicle", "case_officer", "ACT_RU_EXECUTION",
              "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_AUTHORIZATION",
              "ACT_GE_BYTEARRAY", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
              "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN",
              "ACT_HI_DEC_OUT", "ACT_HI_JOB_LOG"]
    result = {t: int(benchmark.mariadb(database, f"SELECT COUNT(*) FROM {t}").strip()) for t in tables}
    for status in ("FILED", "ARCHIVED"):
        result[f"case_file {status}"] = int(benchmark.mariadb(
            database, f"SELECT COUNT(*) FROM case_file WHERE status = '{status}'").strip())
    result["ACT_HI_PROCINST removal time passed"] = int(benchmark.mariadb(
        database, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= NOW()").strip())
    return result


HISTORY_TABLES = ["ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
                  "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
                  "ACT_HI_JOB_LOG", "ACT_GE_BYTEARRAY"]


def expired(database):
    return sum(int(benchmark.mariadb(database, f"SELECT COUNT(*) FROM {t} WHERE REMOVAL_TIME_ <= NOW()").strip())
               for t in HISTORY_TABLES)


def measure_cleanup(port, database, timeout):
    """Camunda's history clean-up (removal-time based) on the rows whose REMOVAL_TIME_ has passed: rows/s."""
    before = expired(database)
    client = benchmark.Client(port, {}, threading.Lock())
    began = time.perf_counter()
    client.call("admin", "POST", "/engine-rest/history/cleanup?immediatelyDue=true")
    left, trace = before, []
    while left > 0 and time.perf_counter() - began < timeout:
        time.sleep(10)
        left = expired(database)
        trace.append((round(time.perf_counter() - began), left))
        benchmark.log(f"clean-up: {left} of {before} expired rows left")
    seconds = time.perf_counter() - began
    return {"expiredRowsBefore": before, "left": left, "seconds": round(seconds),
            "rowsPerSecond": round((before - left) / seconds), "trace": trace}


def close_cases(port, cases):
    """Real archived volumes: `cases` whole cases driven through /engine-rest to 结案审批, which archives them (the
    benchmark's steps: a company fined 20 000 yuan, no hearing right, served, paid, closed). One client."""
    client = benchmark.Client(port, {}, threading.Lock())
    run = datetime.now(timezone.utc).strftime("%H%M%S")
    # plates of their own: a lead with the plate and date of an earlier one is taken as the same lead
    benchmark.PLATES = itertools.count(random.randint(10000, 90000))
    began = time.perf_counter()
    for i in range(cases):
        client.general_case(f"规模归档运输{run}第{i + 1}号车队")
        benchmark.log(f"closed and archived {i + 1} of {cases}")
    seconds = time.perf_counter() - began
    archive_step = client.samples.get(("general", "step", "approveClosure"), [])
    return {"cases": cases, "seconds": round(seconds), "casesPerSecond": round(cases / seconds, 3),
            "结案审批 step incl. archiving (ms)": figures(archive_step) if archive_step else None}


def measure_export(port, database, archives, user):
    """Archive export: the volumes of `archives` closed cases (random among those that have one) read as the archive
    page does: GET /api/cases/{n}/archive (the index, with the volume's SHA-256), then …/archive/content (the ZIP),
    its SHA-256 checked. One client; volumes/s and MB/s over the whole run, p50/p95 per volume (both calls)."""
    numbers = [n for n in benchmark.mariadb(database, "SELECT case_number FROM case_archive ORDER BY RAND() LIMIT"
                                                      f" {archives}").split("\n") if n]
    total_rows = int(benchmark.mariadb(database, "SELECT COUNT(*) FROM case_archive").strip())
    client = benchmark.Client(port, {}, threading.Lock())
    sizes = []

    def export(i):
        number = urllib.parse.quote(numbers[i % len(numbers)])
        index = client.call(user, "GET", f"/api/cases/{number}/archive")
        request = urllib.request.Request(f"http://{HOST}:{port}/api/cases/{number}/archive/content")
        request.add_header("Authorization", benchmark.basic(user))
        with urllib.request.urlopen(request, timeout=300) as answer:
            content = answer.read()
        if hashlib.sha256(content).hexdigest() != index["archiveSha256"]:
            raise RuntimeError(f"{numbers[i % len(numbers)]}: the ZIP's SHA-256 is not the index's")
        sizes.append(len(content))
        return index

    began = time.perf_counter()
    times, _ = timed(export, len(numbers), warmup=0)
    seconds = time.perf_counter() - began
    return {"user": user, "caseArchiveRows": total_rows,
            "volumesPerSecond": round(len(numbers) / seconds, 1),
            "megabytesPerSecond": round(sum(sizes) / seconds / 1e6, 1),
            "meanVolumeKiB": round(statistics.fmean(sizes) / 1024), **figures(times)}


def templates(port):
    """Two real cases driven through /engine-rest; prints their instance ids for scale_seed.py."""
    client = benchmark.Client(port, {}, threading.Lock())
    ids = {}
    run = datetime.now(timezone.utc).strftime("%H%M%S")  # the party names the instance: one of its own per run
    for label, party in (("open", "规模模板开放当事人" + run), ("closed", "规模模板结案当事人" + run)):
        lead = client.call("xfhandler1", "POST", "/engine-rest/process-definition/key/leadIntake/submit-form",
                           benchmark.variables({"source": "INSPECTION", "partyName": party,
                                                "plateNumber": f"甘M{random.randint(10000, 99999)}", "occurredOn": CHINA_TODAY,
                                                "place": "西峰区长庆大道",
                                                "summary": "路面检查发现该车未取得道路运输经营许可载客收费"}))
        steps = TEMPLATE_STEPS(party)
        for key, user, values in steps[:2]:
            client.step("general", lead["id"], key, user, values)
        query = urllib.parse.quote(f"partyName_eq_{party}")
        procedure = client.call("xfhandler1", "GET", "/engine-rest/process-instance?processDefinitionKey="
                                f"generalProcedure&variables={query}")[0]["id"]
        ids[label], ids[label + "Lead"] = procedure, lead["id"]
        if label == "closed":
            for key, user, values in steps[2:]:
                client.step("general", procedure, key, user, values)
    print(f"--open-template {ids['open']} --closed-template {ids['closed']} --closed-lead-template {ids['closedLead']}")


CHINA_TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def TEMPLATE_STEPS(party):  # noqa: N802
    """The general procedure's steps up to 处罚决定审批: the benchmark's first five, then 违法行为通知书 and 陈述申辩与复核
    with the fields their forms now require (service method, recipient, receipt; a statement made)."""
    t = CHINA_TODAY
    return benchmark.general_steps(party)[:5] + [
        ("issueNotice", "xfhandler1", {"serviceMethod": "direct", "noticeServedOn": t, "recipient": party,
                                       "receiptSignature": "signed"}),
        ("statementAndRecheck", "xfhandler1", {"statementMade": True, "statementSummary": "当事人称系初犯",
                                               "recheckConclusion": "经复核，维持拟处罚意见", "finalFine": 20000}),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8216)
    parser.add_argument("--database", default="sl_scale")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--inbox-requests", type=int, help="calls per filter and path (default --requests)")
    parser.add_argument("--inbox-warmup", type=int, default=10)
    parser.add_argument("--supervisor", action="store_true",
                        help="also time the supervisors' 全市待办, 全市即将到期 and 全市已超期 as citysupervisor")
    parser.add_argument("--skip", choices=["inbox", "search"], action="append", default=[])
    parser.add_argument("--cleanup", type=int, metavar="SECONDS", help="measure the history clean-up, at most this long")
    parser.add_argument("--templates", action="store_true", help="drive the template cases and print their ids")
    parser.add_argument("--close-cases", type=int, metavar="K",
                        help="drive K whole cases to 归档 first (real archived volumes for scale_seed.py --archives)")
    parser.add_argument("--export", type=int, metavar="N", help="measure the export of N archived volumes")
    parser.add_argument("--export-user", default="citysupervisor")
    parser.add_argument("--label", default="run")
    args = parser.parse_args()
    if args.templates:
        templates(args.port)
        return
    os.makedirs(WORK, exist_ok=True)
    report = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "command": "python3 tools/scale.py " + " ".join(sys.argv[1:]), "machine": benchmark.machine(),
              "counts": counts(args.database)}
    if "search" not in args.skip:
        report["search"] = measure_search(args.port, args.database, args.requests, ["xfhandler1", "citysupervisor"])
    if "inbox" not in args.skip:
        report["inbox"] = measure_inbox(args.port, args.inbox_requests or args.requests, "xfhandler1",
                                        args.inbox_warmup)
        if args.supervisor:
            report["inbox"].update(measure_inbox(args.port, args.inbox_requests or args.requests, "citysupervisor",
                                                 args.inbox_warmup, ("全市待办", "全市即将到期", "全市已超期")))
    if args.close_cases:
        report["closeCases"] = close_cases(args.port, args.close_cases)
    if args.export:
        report["export"] = measure_export(args.port, args.database, args.export, args.export_user)
    if args.cleanup:
        report["cleanup"] = measure_cleanup(args.port, args.database, args.cleanup)
    report["loadAverageAfter"] = os.getloadavg()
    path = os.path.join(WORK, f"report-{args.label}.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2, default=str)
    print(json.dumps(report, ensure_ascii=False, indent=2, default=str))


if __name__ == "__main__":
    main()
