package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.document.CaseArchives;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Which documents a file must hold follows from how the case ended (行政处罚法 Art. 57; 一案一卷, Art. 47). A case
 * whose outcome (proposedOutcome) is missing or unknown was taken for a 不予处罚 one: its file was judged against the
 * wrong list, and a case whose outcome was lost could be closed as if no penalty had been decided. Now the unknown
 * ending is said so, and closure is refused until it is known.
 */
@DisplayName("行政处罚法 Arts. 47, 57 — a case with no known outcome is not judged as a 不予处罚 one")
class UnknownEndingTest extends CaseProcedureTestSupport {

    @Autowired
    CaseArchives archives;

    /** 违法事实不能成立 (Art. 57 ¶1 (3)): decided, the decision served, waiting in 结案报告. */
    private ProcessInstance notEstablishedAndServed(String party) {
        ProcessInstance instance = filedCase(party);
        investigate(instance, "investigate");
        complete(instance, "investigationReport", Map.of("facts", "举报车辆经查为自用", "legalBasis", "无",
                "proposedOutcome", "notEstablished", "partyType", "citizen"));
        complete(instance, "decideNoPenalty", Map.of("headDecision", "approve"));
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", party, "receiptSignature", "signed"));
        assertThat(instance).isWaitingAt("closeCase");
        return instance;
    }

    @Test
    @DisplayName("Art. 47: 结案报告 of a case whose outcome variable was lost is refused naming closureReport and saying the outcome is not recorded (it passed as a complete 不予处罚 file); with the outcome back it closes")
    void art47_closureRefusedWithoutAKnownOutcome() {
        ProcessInstance instance = notEstablishedAndServed("结果不明当事人甲");
        Map<String, Object> report = Map.of("closureReport", "违法事实不能成立，不予行政处罚决定书已送达");

        runtimeService.removeVariable(instance.getId(), "proposedOutcome");
        ResponseEntity<String> refused = submit("xfhandler1", instance, "closeCase", report);
        assertRefused(refused, "closureReport");
        assertThat(refused.getBody()).contains("未记录拟处理意见");
        assertThat(instance).isWaitingAt("closeCase");

        runtimeService.setVariable(instance.getId(), "proposedOutcome", "notEstablished");
        ResponseEntity<String> closed = submit("xfhandler1", instance, "closeCase", report);
        assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).isWaitingAt("approveClosure");
    }

    @Test
    @DisplayName("Art. 57: what a file lacks is judged only for a known outcome — none or an unknown value lists the unknown outcome, not the 不予处罚 documents; 不予处罚 and 违法事实不能成立 both ask for the 不予行政处罚决定书")
    void art57_missingDocumentsNeedAKnownOutcome() {
        String caseNumber = caseNumberOf(filedCase("结果不明当事人乙"));

        assertThat(archives.missing(caseNumber, Map.of(), true)).singleElement().asString()
                .contains("未记录拟处理意见").doesNotContain("不予行政处罚决定书");
        assertThat(archives.missing(caseNumber, Map.of("proposedOutcome", "warning"), true)).singleElement()
                .asString().contains("未记录拟处理意见");
        assertThat(archives.missing(caseNumber, Map.of("proposedOutcome", "noPenalty"), true))
                .anySatisfy(name -> assertThat(name).contains("不予行政处罚决定书"));
        assertThat(archives.missing(caseNumber, Map.of("proposedOutcome", "notEstablished"), true))
                .anySatisfy(name -> assertThat(name).contains("不予行政处罚决定书"));
    }
}
