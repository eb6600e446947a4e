package org.sanlian.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("generalProcedure with the DMN tables discretion and noPenalty (行政处罚法 Arts. 29, 33, 34; domain.md §4, §2.13)")
class DiscretionInTheLifecycleTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseFiles procedure;

    /** A lead registered, verified and filed: the case investigated by two officers, waiting for its report. */
    private ProcessInstance investigatedCase(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        taskService.complete(task("verifyLead", lead).getId(), Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
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

    private static Map<String, Object> report(String violationCode, int fine, Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(Map.of("facts", "驾驶七座车辆载客收费", "legalBasis", "道路运输条例",
                "proposedOutcome", "penalty", "partyType", "citizen", "violationCode", violationCode, "proposedFine", fine));
        values.putAll(more);
        return values;
    }

    private ResponseEntity<String> submit(String user, ProcessInstance instance, String taskKey, Map<String, Object> values) {
        return submitRaw(user, instance, taskKey, variables(values));
    }

    private ResponseEntity<String> submitRaw(String user, ProcessInstance instance, String taskKey, Object body) {
        return post(user, "/engine-rest/task/" + task(taskKey, instance).getId() + "/submit-form", body);
    }

    private static String message(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (JsonNode error : json(response).path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + ": " + response.getBody());
    }

    private String caseNumberOf(ProcessInstance instance) {
        return (String) runtimeService.getVariable(instance.getId(), "caseNumber");
    }

    @Test
    @DisplayName("行政处罚法 Art. 34 via DMN discretion: 30,000 yuan for a citizen's first unlicensed passenger transport (illustrative tier 10,000–20,000, 道路运输条例 Art. 63(2)) is refused with the range and basis; with a written reason the head approves the deviation, recorded, and the case goes on")
    void deviationNeedsReasonAndHeadsApproval() {
        ProcessInstance instance = investigatedCase("黑车司机甲");
        ResponseEntity<String> refused = submit("xfhandler1", instance, "investigationReport", report("YZ-KY-WZ", 30000, Map.of()));
        assertThat(message(refused, "proposedFine")).contains("30000", "10000–20000", "《中华人民共和国道路运输条例》第六十三条第（二）项", "示例");
        assertThat(message(refused, "deviationReason")).contains("负责人批准");
        assertThat(instance).isWaitingAt("investigationReport");

        ResponseEntity<String> withReason = submit("xfhandler1", instance, "investigationReport", report("YZ-KY-WZ", 30000,
                Map.of("deviationReason", "当事人以营运为业，车辆改装增加座位")));
        assertThat(withReason.getStatusCode()).as(withReason.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).hasPassed("decideDiscretion", "decideNoPenaltyRule", "checkProposedPenalty")
                .isWaitingAt("approveDeviation");
        assertThat(task("approveDeviation", instance)).hasCandidateGroup("xifengHead");
        assertThat(runtimeService.getVariable(instance.getId(), "suggestedFine")).isEqualTo(10000L);
        assertThat(message(submit("xfhead", instance, "approveDeviation", Map.of("deviationDecision", "maybe")),
                "deviationDecision")).contains("同意");

        ResponseEntity<String> approved = submit("xfhead", instance, "approveDeviation", Map.of("deviationDecision", "approve"));
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).hasPassed("discretionSettled", "decideLegalReview").isWaitingAt("legalReview");
        assertThat(procedure.history(caseNumberOf(instance))).extracting(CaseEvent::getStep)
                .containsSubsequence("investigationReport", "deviationRequested", "approveDeviation");
        assertThat(procedure.history(caseNumberOf(instance))).filteredOn(e -> e.getStep().equals("approveDeviation"))
                .extracting(CaseEvent::getActor).containsExactly("xfhead");
    }

    @Test
    @DisplayName("行政处罚法 Art. 34: the head refuses a deviation (with a reason, else 400 naming deviationComment) and the case goes back to investigation")
    void headRefusesDeviation() {
        ProcessInstance instance = investigatedCase("黑车司机乙");
        taskService.complete(task("investigationReport", instance).getId(), report("YZ-KY-WZ", 10000,
                Map.of("partyType", "organisation", "deviationReason", "初次经营，规模很小")));
        assertThat(instance).isWaitingAt("approveDeviation");
        assertThat(runtimeService.getVariable(instance.getId(), "discretionRange")).asString().startsWith("20000–50000 元");
        assertThat(message(submit("xfhead", instance, "approveDeviation", Map.of("deviationDecision", "reject")),
                "deviationComment")).contains("理由");
        taskService.complete(task("approveDeviation", instance).getId(),
                Map.of("deviationDecision", "reject", "deviationComment", "单位经营，不属于规模很小"));
        assertThat(instance).hasPassed("deviationApproved").isWaitingAt("investigate");
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: one act breaking both 道路运输条例 Art. 64 (≤2,000) and Art. 63(2) (≤100,000) is fined once under the higher norm — proposing under Art. 64 is refused naming violationCode; under Art. 63(2) it goes on")
    void severalNormsFinedOnceUnderTheHigher() {
        ProcessInstance instance = investigatedCase("黑车司机丙");
        Map<String, Object> body = new LinkedHashMap<>(variables(report("YZ-JSY", 1000, Map.of())));
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = new LinkedHashMap<>((Map<String, Object>) body.get("variables"));
        vars.put("otherViolationCodes", Map.of("value", "[\"YZ-KY-WZ\"]", "type", "Json"));
        ResponseEntity<String> refused = submitRaw("xfhandler1", instance, "investigationReport", Map.of("variables", vars));
        assertThat(message(refused, "violationCode")).contains("第二十九条", "YZ-KY-WZ", "10000–100000");
        assertThat(instance).isWaitingAt("investigationReport");

        Map<String, Object> higher = new LinkedHashMap<>((Map<String, Object>) variables(report("YZ-KY-WZ", 10000, Map.of()))
                .get("variables"));
        higher.put("otherViolationCodes", Map.of("value", "[\"YZ-JSY\"]", "type", "Json"));
        ResponseEntity<String> accepted = submitRaw("xfhandler1", instance, "investigationReport", Map.of("variables", higher));
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).hasNotPassed("approveDeviation").isWaitingAt("legalReview");
        assertThat(runtimeService.getVariable(instance.getId(), "otherViolationCodesText")).isEqualTo("YZ-JSY");
    }

    @Test
    @DisplayName("行政处罚法 Art. 33 ¶1 via DMN noPenalty: a minor violation, promptly corrected, with no harm must not be punished — a proposed penalty is refused naming proposedOutcome")
    void mustNotPunish() {
        ProcessInstance instance = investigatedCase("司机丁");
        ResponseEntity<String> refused = submit("xfhandler1", instance, "investigationReport", report("YZ-JSY", 200,
                Map.of("circumstanceTier", "minor", "harm", "none", "correctedPromptly", true)));
        assertThat(message(refused, "proposedOutcome")).contains("第三十三条第一款");
        assertThat(instance).isWaitingAt("investigationReport");
    }

    @Test
    @DisplayName("domain.md §4.2 via DMN discretion: revoking a licence is not a kind 道路运输条例 Art. 64 allows — refused naming revocation; a bad circumstance tier is refused naming circumstanceTier")
    void penaltyKindOutsideTheTable() {
        ProcessInstance instance = investigatedCase("司机戊");
        assertThat(message(submit("xfhandler1", instance, "investigationReport", report("YZ-JSY", 500,
                Map.of("revocation", true))), "revocation")).contains("罚款", "《中华人民共和国道路运输条例》第六十四条");
        assertThat(message(submit("xfhandler1", instance, "investigationReport", report("YZ-JSY", 500,
                Map.of("circumstanceTier", "extreme"))), "circumstanceTier")).contains("serious");
        assertThat(instance).isWaitingAt("investigationReport");
    }
}
