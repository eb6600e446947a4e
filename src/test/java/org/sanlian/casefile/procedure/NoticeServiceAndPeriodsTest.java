package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.ServiceRecord;
import org.sanlian.document.ServiceRecords;
import org.sanlian.penalty.PenaltyFacts;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.support.Notices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

@DisplayName("违法行为通知书: its 送达回证 and the periods it opens before a decision — 行政处罚法 Arts. 44, 45, 62, 63, 64(1), 85; domain.md §2.7, §2.8, §2.11, §2.17")
class NoticeServiceAndPeriodsTest extends CaseProcedureTestSupport {

    static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired
    ServiceRecords services;

    @Autowired
    EvidenceService evidence;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineSettings deadlines;

    private LocalDate statementEnds(LocalDate servedOn) {
        return calendar.addWorkingDays(servedOn, deadlines.statementWorkingDays()).date();
    }

    private LocalDate hearingRequestEnds(LocalDate servedOn) {
        return calendar.addWorkingDays(servedOn, deadlines.hearingRequestWorkingDays()).date();
    }

    private long signedWaiver(String caseNumber) {
        return evidence.add(caseNumber, "DOCUMENTARY", "当事人放弃陈述、申辩和听证权利的书面声明", "waiver.pdf",
                "application/pdf", "本人自愿放弃陈述、申辩和听证权利".getBytes(StandardCharsets.UTF_8), "xfhandler1").getId();
    }

    @Test
    @DisplayName("行政处罚法 Art. 44, 民事诉讼法 Arts. 87–89, 9号令 template 23: a notice without service method and recipient is refused naming them, a refused signature in person is refused; served in person it has its 送达回证 with method, date and recipient, and the statement period runs from that date")
    void art44_noticeWithoutItsServiceRecord_isRefused_servedWithIt_isAllowed() {
        ProcessInstance instance = proposed("通知书送达当事人", 2000);
        String caseNumber = caseNumberOf(instance);

        ResponseEntity<String> unserved = submit("xfhandler1", instance, "issueNotice",
                Map.of("noticeServedOn", TODAY.toString()));
        assertRefused(unserved, "serviceMethod");
        assertRefused(unserved, "recipient");
        Map<String, Object> refusedInPerson = new HashMap<>(Notices.served(TODAY));
        refusedInPerson.put("receiptSignature", "refused");
        assertRefused(submit("xfhandler1", instance, "issueNotice", refusedInPerson), "receiptSignature");
        assertThat(instance).isWaitingAt("issueNotice");
        assertThat(services.of(caseNumber)).isEmpty();
        assertThat(penalties.penalty(caseNumber).orElseThrow().getNoticeServedOn()).isNull();

        Map<String, Object> served = new HashMap<>(Notices.served(TODAY));
        served.put("recipient", "张某（本人）");
        complete(instance, "issueNotice", served);

        List<ServiceRecord> records = services.of(caseNumber);
        assertThat(records).hasSize(1);
        ServiceRecord notice = records.get(0);
        assertThat(notice.getDocumentKind()).isEqualTo(DocumentKind.PRE_PENALTY_NOTICE);
        assertThat(notice.getMethod()).isEqualTo(ServiceRecord.Method.direct);
        assertThat(notice.getServedOn()).isEqualTo(TODAY);
        assertThat(notice.getRecipient()).isEqualTo("张某（本人）");
        assertThat(notice.getReceiptDocumentId()).as("the 送达回证 is made").isNotNull();
        assertThat(penalties.penalty(caseNumber).orElseThrow().getNoticeServedOn()).isEqualTo(TODAY);
        assertThat(task("statementAndRecheck", instance).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(statementEnds(TODAY)));
    }

    @Test
    @DisplayName("民事诉讼法 Art. 95: a notice is served by public notice only with its ground (party not found, or no other way worked) and the circumstances on file — else 400 naming both; it counts as served 30 days later; its statement period (domain.md §2.17) runs from that day, not from the publication")
    void cpl95_noticeByPublicNotice_periodsRunFromTheDayItCountsAsServed() {
        ProcessInstance instance = proposed("公告送达通知书当事人", 2000);
        String caseNumber = caseNumberOf(instance);
        // Art. 95: only a party who cannot be found, or whom no other way reached — and the file says why and what was tried
        ResponseEntity<String> groundless = submit("xfhandler1", instance, "issueNotice", Map.of("noticeServedOn",
                TODAY.toString(), "serviceMethod", "publicNotice", "recipient", "下落不明的当事人"));
        assertRefused(groundless, "publicNoticeGround");
        assertRefused(groundless, "publicNoticeCircumstances");
        assertThat(services.of(caseNumber)).isEmpty();
        complete(instance, "issueNotice", Map.of("noticeServedOn", TODAY.toString(), "serviceMethod", "publicNotice",
                "recipient", "下落不明的当事人", "publicNoticeGround", "whereaboutsUnknown",
                "publicNoticeCircumstances", "登记住所无人居住，村委会称已外出务工；电话停机；邮寄送达被退回"));

        LocalDate countsAsServed = TODAY.plus(deadlines.publicNotice());
        assertThat(services.of(caseNumber)).singleElement().satisfies(record -> {
            assertThat(record.getEffectiveOn()).isEqualTo(countsAsServed);
            assertThat(record.getPublicNoticeGround()).isEqualTo(ServiceRecord.PublicNoticeGround.whereaboutsUnknown);
            assertThat(record.getPublicNoticeCircumstances()).startsWith("登记住所无人居住");
        });
        assertThat(penalties.penalty(caseNumber).orElseThrow().getNoticeServedOn()).isEqualTo(countsAsServed);
        assertThat(task("statementAndRecheck", instance).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(statementEnds(countsAsServed)));
    }

    @Test
    @DisplayName("行政处罚法 Art. 62 (domain.md §2.7): 陈述申辩与复核 as 'no statement' before the statement period ends is refused naming statementMade and the day it ends; once the party has stated its case, or after the period, it is allowed")
    void art62_noStatementBeforeTheStatementPeriodEnds_isRefused() {
        ProcessInstance early = proposed("陈述期未满当事人", 2000);
        complete(early, "issueNotice", Notices.served(TODAY));
        ResponseEntity<String> refused = submit("xfhandler1", early, "statementAndRecheck",
                Map.of("recheckConclusion", "当事人未提出陈述、申辩", "finalFine", 2000));
        assertRefused(refused, "statementMade");
        assertThat(refused.getBody()).contains("陈述申辩期限至" + statementEnds(TODAY).format(CHINESE) + "届满");
        assertThat(penalties.penalty(caseNumberOf(early)).orElseThrow().getRecheckedOn()).isNull();
        assertThat(early).isWaitingAt("statementAndRecheck");

        // the party stated its case: the re-check is made at once
        complete(early, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人称系初次违法",
                "recheckConclusion", "申辩理由不成立", "finalFine", 2000));
        assertThat(early).isWaitingAt("decidePenalty");

        // the period has ended (notice served 20 days ago): "no statement" is recorded
        ProcessInstance late = proposed("陈述期已满当事人", 2000);
        filedDaysAgo(late, 30);
        complete(late, "issueNotice", Notices.served(TODAY.minusDays(20)));
        complete(late, "statementAndRecheck", Map.of("recheckConclusion", "当事人逾期未提出陈述、申辩", "finalFine", 2000));
        assertThat(late).isWaitingAt("decidePenalty");
        assertThat(penalties.penalty(caseNumberOf(late)).orElseThrow().isStatementMade()).isFalse();
    }

    @Test
    @DisplayName("行政处罚法 Arts. 62, 64(1), 85: within the 5 working days to ask for a hearing, the re-check recorded as \"no hearing asked for\" is refused naming hearingRequested and the day the period ends, and the head's decision (the token moved on in Cockpit) naming headDecision; the form says how many working days are left; after the period the decision is made")
    void art64_decisionBeforeTheHearingRequestPeriodEnds_isRefused() {
        // a citizen's 8,000-yuan fine carries the right to a hearing (table hearingRight); the party stated its case
        ProcessInstance early = proposed("听证期未满当事人", 8000);
        String caseNumber = caseNumberOf(early);
        complete(early, "issueNotice", Notices.served(TODAY));
        LocalDate hearingEnds = hearingRequestEnds(TODAY);
        // the party stated its case but may still ask for a hearing until hearingEnds (Art. 64(1)): the re-check is
        // not recorded as "no hearing asked for" before then, or a request made on a later day could not be taken
        ResponseEntity<String> premature = submit("xfhandler1", early, "statementAndRecheck", Map.of("statementMade",
                true, "statementSummary", "当事人称不知情", "recheckConclusion", "申辩理由不成立", "finalFine", 8000));
        assertRefused(premature, "hearingRequested");
        assertThat(premature.getBody()).contains("要求听证的期限至" + hearingEnds.format(CHINESE) + "届满", "第六十四条第一项");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getRecheckedOn()).isNull();
        assertThat(early).isWaitingAt("statementAndRecheck");
        // the token moved on all the same (as an administrator can in Cockpit): the decision still waits for the periods
        runtimeService.createProcessInstanceModification(early.getId()).cancelAllForActivity("statementAndRecheck")
                .startBeforeActivity("decidePenalty").execute();
        assertThat(early).isWaitingAt("decidePenalty");

        String shown = (String) formService.getTaskFormVariables(task("decidePenalty", early).getId()).get("noticePeriodsShown");
        int left = calendar.workingDaysBetween(TODAY, hearingEnds).workingDays();
        assertThat(shown).contains("听证申请期限至" + hearingEnds.format(CHINESE) + (left == 0 ? "，今日届满" : "，尚余" + left + "个工作日"))
                .contains("陈述申辩期限至" + statementEnds(TODAY).format(CHINESE)).contains("期限届满前不能作出决定");

        ResponseEntity<String> refused = submit("xfhead", early, "decidePenalty", Map.of("headDecision", "approve"));
        assertRefused(refused, "headDecision");
        // the re-check the periods hold back is not recorded: the decision has nothing to rest on (Arts. 44, 45)
        assertThat(refused.getBody()).contains("尚未告知当事人并复核陈述、申辩", "第四十五条");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(early).isWaitingAt("decidePenalty");
        // sending the case back is not a decision: it is never held up by the periods
        assertThat(submit("xfhead", early, "decidePenalty", Map.of("headDecision", "sendBack", "headComment", "补充证据"))
                .getStatusCode().is2xxSuccessful()).isTrue();

        ProcessInstance late = filedCase("听证期已满当事人");
        investigate(late, "investigate");
        report(late, "investigationReport", 8000);
        filedDaysAgo(late, 30);
        complete(late, "issueNotice", Notices.served(TODAY.minusDays(20)));
        complete(late, "statementAndRecheck", Map.of("recheckConclusion", "当事人未要求听证", "finalFine", 8000));
        String lateShown = (String) formService.getTaskFormVariables(task("decidePenalty", late).getId()).get("noticePeriodsShown");
        assertThat(lateShown).contains("已届满", "可以作出决定");
        complete(late, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(penalties.penalty(caseNumberOf(late)).orElseThrow().getDecisionKind()).isEqualTo("penalty");
    }

    @Test
    @DisplayName("民事诉讼法 Art. 95, 行政处罚法 Art. 64(1): a notice published today counts as served in 30 days, but a party who reads it may ask for a hearing today — taken; a request dated before the publication is refused naming hearingRequestedOn")
    void cpl95_hearingRequestedBeforeTheNoticeCountsAsServed() {
        ProcessInstance instance = proposed("公告后即要求听证当事人", 8000);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "issueNotice", Map.of("noticeServedOn", TODAY.toString(), "serviceMethod", "publicNotice",
                "recipient", "公告后即要求听证当事人", "publicNoticeGround", "whereaboutsUnknown",
                "publicNoticeCircumstances", "登记住所无人，电话无法接通"));
        assertThat(penalties.penalty(caseNumber).orElseThrow().getNoticeServedOn())
                .isEqualTo(TODAY.plus(deadlines.publicNotice()));

        Map<String, Object> request = new HashMap<>(Map.of("recheckConclusion", "当事人见公告后要求听证", "finalFine", 8000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(1).toString()));
        assertRefused(submit("xfhandler1", instance, "statementAndRecheck", request), "hearingRequestedOn");
        request.put("hearingRequestedOn", TODAY.toString());
        complete(instance, "statementAndRecheck", request);
        assertThat(instance).isWaitingAt("scheduleHearing");
    }

    @Test
    @DisplayName("行政处罚法 Art. 62: a written waiver needs the evidence holding it — none, or another case's, is refused naming waiverEvidence, a waiver next to a hearing request names rightsWaived; recorded with its date and evidence, the head decides at once")
    void art62_writtenWaiver_allowsTheDecisionAtOnce() {
        ProcessInstance instance = proposed("书面放弃当事人", 8000);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "issueNotice", Notices.served(TODAY));
        ProcessInstance other = filedCase("另案当事人");
        long othersEvidence = signedWaiver(caseNumberOf(other));

        Map<String, Object> waiver = new HashMap<>(Map.of("rightsWaived", true, "rightsWaivedOn", TODAY.toString(),
                "recheckConclusion", "当事人书面放弃陈述、申辩和听证", "finalFine", 8000));
        assertRefused(submit("xfhandler1", instance, "statementAndRecheck", waiver), "waiverEvidence");
        waiver.put("waiverEvidence", othersEvidence);
        assertRefused(submit("xfhandler1", instance, "statementAndRecheck", waiver), "waiverEvidence");
        long signed = signedWaiver(caseNumber);
        waiver.put("waiverEvidence", signed);
        Map<String, Object> withHearing = new HashMap<>(waiver);
        withHearing.putAll(Map.of("hearingRequested", true, "hearingRequestedOn", TODAY.toString()));
        assertRefused(submit("xfhandler1", instance, "statementAndRecheck", withHearing), "rightsWaived");
        assertThat(penalties.penalty(caseNumber).orElseThrow().isRightsWaived()).isFalse();

        complete(instance, "statementAndRecheck", waiver);
        PenaltyFacts stored = penalties.penalty(caseNumber).orElseThrow();
        assertThat(stored.isRightsWaived()).isTrue();
        assertThat(stored.getRightsWaivedOn()).isEqualTo(TODAY);
        assertThat(stored.getWaiverEvidenceId()).isEqualTo(signed);
        assertThat((String) formService.getTaskFormVariables(task("decidePenalty", instance).getId()).get("noticePeriodsShown"))
                .contains("书面放弃陈述、申辩和听证权利", "可以作出决定");

        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isEqualTo("penalty");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.DECIDED);
    }

    @Test
    @DisplayName("行政处罚法 Arts. 45, 63: the party's statement heard and re-checked, and no right to a hearing (table hearingRight) — the head decides on the day of the notice")
    void art45_statementHeardWithoutHearingRight_allowsTheDecisionAtOnce() {
        ProcessInstance instance = proposed("已陈述无听证权当事人", 2000);
        complete(instance, "issueNotice", Notices.served(TODAY));
        assertThat(runtimeService.getVariable(instance.getId(), "hearingRight")).isEqualTo(false);
        complete(instance, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人承认违法事实",
                "recheckConclusion", "事实清楚", "finalFine", 2000));
        assertThat((String) formService.getTaskFormVariables(task("decidePenalty", instance).getId()).get("noticePeriodsShown"))
                .contains("不属于听证范围", "可以作出决定").doesNotContain("听证申请期限");
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(instance).isWaitingAt("serveDecision");
    }
}
