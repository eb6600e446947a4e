package org.sanlian.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.procedure.CaseOfficer;
import org.sanlian.penalty.HearingRules;
import org.sanlian.casefile.procedure.InvestigationRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 行政处罚法 Art. 42 (investigators are certified enforcement officers), Art. 64(4) (a presider the agency designates)
 * and Art. 26 (assistance): officers of the case's body may act in it, and officers of a body that accepted an
 * assistance request of the case; an officer of any other body is refused with 400 naming the field.
 */
@DisplayName("issue 12 — investigators and presiders from the case's body or an assisting body (行政处罚法 Arts. 42, 64(4), 26)")
class AssistingOfficersTest extends NetworkTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @Autowired
    InvestigationRules investigation;

    @Autowired
    HearingRules hearing;

    @Autowired
    ProcedureFacts facts;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    private String procedureOf(String caseNumber) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private Task task(String instance, String key) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
                .singleResult();
    }

    private ResponseEntity<String> submitTask(String user, String instance, String key, Map<String, ?> values) {
        Task open = task(instance, key);
        assertThat(open).as(key + " open").isNotNull();
        return post(user, "/engine-rest/task/" + open.getId() + "/submit-form", variables(values));
    }

    private void done(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private static void refused(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
    }

    /** 西峰 asks 庆城 for assistance on the case and 庆城's handler answers it with a reply: the request is accepted. */
    private void assistanceAccepted(String caseNumber) {
        ResponseEntity<String> asked = post("xfhandler1", "/api/assistance", Map.of("caseNumber", caseNumber,
                "assistingOrganisation", "qingcheng", "matters", "协助调查当事人在庆城县的营运情况"));
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(201);
        JsonNode request = json(asked);
        // an open request is not yet accepted: its body does not take part
        assertThat(investigation.investigatingBodies(caseNumber)).containsExactly("xifeng");
        submit("qchandler1", request.path("processInstanceId").asText(), Map.of("assistanceOutcome", "reply",
                "assistanceReply", "已派员协助调查"));
    }

    private Map<String, Object> investigators(String second) {
        return Map.of("investigator1", "xfhandler1", "investigator2", second, "investigationFindings", "询问当事人，制作询问笔录");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 42, 26: qchandler1 (庆城县) as investigator on a 西峰 case is refused (400 naming investigator2) without assistance and while the request is open; allowed and offered once 庆城 accepted the assistance request")
    void art42_art26_investigatorOfAnotherBody_refusedWithoutAcceptedAssistance_allowedAfter() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "协查调查人员当事人");
        String instance = procedureOf(caseNumber);
        assertThat(investigation.investigatorChoices(caseNumber)).extracting(Officers.Choice::value)
                .doesNotContain("qchandler1");

        refused(submitTask("xfhandler1", instance, "investigate", investigators("qchandler1")), "investigator2");
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR)).isEmpty();

        assistanceAccepted(caseNumber);
        assertThat(investigation.investigatingBodies(caseNumber)).containsExactly("xifeng", "qingcheng");
        assertThat(investigation.investigatorChoices(caseNumber)).extracting(Officers.Choice::value)
                .contains("xfhandler1", "qchandler1");
        done(submitTask("xfhandler1", instance, "investigate", investigators("qchandler1")));
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR)).containsExactly("xfhandler1", "qchandler1");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 64(4), 26: qchandler1 (庆城县) as the hearing's presider on a 西峰 case is refused (400 naming hearingPresider) without assistance; allowed and offered once 庆城 accepted the assistance request")
    void art64_art26_presiderOfAnotherBody_refusedWithoutAcceptedAssistance_allowedAfter() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "协查听证主持人当事人");
        jdbc.update("update case_file set filed_at = ? where case_number = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(40))), caseNumber);
        String instance = procedureOf(caseNumber);
        done(submitTask("xfhandler1", instance, "investigate", investigators("xfhandler2")));
        done(submitTask("xfhandler1", instance, "investigationReport", Map.of("facts", "当事人驾驶车辆载客收费",
                "legalBasis", "《道路运输条例》第六十三条", "proposedOutcome", "penalty", "partyType", "citizen",
                "violationCode", "LZ-CX", "proposedFine", 8000)));
        done(submitTask("xfhandler1", instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(30))));
        done(submitTask("xfhandler1", instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人要求听证",
                "finalFine", 8000, "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(28).toString())));
        LocalDate hearingDay = calendar.addWorkingDays(TODAY.minusDays(27), 7).date();
        Map<String, Object> schedule = Map.of("hearingNoticeServedOn", TODAY.minusDays(27).toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed",
                "hearingDate", hearingDay.toString(), "hearingTime", "09:30", "hearingPlace", "西峰大队听证室", "hearingPresider", "qchandler1");
        assertThat(hearing.presiderChoices(caseNumber)).extracting(Officers.Choice::value).doesNotContain("qchandler1");

        refused(submitTask("xfhandler1", instance, "scheduleHearing", schedule), "hearingPresider");
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.PRESIDER)).isEmpty();

        assistanceAccepted(caseNumber);
        assertThat(hearing.presiderChoices(caseNumber)).extracting(Officers.Choice::value).contains("qchandler1")
                .doesNotContain("xfhandler1", "xfhandler2");
        done(submitTask("xfhandler1", instance, "scheduleHearing", schedule));
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.PRESIDER)).containsExactly("qchandler1");
        assertThat(task(instance, "holdHearing").getAssignee()).isEqualTo("qchandler1");
    }
}
