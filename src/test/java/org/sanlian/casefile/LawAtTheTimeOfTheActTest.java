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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 行政处罚法 Art. 37 with two readings of one provision: the old one valid until a year ago (1,000–5,000 yuan), the
 * amended one since (2,000–8,000 yuan). The rows are test data, added and removed around each test.
 */
@DisplayName("行政处罚法 Art. 37 — the law at the time of the act: catalogue rows carry their validity; the ranges offered and the provision chosen are those valid on the act's date")
class LawAtTheTimeOfTheActTest extends SanlianSpringTest {

    private static final String OLD = "T37-OLD";
    private static final String AMENDED = "T37-NEW";

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    private static LocalDate today() {
        return LocalDate.now(ChinaTime.CHINA);
    }

    @BeforeEach
    void twoReadingsOfOneProvision() {
        String insert = "INSERT INTO violation (code, name, sector, violated_clause, penalty_clause, min_fine, max_fine,"
                + " penalty_kinds, range_note, confidence, illustrative, valid_from, valid_to)"
                + " VALUES (?, '测试：擅自改装营运车辆', '运政', '测试条例第十条', ?, ?, ?, '罚款', NULL, 'L', TRUE, ?, ?)";
        jdbc.update(insert, OLD, "测试条例（旧）第三十条", 1000, 5000, null, java.sql.Date.valueOf(today().minusYears(1)));
        jdbc.update(insert, AMENDED, "测试条例（修订）第三十条", 2000, 8000,
                java.sql.Date.valueOf(today().minusYears(1).plusDays(1)), null);
    }

    @AfterEach
    void removeTheTestRows() {
        jdbc.update("DELETE FROM violation WHERE code IN (?, ?)", OLD, AMENDED);
    }

    /** A case whose act was done on {@code actDate}, investigated and waiting for its report. */
    private ProcessInstance caseOfAnActOn(String party, LocalDate actDate) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "擅自改装营运车辆", "organisationCode", "xifeng"));
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
        Map<String, Object> values = new HashMap<>(Map.of("facts", "擅自改装营运车辆", "legalBasis", "测试条例",
                "proposedOutcome", "penalty", "partyType", "citizen", "violationCode", violationCode,
                "proposedFine", fine, "deviationReason", "测试数据，无裁量基准"));
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
        return (String) taskService.getVariableLocal(task("investigationReport", instance).getId(), "fineRanges");
    }

    @Test
    @DisplayName("Art. 37: for an act of eighteen months ago the report offers the old reading's range (1000–5000), not the amended one")
    void art37_rangesOfferedAreThoseValidOnTheActsDate() {
        String offered = offeredRanges(caseOfAnActOn("第三十七条旧法当事人", today().minusMonths(18)));
        assertThat(offered).contains(OLD + " 测试：擅自改装营运车辆：1000–5000 元（测试条例（旧）第三十条）")
                .doesNotContain(AMENDED);

        String offeredNow = offeredRanges(caseOfAnActOn("第三十七条新法当事人", today().minusDays(2)));
        assertThat(offeredNow).contains(AMENDED + " 测试：擅自改装营运车辆：2000–8000 元（测试条例（修订）第三十条）")
                .doesNotContain(OLD);
    }

    @Test
    @DisplayName("Art. 37: choosing the amended reading for an act done before it took effect is refused (400 naming violationCode, the validity, the article and the row valid then); the old reading is accepted")
    void art37_rowNotValidOnTheActsDate_isRefused_validRowAllowed() {
        ProcessInstance instance = caseOfAnActOn("第三十七条选错条目", today().minusMonths(18));

        ResponseEntity<String> refused = report(instance, AMENDED, 3000, Map.of());
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json(refused).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("violationCode");
        assertThat(error.path("message").asText()).contains("第三十七条", today().minusYears(1).plusDays(1) + " 至 今",
                "该日有效的条目：" + OLD);
        assertThat(instance).isWaitingAt("investigationReport");

        ResponseEntity<String> accepted = report(instance, OLD, 3000, Map.of());
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
    }
}
