package org.sanlian.casefile.procedure;

import org.sanlian.support.Notices;
import org.sanlian.penalty.PaymentFacts;
import org.sanlian.penalty.PenaltyFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.Documents;
import org.sanlian.document.ServiceRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 11: the case record cannot be bent. Each route a client could use to change a legal fact by sending a
 * value through /engine-rest — the way Tasklist submits — is refused with 400 naming the field, the stored facts
 * stay as they were, and the task stays open. Values a step's form does not declare are never read.
 */
@DisplayName("issue 11 — tamper tests: the stored facts of a case, not submitted values, decide every step")
class CaseRecordTamperTest extends CaseProcedureTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Documents documents;

    @Autowired
    ServiceRecords services;

    @Test
    @DisplayName("行政处罚法 Art. 45: at 陈述申辩与复核 a re-checked fine of 30,000 after a 20,000 notice is refused naming finalFine; the notified fine stays 20,000 and a submitted proposedFine is not read")
    void recheckCannotRaiseTheNotifiedFine() {
        ProcessInstance instance = proposed("篡改当事人复核", 20000);
        // served long enough ago that the party's periods have ended (the re-check may then be recorded)
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(20)));
        String caseNumber = caseNumberOf(instance);
        assertThat(penalties.penalty(caseNumber).orElseThrow().getNotifiedFine()).isEqualByComparingTo("20000");

        assertRefused(submit("xfhandler1", instance, "statementAndRecheck", Map.of("recheckConclusion", "加重",
                "finalFine", 30000)), "finalFine");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getRecheckedFine()).isNull();
        assertThat(instance).isWaitingAt("statementAndRecheck");

        // the report's field sent again at the re-check moves nothing: the rule reads the stored notice
        taskService.complete(task("statementAndRecheck", instance).getId(), Map.of("statementMade", true,
                "statementSummary", "当事人申辩", "recheckConclusion", "维持", "finalFine", 20000, "proposedFine", 30000));
        PenaltyFacts stored = penalties.penalty(caseNumber).orElseThrow();
        assertThat(stored.getNotifiedFine()).isEqualByComparingTo("20000");
        assertThat(stored.getRecheckedFine()).isEqualByComparingTo("20000");
    }

    @Test
    @DisplayName("行政处罚法 Art. 45: at 处罚决定审批 the head's finalFine of 50,000 after a 20,000 notice is refused naming finalFine; no decision, no number, the case stays 已立案")
    void decisionCannotExceedTheNotifiedFine() {
        ProcessInstance instance = rechecked("篡改当事人决定", 20000);
        String caseNumber = caseNumberOf(instance);

        assertRefused(submit("xfhead", instance, "decidePenalty", Map.of("headDecision", "approve", "finalFine", 50000)),
                "finalFine");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(documents.latest(caseNumber, DocumentKind.PENALTY_DECISION)).isEmpty();
        assertThat(instance).isWaitingAt("decidePenalty");

        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecidedFine()).isEqualByComparingTo("20000");
    }

    @Test
    @DisplayName("行政处罚法 Art. 34: for a citizen's first unlicensed passenger transport (benchmark 10,000–20,000) a decided fine of 9,999 without the head's recorded approval of a deviation is refused naming finalFine")
    void decisionStaysWithinTheBenchmark() {
        ProcessInstance instance = filedCase("裁量基准当事人");
        investigate(instance, "investigate");
        report(instance, "investigationReport", "YZ-KY-WZ", 15000);
        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        // served 20 days ago: the statement and hearing-request periods have ended (Arts. 62, 64(1))
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "维持", "finalFine", 15000));
        String caseNumber = caseNumberOf(instance);
        PenaltyFacts stored = penalties.penalty(caseNumber).orElseThrow();
        assertThat(stored.getBenchmarkMin()).as("the benchmark the table gave").isPositive();
        BigDecimal below = stored.getBenchmarkMin().subtract(BigDecimal.ONE);

        assertRefused(submit("xfhead", instance, "decidePenalty", Map.of("headDecision", "approve", "finalFine", below)),
                "finalFine");
        assertThat(below).isEqualByComparingTo("9999");
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();
        assertThat(instance).isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("行政处罚法 Art. 72: at 缴纳罚款 a submitted paymentDueDate does not wipe the surcharge — paying only the fine 25 days after the stored due date is refused naming amountPaid")
    void paymentReadsTheStoredDueDateAndFine() {
        ProcessInstance instance = servedPenalty("逾期缴纳当事人", 1000, 40);
        String caseNumber = caseNumberOf(instance);
        LocalDate due = penalties.payment(caseNumber).orElseThrow().getDueDate();
        assertThat(due).isEqualTo(TODAY.minusDays(40).plusDays(15));

        assertRefused(submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome", "paid",
                "paidOn", TODAY.toString(), "amountPaid", 1000)), "amountPaid");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(
                task("recordPayment", instance).getId(), Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(),
                        "amountPaid", 1000, "paymentDueDate", TODAY.toString(), "finalFine", 1)))
                .hasMessageContaining("amountPaid");
        PaymentFacts payment = penalties.payment(caseNumber).orElseThrow();
        assertThat(payment.getDueDate()).isEqualTo(due);
        assertThat(payment.getPaidOn()).isNull();
        assertThat(instance).isWaitingAt("recordPayment");
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(1): the hearing-request window runs from the stored service of the notice — a submitted noticeServedOn cannot reopen it")
    void hearingWindowRunsFromTheStoredNotice() {
        ProcessInstance instance = proposed("听证窗口当事人", 9000);
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(20)));
        String caseNumber = caseNumberOf(instance);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(
                task("statementAndRecheck", instance).getId(), Map.of("recheckConclusion", "要求听证", "finalFine", 9000,
                        "hearingRequested", true, "hearingRequestedOn", TODAY.toString(),
                        "noticeServedOn", TODAY.toString())))
                .hasMessageContaining("hearingRequestedOn");
        assertThat(facts.hearing(caseNumber)).isEmpty();
        assertThat(penalties.penalty(caseNumber).orElseThrow().getNoticeServedOn()).isEqualTo(TODAY.minusDays(20));
        assertThat(instance).isWaitingAt("statementAndRecheck");
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(4): the investigators come from the domain — a submitted investigators of \"\" does not let an investigator preside the hearing")
    void investigatorsComeFromTheDomain() {
        ProcessInstance instance = proposed("听证主持当事人", 8000);
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(10)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "要求听证", "finalFine", 8000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(9).toString()));
        String caseNumber = caseNumberOf(instance);
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR)).containsExactly("xfhandler1", "xfhandler2");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(
                task("scheduleHearing", instance).getId(), Map.of("hearingNoticeServedOn", TODAY.toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed",
                        "hearingDate", calendar.addWorkingDays(TODAY, 8).date().toString(), "hearingTime", "09:30", "hearingPlace", "听证室",
                        "hearingPresider", "xfhandler2", "investigators", "")))
                .hasMessageContaining("hearingPresider");
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR)).containsExactly("xfhandler1", "xfhandler2");
        assertThat(facts.officers(caseNumber, CaseOfficer.Role.PRESIDER)).isEmpty();
        assertThat(instance).isWaitingAt("scheduleHearing");
    }

    @Test
    @DisplayName("行政处罚法 Art. 60: a decisionMade of true sent with 调查取证 does not make the 90-day escalation vanish — the overdue case still goes to the supervisor")
    void escalationReadsTheStoredDecision() {
        ProcessInstance instance = filedCase("超期督办当事人");
        taskService.complete(task("investigate", instance).getId(), Map.of("investigator1", "xfhandler1",
                "investigator2", "xfhandler2", "investigationFindings", "调查", "decisionMade", true));
        runtimeService.setVariable(instance.getId(), "decisionMade", true);
        org.camunda.bpm.engine.runtime.Job overdue = processEngine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId("decisionDeadlinePassed").singleResult();
        processEngine.getManagementService().executeJob(overdue.getId());
        assertThat(instance).hasPassed("overdueStillUndecided").isWaitingAt("superviseOverdueCase");
        assertThat(runtimeService.getVariable(instance.getId(), "decisionMade")).isEqualTo(false);
    }

    @Test
    @DisplayName("issue 11 guards: an administrator's instance modification brings a crime-transferred case back to 处罚决定审批 — the head's approval is refused with 400 (caseStatus) and nothing is recorded")
    void noDecisionInACrimeTransferredCase() {
        ProcessInstance instance = filedCase("涉嫌犯罪当事人");
        String caseNumber = caseNumberOf(instance);
        investigate(instance, "investigate");
        complete(instance, "investigationReport", Map.of("facts", "涉嫌非法经营", "legalBasis", "刑法第二百二十五条",
                "proposedOutcome", "crimeTransfer", "partyType", "citizen", "violationCode", "LZ-CX"));
        complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve", "receivingOrgan", "庆阳市公安局西峰分局"));
        ResponseEntity<String> modified = post("admin", "/engine-rest/process-instance/" + instance.getId()
                + "/modification", Map.of("skipCustomListeners", true, "instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "decidePenalty"))));
        assertThat(modified.getStatusCode()).as(modified.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        complete(instance, "sendCrimeTransfer", Map.of("transferSentOn", TODAY.toString(), "transferMaterials",
                List.of("transferLetter", "investigationReport"), "receiptSignedBy", "刘警官"));
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
        int events = caseFiles.history(caseNumber).size();

        assertRefused(submit("xfhead", instance, "decidePenalty", Map.of("headDecision", "approve")), "caseStatus");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
        assertThat(penalties.penalty(caseNumber).orElseThrow().getDecisionKind()).isNull();
        assertThat(caseFiles.history(caseNumber)).hasSize(events);
        assertThat(documents.latest(caseNumber, DocumentKind.PENALTY_DECISION)).isEmpty();
        assertThat(instance).isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("issue 11 date guards: the 违法行为通知书 cannot be served before the case was filed (noticeServedOn)")
    void noticeNotBeforeFiling() {
        ProcessInstance instance = proposed("日期当事人通知", 2000);
        assertRefused(submit("xfhandler1", instance, "issueNotice", Notices.served(TODAY.minusDays(1))),
                "noticeServedOn");
        assertThat(penalties.penalty(caseNumberOf(instance)).orElseThrow().getNoticeServedOn()).isNull();
        assertThat(instance).isWaitingAt("issueNotice");
    }

    @Test
    @DisplayName("issue 11 date guards: a hearing cannot be held before the day it was set for (hearingHeldOn)")
    void hearingNotBeforeItsDay() {
        ProcessInstance instance = proposed("日期当事人听证", 8000);
        filedDaysAgo(instance, 40);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(30)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "要求听证", "finalFine", 8000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(29).toString()));
        LocalDate hearingDay = calendar.addWorkingDays(TODAY.minusDays(28), 8).date();
        complete(instance, "scheduleHearing", Map.of("hearingNoticeServedOn", TODAY.minusDays(28).toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed",
                "hearingDate", hearingDay.toString(), "hearingTime", "09:30", "hearingPlace", "听证室", "hearingPresider", "xfhead"));

        assertRefused(submit("xfhead", instance, "holdHearing", Map.of("hearingHeldOn", hearingDay.minusDays(1).toString(),
                "partyAttended", true, "hearingRecord", "到场")), "hearingHeldOn");
        assertThat(facts.hearing(caseNumberOf(instance)).orElseThrow().getHeldOn()).isNull();
        assertThat(instance).isWaitingAt("holdHearing");
    }

    @Test
    @DisplayName("issue 11 date guards: a decision cannot be served before it was made (servedOn); no service record, no payment period")
    void serviceNotBeforeDecision() {
        ProcessInstance instance = rechecked("日期当事人送达", 2000);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));

        assertRefused(submit("xfhandler1", instance, "serveDecision", Map.of("serviceMethod", "direct",
                "servedOn", TODAY.minusDays(1).toString(), "recipient", "日期当事人送达", "receiptSignature", "signed")),
                "servedOn");
        // the notice has its 送达回证 (Art. 61 applies to it too); the decision has none
        assertThat(services.of(caseNumber)).noneMatch(s -> s.getDocumentKind() == DocumentKind.PENALTY_DECISION);
        assertThat(penalties.payment(caseNumber)).isEmpty();
        assertThat(instance).isWaitingAt("serveDecision");
    }

    @Test
    @DisplayName("issue 11 date guards: a fine cannot be paid before it was decided (paidOn)")
    void paymentNotBeforeDecision() {
        ProcessInstance instance = servedPenalty("日期当事人缴款", 1000, 10);
        assertRefused(submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome", "paid",
                "paidOn", TODAY.minusDays(11).toString(), "amountPaid", 1000)), "paidOn");
        assertThat(penalties.payment(caseNumberOf(instance)).orElseThrow().getPaidOn()).isNull();
        assertThat(instance).isWaitingAt("recordPayment");
    }

    @Test
    @DisplayName("行政强制法 Art. 54 date guard: the 催告书 cannot be served before the payment was due (reminderServedOn)")
    void reminderNotBeforePaymentDue() {
        ProcessInstance instance = servedPenalty("日期当事人催告", 1000, 200);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "notPaid"));
        LocalDate due = penalties.payment(caseNumberOf(instance)).orElseThrow().getDueDate();
        assertRefused(submit("xfhandler1", instance, "issueReminder", Map.of("reminderServedOn",
                due.minusDays(1).toString())), "reminderServedOn");
        assertThat(penalties.payment(caseNumberOf(instance)).orElseThrow().getReminderServedOn()).isNull();
        assertThat(instance).isWaitingAt("issueReminder");
    }

    @Test
    @DisplayName("domain.md §6: the city's legal supervisor reads every case and changes none — uploading evidence into a 西峰 case or recording a service is refused with 403")
    void supervisorChangesNothing() {
        ProcessInstance instance = rechecked("监督只读当事人", 2000);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth("citysupervisor", DEMO_PASSWORD);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", "DOCUMENTARY");
        form.add("title", "监督人员上传");
        form.add("file", new ByteArrayResource("照片".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        ResponseEntity<String> upload = rest.postForEntity("/api/cases/" + caseNumber + "/evidence",
                new HttpEntity<>(form, headers), String.class);
        assertThat(upload.getStatusCode()).as(upload.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(get("citysupervisor", "/api/cases/" + caseNumber + "/evidence"))).isEmpty();

        long decision = documents.latest(caseNumber, DocumentKind.PENALTY_DECISION).orElseThrow().getId();
        ResponseEntity<String> service = post("citysupervisor", "/api/documents/" + decision + "/services",
                Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(), "recipient", "监督只读当事人",
                        "receiptSignature", "signed"));
        assertThat(service.getStatusCode()).as(service.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        // the notice has its 送达回证 (Art. 61 applies to it too); the decision has none
        assertThat(services.of(caseNumber)).noneMatch(s -> s.getDocumentKind() == DocumentKind.PENALTY_DECISION);
    }
}
