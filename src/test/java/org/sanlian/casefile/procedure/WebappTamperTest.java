package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseStatus;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11: a browser session cannot do what HTTP Basic cannot. The same submits as in {@link CaseRecordTamperTest},
 * made the way Tasklist makes them — a webapp login, the session cookie, the XSRF token — through the webapps'
 * engine API /camunda/api/engine/engine/default/…, are refused by the same rules and change nothing. The status
 * code is the webapps' own: their engine API does not carry Sanlian's problem mappers (platform/EngineRest*), so
 * the refusal comes back as Camunda's RestException naming the field; mapping it to 400 belongs with those mappers.
 */
@DisplayName("issue 11 — tamper tests through the webapps' engine API (Tasklist's session)")
class WebappTamperTest extends CaseProcedureTestSupport {

    /** A Tasklist session: cookies and the XSRF token the webapps' CSRF filter asks for. */
    private final class Session {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String xsrf;

        Session(String user) {
            exchange(HttpMethod.GET, "/camunda/app/tasklist/default/", null, null);
            HttpHeaders form = new HttpHeaders();
            form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> login = exchange(HttpMethod.POST,
                    "/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=" + user + "&password=" + DEMO_PASSWORD, form);
            assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
            exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, null);
        }

        ResponseEntity<String> exchange(HttpMethod method, String path, String body, HttpHeaders extra) {
            HttpHeaders headers = new HttpHeaders();
            if (extra != null) {
                headers.putAll(extra);
            }
            if (!cookies.isEmpty()) {
                headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            if (xsrf != null) {
                headers.add("X-XSRF-TOKEN", xsrf);
            }
            ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
            for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                if (pair.startsWith("XSRF-TOKEN=")) {
                    xsrf = pair.substring(eq + 1);
                }
            }
            String headerToken = response.getHeaders().getFirst("X-XSRF-TOKEN");
            if (headerToken != null) {
                xsrf = headerToken;
            }
            return response;
        }

        ResponseEntity<String> submit(String taskId, Map<String, ?> values) throws Exception {
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            return exchange(HttpMethod.POST, "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    JSON.writeValueAsString(variables(values)), json);
        }
    }

    /** Refused with 400, naming the field and the rule, as on /engine-rest. */
    private static void assertRefusedByTheRule(ResponseEntity<String> response, String field, String rule) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains(field + ":", rule);
    }

    @Test
    @DisplayName("行政处罚法 Art. 45 via Tasklist's session: the head's finalFine of 50,000 after a 20,000 notice is refused naming finalFine; nothing is decided")
    void decisionAboveTheNoticeThroughTheWebapp() throws Exception {
        ProcessInstance instance = rechecked("网页篡改当事人", 20000);
        String caseNumber = caseNumberOf(instance);
        Session head = new Session("xfhead");

        ResponseEntity<String> refused = head.submit(task("decidePenalty", instance).getId(),
                Map.of("headDecision", "approve", "finalFine", 50000));
        assertRefusedByTheRule(refused, "finalFine", "第四十五条");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(instance).isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 66 ¶2, 67 via Tasklist's session: 暂缓或分期 asked for after the payment deadline is refused with 400 naming deferralAppliedOn and the deadline; nothing is recorded")
    void deferralAfterTheDueDateThroughTheWebapp() throws Exception {
        ProcessInstance instance = servedPenalty("网页逾期申请暂缓当事人", 1000, 20);
        java.time.LocalDate due = TODAY.minusDays(5);
        Session handler = new Session("xfhandler1");

        ResponseEntity<String> refused = handler.submit(task("recordPayment", instance).getId(), Map.of("paymentOutcome",
                "applyDeferral", "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难"));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("缴款期限 " + due, "第六十六条第二款").doesNotContain("Exception");
        assertThat(penalties.payment(caseNumberOf(instance)).orElseThrow().getDeferralAppliedOn()).isNull();
        assertThat(instance).isWaitingAt("recordPayment");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 62, 64(1) via Tasklist's session: on the day the notice was served, with the hearing-request period running, the re-check recorded as \"no hearing\" is refused naming hearingRequested, and the head's decision naming headDecision; nothing is decided")
    void art62_decisionBeforeTheNoticePeriodsEndThroughTheWebapp() throws Exception {
        ProcessInstance instance = proposed("网页期限未满当事人", 8000);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "issueNotice", org.sanlian.support.Notices.served(TODAY));
        // the re-check is not closed as "no hearing asked for" while the party may still ask (Art. 64(1))
        ResponseEntity<String> premature = new Session("xfhandler1").submit(task("statementAndRecheck", instance).getId(),
                Map.of("statementMade", true, "statementSummary", "当事人称不知情", "recheckConclusion", "申辩理由不成立",
                        "finalFine", 8000));
        assertRefusedByTheRule(premature, "hearingRequested", "第六十四条第一项");
        assertThat(instance).isWaitingAt("statementAndRecheck");
        // moved on all the same (an administrator in Cockpit): the head's decision waits for the periods
        runtimeService.createProcessInstanceModification(instance.getId()).cancelAllForActivity("statementAndRecheck")
                .startBeforeActivity("decidePenalty").execute();
        Session head = new Session("xfhead");

        ResponseEntity<String> refused = head.submit(task("decidePenalty", instance).getId(),
                Map.of("headDecision", "approve"));
        assertRefusedByTheRule(refused, "headDecision", "第四十五条");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(instance).isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("issue 13, 行政处罚法 Art. 4 (法定幅度) via Tasklist: a fine above the catalogue's maximum is refused with 400 and a plain Chinese message naming the field by its form label — no engine code, no exception text, no variable name")
    void refusedSubmitReadsAsPlainChinese() throws Exception {
        ProcessInstance instance = filedCase("网页超幅度当事人");
        investigate(instance, "investigate");
        Session handler = new Session("xfhandler1");

        ResponseEntity<String> refused = handler.submit(task("investigationReport", instance).getId(), Map.of(
                "facts", "当事人车辆超限行驶公路", "legalBasis", "《公路安全保护条例》第六十四条", "partyType", "citizen",
                "proposedOutcome", "penalty", "violationCode", "LZ-CX", "proposedFine", 50000));

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        String shown = JSON.readTree(refused.getBody()).path("message").asText();
        assertThat(shown).as(refused.getBody()).startsWith("拟罚款金额（元）：").contains("超出法定幅度", "30000")
                .doesNotContain("ENGINE-", "Exception", "proposedFine", "TaskListener");
        assertThat(instance).isWaitingAt("investigationReport");
    }

    @Test
    @DisplayName("issue 13: the due date the law sets cannot be changed from Tasklist's date editor; the refusal says why in Chinese")
    void statutoryDueDateCannotBeEdited() throws Exception {
        ProcessInstance instance = filedCase("网页改期限当事人");
        Session handler = new Session("xfhandler1");
        String taskId = task("investigate", instance).getId();
        java.util.Date due = taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> refused = handler.exchange(HttpMethod.PUT,
                "/camunda/api/engine/engine/default/task/" + taskId,
                "{\"name\":\"调查取证\",\"due\":\"2099-01-01T00:00:00.000+0800\"}", json);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(refused.getBody()).path("message").asText())
                .contains("到期日由法定期限确定", "不能修改", "延长办案期限审批").doesNotContain("(", "PUT");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate()).isEqualTo(due);
    }

    @Test
    @DisplayName("issue 11 date guard via Tasklist's session: a payment dated before the decision is refused naming paidOn")
    void paymentBeforeDecisionThroughTheWebapp() throws Exception {
        ProcessInstance instance = servedPenalty("网页缴款当事人", 1000, 10);
        Session handler = new Session("xfhandler1");

        assertRefusedByTheRule(handler.submit(task("recordPayment", instance).getId(), Map.of("paymentOutcome", "paid",
                "paidOn", TODAY.minusDays(11).toString(), "amountPaid", 1000)), "paidOn", "缴款日期不能早于作出处罚决定的日期");
        assertThat(penalties.payment(caseNumberOf(instance)).orElseThrow().getPaidOn()).isNull();
        assertThat(instance).isWaitingAt("recordPayment");
    }

    @Test
    @DisplayName("移送规定 Art. 5 via Tasklist's session: the head's refusal of a crime transfer without reasons is refused with 400 naming crimeTransferRefusalReason; nothing is recorded")
    void crimeTransferRefusalWithoutReasonsThroughTheWebapp() throws Exception {
        ProcessInstance instance = filedCase("网页移送审批当事人");
        investigate(instance, "investigate");
        complete(instance, "investigationReport", Map.of("facts", "当事人非法运输危险化学品", "legalBasis",
                "《危险化学品安全管理条例》", "proposedOutcome", "crimeTransfer", "partyType", "citizen",
                "violationCode", "LZ-CX"));
        Session head = new Session("xfhead");

        assertRefusedByTheRule(head.submit(task("decideCrimeTransfer", instance).getId(),
                Map.of("crimeTransferDecision", "refuse")), "crimeTransferRefusalReason", "移送规定第五条");
        assertThat(instance).isWaitingAt("decideCrimeTransfer");
        assertThat(jdbc.queryForObject("select count(*) from case_crime_transfer_decision where case_number = ?",
                Integer.class, caseNumberOf(instance))).isZero();
    }

    @Test
    @DisplayName("行政处罚法 Arts. 42, 26 via Tasklist's session: an officer of another body (庆城县) named as investigator on a 西峰 case without an accepted assistance request is refused with 400 naming investigator2")
    void investigatorOfAnotherBodyThroughTheWebapp() throws Exception {
        ProcessInstance instance = filedCase("网页外单位调查人员当事人");
        Session handler = new Session("xfhandler1");

        assertRefusedByTheRule(handler.submit(task("investigate", instance).getId(), Map.of("investigator1", "xfhandler1",
                "investigator2", "qchandler1", "investigationFindings", "询问当事人")), "investigator2", "经协查请求接受协助");
        assertThat(facts.officers(caseNumberOf(instance), CaseOfficer.Role.INVESTIGATOR)).isEmpty();
        assertThat(instance).isWaitingAt("investigate");
    }

    @Test
    @DisplayName("行政处罚法 Art. 29 via Tasklist's session: the head's fine for a lead without 违法行为发生日期 is refused with 400 naming occurredOn (the same act cannot be checked against the fine register); nothing is decided")
    void art29_fineWithoutActDateThroughTheWebapp() throws Exception {
        ProcessInstance instance = filedCase("网页无日期当事人", null, null);
        investigate(instance, "investigate");
        report(instance, "investigationReport", 1000);
        // the notice served 20 days ago: its statement and hearing-request periods have ended (Arts. 62, 64)
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", 1000));
        Session head = new Session("xfhead");

        ResponseEntity<String> refused = head.submit(task("decidePenalty", instance).getId(),
                Map.of("headDecision", "approve"));

        assertRefusedByTheRule(refused, "occurredOn", "第二十九条");
        assertThat(penalties.penalty(caseNumberOf(instance)).orElseThrow().getDecisionKind()).isNull();
        assertThat(instance).isWaitingAt("decidePenalty");
    }
}
