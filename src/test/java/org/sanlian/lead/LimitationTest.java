package org.sanlian.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.ChinaTime;
import org.sanlian.security.WebappSession;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("行政处罚法 Art. 36 — 追责期限: the act's date, a continuing act's end, harm to life/health or finance; filing refused past the period (domain.md §2.13)")
class LimitationTest extends SanlianSpringTest {

    @Autowired
    TaskService taskService;

    @Autowired
    LeadService leadService;

    @LocalServerPort
    int port;

    private static LocalDate today() {
        return LocalDate.now(ChinaTime.CHINA);
    }

    /** A lead registered through /engine-rest with what the registrant knows of the act; its instance. */
    private JsonNode lead(String party, LocalDate occurredOn, Map<String, Object> act) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source", "COMPLAINT");
        values.put("partyName", party);
        values.put("summary", "群众举报未取得道路运输经营许可从事客运经营");
        if (occurredOn != null) {
            values.put("occurredOn", occurredOn.toString());
        }
        values.putAll(act);
        ResponseEntity<String> response = post("xfhandler1",
                "/engine-rest/process-definition/key/leadIntake/submit-form", variables(values));
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return json(response);
    }

    /** The lead verified by its handler as registered; the id of the head's 立案审批 task. */
    private String verified(JsonNode lead) {
        String instanceId = lead.path("id").asText();
        ResponseEntity<String> verification = post("xfhandler1",
                "/engine-rest/task/" + taskIdOf("xfhandler1", instanceId) + "/submit-form",
                variables(Map.of("verificationFindings", "经核查，举报属实")));
        assertThat(verification.getStatusCode().is2xxSuccessful()).as(verification.getBody()).isTrue();
        return taskIdOf("xfhead", instanceId);
    }

    private ResponseEntity<String> file(String taskId) {
        return post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("filingDecision", "file")));
    }

    private LeadStatus statusOf(JsonNode lead) {
        return leadService.byNumber(lead.path("businessKey").asText()).getStatus();
    }

    @Test
    @DisplayName("Art. 36: an act two years and one day old, without harm to life/health or finance, is not filed — 400 naming the two-year period and the article, the task stays open")
    void art36_actTwoYearsAndOneDayOldWithoutHarm_isRefused() {
        JsonNode lead = lead("追责期限二年已过", today().minusYears(2).minusDays(1), Map.of());
        String taskId = verified(lead);

        ResponseEntity<String> refused = file(taskId);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json(refused).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("filingDecision");
        assertThat(error.path("message").asText()).startsWith("违法行为已超过《行政处罚法》第三十六条规定的二年追责期限")
                .contains(today().minusDays(1).toString());
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(statusOf(lead)).isEqualTo(LeadStatus.VERIFIED);
    }

    @Test
    @DisplayName("Art. 36: an act exactly two years old is still within its period (the period ends on the anniversary) and is filed")
    void art36_actExactlyTwoYearsOld_isAllowed() {
        JsonNode lead = lead("追责期限末日立案", today().minusYears(2), Map.of());
        assertThat(file(verified(lead)).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(statusOf(lead)).isEqualTo(LeadStatus.FILED);
    }

    @Test
    @DisplayName("Art. 36: an act four years old that harmed life/health or financial security has five years and is filed")
    void art36_actFourYearsOldWithHarm_isAllowed() {
        JsonNode lead = lead("危害后果四年前", today().minusYears(4), Map.of("lifeOrFinanceHarm", true));
        ResponseEntity<String> filed = file(verified(lead));
        assertThat(filed.getStatusCode().is2xxSuccessful()).as(filed.getBody()).isTrue();
        assertThat(statusOf(lead)).isEqualTo(LeadStatus.FILED);
    }

    @Test
    @DisplayName("Art. 36: an act five years and one day old is refused even with harm, naming the five-year period")
    void art36_actFiveYearsAndOneDayOldWithHarm_isRefused() {
        JsonNode lead = lead("危害后果五年已过", today().minusYears(5).minusDays(1), Map.of("lifeOrFinanceHarm", true));
        ResponseEntity<String> refused = file(verified(lead));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("message").asText())
                .contains("涉及公民生命健康安全、金融安全且有危害后果", "第三十六条", "五年追责期限");
    }

    @Test
    @DisplayName("Art. 36: a continuing act that began three years ago and ended one year ago is counted from its end and filed; the same act not continuing is refused")
    void art36_continuingActEndedOneYearAgo_isAllowed() {
        JsonNode continuing = lead("连续状态一年前终了", today().minusYears(3),
                Map.of("continuingAct", true, "actEndedOn", today().minusYears(1).toString()));
        assertThat(file(verified(continuing)).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(statusOf(continuing)).isEqualTo(LeadStatus.FILED);
        Lead stored = leadService.byNumber(continuing.path("businessKey").asText());
        assertThat(stored.isActContinuing()).isTrue();
        assertThat(stored.getActEndedOn()).isEqualTo(today().minusYears(1));

        JsonNode notContinuing = lead("三年前一次性行为", today().minusYears(3), Map.of());
        assertThat(file(verified(notContinuing)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @DisplayName("Art. 36: a continuing act needs the day it ended, not before it began — 400 naming actEndedOn, nothing registered")
    void art36_continuingActWithoutItsEnd_isRefused() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("source", "COMPLAINT", "partyName", "连续状态未填终了",
                "summary", "举报", "occurredOn", today().minusYears(1).toString(), "continuingAct", true));
        ResponseEntity<String> refused = post("xfhandler1",
                "/engine-rest/process-definition/key/leadIntake/submit-form", variables(values));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("actEndedOn");

        values.put("actEndedOn", today().minusYears(2).toString());
        refused = post("xfhandler1", "/engine-rest/process-definition/key/leadIntake/submit-form", variables(values));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("message").asText()).contains("不能早于违法行为发生日期");

        values.put("actEndedOn", today().toString());
        assertThat(post("xfhandler1", "/engine-rest/process-definition/key/leadIntake/submit-form",
                variables(values)).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    @DisplayName("Art. 36: a lead whose act's date is unknown is not filed (400 naming occurredOn); the head who enters the date on 立案审批 files it")
    void art36_filingWithoutTheActsDate_isRefused_untilTheDateIsGiven() {
        JsonNode lead = lead("发生日期未查明", null, Map.of());
        String taskId = verified(lead);
        ResponseEntity<String> refused = file(taskId);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("occurredOn");

        ResponseEntity<String> filed = post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("filingDecision", "file", "occurredOn", today().minusMonths(2).toString())));
        assertThat(filed.getStatusCode().is2xxSuccessful()).as(filed.getBody()).isTrue();
        Lead stored = leadService.byNumber(lead.path("businessKey").asText());
        assertThat(stored.getStatus()).isEqualTo(LeadStatus.FILED);
        assertThat(stored.getOccurredOn()).isEqualTo(today().minusMonths(2));
    }

    @Test
    @DisplayName("Art. 36: not filing an act past its period stays possible (with a reason) — the period bars the penalty, not the record")
    void art36_actPastItsPeriod_mayBeNotFiled() {
        JsonNode lead = lead("超过期限不予立案", today().minusYears(3), Map.of());
        ResponseEntity<String> notFiled = post("xfhead", "/engine-rest/task/" + verified(lead) + "/submit-form",
                variables(Map.of("filingDecision", "notFile", "decisionReason", "已超过二年追责期限（行政处罚法第三十六条）")));
        assertThat(notFiled.getStatusCode().is2xxSuccessful()).as(notFiled.getBody()).isTrue();
        assertThat(statusOf(lead)).isEqualTo(LeadStatus.NOT_FILED);
    }

    @Test
    @DisplayName("Art. 36 through Tasklist's API (/camunda/api/engine): filing an act past its period → 400 with the Chinese reason, not 500")
    void art36_filingPastThePeriodThroughTasklist_isRefusedWith400() {
        JsonNode lead = lead("网页端立案超期", today().minusYears(2).minusDays(10), Map.of());
        String taskId = verified(lead);
        WebappSession head = WebappSession.login(port, "xfhead", DEMO_PASSWORD);

        HttpResponse<String> refused = head.engine("POST", "/task/" + taskId + "/submit-form",
                "{\"variables\":{\"filingDecision\":{\"value\":\"file\"}}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("二年追责期限", "第三十六条");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("Art. 36: 案源核查 of a lead whose period ends within sanlian.deadlines.limitation-warning (P30D) shows a warning with the last day and the days left; the lead API shows it too; a fresh act shows no warning")
    void art36_leadNearTheEndOfItsPeriod_isFlaggedOnVerification() {
        JsonNode near = lead("追责期限临近届满", today().minusYears(2).plusDays(10), Map.of());
        String taskId = taskIdOf("xfhandler1", near.path("id").asText());
        JsonNode variables = json(get("xfhandler1", "/engine-rest/task/" + taskId + "/form-variables"));
        assertThat(variables.path("limitationWarning").path("value").asBoolean()).isTrue();
        assertThat(variables.path("limitationDaysLeft").path("value").asLong()).isEqualTo(10);
        assertThat(variables.path("limitationLastDay").path("value").asText()).isEqualTo(today().plusDays(10).toString());
        assertThat(variables.path("limitationText").path("value").asText()).contains("剩余 10 天", "即将届满");
        JsonNode limitation = json(get("xfhandler1", "/api/leads/" + near.path("businessKey").asText()))
                .path("lead").path("limitation");
        assertThat(limitation.path("warning").asBoolean()).isTrue();
        assertThat(limitation.path("daysLeft").asLong()).isEqualTo(10);
        assertThat(limitation.path("period").asText()).isEqualTo("二年");

        JsonNode fresh = lead("新近违法行为", today().minusDays(3), Map.of());
        JsonNode freshVariables = json(get("xfhandler1", "/engine-rest/task/"
                + taskIdOf("xfhandler1", fresh.path("id").asText()) + "/form-variables"));
        assertThat(freshVariables.path("limitationWarning").path("value").asBoolean()).isFalse();
        assertThat(freshVariables.path("limitationText").path("value").asText()).doesNotContain("即将届满");
    }

    @Test
    @DisplayName("Art. 36: 案源核查 records the act as verified (date, harm) on the lead; the head's 立案审批 shows the new period")
    void art36_verificationRecordsTheAct() {
        JsonNode lead = lead("核查更正发生日期", today().minusYears(1), Map.of());
        String instanceId = lead.path("id").asText();
        ResponseEntity<String> verification = post("xfhandler1",
                "/engine-rest/task/" + taskIdOf("xfhandler1", instanceId) + "/submit-form",
                variables(Map.of("verificationFindings", "经核查，行为发生于四年前，造成乘客受伤",
                        "occurredOn", today().minusYears(4).toString(), "lifeOrFinanceHarm", true)));
        assertThat(verification.getStatusCode().is2xxSuccessful()).as(verification.getBody()).isTrue();
        Lead stored = leadService.byNumber(lead.path("businessKey").asText());
        assertThat(stored.getOccurredOn()).isEqualTo(today().minusYears(4));
        assertThat(stored.isLifeOrFinanceHarm()).isTrue();
        assertThat(leadService.history(stored).get(1).getNote()).contains("五年追责期限");
        JsonNode filing = json(get("xfhead", "/engine-rest/task/" + taskIdOf("xfhead", instanceId) + "/form-variables"));
        assertThat(filing.path("limitationText").path("value").asText()).contains("五年追责期限");
    }
}
