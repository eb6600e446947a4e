#!/usr/bin/env python3
"""Scale run (issue 16, part): a year's cases in the domain tables, and the case search by party and by plate.

    ./mvnw -B -q -DskipTests package
    python3 tools/scale.py --open 100000 --closed 1000000          # MariaDB database sanlian_h2_scale, port 8192

It drops and re-creates the MariaDB database, starts the built jar once on it (Flyway creates the schema, the demo
organisations and users), then seeds with bulk SQL (MariaDB's SEQUENCE engine, no client loop) N open cases (status
FILED) and M closed ones (ARCHIVED), spread over the ten enforcement bodies, each with its party (case_party) and a
vehicle (case_vehicle; plates repeat, as repeat offenders' do). It then measures through /api/cases?party=… and
?plate=… (as a brigade head, who sees his body's cases, and as the city supervisor, who sees all) the p50/p95 of
--queries searches each, first with the V91 indexes, then with them dropped — so the report shows what they buy.

Status: written for issue 16 and NOT yet run end to end (no idle machine in the time); treat its first run as a test.

What it does NOT seed: Camunda's runtime and history tables (ACT_RU_*, ACT_HI_*). So Tasklist's 本单位待办 and 即将到期
filters, history clean-up and archive export are not measured at this scale by this tool (see docs/scale-report.md
for what that needs). The report goes to target/scale/report.json and is printed as Markdown.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark  # noqa: E402  (the same app start, HTTP and MariaDB helpers)

BODIES = ["xifeng", "qingcheng", "huanxian", "huachi", "heshui", "zhengning", "ningxian", "zhenyuan", "qycity"]
WORK = os.path.abspath("target/scale")


def sql(database, statement):
    began = time.perf_counter()
    benchmark.mariadb(database, statement)
    return time.perf_counter() - began


def seed(database, first, count, status):
    """count cases numbered first..first+count-1, with their party and vehicle, in one statement per table."""
    bodies = "ELT(1 + seq MOD %d, %s)" % (len(BODIES), ", ".join(f"'{b}'" for b in BODIES))
    last = first + count - 1
    spent = sql(database, f"""
        INSERT INTO case_file (case_number, lead_number, organisation_code, party_name, status, filed_by, filed_at)
        SELECT CONCAT('规模〔2026〕', seq, '号'), CONCAT('SL', seq), {bodies},
               CONCAT(ELT(1 + seq MOD 8, '陇东', '庆阳', '西峰', '长庆', '董志', '陇原', '北石', '环江'),
                      ELT(1 + (seq DIV 8) MOD 4, '客运', '货运', '物流', '出租'), '有限公司', seq),
               '{status}', 'xfhandler1', NOW() - INTERVAL (seq MOD 365) DAY
        FROM seq_{first}_to_{last}""")
    spent += sql(database, f"""
        INSERT INTO case_party (case_number, kind, name, recorded_by, recorded_at)
        SELECT case_number, 'ORGANISATION', party_name, filed_by, filed_at FROM case_file
        WHERE case_number LIKE '规模%' AND id >= (SELECT MIN(id) FROM case_file WHERE case_number = CONCAT('规模〔2026〕', {first}, '号'))""")
    spent += sql(database, f"""
        INSERT INTO case_vehicle (case_number, plate_number, recorded_by, recorded_at)
        SELECT case_number, CONCAT('甘', ELT(1 + id MOD 3, 'M', 'A', 'L'), LPAD(id MOD 90000 + 10000, 5, '0')),
               filed_by, filed_at FROM case_file
        WHERE case_number LIKE '规模%' AND id >= (SELECT MIN(id) FROM case_file WHERE case_number = CONCAT('规模〔2026〕', {first}, '号'))""")
    return spent


def measure(port, user, queries, kind):
    """p50/p95 (ms) of `queries` searches; each a different party prefix or plate."""
    times, found = [], []
    client = benchmark.Client(port, {}, None)
    for i in range(queries):
        if kind == "party":
            query = "party=" + urllib.parse.quote(["陇东客运有限公司1", "西峰物流有限公司2", "长庆出租有限公司3"][i % 3]
                                                  + str(100 + i))
        else:
            query = "plate=" + urllib.parse.quote(f"甘{'MAL'[i % 3]}{10000 + (i * 7919) % 90000:05d}")
        began = time.perf_counter()
        answer = client.call(user, "GET", f"/api/cases?{query}&limit=50")
        times.append((time.perf_counter() - began) * 1000)
        found.append(len(answer))
    return {"queries": queries, "p50": round(statistics.median(times), 1),
            "p95": round(benchmark.percentile(times, 95), 1), "meanFound": round(statistics.fmean(found), 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sanlian_h2_scale")
    parser.add_argument("--open", type=int, default=100000)
    parser.add_argument("--closed", type=int, default=1000000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--port", type=int, default=8192)
    parser.add_argument("--jar", default=None)
    parser.add_argument("--xmx", default="768m")
    parser.add_argument("--startup-timeout", type=int, default=1200)
    args = parser.parse_args()
    jars = [j for j in glob.glob("target/sanlian-*.jar") if not j.endswith("-plain.jar")]
    args.jar = args.jar or (jars[0] if jars else None)
    args.db, args.app_arg = "mariadb", []
    os.makedirs(WORK, exist_ok=True)
    benchmark.WORK = WORK
    started = datetime.now(timezone.utc)
    subprocess.run(["mariadb", "--protocol=TCP", "-h", benchmark.HOST, "-uroot", "-e",
                    f"DROP DATABASE IF EXISTS {args.database}; CREATE DATABASE {args.database} "
                    "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"], check=True)
    app = benchmark.App(args)
    report = {"date": started.strftime("%Y-%m-%d %H:%M UTC"), "command": "python3 tools/scale.py " + " ".join(sys.argv[1:]),
              "machine": benchmark.machine(), "open": args.open, "closed": args.closed}
    try:
        benchmark.log(f"starting {args.jar} on {args.database}")
        app.start()
        benchmark.log(f"seeding {args.open} open and {args.closed} closed cases")
        seconds = seed(args.database, 1, args.open, "FILED")
        seconds += seed(args.database, args.open + 1, args.closed, "ARCHIVED")
        rows = 3 * (args.open + args.closed)
        report["seed"] = {"rows": rows, "seconds": round(seconds, 1), "rowsPerSecond": round(rows / seconds)}
        sql(args.database, "ANALYZE TABLE case_file, case_party, case_vehicle")
        benchmark.log(f"seeded {rows} rows in {seconds:.0f} s; measuring with the V91 indexes")
        for label in ("withIndexes", "withoutIndexes"):
            if label == "withoutIndexes":
                sql(args.database, "DROP INDEX ix_case_file_party_name ON case_file; "
                                   "DROP INDEX ix_case_party_name ON case_party; "
                                   "DROP INDEX ix_case_vehicle_plate ON case_vehicle")
            report[label] = {f"{kind}As{user}": measure(args.port, user, args.queries if label == "withIndexes"
                                                        else max(5, args.queries // 8), kind)
                             for kind in ("party", "plate") for user in ("xfhead", "citysupervisor")}
            benchmark.log(f"{label}: {report[label]}")
    finally:
        app.stop()
    with open(os.path.join(WORK, "report.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False, indent=2, default=str)
    print(json.dumps(report, ensure_ascii=False, indent=2, default=str))


if __name__ == "__main__":
    main()
