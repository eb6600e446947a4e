package org.sanlian.casefile.procedure;

import static org.sanlian.support.PdfText.flat;
import static org.sanlian.support.PdfText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.document.CaseArchives;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.DocumentRenderQueue;
import org.sanlian.document.Documents;
import org.sanlian.support.Notices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The hearing path as the officers read it in Tasklist and on the documents: a 20,000-yuan case reviewed by the
 * city's legal reviewer (Art. 58), notified, heard with a record (Arts. 63, 64), then reviewed again, discussed and
 * decided on the basis of the record (Arts. 58 ¶1(2), 65, 57 ¶2).
 */
@DisplayName("the hearing path: the 听证笔录 before those who decide, each 法制审核意见书 its own (行政处罚法 Arts. 58, 64, 65)")
class HearingPathTest extends CaseProcedureTestSupport {

    static final String FIRST_REVIEW = "事实清楚，证据确凿，建议告知当事人";
    static final String SECOND_REVIEW = "听证中当事人的申辩不能成立，程序合法";
    static final LocalDate NOTICED_ON = TODAY.minusDays(27);
    static final String HEARING_RECORD = "当事人到场，称车辆系亲友自用、未收取费用；调查人员出示收费转账记录，当事人质证后未提出新的证据";

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    org.sanlian.platform.DeadlineSettings deadlines;

    @Autowired
    CaseArchives archives;

    @Autowired
    Documents documents;

    @Autowired
    DocumentRenderQueue renders;

    @Test
    @DisplayName("行政处罚法 Art. 64(2); 民事诉讼法 Arts. 87–95: 听证通知 records how the 听证通知书 was served — its service is recorded with the step's served date, method and recipient and its 送达回证 is made, as the 违法行为通知书's at its step; a public notice (30 days before it counts) is refused naming serviceMethod")
    void art64_hearingNoticeServedWithItsReceipt() throws IOException {
        ProcessInstance instance = hearingRequested("听证送达当事人", null);
        String caseNumber = caseNumberOf(instance);

        assertRefused(submit("xfhandler1", instance, "scheduleHearing", schedule("听证送达当事人", "publicNotice")),
                "serviceMethod");
        submitted(submit("xfhandler1", instance, "scheduleHearing", schedule("听证送达当事人", "direct")));

        JsonNode hearingNoticeServices = null;
        for (JsonNode service : json(get("xfhandler1", "/api/cases/" + caseNumber + "/services"))) {
            if ("HEARING_NOTICE".equals(service.path("documentKind").asText())) {
                assertThat(hearingNoticeServices).as("one service of the 听证通知书").isNull();
                hearingNoticeServices = service;
            }
        }
        assertThat(hearingNoticeServices).as("the 听证通知书's service, recorded by 听证通知").isNotNull();
        assertThat(hearingNoticeServices.path("servedOn").asText()).isEqualTo(NOTICED_ON.toString());
        assertThat(hearingNoticeServices.path("method").asText()).isEqualTo("direct");
        assertThat(hearingNoticeServices.path("recipient").asText()).isEqualTo("听证送达当事人");
        assertThat(hearingNoticeServices.path("receiptDocumentId").isNumber()).isTrue();
        assertThat(flat(text(latestPdf(caseNumber, "SERVICE_RECEIPT"))))
                .contains("送达回证", "听证通知书", "直接送达", "听证送达当事人");
    }

    @Test
    @DisplayName("行政处罚法 Art. 58: the 法制审核意见书 of the review after the hearing carries that review's own opinion and the option chosen as the form labels it (通过) — not the first review's comment, not 同意")
    void art58_secondReviewOpinion_isItsOwn() throws IOException {
        ProcessInstance instance = heardCase("听证当事人丙");
        reviewedAfterHearing(instance);

        String review = flat(text(latestPdf(caseNumberOf(instance), "LEGAL_REVIEW_OPINION")));
        assertThat(review).contains("审核意见通过。" + SECOND_REVIEW).doesNotContain(FIRST_REVIEW, "同意");
        // two documents, each the first version of its own, so the archived volume (the newest version of each) holds
        // both — found in Chromium: the second was filed as version 2 of the first, which the volume then left out
        java.util.List<JsonNode> opinions = new java.util.ArrayList<>();
        json(get("xfhandler1", "/api/cases/" + caseNumberOf(instance) + "/documents")).forEach(document -> {
            if ("LEGAL_REVIEW_OPINION".equals(document.path("kind").asText())) {
                opinions.add(document);
            }
        });
        assertThat(opinions).hasSize(2).allSatisfy(opinion -> assertThat(opinion.path("version").asInt()).isEqualTo(1));
        assertThat(opinions).extracting(opinion -> opinion.path("subject").asText()).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("行政处罚法 Art. 65: the decision is made on the basis of the 听证笔录 — 听证后法制审核 shows it with the facts and the fine, 集体讨论 and 处罚决定审批 show it too, and the 行政处罚决定书 says when and where the hearing was held and that it rests on the record")
    void art65_hearingRecordBeforeThoseWhoDecide() {
        ProcessInstance instance = heardCase("听证当事人丁");
        assertThat(formVariable("cityreviewer", instance, "legalReviewAfterHearing", "hearingRecordShown"))
                .isEqualTo(HEARING_RECORD);
        assertThat(formVariable("cityreviewer", instance, "legalReviewAfterHearing", "hearingShown"))
                .contains("西峰大队听证室", "举行听证", "张建国");
        assertThat(formVariable("cityreviewer", instance, "legalReviewAfterHearing", "approvalOutcome"))
                .contains("给予行政处罚", "20000");
        assertThat(formVariable("cityreviewer", instance, "legalReviewAfterHearing", "facts")).isNotBlank();

        reviewedAfterHearing(instance);
        assertThat(instance).isWaitingAt("collectiveDiscussion");
        assertThat(formVariable("xfhead", instance, "collectiveDiscussion", "hearingRecordShown"))
                .isEqualTo(HEARING_RECORD);
        // Art. 57 ¶2: the legal reviewer, the city's head or a handler is no 负责人 of 西峰 (found in Chromium: taken)
        ResponseEntity<String> notHeads = submit("xfhead", instance, "collectiveDiscussion", Map.of(
                "discussionParticipants", "张建国、刘婷、马骏、xfhandler1", "discussionConclusion", "同意罚款 20000 元"));
        assertRefused(notHeads, "discussionParticipants");
        assertThat(notHeads.getBody()).contains("刘婷、马骏、xfhandler1 不是本机关负责人").doesNotContain("张建国、刘婷");
        complete(instance, "collectiveDiscussion", Map.of("discussionParticipants", "张建国、王队长",
                "discussionConclusion", "同意罚款 20000 元"));
        assertThat(instance).isWaitingAt("decidePenalty");
        assertThat(formVariable("xfhead", instance, "decidePenalty", "hearingRecordShown")).isEqualTo(HEARING_RECORD);
        // the decision says when and where the hearing was held and that it rests on the record (found in Chromium:
        // only 本机关依法举行了听证)
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        String day = hearingOn().getYear() + "年" + hearingOn().getMonthValue() + "月" + hearingOn().getDayOfMonth() + "日";
        try {
            assertThat(flat(text(latestPdf(caseNumberOf(instance), "PENALTY_DECISION"))))
                    .contains("本机关于" + day + "在西峰大队听证室依法举行了听证，根据听证笔录作出本决定");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("行政处罚法 Arts. 44, 64(1): the 违法行为通知书 of a penalty that carries a hearing right tells the party the periods the engine enforces — to state and defend, and to ask for a hearing (sanlian.deadlines), in words")
    void art64_noticeStatesTheStatementAndHearingRequestPeriods() throws IOException {
        ProcessInstance instance = proposed("听证当事人戊", 20000);
        filedDaysAgo(instance, 10);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(1)));

        String notice = flat(text(latestPdf(caseNumberOf(instance), "PRE_PENALTY_NOTICE")));
        assertThat(notice).contains("陈述、申辩的，应当在收到本通知书之日起" + words(deadlines.statementWorkingDays())
                + "个工作日内提出", "要求听证的，应当在收到本通知书之日起" + words(deadlines.hearingRequestWorkingDays())
                + "个工作日内提出").contains("（印章）");
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(2): the 听证通知书 tells the party the time of the hearing, not only its day and place — 14时30分, as the notice was scheduled")
    void art64_hearingNoticeTellsTheTime() throws IOException {
        ProcessInstance instance = heardCase("听证当事人庚");
        String day = hearingOn().getYear() + "年" + hearingOn().getMonthValue() + "月" + hearingOn().getDayOfMonth() + "日";

        assertThat(flat(text(latestPdf(caseNumberOf(instance), "HEARING_NOTICE"))))
                .contains("本机关定于" + day + "14时30分在西峰大队听证室举行听证", "（印章）");
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(2), (10): the 听证通知书 and the 听证笔录 write the hearing's day as they write their own date (2026年12月18日) — no ISO date beside it")
    void art64_hearingDocumentsWriteDatesInChinese() throws IOException {
        ProcessInstance instance = heardCase("听证当事人己");
        String day = hearingOn().getYear() + "年" + hearingOn().getMonthValue() + "月" + hearingOn().getDayOfMonth() + "日";

        String notice = flat(text(latestPdf(caseNumberOf(instance), "HEARING_NOTICE")));
        assertThat(notice).contains("本机关定于" + day).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        String record = flat(text(latestPdf(caseNumberOf(instance), "HEARING_RECORD")));
        assertThat(record).contains(day + "14时30分西峰大队听证室").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 44, 64(2): a 违法行为通知书 or 听证通知书 written out on paper before its step was recorded bears the day it was given — not before the filing or the hearing request, not after its service; refused naming the field")
    void art44_art64_noticesBearTheDayTheyWereIssued() throws IOException {
        ProcessInstance instance = reported("落款日期当事人", 20000);
        String caseNumber = caseNumberOf(instance);
        submitted(submit("cityreviewer", instance, "legalReview", Map.of("reviewOpinion", "approve")));
        filedDaysAgo(instance, 40);

        Map<String, Object> notice = new HashMap<>(Notices.served(TODAY.minusDays(30)));
        notice.put("noticeIssuedOn", TODAY.minusDays(29).toString());
        assertRefused(submit("xfhandler1", instance, "issueNotice", notice), "noticeIssuedOn");
        notice.put("noticeIssuedOn", TODAY.minusDays(45).toString());
        assertRefused(submit("xfhandler1", instance, "issueNotice", notice), "noticeIssuedOn");
        assertThat(instance).isWaitingAt("issueNotice");
        notice.put("noticeIssuedOn", TODAY.minusDays(31).toString());
        complete(instance, "issueNotice", notice);
        assertThat(flat(text(latestPdf(caseNumber, "PRE_PENALTY_NOTICE"))))
                .contains("（印章）" + chinese(TODAY.minusDays(31))).doesNotContain(chinese(TODAY));
        // read and cleared: Tasklist would offer a later notice of the case this one's day
        assertThat(runtimeService.getVariable(instance.getId(), "noticeIssuedOn")).isNull();

        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人要求听证", "finalFine", 20000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(28).toString()));
        Map<String, Object> hearing = new HashMap<>(schedule("落款日期当事人", "direct"));
        hearing.put("hearingNoticeIssuedOn", TODAY.minusDays(29).toString());
        assertRefused(submit("xfhandler1", instance, "scheduleHearing", hearing), "hearingNoticeIssuedOn");
        hearing.put("hearingNoticeIssuedOn", NOTICED_ON.plusDays(1).toString());
        assertRefused(submit("xfhandler1", instance, "scheduleHearing", hearing), "hearingNoticeIssuedOn");
        assertThat(instance).isWaitingAt("scheduleHearing");
        hearing.put("hearingNoticeIssuedOn", TODAY.minusDays(28).toString());
        complete(instance, "scheduleHearing", hearing);
        assertThat(flat(text(latestPdf(caseNumber, "HEARING_NOTICE"))))
                .contains("（印章）" + chinese(TODAY.minusDays(28))).doesNotContain(chinese(TODAY));
        assertThat(runtimeService.getVariable(instance.getId(), "hearingNoticeIssuedOn")).isNull();
    }

    @Test
    @DisplayName("行政处罚法 Art. 44: left blank, the 违法行为通知书 bears the day its step was recorded")
    void art44_blankIssueDateIsTheStepsDay() throws IOException {
        ProcessInstance instance = proposed("落款日期当事人乙", 2000);
        filedDaysAgo(instance, 10);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(1)));
        assertThat(flat(text(latestPdf(caseNumberOf(instance), "PRE_PENALTY_NOTICE"))))
                .contains("（印章）" + chinese(TODAY)).doesNotContain(chinese(TODAY.minusDays(1)));
    }

    @Test
    @DisplayName("行政处罚法 Arts. 47, 64(2): the file of a case with a hearing holds the 听证通知书's 送达回证 — a case whose 听证通知 ran on an earlier deployment's form (the day only, no service recorded) cannot be closed until the service is recorded on the documents page, which takes the day the notice bears")
    void art64_hearingNoticeReceiptIsPartOfTheFile() {
        ProcessInstance instance = hearingRequested("听证回证当事人", null);
        String caseNumber = caseNumberOf(instance);
        // written out and handed over on paper 27 days ago, recorded today
        Map<String, Object> hearing = new HashMap<>(schedule("听证回证当事人", "direct"));
        hearing.put("hearingNoticeIssuedOn", NOTICED_ON.toString());
        complete(instance, "scheduleHearing", hearing);
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        renders.renderPendingOf(caseNumber);
        assertThat(archives.missing(caseNumber, variables, false)).doesNotContain(HEARING_NOTICE_RECEIPT);

        // as a case from before 听证通知 recorded the service: none on file; recorded on the documents page on the
        // day the notice bears (the PDF was made today: refused as earlier than its making, before the day was kept)
        jdbc.update("delete from service_record where case_number = ? and document_kind = 'HEARING_NOTICE'", caseNumber);
        assertThat(archives.missing(caseNumber, variables, false)).contains(HEARING_NOTICE_RECEIPT);

        long noticeId = documents.latestId(caseNumber, DocumentKind.HEARING_NOTICE).orElseThrow();
        ResponseEntity<String> served = post("xfhandler1", "/api/documents/" + noticeId + "/services",
                Map.of("serviceMethod", "direct", "servedOn", NOTICED_ON.toString(), "recipient", "听证回证当事人",
                        "receiptSignature", "signed"));
        assertThat(served.getStatusCode().is2xxSuccessful()).as(served.getBody()).isTrue();
        renders.renderPendingOf(caseNumber);
        assertThat(archives.missing(caseNumber, variables, false)).doesNotContain(HEARING_NOTICE_RECEIPT);
    }

    static final String HEARING_NOTICE_RECEIPT = "听证通知书的送达回证（送达记录）";

    @Test
    @DisplayName("行政处罚法 Arts. 64(10), 65: a hearing held later than the day the 听证通知书 set (举行听证 accepts any day from then on) — the 听证笔录 and the 行政处罚决定书 state the day it was held, not the day it was scheduled for")
    void art64_heldLaterThanScheduled_documentsStateTheDayHeld() throws IOException {
        ProcessInstance instance = hearingRequested("听证当事人辛", null);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "scheduleHearing", schedule("听证当事人辛", "direct"));
        LocalDate heldOn = calendar.addWorkingDays(hearingOn(), 3).date();
        submitted(submit("xfhead", instance, "holdHearing", Map.of("hearingHeldOn", heldOn.toString(),
                "partyAttended", true, "hearingRecord", HEARING_RECORD)));
        String scheduledDay = chinese(hearingOn());
        String heldDay = chinese(heldOn);

        String record = flat(text(latestPdf(caseNumber, "HEARING_RECORD")));
        assertThat(record).contains(heldDay + "西峰大队听证室").doesNotContain(scheduledDay);

        reviewedAfterHearing(instance);
        complete(instance, "collectiveDiscussion", Map.of("discussionParticipants", "张建国、王队长",
                "discussionConclusion", "同意罚款 20000 元"));
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(flat(text(latestPdf(caseNumber, "PENALTY_DECISION"))))
                .contains("本机关于" + heldDay + "在西峰大队听证室依法举行了听证").doesNotContain(scheduledDay);
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(2), (10): 举行听证 shows its presider the day, time and place the 听证通知书 set, as its form reads them (a hearing held later is recorded on its own day)")
    void art64_holdHearingShowsTheNoticesSchedule() throws java.io.IOException {
        ProcessInstance instance = hearingRequested("听证安排当事人", null);
        complete(instance, "scheduleHearing", schedule("听证安排当事人", "direct"));
        String text = new String(getClass().getResourceAsStream("/forms/holdHearing.form").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("听证通知书所定：{{hearingDate}}", "{{hearingTime}}", "{{hearingPlace}}");
        // the presider (the model's assignee) reads them in Tasklist
        assertThat(formVariable("xfhead", instance, "holdHearing", "hearingDate")).isEqualTo(hearingOn().toString());
        assertThat(formVariable("xfhead", instance, "holdHearing", "hearingTime")).isEqualTo("14:30");
        assertThat(formVariable("xfhead", instance, "holdHearing", "hearingPlace")).isEqualTo("西峰大队听证室");
    }

    private static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** 1–10 as the documents write a period of working days. */
    private static String words(int days) {
        return new String[] {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[days];
    }

    /**
     * 20,000 yuan proposed for a citizen (法制审核 from 10,000; a hearing right from 5,000), reviewed by the city's
     * reviewer with a comment, notified 30 days ago, a hearing requested in time, noticed 7 working days ahead and held
     * with a record: waits in 听证后法制审核.
     */
    private ProcessInstance heardCase(String party) {
        ProcessInstance instance = hearingRequested(party, FIRST_REVIEW);
        LocalDate hearingOn = hearingOn();
        complete(instance, "scheduleHearing", schedule(party, "direct"));
        submitted(submit("xfhead", instance, "holdHearing", Map.of("hearingHeldOn", hearingOn.toString(),
                "partyAttended", true, "hearingRecord", HEARING_RECORD)));
        assertThat(instance).isWaitingAt("legalReviewAfterHearing");
        return instance;
    }

    /**
     * 20,000 yuan proposed (法制审核 from 10,000; a hearing right from 5,000), approved by the city's reviewer (with
     * {@code reviewComment} if given), filed 40 days ago, notified 30 days ago, a hearing asked for 28 days ago: waits
     * in 听证通知.
     */
    private ProcessInstance hearingRequested(String party, String reviewComment) {
        ProcessInstance instance = reported(party, 20000);
        Map<String, Object> review = new HashMap<>(Map.of("reviewOpinion", "approve"));
        if (reviewComment != null) {
            review.put("reviewComment", reviewComment);
        }
        submitted(submit("cityreviewer", instance, "legalReview", review));
        filedDaysAgo(instance, 40);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(30)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人要求听证", "finalFine", 20000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(28).toString()));
        assertThat(instance).isWaitingAt("scheduleHearing");
        return instance;
    }

    /** 听证通知: the notice served on the party 27 days ago by {@code method}, signed for; the hearing as {@link #hearingOn}. */
    private Map<String, Object> schedule(String party, String method) {
        return Map.of("hearingNoticeServedOn", NOTICED_ON.toString(), "serviceMethod", method, "recipient", party,
                "receiptSignature", "signed", "hearingDate", hearingOn().toString(), "hearingTime", "14:30",
                "hearingPlace", "西峰大队听证室", "hearingPresider", "xfhead");
    }

    /** The hearing noticed 27 days ago, held on the first day it may be: 7 working days later (Art. 64(2)). */
    private LocalDate hearingOn() {
        return calendar.addWorkingDays(NOTICED_ON, 7).date();
    }

    private void reviewedAfterHearing(ProcessInstance instance) {
        submitted(submit("cityreviewer", instance, "legalReviewAfterHearing", Map.of("hearingReviewOutcome", "pass",
                "hearingReviewOpinion", SECOND_REVIEW)));
    }

    private static void submitted(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
