#!/usr/bin/env python3
"""Scale seed (issue 16): clones real cases, row for row, into a MariaDB database the app has created.

    python3 tools/scale_seed.py --database sl_scale16 --open-template <generalProcedure instance id waiting in 调查取证> \
        --closed-template <generalProcedure instance id> --closed-lead-template <its leadIntake instance id> \
        --open 100000 --closed 1000000 --closed-history 10000 --expired 2000

Case k (k = 1 … open + closed) gets: a lead (case_lead), a case (case_file), its party (case_party), a vehicle
(case_vehicle) and two investigators (case_officer), spread round-robin over the nine enforcement bodies. Party
names: every second case a company ("陇东客运12号车队", unique), the others a person's three-character name drawn
from 18 000 (about 30 cases per name, as namesakes repeat); plates 甘M/A/L + five digits, about 3.7 cases per plate.

Open cases (k ≤ open) also get a clone of every Camunda row of the open template instance: ACT_RU_EXECUTION,
ACT_RU_TASK (调查取证, unassigned, candidate group <body>Handler, due in 0–119 days: 1 in 40 is due within the
3-day window), ACT_RU_IDENTITYLINK, ACT_RU_VARIABLE, ACT_RU_JOB (the deadline timers), ACT_RU_AUTHORIZATION (the
instance and task grants), ACT_GE_BYTEARRAY and its ACT_HI_* rows. Closed cases k in (open, open + closed-history]
get a clone of every ACT_HI_* and history ACT_GE_BYTEARRAY row of the closed templates (the general procedure and
its lead intake), marked completed; the first --expired of them with REMOVAL_TIME_ in the past, so that Camunda's
history clean-up has that many cases to remove. Every id is the template's with its UUID's node part
(the last 13 characters, the engine's node) replaced by the case's number in hex, so references between the rows stay intact.

--archives N gives the first N closed cases an archived volume (case_archive, 一案一卷): a copy of a real volume the
app made (`tools/scale.py --close-cases K` drives K whole cases to 归档 first), round-robin over the real ones, with
the case's number, party and body in its index and file name (the ZIP's bytes, and so its SHA-256, are the real
volume's: the PDFs inside name the real case). Run it alone with `--only archives`; --archive-chunk rows per INSERT.

Bulk SQL only (INSERT … SELECT over MariaDB's SEQUENCE engine), in chunks, timed; prints rows and rows/s per table.
"""
import argparse
import subprocess
import sys
import time

BODIES = ["xifeng", "qingcheng", "huanxian", "huachi", "heshui", "zhengning", "ningxian", "zhenyuan", "qycity"]
MARKS = ["西", "庆", "环", "华", "合", "正", "宁", "镇", "城"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN1 = "建国明华志伟海军平东文斌永红金玉秀英春丽德立成俊杰思晓宏家新"
GIVEN2 = "强民林峰涛芳燕萍军波刚辉勇霞敏静超磊鹏飞洋亮宇浩龙云山川河松"
PLACES = ["陇东", "庆阳", "西峰", "长庆", "董志", "陇原", "北石", "环江"]
KINDS = ["客运", "货运", "物流", "出租"]


def elt(index_sql, values):
    assert "MOD" not in index_sql or index_sql.endswith(f"MOD {len(values)}"), (index_sql, len(values))
    return "ELT(1 + (%s), %s)" % (index_sql, ", ".join("'%s'" % v for v in values))


BODY = elt("s.seq MOD 9", BODIES)
CASE_NUMBER = "CONCAT('庆交执', %s, '立〔2025〕', s.seq, '号')" % elt("s.seq MOD 9", MARKS)
LEAD_NUMBER = "CONCAT('XS25', LPAD(s.seq, 8, '0'))"
PARTY = ("IF(s.seq MOD 2 = 0, CONCAT(%s, %s, s.seq DIV 2, '号车队'), CONCAT(%s, %s, %s))"
         % (elt("(s.seq DIV 2) MOD 8", PLACES), elt("(s.seq DIV 16) MOD 4", KINDS),
            elt("(s.seq DIV 2) MOD 20", SURNAMES), elt("(s.seq DIV 40) MOD 30", GIVEN1),
            elt("(s.seq DIV 1200) MOD 30", GIVEN2)))
PLATE = "CONCAT('甘', %s, LPAD((s.seq * 7919) MOD 100000, 5, '0'))" % elt("(s.seq DIV 7) MOD 3", "MAL")
# filed 0–364 days ago (closed) or 0–89 days ago (open)
FILED_AT = "NOW() - INTERVAL (s.seq MOD %d) DAY - INTERVAL (s.seq MOD 86400) SECOND"
NODE = "-02fc00000001"  # the node part of the engine's time-based UUIDs: set from the open template's id in main()


class Db:
    def __init__(self, database):
        self.database = database

    def run(self, statement):
        answer = subprocess.run(["mariadb", "--protocol=TCP", "-h", "127.0.0.1", "-uroot", "-N", "-B", self.database],
                                input=statement, capture_output=True, text=True)
        if answer.returncode != 0:
            raise SystemExit(f"{answer.stderr.strip()}\n in: {statement[:600]}")
        return answer.stdout

    def rows(self, statement):
        return [line.split("\t") for line in self.run(statement).splitlines()]

    def columns(self, table):
        return self.rows("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                         f" AND TABLE_NAME = '{table}' ORDER BY ORDINAL_POSITION")


def chunks(first, last, size):
    while first <= last:
        yield first, min(last, first + size - 1)
        first += size


class Seeder:
    def __init__(self, db, chunk):
        self.db, self.chunk, self.totals = db, chunk, {}

    def insert(self, table, columns_sql, select_sql, first, last, per_case):
        """INSERT INTO table (columns) SELECT … FROM seq_first_to_last s …, in chunks; timed."""
        for a, b in chunks(first, last, max(1, self.chunk // max(1, per_case))):
            began = time.perf_counter()
            self.db.run(f"SET unique_checks = 0; SET foreign_key_checks = 0; INSERT INTO {table} ({columns_sql}) "
                        + select_sql.replace("{SEQ}", f"seq_{a}_to_{b}"))
            spent = time.perf_counter() - began
            rows, seconds = self.totals.get(table, (0, 0.0))
            self.totals[table] = (rows + (b - a + 1) * per_case, seconds + spent)
        rows, seconds = self.totals[table]
        print(f"  {table}: {rows} rows, {seconds:.1f} s, {rows / seconds:.0f} rows/s", flush=True)

    def domain(self, first, last, status, lead_status, days):
        filed = FILED_AT % days
        self.insert("case_lead", "lead_number, source, organisation_code, party_name, plate_number, occurred_on, place,"
                    " summary, status, registered_by, registered_at",
                    f"SELECT {LEAD_NUMBER}, 'INSPECTION', {BODY}, {PARTY}, {PLATE}, DATE({filed}), '长庆大道',"
                    f" '路面检查发现该车未取得道路运输经营许可载客收费', '{lead_status}', 'xfhandler1', {filed}"
                    " FROM {SEQ} s", first, last, 1)
        self.insert("case_file", "case_number, lead_number, organisation_code, party_name, status, filed_by, filed_at",
                    f"SELECT {CASE_NUMBER}, {LEAD_NUMBER}, {BODY}, {PARTY}, '{status}', 'xfhead', {filed}"
                    " FROM {SEQ} s", first, last, 1)
        self.insert("case_party", "case_number, kind, name, recorded_by, recorded_at",
                    f"SELECT {CASE_NUMBER}, IF(s.seq MOD 2 = 0, 'ORGANISATION', 'PERSON'), {PARTY}, 'xfhandler1',"
                    f" {filed} FROM {{SEQ}} s", first, last, 1)
        self.insert("case_vehicle", "case_number, plate_number, recorded_by, recorded_at",
                    f"SELECT {CASE_NUMBER}, {PLATE}, 'xfhandler1', {filed} FROM {{SEQ}} s", first, last, 1)
        self.insert("case_officer", "case_number, user_id, role, recusal_requested, recorded_by, recorded_at",
                    f"SELECT {CASE_NUMBER}, CONCAT('officer', o.seq), 'INVESTIGATOR', 0, 'xfhandler1', {filed}"
                    " FROM {SEQ} s, seq_1_to_2 o", first, last, 2)

    def clone(self, table, where, ids, overrides, first, last, extra_where=""):
        """Every row of `table` matching `where`, once per s.seq in first..last, ids re-made per case (`ids`: the
        template's, checked to carry the node part that is replaced)."""
        template = self.db.rows(f"SELECT COUNT(*) FROM {table} WHERE {where} {extra_where}")
        count = int(template[0][0])
        if count == 0:
            return
        names, exprs = [], []
        for name, kind in self.db.columns(table):
            names.append(name)
            if name in overrides:
                exprs.append(overrides[name])
            elif kind in ("varchar", "char") and "DEF_" not in name and "DEPLOYMENT" not in name:
                # an id of the template (or a value naming one) gets the case's node part; other values have none
                exprs.append(f"REPLACE(t.{name}, '{NODE}', CONCAT('-', LPAD(HEX(s.seq), 12, '0')))")
            else:
                exprs.append(f"t.{name}")
        self.insert(table, ", ".join(names),
                    f"SELECT {', '.join(exprs)} FROM {{SEQ}} s, (SELECT * FROM {table} WHERE {where} {extra_where}) t",
                    first, last, count)


def template_ids(db, instance):
    """Every id of the instance's rows (executions, tasks, activity instances, variables, jobs, byte arrays …)."""
    ids = {instance}
    for table, column in [("ACT_RU_EXECUTION", "PROC_INST_ID_"), ("ACT_RU_TASK", "PROC_INST_ID_"),
                          ("ACT_RU_VARIABLE", "PROC_INST_ID_"), ("ACT_RU_JOB", "PROCESS_INSTANCE_ID_"),
                          ("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_"), ("ACT_HI_ACTINST", "ROOT_PROC_INST_ID_"),
                          ("ACT_HI_TASKINST", "ROOT_PROC_INST_ID_"), ("ACT_HI_VARINST", "ROOT_PROC_INST_ID_"),
                          ("ACT_HI_DETAIL", "ROOT_PROC_INST_ID_"), ("ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_"),
                          ("ACT_HI_OP_LOG", "ROOT_PROC_INST_ID_"), ("ACT_HI_DECINST", "ROOT_PROC_INST_ID_"),
                          ("ACT_HI_DEC_IN", "ROOT_PROC_INST_ID_"), ("ACT_HI_DEC_OUT", "ROOT_PROC_INST_ID_"),
                          ("ACT_HI_JOB_LOG", "ROOT_PROC_INST_ID_"), ("ACT_GE_BYTEARRAY", "ROOT_PROC_INST_ID_"),
                          ("ACT_HI_PROCINST", "ROOT_PROC_INST_ID_")]:
        ids.update(r[0] for r in db.rows(f"SELECT ID_ FROM {table} WHERE {column} = '{instance}'"))
    ids.update(r[0] for r in db.rows("SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE BYTEARRAY_ID_ IS NOT NULL"
                                     f" AND PROC_INST_ID_ = '{instance}'"))
    ids.update(r[0] for r in db.rows("SELECT ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN (SELECT ID_ FROM"
                                     f" ACT_RU_TASK WHERE PROC_INST_ID_ = '{instance}')"))
    ids.update(r[0] for r in db.rows("SELECT ID_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = "
                                     f"'{instance}' OR RESOURCE_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_"
                                     f" = '{instance}')"))
    bad = [i for i in ids if not i.endswith(NODE)]
    if bad:
        raise SystemExit(f"ids without the node part {NODE}: {bad[:5]}")
    return ids


HISTORY = [("ACT_HI_PROCINST", "ROOT_PROC_INST_ID_"), ("ACT_HI_ACTINST", "ROOT_PROC_INST_ID_"),
           ("ACT_HI_TASKINST", "ROOT_PROC_INST_ID_"), ("ACT_HI_VARINST", "ROOT_PROC_INST_ID_"),
           ("ACT_HI_DETAIL", "ROOT_PROC_INST_ID_"), ("ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_"),
           ("ACT_HI_OP_LOG", "ROOT_PROC_INST_ID_"), ("ACT_HI_DECINST", "ROOT_PROC_INST_ID_"),
           ("ACT_HI_DEC_IN", "ROOT_PROC_INST_ID_"), ("ACT_HI_DEC_OUT", "ROOT_PROC_INST_ID_"),
           ("ACT_HI_JOB_LOG", "ROOT_PROC_INST_ID_")]


def seed_open(seeder, instance, first, last):
    ids = template_ids(seeder.db, instance)
    group = f"REPLACE(t.GROUP_ID_, 'xifeng', {BODY})"
    variable_text = (f"CASE t.NAME_ WHEN 'caseNumber' THEN {CASE_NUMBER} WHEN 'partyName' THEN {PARTY}"
                     f" WHEN 'leadNumber' THEN {LEAD_NUMBER} WHEN 'plateNumber' THEN {PLATE}"
                     f" WHEN 'organisationCode' THEN {BODY} ELSE t.TEXT_ END")
    business_key = f"IF(t.BUSINESS_KEY_ IS NULL, NULL, {CASE_NUMBER})"
    seeder.clone("ACT_RU_EXECUTION", f"PROC_INST_ID_ = '{instance}'", ids, {"BUSINESS_KEY_": business_key},
                 first, last)
    seeder.clone("ACT_RU_TASK", f"PROC_INST_ID_ = '{instance}'", ids,
                 {"DUE_DATE_": "DATE(NOW()) + INTERVAL (s.seq MOD 120) DAY + INTERVAL 57599 SECOND",
                  "CREATE_TIME_": "NOW() - INTERVAL (s.seq MOD 90) DAY"}, first, last)
    seeder.clone("ACT_RU_IDENTITYLINK", f"TASK_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = '{instance}')",
                 ids, {"GROUP_ID_": group}, first, last)
    seeder.clone("ACT_GE_BYTEARRAY", f"ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ ="
                 f" '{instance}') OR ROOT_PROC_INST_ID_ = '{instance}'", ids, {}, first, last)
    seeder.clone("ACT_RU_VARIABLE", f"PROC_INST_ID_ = '{instance}'", ids, {"TEXT_": variable_text}, first, last)
    seeder.clone("ACT_RU_JOB", f"PROCESS_INSTANCE_ID_ = '{instance}'", ids, {}, first, last)
    seeder.clone("ACT_RU_AUTHORIZATION", f"RESOURCE_ID_ = '{instance}' OR RESOURCE_ID_ IN (SELECT ID_ FROM ACT_RU_TASK"
                 f" WHERE PROC_INST_ID_ = '{instance}')", ids, {"GROUP_ID_": group}, first, last)
    for table, column in HISTORY:
        overrides = {"BUSINESS_KEY_": business_key} if table == "ACT_HI_PROCINST" else {}
        if table in ("ACT_HI_VARINST", "ACT_HI_DETAIL"):
            overrides["TEXT_"] = variable_text
        if table == "ACT_HI_IDENTITYLINK":
            overrides["GROUP_ID_"] = group
        seeder.clone(table, f"{column} = '{instance}'", ids, overrides, first, last)


def seed_closed(seeder, instances, first, last, expired_last):
    """History only, completed; removal time in the past for s.seq ≤ expired_last."""
    ids = set()
    for instance in instances:
        ids |= template_ids(seeder.db, instance)
    removal = f"IF(s.seq <= {expired_last}, NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 3000 DAY)"
    ended = "COALESCE(t.END_TIME_, t.START_TIME_)"
    variable_text = (f"CASE t.NAME_ WHEN 'caseNumber' THEN {CASE_NUMBER} WHEN 'partyName' THEN {PARTY}"
                     f" WHEN 'leadNumber' THEN {LEAD_NUMBER} WHEN 'plateNumber' THEN {PLATE}"
                     f" WHEN 'organisationCode' THEN {BODY} ELSE t.TEXT_ END")
    roots = ", ".join(f"'{i}'" for i in instances)
    for table, column in HISTORY + [("ACT_GE_BYTEARRAY", "ROOT_PROC_INST_ID_")]:
        overrides = {"REMOVAL_TIME_": removal}
        if table == "ACT_HI_PROCINST":
            overrides.update(BUSINESS_KEY_=f"{CASE_NUMBER}", STATE_="'COMPLETED'", END_TIME_=ended)
        if table in ("ACT_HI_ACTINST", "ACT_HI_TASKINST"):
            overrides["END_TIME_"] = ended
        if table in ("ACT_HI_VARINST", "ACT_HI_DETAIL"):
            overrides["TEXT_"] = variable_text
        seeder.clone(table, f"{column} IN ({roots})", ids, overrides, first, last)


def seed_archives(db, first, last, chunk):
    """A copy of a real archived volume for each closed case first..last, round-robin over the real ones."""
    real = db.rows("SELECT id, case_number FROM case_archive WHERE case_number NOT LIKE '庆交执_立〔2025〕%'"
                   " ORDER BY id")
    if not real:
        raise SystemExit("no real archive to copy: run tools/scale.py --close-cases K first")
    ids = ", ".join(r[0] for r in real)
    seeder = Seeder(db, chunk)
    seeder.insert("case_archive", "case_number, version, ending, file_name, size_bytes, sha256, index_json,"
                  " archived_by, archived_at",
                  f"SELECT {CASE_NUMBER}, 1, t.ending, CONCAT({CASE_NUMBER}, '-案卷.zip'), t.size_bytes, t.sha256,"
                  f" JSON_SET(t.index_json, '$.caseNumber', {CASE_NUMBER}, '$.partyName', {PARTY},"
                  f" '$.organisation', {BODY}), t.archived_by, NOW() - INTERVAL (s.seq MOD 365) DAY"
                  " FROM {SEQ} s JOIN (SELECT a.*, ROW_NUMBER() OVER (ORDER BY a.id) - 1 AS k FROM case_archive a"
                  f" WHERE a.id IN ({ids})) t ON t.k = s.seq MOD {len(real)}", first, last, 1)
    # the volume's bytes, kept in parts (V320): the same parts as the real volume it copies
    seeder.insert("case_archive_part", "archive_id, part_no, content",
                  f"SELECT n.id, p.part_no, p.content FROM {{SEQ}} s JOIN case_archive n ON n.case_number = {CASE_NUMBER}"
                  " JOIN (SELECT a.id, ROW_NUMBER() OVER (ORDER BY a.id) - 1 AS k FROM case_archive a"
                  f" WHERE a.id IN ({ids})) t ON t.k = s.seq MOD {len(real)}"
                  " JOIN case_archive_part p ON p.archive_id = t.id", first, last, 1)
    return seeder.totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True)
    parser.add_argument("--open-template", required=True)
    parser.add_argument("--closed-template", required=True)
    parser.add_argument("--closed-lead-template", required=True)
    parser.add_argument("--open", type=int, default=100000)
    parser.add_argument("--closed", type=int, default=1000000)
    parser.add_argument("--closed-history", type=int, default=10000, help="closed cases that get their history")
    parser.add_argument("--expired", type=int, default=2000, help="of those, with REMOVAL_TIME_ in the past")
    parser.add_argument("--chunk", type=int, default=200000, help="rows per INSERT")
    parser.add_argument("--archives", type=int, default=0, help="closed cases that get an archived volume")
    parser.add_argument("--archive-chunk", type=int, default=400, help="volumes per INSERT (~270 KB each)")
    parser.add_argument("--only", choices=["domain", "open", "closed", "archives"], action="append")
    args = parser.parse_args()
    global NODE
    NODE = args.open_template[-13:]
    db = Db(args.database)
    seeder = Seeder(db, args.chunk)
    parts = args.only or ["domain", "open", "closed"] + (["archives"] if args.archives else [])
    began = time.perf_counter()
    if "domain" in parts:
        print(f"domain rows: {args.open} open cases, {args.closed} closed", flush=True)
        seeder.domain(1, args.open, "FILED", "FILED", 90)
        seeder.domain(args.open + 1, args.open + args.closed, "ARCHIVED", "FILED", 365)
    if "open" in parts:
        print(f"Camunda rows of {args.open} open cases", flush=True)
        seed_open(seeder, args.open_template, 1, args.open)
    if "closed" in parts:
        first = args.open + 1
        print(f"history of {args.closed_history} closed cases ({args.expired} expired)", flush=True)
        seed_closed(seeder, [args.closed_template, args.closed_lead_template], first,
                    first + args.closed_history - 1, first + args.expired - 1)
    if "archives" in parts:
        print(f"archived volumes of {args.archives} closed cases", flush=True)
        seeder.totals.update(seed_archives(db, args.open + 1, args.open + args.archives, args.archive_chunk))
    db.run("ANALYZE TABLE case_file, case_party, case_vehicle, case_lead, ACT_RU_TASK, ACT_RU_IDENTITYLINK,"
           " ACT_RU_EXECUTION, ACT_RU_VARIABLE, ACT_RU_AUTHORIZATION, ACT_HI_PROCINST")
    total = sum(r for r, _ in seeder.totals.values())
    print(f"total {total} rows in {time.perf_counter() - began:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
