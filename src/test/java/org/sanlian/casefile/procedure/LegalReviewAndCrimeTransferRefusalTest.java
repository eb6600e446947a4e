package org.sanlian.casefile.procedure;

import org.sanlian.penalty.CrimeTransferDecision;
import org.sanlian.penalty.DecisionRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 行政处罚法 Art. 58 (未经法制审核或者审核未通过的，不得作出决定) after a hearing, and 《行政执法机关移送涉嫌犯罪案件的规定》
 * Art. 5 (批准或者不批准移送): each outcome recorded in the domain, refused and allowed, through the process and
 * through /engine-rest.
 */
@DisplayName("issue 12 — post-hearing legal review can fail (Art. 58); the head can refuse a crime transfer (移送规定 Art. 5)")
class LegalReviewAndCrimeTransferRefusalTest extends CaseProcedureTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    LegalReviews legalReviews;

    @Autowired
    DecisionRules decisionRules;

    /** An 8,000-yuan fine for a citizen (hearing right), a hearing the party attended: waits in 听证后法制审核. */
    private ProcessInstance heard(String party) {
        ProcessInstance instance = filedCase(party);
        filedDaysAgo(instance, 40);
        investigate(instance, "investigate");
        report(instance, "investigationReport", 8000);
        complete(instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(30)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人要求听证", "finalFine", 8000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(28).toString()));
        LocalDate hearingDay = calendar.addWorkingDays(TODAY.minusDays(27), 7).date();
        complete(instance, "scheduleHearing", Map.of("hearingNoticeServedOn", TODAY.minusDays(27).toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed",
                "hearingDate", hearingDay.toString(), "hearingTime", "09:30", "hearingPlace", "西峰大队听证室", "hearingPresider", "xfhead"));
        complete(instance, "holdHearing", Map.of("hearingHeldOn", hearingDay.toString(), "partyAttended", true,
                "hearingRecord", "当事人到场陈述，质证"));
        assertThat(instance).isWaitingAt("legalReviewAfterHearing");
        return instance;
    }

    @Test
    @DisplayName("行政处罚法 Art. 58: a post-hearing review that fails without naming the stage to return to is refused (400 naming hearingReviewReturnTo); a review without an opinion likewise")
    void art58_failedReviewWithoutReturnStage_isRefused() {
        ProcessInstance instance = heard("听证审核当事人甲");
        assertRefused(submit("cityreviewer", instance, "legalReviewAfterHearing",
                Map.of("hearingReviewOutcome", "fail", "hearingReviewOpinion", "证据不足以证明违法所得")),
                "hearingReviewReturnTo");
        assertRefused(submit("cityreviewer", instance, "legalReviewAfterHearing",
                Map.of("hearingReviewOutcome", "pass")), "hearingReviewOpinion");
        assertRefused(submit("cityreviewer", instance, "legalReviewAfterHearing",
                Map.of("hearingReviewOutcome", "maybe", "hearingReviewOpinion", "意见")), "hearingReviewOutcome");
        assertThat(instance).isWaitingAt("legalReviewAfterHearing");
        assertThat(legalReviews.latest(caseNumberOf(instance)).orElseThrow().getOutcome()).isNull();
    }

    @Test
    @DisplayName("行政处罚法 Art. 58: a failed post-hearing review is recorded with the opinion, no decision can be made on it, and the case returns to the stage the reviewer names (案件调查报告); after a passed review the head decides")
    void art58_failedReview_preventsTheDecisionAndReturnsToTheReport() {
        ProcessInstance instance = heard("听证审核当事人乙");
        String caseNumber = caseNumberOf(instance);
        assertThat(legalReviews.latest(caseNumber).orElseThrow())
                .extracting(LegalReview::getKind, LegalReview::isRequired)
                .containsExactly(LegalReview.Kind.AFTER_HEARING, true);

        ResponseEntity<String> failed = submit("cityreviewer", instance, "legalReviewAfterHearing",
                Map.of("hearingReviewOutcome", "fail", "hearingReviewReturnTo", "investigationReport",
                        "hearingReviewOpinion", "罚款依据适用错误，应重新提出拟处理意见"));
        assertThat(failed.getStatusCode().is2xxSuccessful()).as(failed.getBody()).isTrue();
        assertThat(instance).hasPassed("hearingReviewConcluded", "hearingReviewReturned", "sentBack", "resumeAt",
                "reportJoin").isWaitingAt("investigationReport");
        assertThat(runtimeService.getVariable(instance.getId(), "returnStage")).isNull();
        LegalReview review = legalReviews.latest(caseNumber).orElseThrow();
        assertThat(review.getOutcome()).isEqualTo(LegalReview.Outcome.FAILED);
        assertThat(review.getOpinion()).isEqualTo("罚款依据适用错误，应重新提出拟处理意见");
        assertThat(review.getReturnStage()).isEqualTo("investigationReport");
        assertThat(review.getReviewedBy()).isEqualTo("cityreviewer");

        // refused: the domain does not decide on a failed review, whoever asks
        assertThatThrownBy(() -> decisionRules.decidePenalty(caseNumber, new DecisionRules.PenaltyDecision(
                new InvestigationRules.ApproveOrSendBack("approve", null), null), "xfhead"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("headDecision")
                .hasMessageContaining("第五十八条");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();

        // allowed: a new report, a review that passes (the hearing makes it required), the decision
        report(instance, "investigationReport", 6000);
        assertThat(runtimeService.getVariable(instance.getId(), "legalReviewRequired")).isEqualTo(true);
        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        assertThat(legalReviews.latest(caseNumber).orElseThrow().getOutcome()).isEqualTo(LegalReview.Outcome.PASSED);
        // served 20 days ago: the statement and hearing-request periods have ended (Arts. 62, 64)
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", 6000,
                "hearingRequested", false));
        if (task("collectiveDiscussion", instance) != null) {
            complete(instance, "collectiveDiscussion", Map.of("discussionParticipants", "张建国、王队长",
                    "discussionConclusion", "同意罚款 6000 元"));
        }
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isEqualTo("penalty");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.DECIDED);
    }

    @Test
    @DisplayName("行政处罚法 Art. 58: a post-hearing review that sends the case back is recorded and the case returns to 调查取证")
    void art58_reviewSendsBack_caseReturnsToInvestigation() {
        ProcessInstance instance = heard("听证审核当事人丙");
        complete(instance, "legalReviewAfterHearing", Map.of("hearingReviewOutcome", "sendBack",
                "hearingReviewOpinion", "需补充调取营运记录"));
        assertThat(instance).hasPassed("hearingReviewReturned").isWaitingAt("investigate");
        LegalReview review = legalReviews.latest(caseNumberOf(instance)).orElseThrow();
        assertThat(review.getOutcome()).isEqualTo(LegalReview.Outcome.SENT_BACK);
        assertThat(review.getReturnStage()).isEqualTo("investigate");
    }

    @Test
    @DisplayName("行政处罚法 Art. 58: a passed post-hearing review is recorded and the case goes on to the decision")
    void art58_reviewPasses_caseGoesOnToTheDecision() {
        ProcessInstance instance = heard("听证审核当事人丁");
        complete(instance, "legalReviewAfterHearing", Map.of("hearingReviewOutcome", "pass",
                "hearingReviewOpinion", "事实清楚，程序合法"));
        assertThat(instance).hasPassed("hearingReviewConcluded", "hearingConcluded").hasNotPassed("hearingReviewReturned");
        LegalReview review = legalReviews.latest(caseNumberOf(instance)).orElseThrow();
        assertThat(review.getOutcome()).isEqualTo(LegalReview.Outcome.PASSED);
        assertThat(review.getOpinion()).isEqualTo("事实清楚，程序合法");
    }

    /** A case whose report proposes a crime transfer: waits in 涉嫌犯罪移送审批. */
    private ProcessInstance proposedTransfer(String party) {
        ProcessInstance instance = filedCase(party);
        investigate(instance, "investigate");
        Map<String, Object> report = new HashMap<>(Map.of("facts", "当事人非法运输危险化学品", "legalBasis",
                "《危险化学品安全管理条例》", "proposedOutcome", "crimeTransfer", "partyType", "citizen", "violationCode", "LZ-CX"));
        complete(instance, "investigationReport", report);
        assertThat(instance).isWaitingAt("decideCrimeTransfer");
        return instance;
    }

    @Test
    @DisplayName("移送规定 Art. 5: refusing a crime transfer without reasons is refused (400 naming crimeTransferRefusalReason), approving without the police organ likewise (receivingOrgan), a police organ without a decision — a field the form hides then — too; nothing is recorded")
    void art5_refusalWithoutReasons_isRefused() {
        ProcessInstance instance = proposedTransfer("移送审批当事人甲");
        assertRefused(submit("xfhead", instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "refuse")),
                "crimeTransferRefusalReason");
        assertRefused(submit("xfhead", instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve")),
                "receivingOrgan");
        // no decision chosen: the form shows no police organ, so one sent anyway is refused; with nothing, the decision is required
        assertRefused(submit("xfhead", instance, "decideCrimeTransfer", Map.of("receivingOrgan", "庆阳市公安局西峰分局")),
                "receivingOrgan");
        assertRefused(submit("xfhead", instance, "decideCrimeTransfer", Map.of()), "crimeTransferDecision");
        assertThat(decisionRules.crimeTransferDecision(caseNumberOf(instance))).isEmpty();
        assertThat(instance).isWaitingAt("decideCrimeTransfer");
    }

    @Test
    @DisplayName("移送规定 Art. 5: the head refuses the transfer with reasons — recorded in the domain — and the case goes on in the administrative procedure from 案件调查报告 to a penalty decision (行政处罚法 Art. 57)")
    void art5_refusedTransfer_caseContinuesAdministratively() {
        ProcessInstance instance = proposedTransfer("移送审批当事人乙");
        String caseNumber = caseNumberOf(instance);
        ResponseEntity<String> refused = submit("xfhead", instance, "decideCrimeTransfer",
                Map.of("crimeTransferDecision", "refuse", "crimeTransferRefusalReason", "涉案数量未达到刑事立案追诉标准"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isTrue();
        assertThat(instance).hasPassed("crimeTransferDecided", "crimeTransferNotApproved", "resumeAt", "reportJoin")
                .hasNotPassed("sendCrimeTransfer").isWaitingAt("investigationReport");
        CrimeTransferDecision decision = decisionRules.crimeTransferDecision(caseNumber).orElseThrow();
        assertThat(decision.isApproved()).isFalse();
        assertThat(decision.getRefusalReason()).isEqualTo("涉案数量未达到刑事立案追诉标准");
        assertThat(decision.getDecidedBy()).isEqualTo("xfhead");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getCrimeTransferApprovedAt()).isNull();
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(caseFiles.history(caseNumber)).extracting(CaseEvent::getNote)
                .anySatisfy(note -> assertThat(note).startsWith("不批准移送：涉案数量未达到刑事立案追诉标准"));
        // no 涉嫌犯罪案件移送书 for a transfer the head did not approve
        assertThat(jdbc.queryForObject("select count(*) from document_render_job where case_number = ? and kind = ?",
                Integer.class, caseNumber, "CRIME_TRANSFER_LETTER")).isZero();

        report(instance, "investigationReport", 2000);
        // served 20 days ago: the statement and hearing-request periods have ended (Arts. 62, 64)
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", 2000));
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.DECIDED);
        // a later send-back starts again at 调查取证: the named stage was used once
        assertThat(runtimeService.getVariable(instance.getId(), "returnStage")).isNull();
    }

    @Test
    @DisplayName("移送规定 Art. 5: an approved transfer is recorded with the police organ and goes to 移送公安机关")
    void art5_approvedTransfer_isRecorded() {
        ProcessInstance instance = proposedTransfer("移送审批当事人丙");
        complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve",
                "receivingOrgan", "庆阳市公安局西峰分局"));
        assertThat(instance).hasPassed("crimeTransferDecided").isWaitingAt("sendCrimeTransfer");
        CrimeTransferDecision decision = decisionRules.crimeTransferDecision(caseNumberOf(instance)).orElseThrow();
        assertThat(decision.isApproved()).isTrue();
        assertThat(decision.getReceivingOrgan()).isEqualTo("庆阳市公安局西峰分局");
        assertThat(jdbc.queryForObject("select count(*) from document_render_job where case_number = ? and kind = ?",
                Integer.class, caseNumberOf(instance), "CRIME_TRANSFER_LETTER")).isEqualTo(1);
    }
}
