package org.sanlian.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.ChinaTime;
import org.sanlian.support.SanlianSpringTest;
import org.camunda.bpm.engine.FormService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 行政处罚法 Art. 37 with two catalogue rows given validity dates for the test (the form's select lists the
 * catalogue's codes, so the test dates rows the form offers): YZ-KY-XL valid until a year ago, YZ-WH-JC valid since
 * the day after. The dates are removed after each test.
 */
@DisplayName("行政处罚法 Art. 37 — the law at the time of the act: catalogue rows carry their validity; the ranges offered and the provision chosen are those valid on the act's date")
class LawAtTheTimeOfTheActTest extends SanlianSpringTest {

    private static final String OLD = "YZ-KY-XL";
    private static final String AMENDED = "YZ-WH-JC";

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    JdbcTemplate jdbc;

    private static LocalDate today() {
        return LocalDate.now(ChinaTime.CHINA);
    }

    @BeforeEach
    void rowsWithValidity() {
        jdbc.update("UPDATE violation SET valid_to = ? WHERE code = ?", java.sql.Date.valueOf(today().minusYears(1)), OLD);
        jdbc.update("UPDATE violation SET valid_from = ? WHERE code = ?",
                java.sql.Date.valueOf(today().minusYears(1).plusDays(1)), AMENDED);
    }

    @AfterEach
    void rowsOpenAgain() {
        jdbc.update("UPDATE violation SET valid_from = NULL, valid_to = NULL WHERE code IN (?, ?)", OLD, AMENDED);
    }

    /** A case whose act was done on {@code actDate}, investigated and waiting for its report. */
    private ProcessInstance caseOfAnActOn(String party, LocalDate actDate) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "客运车辆违规经营", "organisationCode", "xifeng"));
        taskService.complete(task("verifyLead", lead).getId(),
                Map.of("verificationFindings", "核查属实", "occurredOn", actDate.toString()));
        taskService.complete(task("decideFiling", lead).getId(), Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult();
        taskService.complete(task("investigate", instance).getId(), Map.of("investigator1", "xfhandler1",
                "investigator2", "xfhandler2", "investigationFindings", "询问笔录、现场笔录"));
        assertThat(instance).isWaitingAt("investigationReport");
        return instance;
    }

    private ResponseEntity<String> report(ProcessInstance instance, String violationCode, int fine,
            Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(Map.of("facts", "车辆未按规定检测、客运班线擅自变更", "legalBasis", "道路运输条例",
                "proposedOutcome", "penalty", "partyType", "citizen", "violationCode", violationCode,
                "proposedFine", fine, "deviationReason", "情节特殊，偏离裁量基准"));
        values.putAll(more);
        Map<String, Object> body = variables(values);
        if (values.get("otherViolationCodes") instanceof List<?> codes) {
            // a tag list goes to Camunda as a Json variable, as form-js sends it
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = new HashMap<>((Map<String, Object>) body.get("variables"));
            variables.put("otherViolationCodes", Map.of("value", "[\"" + String.join("\",\"",
                    codes.stream().map(String::valueOf).toList()) + "\"]", "type", "Json"));
            body = Map.of("variables", variables);
        }
        return post("xfhandler1", "/engine-rest/task/" + task("investigationReport", instance).getId()
                + "/submit-form", body);
    }

    private String offeredRanges(ProcessInstance instance) {
        return (String) formService.getTaskFormVariables(task("investigationReport", instance).getId()).get("fineRanges");
    }

    @Test
    @DisplayName("Art. 37: for an act of eighteen months ago the report offers the row valid then, not the row valid only since a year ago; for a recent act the reverse")
    void art37_rangesOfferedAreThoseValidOnTheActsDate() {
        String offered = offeredRanges(caseOfAnActOn("第三十七条旧法当事人", today().minusMonths(18)));
        assertThat(offered).contains(OLD + " 客运经营者不按批准的线路、班次经营或擅自更换车辆、擅自终止经营：1000–2000 元（《中华人民共和国道路运输条例》第六十八条第一款）")
                .doesNotContain(AMENDED).contains("YZ-KY-WZ");

        String offeredNow = offeredRanges(caseOfAnActOn("第三十七条新法当事人", today().minusDays(2)));
        assertThat(offeredNow).contains(AMENDED + " 不按规定维护和检测运输车辆：1000–5000 元（《中华人民共和国道路运输条例》第六十九条）")
                .doesNotContain(OLD);
    }

    @Test
    @DisplayName("Art. 37: choosing a row that took effect after the act is refused (400 naming violationCode, the row's validity and the article); a row valid on the act's date is accepted")
    void art37_rowNotValidOnTheActsDate_isRefused_validRowAllowed() {
        ProcessInstance instance = caseOfAnActOn("第三十七条选错条目", today().minusMonths(18));

        ResponseEntity<String> refused = report(instance, AMENDED, 3000, Map.of());
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json(refused).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("violationCode");
        assertThat(error.path("message").asText()).contains("第三十七条", today().minusYears(1).plusDays(1) + " 至 今",
                "违法行为发生于 " + today().minusMonths(18));
        assertThat(instance).isWaitingAt("investigationReport");

        ResponseEntity<String> accepted = report(instance, OLD, 1500, Map.of());
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).hasPassed("investigationReport");
    }

    @Test
    @DisplayName("Art. 37 with Art. 29: another norm named for the same act must also be valid on the act's date (400 naming otherViolationCodes)")
    void art37_otherNormNotValidOnTheActsDate_isRefused() {
        ProcessInstance instance = caseOfAnActOn("第三十七条其他规范", today().minusDays(5));
        ResponseEntity<String> refused = report(instance, AMENDED, 3000, Map.of("otherViolationCodes", List.of(OLD)));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("otherViolationCodes");
        assertThat(instance).isWaitingAt("investigationReport");
    }

    @Test
    @DisplayName("Art. 37: the catalogue API shows each row's validity")
    void art37_catalogueShowsValidity() {
        JsonNode row = json(get("xfhandler1", "/api/violations/" + OLD));
        assertThat(row.path("validTo").asText()).isEqualTo(today().minusYears(1).toString());
        assertThat(row.path("validFrom").isNull()).isTrue();
        assertThat(json(get("xfhandler1", "/api/violations/" + AMENDED)).path("validFrom").asText())
                .isEqualTo(today().minusYears(1).plusDays(1).toString());
    }
}
