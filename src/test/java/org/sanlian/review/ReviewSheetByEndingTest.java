package org.sanlian.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.ChinaTime;
import org.sanlian.support.Notices;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@DisplayName("案卷评查 — the scoring sheet asks of a file the documents its ending needs (一案一卷，行政处罚法第四十七条)")
class ReviewSheetByEndingTest extends SanlianSpringTest {

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    private ProcessInstance filedCase(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        complete(lead, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
        complete(lead, "decideFiling", Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        taskService.complete(task(taskKey, instance).getId(), values);
    }

    private void investigateAndReport(ProcessInstance instance, String outcome, Integer fine) {
        complete(instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录"));
        Map<String, Object> report = new HashMap<>(Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《公路安全保护条例》第六十四条", "proposedOutcome", outcome, "partyType", "citizen",
                "violationCode", "LZ-CX"));
        if (fine != null) {
            report.put("proposedFine", fine);
        }
        if ("noPenalty".equals(outcome)) {
            report.putAll(Map.of("circumstanceTier", "minor", "harm", "none", "correctedPromptly", true));
        }
        complete(instance, "investigationReport", report);
    }

    private void closeAndApprove(ProcessInstance instance, String report) {
        complete(instance, "closeCase", Map.of("closureReport", report));
        complete(instance, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(instance).isEnded();
    }

    /** A penalty of 2,000 yuan: notice, re-check, decision, service, payment, closure. */
    private String penaltyCaseClosed(String party) {
        ProcessInstance instance = filedCase(party);
        investigateAndReport(instance, "penalty", 2000);
        jdbc.update("update case_file set filed_at = ? where case_number = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(30))),
                instance.getBusinessKey());
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", 2000));
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", party, "receiptSignature", "signed"));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(),
                "amountPaid", 2000));
        closeAndApprove(instance, "罚款已缴纳，案件执行完毕");
        return instance.getBusinessKey();
    }

    /** 不予处罚 (行政处罚法第三十三条): the head approves, the decision is served, closure. */
    private String noPenaltyCaseClosed(String party) {
        ProcessInstance instance = filedCase(party);
        investigateAndReport(instance, "noPenalty", null);
        complete(instance, "decideNoPenalty", Map.of("headDecision", "approve", "educationForm", "oral",
                "educatedOn", TODAY.toString(), "educatedBy", "xfhandler1"));
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", party, "receiptSignature", "signed"));
        closeAndApprove(instance, "不予处罚，已教育");
        return instance.getBusinessKey();
    }

    private JsonNode sheetOf(String caseNumber) {
        ResponseEntity<String> drawn = post("citysupervisor", "/api/reviews", Map.of("organisationCode", "xifeng",
                "periodStart", TODAY.toString(), "periodEnd", TODAY.toString(), "seed", "按结案方式", "sampleSize", 100));
        assertThat(drawn.getStatusCode()).as(drawn.getBody()).isEqualTo(HttpStatus.CREATED);
        String reviewNumber = json(drawn).path("reviewNumber").asText();
        ResponseEntity<String> sheet = get("citysupervisor", "/api/reviews/" + reviewNumber + "/cases/"
                + caseNumber + "/sheet");
        assertThat(sheet.getStatusCode()).as(sheet.getBody()).isEqualTo(HttpStatus.OK);
        return json(sheet);
    }

    private static List<String> missingIn(JsonNode sheet) {
        List<String> missing = new ArrayList<>();
        sheet.path("lines").forEach(line -> line.path("missingDocuments").forEach(d -> missing.add(d.asText())));
        return missing;
    }

    @Test
    @DisplayName("a penalty case's complete file lacks nothing: the 不予行政处罚决定书 is not asked of it")
    void penaltyCaseAsksNoNoPenaltyDocuments() {
        String caseNumber = penaltyCaseClosed("某客运公司评查甲");
        JsonNode sheet = sheetOf(caseNumber);
        assertThat(missingIn(sheet)).as(sheet.toString()).isEmpty();
    }

    @Test
    @DisplayName("a no-penalty case's complete file lacks nothing: no 行政处罚决定书 or 违法行为通知书 is asked of it")
    void noPenaltyCaseAsksNoPenaltyDocuments() {
        String caseNumber = noPenaltyCaseClosed("某个体户评查乙");
        JsonNode sheet = sheetOf(caseNumber);
        assertThat(missingIn(sheet)).as(sheet.toString()).isEmpty();
    }

    @Test
    @DisplayName("the sheet cites the law and the rules, never the project's own files")
    void basisCitesTheLaw() {
        JsonNode criteria = json(get("citysupervisor", "/api/reviews/criteria"));
        criteria.forEach(c -> assertThat(c.path("basis").asText()).as(c.toString()).doesNotContain("domain.md")
                .doesNotContain("§"));
    }
}
