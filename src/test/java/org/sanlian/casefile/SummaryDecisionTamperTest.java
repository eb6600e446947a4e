package org.sanlian.casefile;

import org.sanlian.penalty.SummaryDecisionRepository;
import org.sanlian.penalty.SummaryDecision;
import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11 for the summary procedure (简易程序): the facts of an on-the-spot decision live in summary_decision. A
 * later step cannot change the fine, the decision date or the payment route by sending a value: through
 * /engine-rest a field the step's form does not declare is refused with 400 naming it, a declared field that breaks
 * a rule is refused with 400 naming it, and the stored facts stay as they were while the task stays open. Even a
 * caller that passes the REST filter (the engine's Java API) cannot make a rule read an undeclared value.
 */
@DisplayName("issue 11 — summary procedure tamper tests: the stored facts of an on-the-spot decision, not submitted values, decide every step")
class SummaryDecisionTamperTest extends SanlianSpringTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    SummaryDecisionRepository decisions;

    /** Parties of their own, by a valid number each (500 on: SummaryProcedureProcessTest counts from 1). */
    private static final java.util.concurrent.atomic.AtomicInteger PARTIES = new java.util.concurrent.atomic.AtomicInteger(500);

    private ProcessInstance registered(String party, int fine) {
        return registered(party, "YZ-JSY", fine);
    }

    private ProcessInstance registered(String party, String violationCode, int fine) {
        Map<String, Object> values = new HashMap<>(Map.of("credentialsShown", true, "partyName", party,
                "partyType", "citizen", "partyIdNumber", SummaryProcedureProcessTest.residentId(PARTIES.incrementAndGet()),
                "place", "西峰区长庆大道",
                "facts", "现场检查发现", "evidenceSummary", "现场笔录一份，照片三张", "violationCode", violationCode,
                "factsCertain", true, "warningOnly", false));
        values.put("proposedFine", fine);
        values.put("occurredOn", TODAY.toString());
        values.put("secondOfficer", "xfhandler2");
        ResponseEntity<String> started = post("xfhandler1",
                "/engine-rest/process-definition/key/summaryProcedure/submit-form", variables(values));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        return runtimeService.createProcessInstanceQuery().processInstanceId(json(started).path("id").asText())
                .singleResult();
    }

    private ResponseEntity<String> submit(ProcessInstance instance, String taskKey, Map<String, ?> values) {
        return post("xfhandler1", "/engine-rest/task/" + task(taskKey, instance).getId() + "/submit-form",
                variables(values));
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, ?> values) {
        ResponseEntity<String> response = submit(instance, taskKey, values);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static void assertRefused(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json(response).path("errors");
        assertThat(errors.findValuesAsText("field")).as(response.getBody()).contains(field);
    }

    private SummaryDecision stored(ProcessInstance instance) {
        return decisions.findById(instance.getBusinessKey()).orElseThrow();
    }

    private ProcessInstance informed(String party, int fine) {
        return informed(party, "YZ-JSY", fine);
    }

    private ProcessInstance informed(String party, String violationCode, int fine) {
        ProcessInstance instance = registered(party, violationCode, fine);
        complete(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", true,
                "partyStatement", "认可违法事实", "recheckConclusion", "陈述不影响事实认定", "finalFine", fine));
        return instance;
    }

    private ProcessInstance decided(String party, int fine, String method) {
        ProcessInstance instance = informed(party, fine);
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", method));
        return instance;
    }

    @Test
    @DisplayName("行政处罚法 Art. 45: at 告知与陈述申辩 a fine above the one proposed on the spot is refused naming finalFine, and a submitted proposedFine is refused as undeclared; the stored proposal stays 200, no decision number is taken")
    void statementCannotRaiseTheProposedFine() {
        ProcessInstance instance = registered("篡改简易甲", 200);
        SummaryDecision before = stored(instance);
        assertThat(before.getProposedFine()).isEqualByComparingTo("200");
        assertThat(before.getRegisteredBy()).isEqualTo("xfhandler1");

        assertRefused(submit(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", true,
                "recheckConclusion", "加重", "finalFine", 300)), "finalFine");
        assertRefused(submit(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", true,
                "recheckConclusion", "加重", "finalFine", 300, "proposedFine", 500)), "proposedFine");

        SummaryDecision after = stored(instance);
        assertThat(after.getProposedFine()).isEqualByComparingTo("200");
        assertThat(after.getFine()).isNull();
        assertThat(after.getDecisionNumber()).isNull();
        assertThat(instance).isWaitingAt("informParty");

        // the engine's own API passes the REST filter, yet the rule never reads the undeclared proposedFine
        assertThatThrownBy(() -> taskService.complete(task("informParty", instance).getId(), Map.of(
                "toldFactsAndBasis", true, "toldRights", true, "recheckConclusion", "加重", "finalFine", 300,
                "proposedFine", 500))).hasMessageContaining("第四十五条");
        assertThat(stored(instance).getFine()).isNull();
        assertThat(instance).isWaitingAt("informParty");
    }

    @Test
    @DisplayName("行政处罚法 Art. 68: at 交付当场处罚决定书 a lowered finalFine is refused as undeclared, and cash for the stored 200-yuan fine is refused naming paymentMethod; the stored fine stays 200 and nothing is decided")
    void handOverCannotLowerTheFineToCollectCash() {
        ProcessInstance instance = informed("篡改简易乙", 200);
        String number = stored(instance).getDecisionNumber();

        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "cash", "receiptNumber", "甘财罚0009", "finalFine", 50)),
                "finalFine");
        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "cash", "receiptNumber", "甘财罚0009")), "paymentMethod");
        // through the Java API the undeclared finalFine and warningOnly are simply not read: the stored fine decides
        assertThatThrownBy(() -> taskService.complete(task("issueOnTheSpotDecision", instance).getId(), Map.of(
                "decisionHandedOver", true, "partySignature", "signed", "paymentMethod", "cash",
                "receiptNumber", "甘财罚0009", "finalFine", 50, "warningOnly", true))).hasMessageContaining("第六十八条");

        SummaryDecision after = stored(instance);
        assertThat(after.getFine()).isEqualByComparingTo("200");
        assertThat(after.getDecisionNumber()).isEqualTo(number);
        assertThat(after.getDecidedOn()).isNull();
        assertThat(after.getPaymentMethod()).isNull();
        assertThat(instance).isWaitingAt("issueOnTheSpotDecision");
    }

    @Test
    @DisplayName("9号令 Art. 61 ⑧: at 决定书报所属部门备案 a submitted decidedOn is refused as undeclared, and a copy filed before the stored decision date is refused naming copyFiledOn; the decision date stays today")
    void copyFilingCannotMoveTheDecisionDate() {
        ProcessInstance instance = decided("篡改简易丙", 200, "bank");
        assertThat(stored(instance).getDecidedOn()).isEqualTo(TODAY);
        assertThat(stored(instance).getCopyFilingDue()).isNotNull();

        String yesterday = TODAY.minusDays(1).toString();
        assertRefused(submit(instance, "fileDecisionCopy", Map.of("copyFiledOn", yesterday,
                "decidedOn", TODAY.minusDays(10).toString())), "decidedOn");
        assertRefused(submit(instance, "fileDecisionCopy", Map.of("copyFiledOn", yesterday)), "copyFiledOn");
        assertThatThrownBy(() -> taskService.complete(task("fileDecisionCopy", instance).getId(), Map.of(
                "copyFiledOn", yesterday, "decidedOn", TODAY.minusDays(10).toString()))).hasMessageContaining("copyFiledOn");

        SummaryDecision after = stored(instance);
        assertThat(after.getDecidedOn()).isEqualTo(TODAY);
        assertThat(after.getCopyFiledOn()).isNull();
        assertThat(instance).isWaitingAt("fileDecisionCopy");

        complete(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString()));
        assertThat(stored(instance).getCopyFiledOn()).isEqualTo(TODAY);
    }

    @Test
    @DisplayName("行政处罚法 Arts. 67, 72: at 银行缴纳罚款 a submitted finalFine or paymentDue is refused as undeclared; paid late, the surcharge on the stored fine and due date is owed whatever the engine API sends")
    void bankPaymentCannotMoveTheFineOrTheDueDate() {
        ProcessInstance instance = decided("篡改简易丁", 200, "bank");
        complete(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString()));
        assertThat(stored(instance).getPaymentDue()).isEqualTo(TODAY.plusDays(15));
        // decided 20 days ago, due 5 days ago: paid today is paid late (a payment day ahead is refused as not yet come)
        jdbc.update("update summary_decision set decided_on = ?, payment_due = ? where lead_number = ?",
                java.sql.Date.valueOf(TODAY.minusDays(20)), java.sql.Date.valueOf(TODAY.minusDays(5)),
                stored(instance).getLeadNumber());
        LocalDate due = stored(instance).getPaymentDue();
        String late = TODAY.toString();

        assertRefused(submit(instance, "recordBankPayment", Map.of("paidOn", late, "amountPaid", 1,
                "finalFine", 1)), "finalFine");
        assertRefused(submit(instance, "recordBankPayment", Map.of("paidOn", late, "amountPaid", 200,
                "paymentDue", WorkingDayDeadlines.endOfDay(due.plusDays(30)))), "paymentDue");
        assertRefused(submit(instance, "recordBankPayment", Map.of("paidOn", late, "amountPaid", 200)), "amountPaid");
        assertThatThrownBy(() -> taskService.complete(task("recordBankPayment", instance).getId(), Map.of(
                "paidOn", late, "amountPaid", 200, "finalFine", 1, "paymentDue",
                WorkingDayDeadlines.endOfDay(due.plusDays(30))))).hasMessageContaining("第七十二条");

        SummaryDecision after = stored(instance);
        assertThat(after.getFine()).isEqualByComparingTo("200");
        assertThat(after.getPaymentDue()).isEqualTo(due);
        assertThat(after.getPaidOn()).isNull();
        assertThat(after.getAmountPaid()).isNull();
        assertThat(instance).isWaitingAt("recordBankPayment");

        // five days late: 3 % a day on the stored 200 yuan (Art. 72)
        complete(instance, "recordBankPayment", Map.of("paidOn", TODAY.toString(), "amountPaid", 230));
        assertThat(stored(instance).getAmountPaid()).isEqualByComparingTo("230");
        assertThat(instance).isEnded();
    }

    @Test
    @DisplayName("行政处罚法 Art. 71: at 当场收缴罚款交回 a submitted decidedOn is refused as undeclared; a hand-over before the stored collection date is refused naming cashHandedOverOn")
    void cashHandOverReadsTheStoredCollectionDate() {
        ProcessInstance instance = informed("篡改简易戊", "LZ-PS", 100);
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "cash", "receiptNumber", "甘财罚0010"));
        assertThat(stored(instance).getPaymentMethod()).isEqualTo("cash");
        assertThat(stored(instance).getReceiptNumber()).isEqualTo("甘财罚0010");
        complete(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString()));

        String yesterday = TODAY.minusDays(1).toString();
        assertRefused(submit(instance, "handOverCash", Map.of("cashHandedOverOn", yesterday,
                "decidedOn", yesterday)), "decidedOn");
        assertRefused(submit(instance, "handOverCash", Map.of("cashHandedOverOn", yesterday)), "cashHandedOverOn");
        assertThat(stored(instance).getCashHandedOverOn()).isNull();
        assertThat(instance).isWaitingAt("handOverCash");

        complete(instance, "handOverCash", Map.of("cashHandedOverOn", TODAY.toString()));
        assertThat(stored(instance).getCashHandedOverOn()).isEqualTo(TODAY);
        assertThat(instance).isEnded();
    }
}
