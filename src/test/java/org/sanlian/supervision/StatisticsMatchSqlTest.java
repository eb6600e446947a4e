package org.sanlian.supervision;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 执法统计 (domain.md §6): every figure the 案件监督 statistics show equals a SQL count, sum or aggregate over the
 * same rows. The seed is a handful of cases of three bodies filed in March–May 2026 (no other test files in
 * those months), with their fines in the fine register, their decision facts and steps in Camunda's history
 * tables, written as the engine writes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsMatchSqlTest extends SanlianSpringTest {

    private static final String PERIOD = "from=2026-03&to=2026-05";
    private static final Timestamp PERIOD_START = Timestamp.valueOf("2026-03-01 00:00:00");
    private static final Timestamp PERIOD_END = Timestamp.valueOf("2026-06-01 00:00:00");

    /** Each case with every process instance of its record: the one on case_file, and those naming it. */
    private static final String INSTANCES = """
            (SELECT c.case_number AS case_number, c.process_instance_id AS pid FROM case_file c
             UNION SELECT c.case_number, n.PROC_INST_ID_ FROM case_file c
                 JOIN ACT_HI_VARINST n ON n.NAME_ = 'caseNumber' AND n.TEXT_ = c.case_number
             UNION SELECT c.case_number, n.PROC_INST_ID_ FROM case_file c
                 JOIN ACT_HI_VARINST n ON n.NAME_ = 'leadNumber' AND n.TEXT_ = c.lead_number)""";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkingDayCalendar calendar;

    private JsonNode report;

    @BeforeAll
    void seed() {
        List<String> codes = jdbc.queryForList("SELECT code FROM violation ORDER BY code", String.class);
        String v1 = codes.get(0);
        String v2 = codes.get(1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        seedCase(run, 1, "qingcheng", "2026-03-16T12:00", "DECIDED", v1, "general", "penalty", "2000.00", 2000.0);
        seedCase(run, 2, "qingcheng", "2026-03-20T12:00", "DECIDED", v1, "general", "penalty", "5000.00", null);
        seedCase(run, 3, "qingcheng", "2026-04-10T12:00", "CLOSED", v1, "serious", "penalty", "10000.00", 10300.0);
        seedCase(run, 4, "huanxian", "2026-03-12T12:00", "CLOSED", v1, "general", "penalty", "3000.00", 3000.0);
        seedCase(run, 5, "huanxian", "2026-05-08T12:00", "CLOSED", v2, "minor", "noPenalty", null, null);
        seedCase(run, 6, "xifeng", "2026-04-22T12:00", "FILED", null, null, null, null, null);
        seedCase(run, 7, "xifeng", "2026-04-23T12:00", "CRIME_TRANSFERRED", v2, "serious", null, null, null);
        ResponseEntity<String> response = get("citysupervisor", "/api/supervision/statistics?" + PERIOD);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        report = json(response);
    }

    @Test
    @DisplayName("domain.md §6 统计: cases by body, month, violation and outcome equal a SQL COUNT over case_file")
    void casesByBodyMonthViolationAndOutcome() {
        List<Map<String, Object>> expected = jdbc.queryForList("""
                SELECT c.organisation_code AS body, YEAR(c.filed_at) AS y, MONTH(c.filed_at) AS m,
                       COALESCE(v.TEXT_, '未认定') AS violation,
                       CASE WHEN c.status = 'CRIME_TRANSFERRED' THEN 'CRIME_TRANSFER'
                            WHEN c.status = 'TRANSFERRED' THEN 'TRANSFERRED'
                            WHEN d.LONG_ = 1 AND o.TEXT_ = 'penalty' THEN 'PENALTY'
                            WHEN d.LONG_ = 1 AND o.TEXT_ IN ('noPenalty', 'notEstablished') THEN 'NO_PENALTY'
                            WHEN d.LONG_ = 1 AND o.TEXT_ = 'crimeTransfer' THEN 'CRIME_TRANSFER'
                            WHEN d.LONG_ = 1 THEN 'UNRECORDED' ELSE 'PENDING' END AS outcome,
                       COUNT(*) AS cases
                FROM case_file c
                LEFT JOIN ACT_HI_VARINST v ON v.NAME_ = 'violationCode' AND v.PROC_INST_ID_ IN (SELECT i.pid FROM %1$s i WHERE i.case_number = c.case_number)
                LEFT JOIN ACT_HI_VARINST d ON d.NAME_ = 'decisionMade' AND d.PROC_INST_ID_ IN (SELECT i.pid FROM %1$s i WHERE i.case_number = c.case_number)
                LEFT JOIN ACT_HI_VARINST o ON o.NAME_ = 'proposedOutcome' AND o.PROC_INST_ID_ IN (SELECT i.pid FROM %1$s i WHERE i.case_number = c.case_number)
                WHERE c.filed_at >= ? AND c.filed_at < ?
                GROUP BY c.organisation_code, YEAR(c.filed_at), MONTH(c.filed_at), COALESCE(v.TEXT_, '未认定'),
                         CASE WHEN c.status = 'CRIME_TRANSFERRED' THEN 'CRIME_TRANSFER'
                              WHEN c.status = 'TRANSFERRED' THEN 'TRANSFERRED'
                              WHEN d.LONG_ = 1 AND o.TEXT_ = 'penalty' THEN 'PENALTY'
                              WHEN d.LONG_ = 1 AND o.TEXT_ IN ('noPenalty', 'notEstablished') THEN 'NO_PENALTY'
                              WHEN d.LONG_ = 1 AND o.TEXT_ = 'crimeTransfer' THEN 'CRIME_TRANSFER'
                              WHEN d.LONG_ = 1 THEN 'UNRECORDED' ELSE 'PENDING' END""".formatted(INSTANCES),
                PERIOD_START, PERIOD_END);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(6);
        Map<String, Long> shown = new HashMap<>();
        for (JsonNode group : report.path("groups")) {
            shown.put(String.join("|", group.path("organisationCode").asText(), group.path("month").asText(),
                    group.path("violationCode").asText(), group.path("outcome").asText()), group.path("cases").asLong());
        }
        Map<String, Long> counted = new HashMap<>();
        for (Map<String, Object> row : expected) {
            counted.put(String.join("|", row.get("body").toString(),
                    String.format("%d-%02d", ((Number) row.get("y")).intValue(), ((Number) row.get("m")).intValue()),
                    row.get("violation").toString(), row.get("outcome").toString()), ((Number) row.get("cases")).longValue());
        }
        assertThat(shown).isEqualTo(counted);
    }

    @Test
    @DisplayName("行政处罚法 Art. 29 fine register: fines imposed per body equal SUM(linkage_fine.fine) of the body's cases")
    void finesImposedPerBody() {
        Map<String, BigDecimal> summed = new HashMap<>();
        jdbc.query("""
                SELECT c.organisation_code, SUM(f.fine) FROM case_file c JOIN linkage_fine f ON f.reference = c.case_number
                WHERE c.filed_at >= ? AND c.filed_at < ? GROUP BY c.organisation_code""",
                rs -> {
                    summed.put(rs.getString(1), rs.getBigDecimal(2));
                }, PERIOD_START, PERIOD_END);
        assertThat(summed).containsKeys("qingcheng", "huanxian");
        for (JsonNode body : report.path("bodies")) {
            BigDecimal expected = summed.getOrDefault(body.path("organisationCode").asText(), BigDecimal.ZERO);
            assertThat(new BigDecimal(body.path("fineImposed").asText())).as(body.path("organisationCode").asText())
                    .isEqualByComparingTo(expected);
        }
        assertThat(summed.get("qingcheng")).isEqualByComparingTo("17000");
    }

    @Test
    @DisplayName("行政处罚法 Art. 67: fines collected per body equal SUM(amountPaid) of the cases recorded as paid")
    void finesCollectedPerBody() {
        Map<String, BigDecimal> summed = new HashMap<>();
        jdbc.query("""
                SELECT c.organisation_code, SUM(a.DOUBLE_) FROM case_file c
                JOIN %1$s i ON i.case_number = c.case_number
                JOIN ACT_HI_VARINST p ON p.PROC_INST_ID_ = i.pid AND p.NAME_ = 'paymentOutcome' AND p.TEXT_ = 'paid'
                JOIN ACT_HI_VARINST a ON a.PROC_INST_ID_ = i.pid AND a.NAME_ = 'amountPaid'
                WHERE c.filed_at >= ? AND c.filed_at < ? GROUP BY c.organisation_code""".formatted(INSTANCES),
                rs -> {
                    summed.put(rs.getString(1), rs.getBigDecimal(2));
                }, PERIOD_START, PERIOD_END);
        assertThat(summed).hasSize(2);
        for (JsonNode body : report.path("bodies")) {
            BigDecimal expected = summed.getOrDefault(body.path("organisationCode").asText(), BigDecimal.ZERO);
            assertThat(new BigDecimal(body.path("fineCollected").asText())).as(body.path("organisationCode").asText())
                    .isEqualByComparingTo(expected);
        }
    }

    @Test
    @DisplayName("domain.md §6 超期预警: the overdue rate is COUNT(steps done or open past their due date) / COUNT(steps with a due date)")
    void overdueRatePerBody() {
        Map<String, long[]> counted = new HashMap<>();
        jdbc.query("""
                SELECT c.organisation_code, COUNT(*),
                       SUM(CASE WHEN COALESCE(t.END_TIME_, CURRENT_TIMESTAMP) > t.DUE_DATE_ THEN 1 ELSE 0 END)
                FROM ACT_HI_TASKINST t JOIN %1$s i ON i.pid = t.PROC_INST_ID_ JOIN case_file c ON c.case_number = i.case_number
                WHERE t.DUE_DATE_ IS NOT NULL AND c.filed_at >= ? AND c.filed_at < ? GROUP BY c.organisation_code""".formatted(INSTANCES),
                rs -> {
                    counted.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, PERIOD_START, PERIOD_END);
        assertThat(counted).containsKeys("qingcheng", "huanxian", "xifeng");
        for (JsonNode body : report.path("bodies")) {
            long[] expected = counted.getOrDefault(body.path("organisationCode").asText(), new long[] {0, 0});
            assertThat(body.path("stepsWithDueDate").asLong()).isEqualTo(expected[0]);
            assertThat(body.path("stepsOverdue").asLong()).isEqualTo(expected[1]);
            BigDecimal rate = expected[0] == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(expected[1]).divide(BigDecimal.valueOf(expected[0]), 4, java.math.RoundingMode.HALF_UP);
            assertThat(new BigDecimal(body.path("overdueRate").asText())).isEqualByComparingTo(rate);
        }
    }

    @Test
    @DisplayName("行政处罚法 Art. 85 working days: the average working days of each step, from the same START_TIME_ and END_TIME_ rows")
    void averageWorkingDaysPerStep() {
        Map<String, long[]> totals = new HashMap<>();
        jdbc.query("""
                SELECT c.organisation_code, t.TASK_DEF_KEY_, t.START_TIME_, t.END_TIME_
                FROM ACT_HI_TASKINST t JOIN %1$s i ON i.pid = t.PROC_INST_ID_ JOIN case_file c ON c.case_number = i.case_number
                WHERE t.END_TIME_ IS NOT NULL AND c.filed_at >= ? AND c.filed_at < ?""".formatted(INSTANCES),
                rs -> {
                    long days = 0;
                    var from = rs.getTimestamp(3).toInstant().atZone(ChinaTime.CHINA).toLocalDate();
                    var to = rs.getTimestamp(4).toInstant().atZone(ChinaTime.CHINA).toLocalDate();
                    for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
                        days += calendar.isWorkingDay(day) ? 1 : 0;
                    }
                    long[] sum = totals.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new long[2]);
                    sum[0]++;
                    sum[1] += days;
                }, PERIOD_START, PERIOD_END);
        assertThat(report.path("steps")).hasSize(totals.size());
        for (JsonNode step : report.path("steps")) {
            long[] sum = totals.get(step.path("organisationCode").asText() + "|" + step.path("step").asText());
            assertThat(step.path("completed").asLong()).isEqualTo(sum[0]);
            assertThat(new BigDecimal(step.path("averageWorkingDays").asText())).isEqualByComparingTo(
                    BigDecimal.valueOf(sum[1]).divide(BigDecimal.valueOf(sum[0]), 2, java.math.RoundingMode.HALF_UP));
        }
        assertThat(totals.values().stream().mapToLong(s -> s[1]).sum()).as("the seed's steps took working days").isPositive();
    }

    @Test
    @DisplayName("类案不同罚 (domain.md §6): min, max, mean and population stddev of fines per violation and tier equal SQL MIN/MAX/AVG/STDDEV_POP")
    void discretionSpreadPerViolationAndTier() {
        List<Map<String, Object>> expected = jdbc.queryForList("""
                SELECT v.TEXT_ AS violation, COALESCE(t.TEXT_, '') AS tier, COUNT(*) AS n, MIN(f.fine) AS lo,
                       MAX(f.fine) AS hi, AVG(f.fine) AS mean, STDDEV_POP(f.fine) AS sd
                FROM case_file c JOIN linkage_fine f ON f.reference = c.case_number
                JOIN ACT_HI_VARINST v ON v.NAME_ = 'violationCode' AND v.PROC_INST_ID_ IN (SELECT i.pid FROM %1$s i WHERE i.case_number = c.case_number)
                LEFT JOIN ACT_HI_VARINST t ON t.NAME_ = 'circumstanceTier' AND t.PROC_INST_ID_ IN (SELECT i.pid FROM %1$s i WHERE i.case_number = c.case_number)
                WHERE f.fine > 0 AND c.filed_at >= ? AND c.filed_at < ?
                GROUP BY v.TEXT_, COALESCE(t.TEXT_, '')""".formatted(INSTANCES), PERIOD_START, PERIOD_END);
        // the seeded fines make two groups at least; other tests' cases back-dated into the period may add theirs (every
        // fine enters the register, Art. 29): the report must match the SQL whatever it holds
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.path("spread")).hasSize(expected.size());
        for (Map<String, Object> row : expected) {
            JsonNode shown = null;
            for (JsonNode spread : report.path("spread")) {
                if (spread.path("violationCode").asText().equals(row.get("violation"))
                        && spread.path("tier").asText().equals(row.get("tier"))) {
                    shown = spread;
                }
            }
            assertThat(shown).as(row.toString()).isNotNull();
            assertThat(shown.path("cases").asLong()).isEqualTo(((Number) row.get("n")).longValue());
            assertThat(shown.path("min").decimalValue()).isEqualByComparingTo(new BigDecimal(row.get("lo").toString()));
            assertThat(shown.path("max").decimalValue()).isEqualByComparingTo(new BigDecimal(row.get("hi").toString()));
            assertThat(shown.path("mean").asDouble()).isCloseTo(((Number) row.get("mean")).doubleValue(),
                    org.assertj.core.data.Offset.offset(0.005));
            assertThat(shown.path("standardDeviation").asDouble()).isCloseTo(((Number) row.get("sd")).doubleValue(),
                    org.assertj.core.data.Offset.offset(0.005));
        }
    }

    @Test
    @DisplayName("Supervision is the supervisors' and heads': a head sees only his own body, a handler nothing (403)")
    void headsSeeTheirOwnBodyOnly() {
        JsonNode head = json(get("qchead", "/api/supervision/statistics?" + PERIOD));
        assertThat(head.path("bodies")).isNotEmpty();
        head.path("bodies").forEach(b -> assertThat(b.path("organisationCode").asText()).isEqualTo("qingcheng"));
        assertThat(get("qchandler1", "/api/supervision/statistics").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("citysupervisor", "/api/supervision/statistics?from=2026-13").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @DisplayName("CSV export: UTF-8 with a byte-order mark (Excel), one line per group, the same counts")
    void csvExport() {
        ResponseEntity<byte[]> csv = rest.withBasicAuth("citysupervisor", DEMO_PASSWORD)
                .getForEntity("/api/supervision/statistics.csv?" + PERIOD + "&table=groups", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] body = csv.getBody();
        assertThat(new byte[] {body[0], body[1], body[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(1 + report.path("groups").size());
        assertThat(text).contains("庆城县交通运输综合行政执法队").contains("行政处罚");
    }

    private void seedCase(String run, int n, String body, String filedAt, String status, String violation, String tier,
            String outcome, String fine, Double paid) {
        String caseNumber = "统计种子" + run + "-" + n;
        String leadInstance = "seed-lead-" + run + "-" + n;
        String instance = "seed-procedure-" + run + "-" + n;
        Timestamp filed = Timestamp.from(LocalDateTime.parse(filedAt).atZone(ChinaTime.CHINA).toInstant());
        jdbc.update("""
                INSERT INTO case_file (case_number, lead_number, organisation_code, party_name, status, filed_by, filed_at,
                    process_instance_id) VALUES (?, ?, ?, ?, ?, 'seed', ?, ?)""",
                caseNumber, "种子案源" + run + "-" + n, body, "统计种子当事人" + n, status, filed, leadInstance);
        // as the engine does: the case's own procedure names it; the lead's instance holds the filing step
        text(instance, "caseNumber", caseNumber);
        task(leadInstance, "decideFiling", "立案审批", filed.toInstant().atZone(ChinaTime.CHINA).minusDays(2),
                filed.toInstant().atZone(ChinaTime.CHINA), filed.toInstant().atZone(ChinaTime.CHINA).plusDays(10));
        if (fine != null) {
            jdbc.update("""
                    INSERT INTO linkage_fine (organisation_code, decision_number, party_name, act_date, fine, reference,
                        recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, 'seed', ?)""",
                    body, "种子决定" + run + "-" + n, "统计种子当事人" + n, filed.toLocalDateTime().toLocalDate(),
                    new BigDecimal(fine), caseNumber, filed);
        }
        text(instance, "violationCode", violation);
        text(instance, "circumstanceTier", tier);
        text(instance, "proposedOutcome", outcome);
        if (outcome != null) {
            jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, LONG_, REV_, STATE_) "
                    + "VALUES (?, ?, 'decisionMade', 'boolean', 1, 0, 'CREATED')", UUID.randomUUID().toString(), instance);
        }
        if (paid != null) {
            text(instance, "paymentOutcome", "paid");
            jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, DOUBLE_, REV_, STATE_) "
                    + "VALUES (?, ?, 'amountPaid', 'double', ?, 0, 'CREATED')", UUID.randomUUID().toString(), instance, paid);
        }
        // the steps: investigation took n working days or so; service due 3 days after it ended, met or missed
        ZonedDateTime start = filed.toInstant().atZone(ChinaTime.CHINA);
        task(instance, "investigate", "调查取证", start, start.plusDays(n), null);
        task(instance, "serveDecision", "送达决定书", start.plusDays(n), start.plusDays(n + (n % 2 == 0 ? 5 : 1)),
                start.plusDays(n + 3));
        if (n % 3 == 0) {
            task(instance, "recordPayment", "缴纳罚款", start.plusDays(20), null, start.plusDays(35)); // open, past due
        }
    }

    private void text(String instance, String name, String value) {
        if (value != null) {
            jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, REV_, STATE_) "
                    + "VALUES (?, ?, ?, 'string', ?, 0, 'CREATED')", UUID.randomUUID().toString(), instance, name, value);
        }
    }

    private void task(String instance, String key, String name, ZonedDateTime start, ZonedDateTime end, ZonedDateTime due) {
        jdbc.update("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_INST_ID_, NAME_, START_TIME_, END_TIME_, DUE_DATE_) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), key, instance, name, ts(start), ts(end), ts(due));
    }

    private static Timestamp ts(ZonedDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }
}
