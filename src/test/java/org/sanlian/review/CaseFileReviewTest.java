package org.sanlian.review;

import static org.sanlian.platform.ChinaTime.CHINA;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@DisplayName("案卷评查 — random sample of closed case files, scoring sheet and rectification (domain.md §6)")
class CaseFileReviewTest extends SanlianSpringTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ReviewSettings settings;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    RuntimeService runtimeService;

    /** Closed cases of a body, 结案审批 approved on consecutive days from {@code firstClosure}. */
    private List<String> closedCases(String body, String prefix, LocalDate firstClosure, int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String caseNumber = prefix + "〔" + firstClosure.getYear() + "〕" + i + "号";
            Timestamp closedAt = Timestamp.from(firstClosure.plusDays(i - 1).atTime(10, 0).atZone(CHINA).toInstant());
            jdbc.update("INSERT INTO case_file (case_number, lead_number, organisation_code, party_name, status, "
                    + "filed_by, filed_at, process_instance_id) VALUES (?, ?, ?, ?, 'CLOSED', 'qchandler1', ?, NULL)",
                    caseNumber, "AY" + prefix.hashCode() + i, body, "当事人" + i,
                    Timestamp.from(firstClosure.minusDays(30).atStartOfDay(CHINA).toInstant()));
            jdbc.update("INSERT INTO case_event (case_number, step, actor, note, occurred_at) VALUES (?, 'approveClosure', 'qchead', ?, ?)",
                    caseNumber, "approve：", closedAt);
            numbers.add(caseNumber);
        }
        return numbers;
    }

    private JsonNode draw(String body, LocalDate start, LocalDate end, String seed, Integer size) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("organisationCode", body);
        request.put("periodStart", start.toString());
        request.put("periodEnd", end.toString());
        request.put("seed", seed);
        request.put("sampleSize", size);
        ResponseEntity<String> response = post("citysupervisor", "/api/reviews", request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(response);
    }

    private static List<String> sampleOf(JsonNode review) {
        List<String> sample = new ArrayList<>();
        review.path("cases").forEach(c -> sample.add(c.path("caseNumber").asText()));
        return sample;
    }

    /** A value the task's form shows as Tasklist reads it (GET task/{id}/form-variables); empty when absent. */
    private String shownOn(String user, Task task, String name) {
        ResponseEntity<String> variables = get(user, "/engine-rest/task/" + task.getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode().is2xxSuccessful()).as(variables.getBody()).isTrue();
        return json(variables).path(name).path("value").asText("");
    }

    @Test
    @DisplayName("the sample re-runs exactly from its stored seed (SHA-256 counter mode, as the double-random draw); another seed draws another sample")
    void sampleReRunsFromItsStoredSeed() {
        LocalDate start = LocalDate.of(2025, 3, 1);
        List<String> closed = closedCases("qingcheng", "庆城交执评甲", start.plusDays(2), 12);
        // a case closed after the period is not part of the population
        closedCases("qingcheng", "庆城交执评乙", LocalDate.of(2025, 4, 2), 1);

        JsonNode review = draw("qingcheng", start, LocalDate.of(2025, 3, 31), "2025年第一季度评查", 4);
        assertThat(review.path("population").size()).isEqualTo(12);
        List<String> population = new ArrayList<>();
        review.path("population").forEach(n -> population.add(n.asText()));
        assertThat(population).containsExactlyInAnyOrderElementsOf(closed);
        List<String> sample = sampleOf(review);
        assertThat(sample).hasSize(4).doesNotHaveDuplicates().isSubsetOf(closed);

        String number = review.path("reviewNumber").asText();
        JsonNode verification = json(get("citysupervisor", "/api/reviews/" + number + "/verification"));
        assertThat(verification.path("reproduced").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("seed").asText()).isEqualTo("2025年第一季度评查");
        assertThat(verification.path("recomputedSha256").asText()).isEqualTo(review.path("resultSha256").asText());
        // the stored record through the published algorithm, outside the service
        assertThat(CaseSample.draw(verification.path("seed").asText(), "qingcheng", population, 4)).isEqualTo(sample);

        assertThat(sampleOf(draw("qingcheng", start, LocalDate.of(2025, 3, 31), "2025年第一季度评查", 4)))
                .as("the same seed over the same population").isEqualTo(sample);
        assertThat(sampleOf(draw("qingcheng", start, LocalDate.of(2025, 3, 31), "另一个种子", 4)))
                .as("a changed seed").isNotEqualTo(sample);
    }

    @Test
    @DisplayName("A head supervises the body he heads, nobody else anything (SupervisorScope, domain.md §9): 西峰's head does not read 庆城's review — its sample, sheets, findings, re-run and results are 404 or left out — while 庆城's head and the city's legal supervisor read it")
    void aHeadReadsOnlyTheReviewsOfHisOwnBody() {
        LocalDate start = LocalDate.of(2025, 8, 1);
        closedCases("qingcheng", "庆城交执评戊", start, 3);
        JsonNode review = draw("qingcheng", start, LocalDate.of(2025, 8, 31), "他单位评查", 3);
        String number = review.path("reviewNumber").asText();
        String firstCase = sampleOf(review).get(0);
        List<String> paths = List.of("/api/reviews/" + number, "/api/reviews/" + number + "/verification",
                "/api/reviews/" + number + "/cases/" + firstCase + "/sheet");

        for (String path : paths) {
            assertThat(get("xfhead", path).getStatusCode()).as("xfhead " + path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("qchead", path).getStatusCode()).as("qchead " + path).isEqualTo(HttpStatus.OK);
            assertThat(get("citysupervisor", path).getStatusCode()).as("citysupervisor " + path)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(json(get("xfhead", "/api/reviews")).findValuesAsText("reviewNumber")).doesNotContain(number);
        assertThat(json(get("xfhead", "/api/reviews/results")).findValuesAsText("organisationCode"))
                .doesNotContain("qingcheng");
        assertThat(json(get("qchead", "/api/reviews")).findValuesAsText("reviewNumber")).contains(number);
        assertThat(json(get("citysupervisor", "/api/reviews/results")).findValuesAsText("organisationCode"))
                .contains("qingcheng");
    }

    @Test
    @DisplayName("without a size the sample is the configured share of the closed cases (10 %, at least 3); a period without closed cases is refused with 400")
    void defaultSizeAndEmptyPeriod() {
        LocalDate start = LocalDate.of(2025, 5, 1);
        closedCases("qingcheng", "庆城交执评丙", start, 25);
        JsonNode review = draw("qingcheng", start, LocalDate.of(2025, 5, 31), null, null);
        assertThat(review.path("sampleSize").asInt()).isEqualTo(CaseSample.sizeFor(25, 10, 3)).isEqualTo(3);
        assertThat(review.path("seed").asText()).hasSize(64);
        assertThat(CaseSample.sizeFor(41, 10, 3)).isEqualTo(5);

        ResponseEntity<String> empty = post("citysupervisor", "/api/reviews", Map.of("organisationCode", "qingcheng",
                "periodStart", "2019-01-01", "periodEnd", "2019-01-31"));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains("periodStart").contains("没有已结案的案件");
        ResponseEntity<String> byHandler = post("qchandler1", "/api/reviews", Map.of("organisationCode", "qingcheng",
                "periodStart", "2025-05-01", "periodEnd", "2025-05-31"));
        assertThat(byHandler.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("行政处罚法第七十五条: a deduction needs its finding; findings go back to the body's head with a due date, the supervisor checks the rectification and may send it back, and the head then reads why (caseFileRectification)")
    void findingsAreRectifiedByTheBody() {
        LocalDate start = LocalDate.of(2025, 6, 1);
        closedCases("qingcheng", "庆城交执评丁", start, 3);
        JsonNode review = draw("qingcheng", start, LocalDate.of(2025, 6, 30), "整改流程", 3);
        String number = review.path("reviewNumber").asText();
        List<String> sample = sampleOf(review);

        Map<String, Integer> fullMarks = new LinkedHashMap<>();
        settings.criteria().forEach(c -> fullMarks.put(c.code(), c.points()));
        Map<String, Integer> withDeduction = new LinkedHashMap<>(fullMarks);
        withDeduction.put("fileComplete", 6);

        ResponseEntity<String> withoutFinding = post("citysupervisor",
                "/api/reviews/" + number + "/cases/" + sample.get(0) + "/score", Map.of("scores", withDeduction));
        assertThat(withoutFinding.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutFinding.getBody()).contains("findings.fileComplete");
        Map<String, Integer> tooMany = new LinkedHashMap<>(fullMarks);
        tooMany.put("decision", 99);
        ResponseEntity<String> outOfRange = post("citysupervisor",
                "/api/reviews/" + number + "/cases/" + sample.get(0) + "/score", Map.of("scores", tooMany));
        assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outOfRange.getBody()).contains("scores.decision");

        JsonNode clean = json(post("citysupervisor", "/api/reviews/" + number + "/cases/" + sample.get(1) + "/score",
                Map.of("scores", fullMarks)));
        assertThat(clean.path("totalScore").asInt()).isEqualTo(100);
        assertThat(clean.path("rectification").asText()).isEqualTo("无需整改");

        ResponseEntity<String> scored = post("citysupervisor", "/api/reviews/" + number + "/cases/" + sample.get(0)
                + "/score", Map.of("scores", withDeduction, "findings", Map.of("fileComplete", "缺少处罚决定书的送达回证")));
        assertThat(scored.getStatusCode()).as(scored.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode sheet = json(scored);
        assertThat(sheet.path("totalScore").asInt()).isEqualTo(96);
        assertThat(sheet.path("rectification").asText()).isEqualTo("整改中");
        assertThat(sheet.path("findings").asText()).isEqualTo("一案一卷，文书齐全：缺少处罚决定书的送达回证");

        String businessKey = number + "/" + sample.get(0);
        Task rectify = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(rectify.getTaskDefinitionKey()).isEqualTo("rectifyCaseFile");
        assertThat(rectify.getName()).isEqualTo("案卷整改");
        assertThat(taskService.getIdentityLinksForTask(rectify.getId()))
                .anyMatch(link -> "qingchengHead".equals(link.getGroupId()));
        assertThat(rectify.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(
                LocalDate.parse(sheet.path("rectificationDue").asText())));
        assertThat(taskIdOf("qchead", rectify.getProcessInstanceId())).isEqualTo(rectify.getId());
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceId=" + rectify.getProcessInstanceId())))
                .as("the body's head rectifies, not its handlers").isEmpty();

        assertThat(shownOn("qchead", rectify, "rectificationSendBack")).as("nothing was sent back yet").isEmpty();
        ResponseEntity<String> emptyReport = post("qchead", "/engine-rest/task/" + rectify.getId() + "/submit-form",
                variables(Map.of("rectificationReport", " ")));
        assertThat(emptyReport.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("qchead", "/engine-rest/task/" + rectify.getId() + "/submit-form",
                variables(Map.of("rectificationReport", "已补充送达回证"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(verify.getTaskDefinitionKey()).isEqualTo("verifyRectification");
        assertThat(verify.getDueDate()).isNotNull();
        ResponseEntity<String> backWithoutReason = post("citysupervisor", "/engine-rest/task/" + verify.getId()
                + "/submit-form", variables(Map.of("verificationDecision", "reject")));
        assertThat(backWithoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backWithoutReason.getBody()).contains("verificationNote");
        assertThat(post("citysupervisor", "/engine-rest/task/" + verify.getId() + "/submit-form",
                variables(Map.of("verificationDecision", "reject", "verificationNote", "回证未经当事人签收")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Task again = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(again.getTaskDefinitionKey()).isEqualTo("rectifyCaseFile");
        assertThat(shownOn("qchead", again, "rectificationSendBack"))
                .as("the head rectifying again reads why the supervisor sent it back, and who did")
                .isEqualTo("回证未经当事人签收（杨帆）");
        post("qchead", "/engine-rest/task/" + again.getId() + "/submit-form",
                variables(Map.of("rectificationReport", "已补充当事人签收的送达回证")));
        Task verifyAgain = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(post("citysupervisor", "/engine-rest/task/" + verifyAgain.getId() + "/submit-form",
                variables(Map.of("verificationDecision", "accept"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getEndActivityId()).isEqualTo("rectificationDone");

        JsonNode results = json(get("qchead", "/api/reviews/results"));
        JsonNode qingcheng = null;
        for (JsonNode body : results) {
            if ("qingcheng".equals(body.path("organisationCode").asText())) {
                qingcheng = body;
            }
        }
        assertThat(qingcheng).isNotNull();
        assertThat(qingcheng.path("casesScored").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(qingcheng.path("rectificationsDone").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode after = json(get("citysupervisor", "/api/reviews/" + number + "/cases/" + sample.get(0) + "/sheet"));
        assertThat(after.path("rectification").asText()).isEqualTo("整改完成");
    }

    @Test
    @DisplayName("行政处罚法第七十五条: a rectification sent back by 整改复核 runs a new period from that day — the first round's due date, long past, is not the second's")
    void aRectificationSentBackGetsANewPeriod() {
        LocalDate start = LocalDate.of(2025, 7, 1);
        closedCases("qingcheng", "庆城交执评己", start, 1);
        JsonNode review = draw("qingcheng", start, LocalDate.of(2025, 7, 31), "再次整改期限", 1);
        String number = review.path("reviewNumber").asText();
        String caseNumber = sampleOf(review).get(0);
        Map<String, Integer> scores = new LinkedHashMap<>();
        settings.criteria().forEach(c -> scores.put(c.code(), c.points()));
        scores.put("fileComplete", 6);
        assertThat(post("citysupervisor", "/api/reviews/" + number + "/cases/" + caseNumber + "/score",
                Map.of("scores", scores, "findings", Map.of("fileComplete", "缺少送达回证"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // the first round was set weeks ago and its period has run out (as the domain and the process record it)
        LocalDate firstDue = LocalDate.now(CHINA).minusDays(30);
        jdbc.update("UPDATE case_review_case SET rectification_due = ? WHERE case_number = ?", firstDue, caseNumber);
        String businessKey = number + "/" + caseNumber;
        Task rectify = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        runtimeService.setVariable(rectify.getProcessInstanceId(), "rectificationDue",
                WorkingDayDeadlines.endOfDay(firstDue));
        assertThat(post("qchead", "/engine-rest/task/" + rectify.getId() + "/submit-form",
                variables(Map.of("rectificationReport", "已补充送达回证"))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(post("citysupervisor", "/engine-rest/task/" + verify.getId() + "/submit-form",
                variables(Map.of("verificationDecision", "reject", "verificationNote", "回证仍无当事人签名")))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        LocalDate newDue = calendar.addWorkingDays(LocalDate.now(CHINA), settings.rectificationWorkingDays()).date();
        Task again = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(again.getTaskDefinitionKey()).isEqualTo("rectifyCaseFile");
        assertThat(again.getDueDate()).as("案卷整改 again is due at the end of the new period")
                .isEqualTo(WorkingDayDeadlines.endOfDay(newDue));
        JsonNode sheet = json(get("citysupervisor", "/api/reviews/" + number + "/cases/" + caseNumber + "/sheet"));
        assertThat(sheet.path("rectification").asText()).isEqualTo("整改中");
        assertThat(sheet.path("rectificationDue").asText()).as("the domain's record of the open rectification")
                .isEqualTo(newDue.toString());
    }
}
