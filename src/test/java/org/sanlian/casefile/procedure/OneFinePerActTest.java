package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.linkage.FineRecord;
import org.sanlian.linkage.FineRegister;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 行政处罚法 Art. 29 (一事不再罚): every fine — the head's decision in the general procedure and the on-the-spot
 * decision of the summary procedure — consults the fine register before it stands and enters it. The same act is
 * the same day and the same violation by the same party, known by its ID number (身份证号) under any plate.
 */
@DisplayName("行政处罚法 Art. 29 — one fine per act, in the general and the summary procedure")
class OneFinePerActTest extends CaseProcedureTestSupport {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    FineRegister register;

    /** A valid 公民身份号码 (GB 11643) of its own for each test's party. */
    private static String residentId() {
        String base = String.format("62010219850303%03d", SERIAL.incrementAndGet());
        return "0123456789X".chars().mapToObj(c -> base + (char) c).filter(ChineseIdentifiers::isResidentId)
                .findFirst().orElseThrow();
    }

    /** A plate of its own for each lead, so that only the ID can tell the party. */
    private static String plate() {
        return String.format("甘MA%04d", SERIAL.incrementAndGet());
    }

    /** Investigated (the party's ID established), reported, notified and re-checked: waits in 处罚决定审批. */
    private ProcessInstance atDecision(ProcessInstance instance, String idNumber, String violationCode, int fine) {
        Map<String, Object> investigation = new HashMap<>(Map.of("investigator1", "xfhandler1",
                "investigator2", "xfhandler2", "investigationFindings", "询问当事人，制作询问笔录"));
        investigation.put("partyIdNumber", idNumber);
        complete(instance, "investigate", investigation);
        report(instance, "investigationReport", violationCode, fine);
        // the notice served 20 days ago: its statement and hearing-request periods have ended (Arts. 62, 64)
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", fine));
        assertThat(instance).isWaitingAt("decidePenalty");
        return instance;
    }

    private String decided(ProcessInstance instance) {
        ResponseEntity<String> approved = submit("xfhead", instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return (String) runtimeService.getVariable(instance.getId(), "decisionNumber");
    }

    /** 409 naming the field and the earlier decision, citing Art. 29. */
    private static void assertSecondFine(ResponseEntity<String> response, String field, String earlierDecision) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode body = json(response);
        assertThat(body.path("errors").findValuesAsText("field")).contains(field);
        assertThat(body.path("conflictsWith").path("decisionNumber").asText()).isEqualTo(earlierDecision);
        assertThat(body.path("detail").asText()).contains("第二十九条");
        // the body that fined first, by its name (it read "xifeng 已对当事人…")
        assertThat(body.path("detail").asText()).contains("西峰").doesNotContain("xifeng");
    }

    // --- the summary procedure (当场处罚), started as xfhandler1's start form does ---

    private Map<String, Object> onTheSpot(String party, String idNumber, LocalDate occurredOn, String violationCode,
            int fine) {
        Map<String, Object> values = new HashMap<>(Map.of("credentialsShown", true, "partyName", party,
                "partyType", "citizen", "partyIdNumber", idNumber, "place", "西峰区长庆大道", "facts", "车辆装载物撒漏",
                "evidenceSummary", "现场笔录一份，照片三张", "violationCode", violationCode, "factsCertain", true,
                "proposedFine", fine));
        values.put("secondOfficer", "xfhandler2");
        if (occurredOn != null) {
            values.put("occurredOn", occurredOn.toString());
        }
        return values;
    }

    private ResponseEntity<String> startOnTheSpot(Map<String, Object> values) {
        return post("xfhandler1", "/engine-rest/process-definition/key/summaryProcedure/submit-form", variables(values));
    }

    /** Registered and the party heard: waits in 交付当场处罚决定书. */
    private ProcessInstance onTheSpotInformed(Map<String, Object> values, int fine) {
        ResponseEntity<String> started = startOnTheSpot(values);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(json(started).path("id").asText()).singleResult();
        ResponseEntity<String> informed = submit("xfhandler1", instance, "informParty", Map.of("toldFactsAndBasis", true,
                "toldRights", true, "partyStatement", "认可违法事实", "recheckConclusion", "陈述不影响事实认定",
                "finalFine", fine));
        assertThat(informed.getStatusCode()).as(informed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).isWaitingAt("issueOnTheSpotDecision");
        return instance;
    }

    private ResponseEntity<String> handOverDecision(ProcessInstance instance) {
        return submit("xfhandler1", instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "bank"));
    }

    private FineRecord registered(String decisionNumber) {
        return register.all().stream().filter(f -> f.getDecisionNumber().equals(decisionNumber)).findFirst()
                .orElseThrow(() -> new AssertionError(decisionNumber + " is not in the fine register"));
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: a second fine for the same act (same day, same violation) of the party known by its ID number is refused at the head's approval with 409 naming the first decision, though the lead came under another plate; the case stays undecided")
    void art29_secondFineForTheSameActByIdNumber_underAnotherPlate_isRefused() {
        String id = residentId();
        String first = decided(atDecision(filedCase("重复甲", plate(), TODAY), id, "LZ-CX", 1000));
        assertThat(registered(first).getPartyId()).isEqualTo(id);
        assertThat(registered(first).getViolationCode()).isEqualTo("LZ-CX");
        assertThat(registered(first).getActDate()).isEqualTo(TODAY);

        ProcessInstance second = atDecision(filedCase("重复甲（驾驶员）", plate(), TODAY), id, "LZ-CX", 1000);
        ResponseEntity<String> refused = submit("xfhead", second, "decidePenalty", Map.of("headDecision", "approve"));

        assertSecondFine(refused, "headDecision", first);
        assertThat(json(refused).path("conflictsWith").path("matchedBy").asText()).contains(id);
        assertThat(second).isWaitingAt("decidePenalty");
        assertThat(penalties.penalty(caseNumberOf(second)).orElseThrow().getDecisionKind()).isNull();
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: another act of the same party — the day before, or another violation the same day — is fined; each enters the register")
    void art29_differentActBySameParty_isAllowed() {
        String id = residentId();
        String first = decided(atDecision(filedCase("多次乙", plate(), TODAY), id, "LZ-CX", 1000));

        String dayBefore = decided(atDecision(filedCase("多次乙", plate(), TODAY.minusDays(1)), id, "LZ-CX", 1000));
        String otherViolation = decided(atDecision(filedCase("多次乙", plate(), TODAY), id, "LZ-PS", 500));

        assertThat(registered(dayBefore).getActDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(registered(otherViolation).getViolationCode()).isEqualTo("LZ-PS");
        assertThat(java.util.List.of(first, dayBefore, otherViolation)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("行政处罚法 Art. 29 in the summary procedure: the act was fined in the general procedure; the on-the-spot fine for it (the party's ID number, same day, same violation) is refused with 409 before 当场处罚决定书 is handed over, and the task stays open; the party's act of the day before is fined on the spot")
    void art29_summaryProcedureSecondFine_isRefused() {
        String id = residentId();
        String general = decided(atDecision(filedCase("当场丙", null, TODAY), id, "LZ-PS", 500));

        ProcessInstance sameAct = onTheSpotInformed(onTheSpot("当场丙", id, TODAY, "LZ-PS", 100), 100);
        assertSecondFine(handOverDecision(sameAct), "decisionHandedOver", general);
        assertThat(sameAct).isWaitingAt("issueOnTheSpotDecision");

        ProcessInstance otherAct = onTheSpotInformed(onTheSpot("当场丙", id, TODAY.minusDays(1), "LZ-PS", 100), 100);
        ResponseEntity<String> handedOver = handOverDecision(otherAct);
        assertThat(handedOver.getStatusCode()).as(handedOver.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        String onTheSpotNumber = (String) runtimeService.getVariable(otherAct.getId(), "decisionNumber");
        assertThat(registered(onTheSpotNumber).getPartyId()).isEqualTo(id);
        assertThat(registered(onTheSpotNumber).getActDate()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: fined on the spot (当场处罚), the same act reaches the general procedure as a lead without ID or plate; once the investigation names the party's ID number, the head's fine is refused with 409 naming the on-the-spot decision")
    void art29_summaryThenGeneralForTheSameAct_isRefused() {
        String id = residentId();
        ProcessInstance onTheSpot = onTheSpotInformed(onTheSpot("先当场丁", id, TODAY, "LZ-PS", 100), 100);
        ResponseEntity<String> handedOver = handOverDecision(onTheSpot);
        assertThat(handedOver.getStatusCode()).as(handedOver.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        String onTheSpotNumber = (String) runtimeService.getVariable(onTheSpot.getId(), "decisionNumber");

        ProcessInstance general = atDecision(filedCase("先当场丁", null, TODAY), id, "LZ-PS", 500);
        ResponseEntity<String> refused = submit("xfhead", general, "decidePenalty", Map.of("headDecision", "approve"));

        assertSecondFine(refused, "headDecision", onTheSpotNumber);
        assertThat(general).isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: a fine needs the act's date — the head's fine for a lead without 违法行为发生日期 is refused with 400 naming occurredOn through /engine-rest; with the date it is decided")
    void art29_fineWithoutActDate_isRefused() {
        ProcessInstance undated = atDecision(filedCase("无日期戊", null, null), residentId(), "LZ-CX", 1000);
        ResponseEntity<String> refused = submit("xfhead", undated, "decidePenalty", Map.of("headDecision", "approve"));
        assertRefused(refused, "occurredOn");
        assertThat(json(refused).path("detail").asText() + refused.getBody()).contains("第二十九条");
        assertThat(undated).isWaitingAt("decidePenalty");

        ProcessInstance dated = atDecision(filedCase("有日期戊", null, TODAY), residentId(), "LZ-CX", 1000);
        assertThat(registered(decided(dated)).getActDate()).isEqualTo(TODAY);
    }

    @Test
    @DisplayName("行政处罚法 Art. 29 in the summary procedure's own form: 当场处罚 without the act's date, or with a date after today, is refused with 400 naming occurredOn; with today's date it is registered")
    void art29_onTheSpotWithoutActDate_isRefused() {
        assertRefused(startOnTheSpot(onTheSpot("当场己", residentId(), null, "LZ-PS", 100)), "occurredOn");
        assertRefused(startOnTheSpot(onTheSpot("当场己", residentId(), TODAY.plusDays(1), "LZ-PS", 100)), "occurredOn");
        ProcessInstance dated = onTheSpotInformed(onTheSpot("当场己", residentId(), TODAY, "LZ-PS", 100), 100);
        assertThat(dated).isWaitingAt("issueOnTheSpotDecision");
    }
}
