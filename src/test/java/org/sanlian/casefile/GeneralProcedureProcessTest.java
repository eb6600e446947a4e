package org.sanlian.casefile;

import org.sanlian.support.Notices;
import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("generalProcedure — 普通程序 from filing to archive (domain.md §2.3–2.14)")
class GeneralProcedureProcessTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    CaseFiles procedure;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    /** The case was filed {@code days} ago (its stored filing date; the engine's clock stays today). */
    void filedDaysAgo(ProcessInstance instance, int days) {
        jdbc.update("update case_file set filed_at = ? where case_number = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(days))),
                caseNumberOf(instance));
    }

    /** The stored decision was made {@code days} ago, and the case filed before it. */
    void decidedDaysAgo(ProcessInstance instance, int days) {
        filedDaysAgo(instance, days + 30);
        jdbc.update("update case_penalty set decided_on = ? where case_number = ?",
                java.sql.Date.valueOf(TODAY.minusDays(days)), caseNumberOf(instance));
    }

    /** A lead registered, verified and filed by the head: the case waits in 调查取证. */
    private ProcessInstance filedCase(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        complete(lead, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
        complete(lead, "decideFiling", Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        ProcessInstance procedureInstance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(procedureInstance).isWaitingAt("investigate");
        return procedureInstance;
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        taskService.complete(task(taskKey, instance).getId(), values);
    }

    /** 调查取证 by xfhandler1 and xfhandler2 (two certified officers, Art. 42), with the step's other fields. */
    private void investigate(ProcessInstance instance, String findings, Map<String, Object> more) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("investigator1", "xfhandler1",
                "investigator2", "xfhandler2", "investigationFindings", findings));
        values.putAll(more);
        complete(instance, "investigate", values);
    }

    private void investigateAndReport(ProcessInstance instance, String outcome, Integer fine) {
        investigate(instance, "询问当事人，制作询问笔录；现场检查，制作现场笔录", Map.of());
        Map<String, Object> report = new java.util.HashMap<>(Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《公路安全保护条例》第六十四条", "proposedOutcome", outcome, "partyType", "citizen",
                "violationCode", "LZ-CX"));
        if (fine != null) {
            report.put("proposedFine", fine);
        }
        if ("noPenalty".equals(outcome)) {
            // Art. 33 ¶1: a minor violation, promptly corrected, with no harm — the table noPenalty allows it
            report.putAll(Map.of("circumstanceTier", "minor", "harm", "none", "correctedPromptly", true));
        }
        complete(instance, "investigationReport", report);
    }

    /** The notice served 20 days ago (its periods have ended, Arts. 62, 64(1)), and re-checked without a statement. */
    private void noticeAndRecheck(ProcessInstance instance, int finalFine) {
        filedDaysAgo(instance, 30);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(20)));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实", "finalFine", finalFine));
    }

    private String caseNumberOf(ProcessInstance instance) {
        return (String) runtimeService.getVariable(instance.getId(), "caseNumber");
    }

    @Test
    @DisplayName("a penalty of 2,000 yuan (below the local review threshold): notice, re-check, head's decision numbered 罚, service, payment in time, closure, archive")
    void penaltyPaidInTime() {
        ProcessInstance instance = filedCase("某客运公司甲");
        String caseNumber = caseNumberOf(instance);
        investigateAndReport(instance, "penalty", 2000);
        assertThat(instance).hasPassed("decideLegalReview").isWaitingAt("issueNotice");
        assertThat(runtimeService.getVariable(instance.getId(), "legalReviewRequired")).isEqualTo(false);
        noticeAndRecheck(instance, 2000);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        String decisionNumber = (String) runtimeService.getVariable(instance.getId(), "decisionNumber");
        assertThat(decisionNumber).matches("庆交执西罚〔" + TODAY.getYear() + "〕[1-9]\\d*号");
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "某客运公司甲", "receiptSignature", "signed"));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 2000));
        complete(instance, "closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        complete(instance, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(instance).isEnded().hasPassed("archiveCase", "caseArchived");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(procedure.history(caseNumber)).extracting(CaseEvent::getStep).containsExactly("investigate",
                "investigationReport", "issueNotice", "statementAndRecheck", "decidePenalty", "serveDecision",
                "recordPayment", "closeCase", "approveClosure", "archiveCase");
    }

    @Test
    @DisplayName("行政处罚法 Art. 58 via DMN legalReviewRequired: a 20,000-yuan proposal goes to 法制审核; the reviewer sends it back for 补充调查 with a reason, then approves")
    void legalReviewSendsBack() {
        ProcessInstance instance = filedCase("某货运公司乙");
        investigateAndReport(instance, "penalty", 20000);
        assertThat(instance).isWaitingAt("legalReview");
        assertThat(task("legalReview", instance)).hasCandidateGroup("qylegalLegalReviewer");
        complete(instance, "legalReview", Map.of("reviewOpinion", "sendBack", "reviewComment", "证据不足，补充车辆营运证明"));
        assertThat(instance).isWaitingAt("investigate");
        investigateAndReport(instance, "penalty", 20000);
        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        assertThat(instance).isWaitingAt("issueNotice");
    }

    @Test
    @DisplayName("行政处罚法 Art. 58: the city legal reviewer, offered a brigade's case for 法制审核, reads that case (case number, party) in Tasklist and /engine-rest — and no other case of the brigade")
    void legalReviewerReadsTheCaseUnderReview() {
        ProcessInstance underReview = filedCase("某货运公司审核");
        ProcessInstance other = filedCase("某货运公司未审");
        investigateAndReport(underReview, "penalty", 20000);
        assertThat(underReview).isWaitingAt("legalReview");
        ResponseEntity<String> variables = get("cityreviewer",
                "/engine-rest/process-instance/" + underReview.getId() + "/variables");
        assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(variables).path("partyName").path("value").asText()).isEqualTo("某货运公司审核");
        assertThat(json(variables).path("caseNumber").path("value").asText()).isEqualTo(caseNumberOf(underReview));
        assertThat(get("cityreviewer", "/engine-rest/process-instance/" + other.getId() + "/variables").getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(json(get("cityreviewer", "/engine-rest/process-instance?processInstanceIds=" + other.getId())))
                .isEmpty();
    }

    @Test
    @DisplayName("行政处罚法 Art. 58(3): a complex case goes to legal review whatever the amount")
    void complexCaseNeedsReview() {
        ProcessInstance instance = filedCase("某公司丙");
        complete(instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhead",
                "investigationFindings", "多个法律关系"));
        complete(instance, "investigationReport", Map.of("facts", "事实", "legalBasis", "依据", "proposedOutcome",
                "penalty", "proposedFine", 500, "complexCase", true, "partyType", "organisation", "violationCode", "LZ-CX"));
        assertThat(instance).isWaitingAt("legalReview");
    }

    @Test
    @DisplayName("domain.md §2.2: the party is named by a resident ID (GB 11643) or credit code (GB 32100) whose check character is right, the vehicle by a valid plate — a wrong one is refused (400 naming the field); a right one is recorded with who and when and read through /api/cases/{n}/parties")
    void partyAndVehicle() {
        ProcessInstance instance = filedCase("某个体运输户子");
        String caseNumber = caseNumberOf(instance);
        String taskId = task("investigate", instance).getId();
        Map<String, Object> values = new java.util.HashMap<>(Map.of("investigator1", "xfhandler1",
                "investigator2", "xfhandler2", "investigationFindings", "询问笔录一份", "partyIdNumber",
                "621002199003071234", "plateNumber", "甘M1234"));
        ResponseEntity<String> wrong = post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form", variables(values));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(wrong).path("errors").findValuesAsText("field")).contains("partyIdNumber", "plateNumber");
        assertThat(instance).isWaitingAt("investigate");
        values.putAll(Map.of("partyIdNumber", "621002199003071235", "plateNumber", "甘M12345", "partyAddress",
                "甘肃省庆阳市西峰区"));
        assertThat(post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form", variables(values))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        com.fasterxml.jackson.databind.JsonNode parties = json(get("xfhandler1", "/api/cases/" + caseNumber + "/parties"));
        assertThat(parties.path("parties").get(0).path("kind").asText()).isEqualTo("PERSON");
        assertThat(parties.path("parties").get(0).path("idNumber").asText()).isEqualTo("621002199003071235");
        assertThat(parties.path("parties").get(0).path("recordedBy").asText()).isEqualTo("xfhandler1");
        assertThat(parties.path("vehicles").get(0).path("plateNumber").asText()).isEqualTo("甘M12345");
        assertThat(get("qchandler1", "/api/cases/" + caseNumber + "/parties").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("行政处罚法 Art. 42: fewer than two officers, or one without an enforcement certificate, is refused (400 naming the field) and 调查取证 stays open")
    void twoCertifiedOfficers() {
        ProcessInstance instance = filedCase("某公司丁");
        String taskId = task("investigate", instance).getId();
        ResponseEntity<String> oneOfficer = post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler1",
                        "investigationFindings", "只有一人")));
        assertThat(oneOfficer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(oneOfficer).path("errors").findValuesAsText("field")).contains("investigator2");
        ResponseEntity<String> noCertificate = post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("investigator1", "xfhandler1", "investigator2", "bureau1",
                        "investigationFindings", "行业管理人员无执法证")));
        assertThat(noCertificate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noCertificate).path("errors").get(0).path("message").asText()).contains("执法证件");
        assertThat(instance).isWaitingAt("investigate");
    }

    @Test
    @DisplayName("行政处罚法 Art. 45: after the defence the fine cannot be raised — 复核 with a higher fine is refused naming finalFine; the statement window is 3 working days from the notice's service")
    void defenceNeverRaisesThePenalty() {
        ProcessInstance instance = filedCase("某公司戊");
        investigateAndReport(instance, "penalty", 3000);
        complete(instance, "issueNotice", Notices.served(TODAY));
        Task recheck = task("statementAndRecheck", instance);
        assertThat(recheck.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 3).date()));
        ResponseEntity<String> raised = post("xfhandler1", "/engine-rest/task/" + recheck.getId() + "/submit-form",
                variables(Map.of("recheckConclusion", "当事人态度恶劣", "finalFine", 5000)));
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(raised).path("errors").get(0).path("field").asText()).isEqualTo("finalFine");
        assertThat(json(raised).path("errors").get(0).path("message").asText()).contains("第四十五条");
        assertThat(instance).isWaitingAt("statementAndRecheck");
        complete(instance, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人称系初次违法",
                "recheckConclusion", "采纳部分申辩意见", "finalFine", 2500));
        assertThat(instance).isWaitingAt("decidePenalty");
        // stored as a plain number, which forms and Cockpit show as such
        assertThat(runtimeService.getVariable(instance.getId(), "finalFine")).isEqualTo(2500L);
    }

    @Test
    @DisplayName("行政处罚法 Art. 72: a 10,000-yuan fine paid 10 days after its deadline carries a 3,000-yuan surcharge; paying only the fine is refused naming amountPaid")
    void latePaymentSurcharge() {
        ProcessInstance instance = filedCase("某公司己");
        investigateAndReport(instance, "penalty", 10000);
        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        noticeAndRecheck(instance, 10000);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        decidedDaysAgo(instance, 26);
        LocalDate servedOn = TODAY.minusDays(25);
        complete(instance, "serveDecision", Map.of("serviceMethod", "post", "servedOn", servedOn.toString(),
                "recipient", "某公司己", "serviceAddress", "庆阳市西峰区某路 1 号", "receiptSignature", "signed"));
        assertThat(runtimeService.getVariable(instance.getId(), "paymentDueDate")).isEqualTo(servedOn.plusDays(15).toString());
        Task payment = task("recordPayment", instance);
        assertThat(payment.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(servedOn.plusDays(15)));
        ResponseEntity<String> fineOnly = post("xfhandler1", "/engine-rest/task/" + payment.getId() + "/submit-form",
                variables(Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 10000)));
        assertThat(fineOnly.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(fineOnly).path("errors").get(0).path("field").asText()).isEqualTo("amountPaid");
        assertThat(json(fineOnly).path("errors").get(0).path("message").asText()).contains("13000", "3000.00");
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 13000));
        assertThat(runtimeService.getVariable(instance.getId(), "surcharge")).isEqualTo(3000.0);
    }

    @Test
    @DisplayName("行政处罚法 Art. 33/57: no penalty — the head approves, the decision is served, no payment, closure (due dates a local choice, domain.md §2.14) rejected once then approved, archived")
    void noPenalty() {
        ProcessInstance instance = filedCase("某个体户庚");
        investigateAndReport(instance, "noPenalty", null);
        assertThat(instance).isWaitingAt("decideNoPenalty");
        complete(instance, "decideNoPenalty", Map.of("headDecision", "approve", "educationForm", "oral",
                "educatedOn", TODAY.toString(), "educatedBy", "xfhandler1"));
        assertThat((String) runtimeService.getVariable(instance.getId(), "decisionNumber")).contains("不罚");
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "某个体户庚", "receiptSignature", "signed"));
        assertThat(instance).hasPassed("paymentSettled").hasNotPassed("recordPayment").isWaitingAt("closeCase");
        assertThat(task("closeCase", instance).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 10).date()));
        complete(instance, "closeCase", Map.of("closureReport", "不予处罚，已教育"));
        assertThat(task("approveClosure", instance).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 3).date()));
        complete(instance, "approveClosure", Map.of("closureDecision", "reject", "closureComment", "补充教育记录"));
        complete(instance, "closeCase", Map.of("closureReport", "不予处罚，已进行教育并记录"));
        complete(instance, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(instance).isEnded().hasPassed("caseArchived");
    }

    @Test
    @DisplayName("行政处罚法 Art. 57: the head sends a proposed penalty back for 补充调查; facts not established then ends in no penalty")
    void headSendsBack() {
        ProcessInstance instance = filedCase("某公司辛");
        investigateAndReport(instance, "penalty", 1000);
        noticeAndRecheck(instance, 1000);
        complete(instance, "decidePenalty", Map.of("headDecision", "sendBack", "headComment", "事实不清"));
        assertThat(instance).isWaitingAt("investigate");
        investigateAndReport(instance, "notEstablished", null);
        assertThat(instance).isWaitingAt("decideNoPenalty");
    }

    @Test
    @DisplayName("行政处罚法 Art. 27 and 移送规定 Arts. 5, 6: crime transfer — the head decides within 3 days, the case is sent within 24 hours with the transfer letter and report, the police sign the receipt and then decide on filing (Art. 8)")
    void crimeTransfer() {
        ProcessInstance instance = filedCase("某危货运输公司壬");
        investigateAndReport(instance, "crimeTransfer", null);
        Task transfer = task("decideCrimeTransfer", instance);
        assertThat(transfer.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(3)));
        // due dates are stored to the second (MariaDB DATETIME), so the window starts at the whole second
        java.time.Instant approvedAround = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve", "receivingOrgan", "庆阳市公安局西峰分局"));
        Task send = task("sendCrimeTransfer", instance);
        assertThat(send.getDueDate().toInstant()).isBetween(approvedAround.plus(java.time.Duration.ofHours(24)),
                java.time.Instant.now().plus(java.time.Duration.ofHours(24)).plusSeconds(1));
        Map<String, Object> withoutLetter = Map.of("transferSentOn", TODAY.toString(),
                "transferMaterials", java.util.List.of("investigationReport", "itemList"), "receiptSignedBy", "刘警官");
        assertThatThrownBy(() -> taskService.complete(send.getId(), withoutLetter))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("transferMaterials");
        assertThat(instance).isWaitingAt("sendCrimeTransfer");
        complete(instance, "sendCrimeTransfer", Map.of("transferSentOn", TODAY.toString(),
                "transferMaterials", new java.util.ArrayList<>(java.util.List.of("transferLetter", "investigationReport", "itemList")),
                "receiptSignedBy", "刘警官"));
        // 移送规定 Art. 8: the police decide on filing within 3 days; the case waits for it
        assertThat(instance).isWaitingAt("recordPoliceFilingDecision");
        complete(instance, "recordPoliceFilingDecision", Map.of("policeFilingDecision", "filed",
                "policeDecidedOn", TODAY.toString(), "policeDocumentNumber", "西公立字〔2026〕9号"));
        // filed: the case is the judicial organs'; it ends when they conclude it (or comes back, Art. 27 ¶1)
        assertThat(instance).isWaitingAt("recordJudicialOutcome");
        complete(instance, "recordJudicialOutcome", Map.of("judicialOutcome", "concluded",
                "judicialDecidedOn", TODAY.toString(), "judicialAuthority", "庆阳市西峰区人民法院"));
        assertThat(instance).isEnded().hasPassed("crimeTransferred");
        assertThat(caseFiles.byNumber(caseNumberOfHistory(instance)).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
        assertThat(procedure.history(caseNumberOfHistory(instance))).extracting(CaseEvent::getStep)
                .endsWith("decideCrimeTransfer", "sendCrimeTransfer", "recordPoliceFilingDecision", "recordJudicialOutcome");
    }

    @Test
    @DisplayName("行政处罚法 Art. 61 ¶2: electronic service without the party's signed consent is refused; 民事诉讼法 Art. 95: a public notice counts as served 30 days later, and the 15-day payment period runs from then")
    void serviceRules() {
        ProcessInstance instance = filedCase("某公司癸");
        investigateAndReport(instance, "penalty", 800);
        noticeAndRecheck(instance, 800);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        Task service = task("serveDecision", instance);
        assertThat(service.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 7).date()));
        ResponseEntity<String> electronic = post("xfhandler1", "/engine-rest/task/" + service.getId() + "/submit-form",
                variables(Map.of("serviceMethod", "electronic", "servedOn", TODAY.toString(), "recipient", "某公司癸")));
        assertThat(electronic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(electronic).path("errors").get(0).path("field").asText()).isEqualTo("electronicConsent");
        complete(instance, "serveDecision", Map.of("serviceMethod", "publicNotice", "servedOn", TODAY.toString(),
                "recipient", "某公司癸", "publicNoticeGround", "otherMeansFailed",
                "publicNoticeCircumstances", "直接送达、邮寄送达均未能送达"));
        assertThat(runtimeService.getVariable(instance.getId(), "paymentDueDate"))
                .isEqualTo(TODAY.plusDays(30).plusDays(15).toString());
    }

    private Task untilRecheck(ProcessInstance instance, int fine, LocalDate noticeServedOn) {
        investigateAndReport(instance, "penalty", fine);
        if (fine >= 10000) {
            complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        }
        complete(instance, "issueNotice", Notices.served(noticeServedOn));
        return task("statementAndRecheck", instance);
    }

    @Test
    @DisplayName("行政处罚法 Art. 63–65: an 8,000-yuan fine for a citizen carries the right to a hearing (DMN hearingRight); requested in time, noticed 7 working days ahead, presided by a non-investigator, held, then legal review (Art. 58(2)) and the decision; the hearing pauses the 90-day clock")
    void hearingRequestedAndHeld() {
        ProcessInstance instance = filedCase("听证当事人甲");
        // a case filed 40 days ago: notice, request, hearing notice and hearing all lie in the past
        filedDaysAgo(instance, 40);
        LocalDate noticeOn = TODAY.minusDays(30);
        LocalDate requestedOn = TODAY.minusDays(28);
        LocalDate hearingNoticeOn = TODAY.minusDays(27);
        untilRecheck(instance, 8000, noticeOn);
        assertThat(runtimeService.getVariable(instance.getId(), "hearingRight")).isEqualTo(true);
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人要求听证", "finalFine", 8000,
                "hearingRequested", true, "hearingRequestedOn", requestedOn.toString()));
        assertThat(instance).isWaitingAt("scheduleHearing");
        String scheduleId = task("scheduleHearing", instance).getId();
        LocalDate earliest = calendar.addWorkingDays(hearingNoticeOn, 7).date();
        ResponseEntity<String> investigatorPresides = post("xfhandler1", "/engine-rest/task/" + scheduleId + "/submit-form",
                variables(Map.of("hearingNoticeServedOn", hearingNoticeOn.toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed", "hearingDate", earliest.toString(),
                        "hearingTime", "09:30", "hearingPlace", "西峰大队听证室", "hearingPresider", "xfhandler2")));
        assertThat(json(investigatorPresides).path("errors").get(0).path("field").asText()).isEqualTo("hearingPresider");
        ResponseEntity<String> tooEarly = post("xfhandler1", "/engine-rest/task/" + scheduleId + "/submit-form",
                variables(Map.of("hearingNoticeServedOn", hearingNoticeOn.toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed", "hearingDate", earliest.minusDays(1).toString(),
                        "hearingTime", "09:30", "hearingPlace", "西峰大队听证室", "hearingPresider", "xfhead")));
        assertThat(json(tooEarly).path("errors").get(0).path("field").asText()).isEqualTo("hearingDate");
        complete(instance, "scheduleHearing", Map.of("hearingNoticeServedOn", hearingNoticeOn.toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed", "hearingDate",
                earliest.toString(), "hearingTime", "09:30", "hearingPlace", "西峰大队听证室", "hearingPresider", "xfhead"));
        Task hearing = task("holdHearing", instance);
        assertThat(hearing).isAssignedTo("xfhead");
        assertThat(hearing.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(earliest));
        complete(instance, "holdHearing", Map.of("hearingHeldOn", earliest.toString(), "partyAttended", true,
                "hearingRecord", "当事人到场陈述，质证"));
        assertThat(instance).hasPassed("decideReviewAfterHearing").isWaitingAt("legalReviewAfterHearing");
        complete(instance, "legalReviewAfterHearing", Map.of("hearingReviewOutcome", "pass", "hearingReviewOpinion", "事实清楚，程序合法"));
        // a case that went through a hearing is discussed collectively (local criterion in collectiveDiscussionRequired)
        assertThat(instance).isWaitingAt("collectiveDiscussion");
        complete(instance, "collectiveDiscussion", Map.of("discussionParticipants", "张建国、王队长、李副队长",
                "discussionConclusion", "同意罚款 8000 元"));
        assertThat(instance).isWaitingAt("decidePenalty");
        // domain.md §2.9: the hearing (request to hearing day, as stored) does not count towards the 90-day limit
        long hearingDays = java.time.temporal.ChronoUnit.DAYS.between(requestedOn, earliest);
        assertThat(task("decidePenalty", instance).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(90 + hearingDays)));
        assertThat(timerDue(instance, "decisionDeadlinePassed"))
                .isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(90 + hearingDays)));
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(8): a party who does not come to the hearing waives it — the case goes on to the decision")
    void hearingNoShow() {
        ProcessInstance instance = filedCase("听证当事人乙");
        filedDaysAgo(instance, 40);
        untilRecheck(instance, 6000, TODAY.minusDays(30));
        complete(instance, "statementAndRecheck", Map.of("recheckConclusion", "要求听证", "finalFine", 6000,
                "hearingRequested", true, "hearingRequestedOn", TODAY.minusDays(29).toString()));
        LocalDate hearingDay = calendar.addWorkingDays(TODAY.minusDays(28), 8).date();
        complete(instance, "scheduleHearing", Map.of("hearingNoticeServedOn", TODAY.minusDays(28).toString(), "serviceMethod", "direct", "recipient", "当事人", "receiptSignature", "signed",
                "hearingDate", hearingDay.toString(), "hearingTime", "09:30", "hearingPlace", "听证室", "hearingPresider", "xfhead"));
        complete(instance, "holdHearing", Map.of("hearingHeldOn", hearingDay.toString(), "partyAttended", false));
        assertThat(instance).hasPassed("hearingDone").hasNotPassed("decideReviewAfterHearing").isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("行政处罚法 Art. 64(1): a hearing asked for more than 5 working days after the notice is refused naming hearingRequestedOn; Art. 63: none for a 2,000-yuan fine; the request's date only with a request")
    void hearingRequestRules() {
        ProcessInstance late = filedCase("听证当事人丙");
        filedDaysAgo(late, 30);
        LocalDate noticeOn = TODAY.minusDays(20);
        Task recheck = untilRecheck(late, 9000, noticeOn);
        ResponseEntity<String> tooLate = post("xfhandler1", "/engine-rest/task/" + recheck.getId() + "/submit-form",
                variables(Map.of("recheckConclusion", "要求听证", "finalFine", 9000, "hearingRequested", true,
                        "hearingRequestedOn", TODAY.toString())));
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(tooLate).path("errors").get(0).path("field").asText()).isEqualTo("hearingRequestedOn");

        ProcessInstance small = filedCase("听证当事人丁");
        Task smallRecheck = untilRecheck(small, 2000, TODAY);
        assertThat(runtimeService.getVariable(small.getId(), "hearingRight")).isEqualTo(false);
        ResponseEntity<String> noRight = post("xfhandler1", "/engine-rest/task/" + smallRecheck.getId() + "/submit-form",
                variables(Map.of("recheckConclusion", "要求听证", "finalFine", 2000, "hearingRequested", true,
                        "hearingRequestedOn", TODAY.toString())));
        assertThat(json(noRight).path("errors").get(0).path("field").asText()).isEqualTo("hearingRequested");
        // the request's date is asked only when a hearing was requested (found in Chromium: the field showed anyway);
        // a date sent without the request is a field the form hides, refused naming it
        ResponseEntity<String> dateWithoutRequest = post("xfhandler1", "/engine-rest/task/" + smallRecheck.getId()
                + "/submit-form", variables(Map.of("recheckConclusion", "无新事实", "finalFine", 2000,
                        "hearingRequestedOn", TODAY.toString())));
        assertThat(dateWithoutRequest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(dateWithoutRequest).path("errors").findValuesAsText("field")).contains("hearingRequestedOn");
    }

    /** A decided 1,000-yuan penalty served {@code daysAgo} days ago, waiting in 缴纳罚款. */
    private ProcessInstance servedPenalty(String party, int daysAgo) {
        ProcessInstance instance = filedCase(party);
        investigateAndReport(instance, "penalty", 1000);
        noticeAndRecheck(instance, 1000);
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        decidedDaysAgo(instance, daysAgo);
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn",
                TODAY.minusDays(daysAgo).toString(), "recipient", party, "receiptSignature", "signed"));
        assertThat(instance).isWaitingAt("recordPayment");
        return instance;
    }

    @Test
    @DisplayName("行政处罚法 Art. 66 ¶2: deferral approved by the head moves the payment deadline; paid by the new date, no surcharge")
    void deferral() {
        ProcessInstance instance = servedPenalty("暂缓当事人", 0);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral", "deferralAppliedOn", TODAY.toString(),
                "deferralReason", "家庭突遭变故"));
        ResponseEntity<String> earlier = post("xfhead", "/engine-rest/task/" + task("approveDeferral", instance).getId()
                + "/submit-form", variables(Map.of("deferralDecision", "approve", "deferralKind", "defer",
                "newPaymentDueDate", TODAY.toString())));
        assertThat(json(earlier).path("errors").get(0).path("field").asText()).isEqualTo("newPaymentDueDate");
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "defer",
                "newPaymentDueDate", TODAY.plusDays(60).toString()));
        Task payment = task("recordPayment", instance);
        assertThat(payment.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(60)));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 1000));
        assertThat(runtimeService.getVariable(instance.getId(), "surcharge")).isEqualTo(0.0);
        assertThat(instance).isWaitingAt("closeCase");
    }

    @Test
    @DisplayName("行政处罚法 Art. 66 ¶2: instalments need at least two; a refused application goes back to payment")
    void instalments() {
        ProcessInstance instance = servedPenalty("分期当事人", 0);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral", "deferralAppliedOn", TODAY.toString(),
                "deferralReason", "经营困难"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "reject"));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral", "deferralAppliedOn", TODAY.toString(),
                "deferralReason", "经营困难，再次申请"));
        ResponseEntity<String> oneInstalment = post("xfhead", "/engine-rest/task/" + task("approveDeferral", instance).getId()
                + "/submit-form", variables(Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 1, "newPaymentDueDate", TODAY.plusDays(90).toString())));
        assertThat(json(oneInstalment).path("errors").get(0).path("field").asText()).isEqualTo("instalmentCount");
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 3, "newPaymentDueDate", TODAY.plusDays(90).toString()));
        assertThat(runtimeService.getVariable(instance.getId(), "paymentDueDate")).isEqualTo(TODAY.plusDays(90).toString());
    }

    @Test
    @DisplayName("行政强制法 Arts. 53–54: unpaid after the deadline → 催告; the court is applied to 10 working days after it, after the 6-month litigation period, within 3 months")
    void reminderAndCourtApplication() {
        ProcessInstance early = servedPenalty("未到期当事人", 0);
        ResponseEntity<String> notYet = post("xfhandler1", "/engine-rest/task/" + task("recordPayment", early).getId()
                + "/submit-form", variables(Map.of("paymentOutcome", "notPaid")));
        assertThat(json(notYet).path("errors").get(0).path("field").asText()).isEqualTo("paymentOutcome");

        ProcessInstance instance = servedPenalty("拒不缴纳当事人", 200);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "notPaid"));
        complete(instance, "issueReminder", Map.of("reminderServedOn", TODAY.minusDays(20).toString()));
        LocalDate servedOn = TODAY.minusDays(200);
        assertThat(runtimeService.getVariable(instance.getId(), "courtApplicationLast"))
                .isEqualTo(servedOn.plusMonths(6).plusMonths(3).toString());
        Task court = task("applyToCourt", instance);
        assertThat(court.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(servedOn.plusMonths(9)));
        complete(instance, "applyToCourt", Map.of("courtAppliedOn", TODAY.toString(), "court", "庆阳市西峰区人民法院"));
        assertThat(instance).isWaitingAt("closeCase");

        ProcessInstance tooSoon = servedPenalty("催告未满当事人", 200);
        complete(tooSoon, "recordPayment", Map.of("paymentOutcome", "notPaid"));
        complete(tooSoon, "issueReminder", Map.of("reminderServedOn", TODAY.toString()));
        ResponseEntity<String> refused = post("xfhandler1", "/engine-rest/task/" + task("applyToCourt", tooSoon).getId()
                + "/submit-form", variables(Map.of("courtAppliedOn", TODAY.toString(), "court", "西峰区人民法院")));
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("courtAppliedOn");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 56, 85: preserved evidence must be decided on within 7 working days — the head decides (送检鉴定), or the preservation lapses and is lifted when the limit passes")
    void evidencePreservation() {
        ProcessInstance decided = filedCase("保存当事人甲");
        ResponseEntity<String> noList = post("xfhandler1", "/engine-rest/task/" + task("investigate", decided).getId()
                + "/submit-form", variables(Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "扣留车辆行驶证", "evidencePreserved", true, "preservedOn", TODAY.toString())));
        assertThat(json(noList).path("errors").get(0).path("field").asText()).isEqualTo("preservedItems");
        investigate(decided, "现场检查",
                Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(), "preservedItems", "车辆道路运输证 1 份"));
        Task decision = task("decidePreservation", decided);
        assertThat(decision).hasCandidateGroup("xifengHead");
        assertThat(decision.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 7).date()));
        complete(decided, "decidePreservation", Map.of("preservationOutcome", "appraisal"));
        assertThat(decided).isWaitingAt("investigationReport");

        ProcessInstance lapsed = filedCase("保存当事人乙");
        investigate(lapsed, "现场检查",
                Map.of("evidencePreserved", true, "preservedOn", TODAY.toString(), "preservedItems", "货物 20 箱"));
        fireTimer(lapsed, "preservationLapsed");
        assertThat(lapsed).hasPassed("liftPreservation").isWaitingAt("investigationReport");
        assertThat(procedure.history(caseNumberOf(lapsed))).extracting(CaseEvent::getStep)
                .contains("liftPreservation").doesNotContain("decidePreservation");
    }

    @Test
    @DisplayName("行政强制法 Art. 25: a seizure lasts 30 days, extended once by the head by 30 more — a second extension is refused; 扣押 released within the period")
    void seizureExtendedOnce() {
        ProcessInstance instance = filedCase("扣押当事人甲");
        investigate(instance, "扣押非法营运车辆",
                Map.of("seizureApplied", true, "seizedOn", TODAY.toString(), "seizedItems", "小型客车 1 辆（甘M·K8888）"));
        Task review = task("reviewSeizure", instance);
        assertThat(review).hasCandidateGroup("xifengHead");
        assertThat(review.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(30)));
        complete(instance, "reviewSeizure", Map.of("seizureOutcome", "extend", "seizureComment", "需进行车辆技术鉴定"));
        Task extended = task("reviewSeizure", instance);
        assertThat(extended.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(60)));
        ResponseEntity<String> again = post("xfhead", "/engine-rest/task/" + extended.getId() + "/submit-form",
                variables(Map.of("seizureOutcome", "extend", "seizureComment", "再次延长")));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(again).path("errors").get(0).path("message").asText()).contains("只能延长一次");
        complete(instance, "reviewSeizure", Map.of("seizureOutcome", "release"));
        assertThat(instance).hasPassed("extendSeizure").isWaitingAt("investigationReport");
    }

    @Test
    @DisplayName("行政强制法 Art. 28: no decision when the seizure period ends — the seizure is lifted and the items returned")
    void seizureLapses() {
        ProcessInstance instance = filedCase("扣押当事人乙");
        investigate(instance, "扣押车辆",
                Map.of("seizureApplied", true, "seizedOn", TODAY.toString(), "seizedItems", "货车 1 辆"));
        fireTimer(instance, "seizureLapsed");
        assertThat(instance).hasPassed("liftSeizure").isWaitingAt("investigationReport");
    }

    @Test
    @DisplayName("行政处罚法 Art. 43: the party asks an investigator to withdraw — refused by the head the case goes on; granted, it goes back to investigation by other officers")
    void recusal() {
        ProcessInstance instance = filedCase("回避当事人");
        ResponseEntity<String> notAnInvestigator = post("xfhandler1", "/engine-rest/task/" + task("investigate", instance).getId()
                + "/submit-form", variables(Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "调查", "recusalRequested", true, "recusalOfficer", "qchandler1",
                "recusalReason", "亲属关系")));
        assertThat(json(notAnInvestigator).path("errors").get(0).path("field").asText()).isEqualTo("recusalOfficer");
        investigate(instance, "调查",
                Map.of("recusalRequested", true, "recusalOfficer", "xfhandler2", "recusalReason", "调查人员与当事人有亲属关系"));
        assertThat(task("decideRecusal", instance)).hasCandidateGroup("xifengHead");
        complete(instance, "decideRecusal", Map.of("recusalDecision", "grant", "recusalDecisionReason", "经查属实"));
        assertThat(instance).isWaitingAt("investigate");
        complete(instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhead",
                "investigationFindings", "重新调查", "recusalRequested", true, "recusalOfficer", "xfhead",
                "recusalReason", "无理由申请"));
        complete(instance, "decideRecusal", Map.of("recusalDecision", "refuse", "recusalDecisionReason", "无法定回避情形"));
        assertThat(instance).isWaitingAt("investigationReport");
    }

    @Test
    @DisplayName("domain.md §4.2: proposing 500 yuan for unlicensed passenger transport (statutory 10,000–100,000, 道路运输条例 Art. 63(2)) is refused with the range and its basis")
    void fineOutsideStatutoryRange() {
        ProcessInstance instance = filedCase("黑车司机");
        investigate(instance, "驾驶七座车辆载客收费", Map.of());
        ResponseEntity<String> refused = post("xfhandler1", "/engine-rest/task/" + task("investigationReport", instance).getId()
                + "/submit-form", variables(Map.of("facts", "未取得许可从事客运", "legalBasis", "道路运输条例第六十三条",
                "proposedOutcome", "penalty", "partyType", "citizen", "violationCode", "YZ-KY-WZ", "proposedFine", 500)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("proposedFine");
        assertThat(json(refused).path("errors").get(0).path("message").asText())
                .contains("10000–100000", "《中华人民共和国道路运输条例》第六十三条第（二）项");
        assertThat(instance).isWaitingAt("investigationReport");
        complete(instance, "investigationReport", Map.of("facts", "未取得许可从事客运", "legalBasis", "道路运输条例第六十三条",
                "proposedOutcome", "penalty", "partyType", "citizen", "violationCode", "YZ-KY-WZ", "proposedFine", 10000));
        assertThat(instance).isWaitingAt("legalReview");
    }

    @Test
    @DisplayName("行政处罚法 Art. 57 ¶2 via DMN collectiveDiscussionRequired: a complex case is decided by the heads together — at least two heads must be named")
    void collectiveDiscussion() {
        ProcessInstance instance = filedCase("集体讨论当事人");
        investigate(instance, "多个法律关系交织", Map.of());
        complete(instance, "investigationReport", Map.of("facts", "事实", "legalBasis", "依据", "proposedOutcome",
                "penalty", "proposedFine", 3000, "complexCase", true, "partyType", "organisation", "violationCode", "LZ-CX"));
        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        noticeAndRecheck(instance, 3000);
        assertThat(runtimeService.getVariable(instance.getId(), "collectiveDiscussionRequired")).isEqualTo(true);
        Task discussion = task("collectiveDiscussion", instance);
        assertThat(discussion).hasCandidateGroup("xifengHead");
        ResponseEntity<String> alone = post("xfhead", "/engine-rest/task/" + discussion.getId() + "/submit-form",
                variables(Map.of("discussionParticipants", "张建国", "discussionConclusion", "同意")));
        assertThat(json(alone).path("errors").get(0).path("field").asText()).isEqualTo("discussionParticipants");
        complete(instance, "collectiveDiscussion", Map.of("discussionParticipants", "张建国、陈副队长",
                "discussionConclusion", "同意罚款 3000 元"));
        assertThat(instance).isWaitingAt("decidePenalty");
    }

    private void fireTimer(ProcessInstance instance, String timerStartEvent) {
        org.camunda.bpm.engine.runtime.Job timer = processEngine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId(timerStartEvent).singleResult();
        assertThat(timer).as(timerStartEvent + " timer").isNotNull();
        processEngine.getManagementService().executeJob(timer.getId());
    }

    private java.util.Date timerDue(ProcessInstance instance, String timerStartEvent) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(timerStartEvent).singleResult().getDuedate();
    }

    @Test
    @DisplayName("行政处罚法 Art. 60: the decision is due 90 calendar days after filing — the decision-phase tasks carry that limit as due date, and the warning is timed 10 days before")
    void ninetyDayLimit() {
        ProcessInstance instance = filedCase("期限案件甲");
        java.util.Date limit = WorkingDayDeadlines.endOfDay(TODAY.plusDays(90));
        assertThat(task("investigate", instance).getDueDate()).isEqualTo(limit);
        assertThat(timerDue(instance, "decisionDeadlinePassed")).isEqualTo(limit);
        assertThat(timerDue(instance, "decisionWarningDue")).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(80)));
    }

    @Test
    @DisplayName("domain.md §2.9: testing or appraisal time is excluded from the 90-day limit — an appraisal from 12 to 5 days ago moves the limit, its timers and the next task's due date by 7 days; an opinion dated before its commission is refused")
    void appraisalTimeIsExcluded() {
        ProcessInstance instance = filedCase("期限案件鉴定");
        investigate(instance, "委托车辆技术鉴定", Map.of());
        Map<String, Object> report = new java.util.HashMap<>(Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《道路运输条例》第六十三条", "proposedOutcome", "noPenalty", "partyType", "citizen", "correctedPromptly", true,
                "appraisalCommissionedOn", TODAY.minusDays(5).toString(), "appraisalOpinionOn", TODAY.minusDays(12).toString()));
        assertThatThrownBy(() -> taskService.complete(task("investigationReport", instance).getId(), report))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("appraisalOpinionOn");
        report.put("appraisalCommissionedOn", TODAY.minusDays(12).toString());
        report.put("appraisalOpinionOn", TODAY.minusDays(5).toString());
        complete(instance, "investigationReport", report);
        java.util.Date moved = WorkingDayDeadlines.endOfDay(TODAY.plusDays(97));
        assertThat(runtimeService.getVariable(instance.getId(), "decisionDeadline")).isEqualTo(moved);
        assertThat(timerDue(instance, "decisionDeadlinePassed")).isEqualTo(moved);
        assertThat(timerDue(instance, "decisionWarningDue")).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(87)));
        assertThat(task("decideNoPenalty", instance).getDueDate()).isEqualTo(moved);
    }

    @Test
    @DisplayName("Art. 60 warning: the handler asks for an extension with a reason, the head approves — the limit, its timer and the open task's due date move by 30 days")
    void warningAndApprovedExtension() {
        ProcessInstance instance = filedCase("期限案件乙");
        fireTimer(instance, "decisionWarningDue");
        Task warning = task("decisionDeadlineWarning", instance);
        assertThat(warning).hasCandidateGroup("xifengHandler").hasCandidateGroup("xifengHead");
        ResponseEntity<String> noReason = post("xfhandler1", "/engine-rest/task/" + warning.getId() + "/submit-form",
                variables(Map.of("requestExtension", true)));
        assertThat(json(noReason).path("errors").get(0).path("field").asText()).isEqualTo("extensionReason");
        taskService.complete(warning.getId(), Map.of("requestExtension", true, "extensionReason", "需等待车辆技术鉴定结论"));
        complete(instance, "approveExtension", Map.of("extensionDecision", "approve"));
        java.util.Date extended = WorkingDayDeadlines.endOfDay(TODAY.plusDays(120));
        assertThat(runtimeService.getVariable(instance.getId(), "decisionDeadline")).isEqualTo(extended);
        assertThat(timerDue(instance, "decisionDeadlinePassed")).isEqualTo(extended);
        assertThat(task("investigate", instance).getDueDate()).isEqualTo(extended);
        assertThat(procedure.history(caseNumberOf(instance))).extracting(CaseEvent::getStep)
                .contains("decisionDeadlineWarning", "approveExtension", "extendDecisionDeadline");
    }

    @Test
    @DisplayName("Art. 60 warning: no extension asked, or the head refuses one — the limit stays")
    void warningWithoutExtension() {
        ProcessInstance first = filedCase("期限案件丙");
        fireTimer(first, "decisionWarningDue");
        complete(first, "decisionDeadlineWarning", Map.of());
        assertThat(first).hasPassed("noExtensionRequested");
        ProcessInstance second = filedCase("期限案件丁");
        fireTimer(second, "decisionWarningDue");
        complete(second, "decisionDeadlineWarning", Map.of("requestExtension", true, "extensionReason", "案情复杂"));
        complete(second, "approveExtension", Map.of("extensionDecision", "reject"));
        assertThat(second).hasPassed("extensionRefused");
        assertThat(timerDue(second, "decisionDeadlinePassed")).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(90)));
    }

    @Test
    @DisplayName("Art. 60 passed with no decision: escalated to the city legal supervisor, who records a 督办 opinion")
    void overdueEscalatesToSupervisor() {
        ProcessInstance instance = filedCase("期限案件戊");
        fireTimer(instance, "decisionDeadlinePassed");
        Task supervision = task("superviseOverdueCase", instance);
        assertThat(supervision).hasCandidateGroup("qylegalSupervisor");
        ResponseEntity<String> done = post("citysupervisor", "/engine-rest/task/" + supervision.getId() + "/submit-form",
                variables(Map.of("supervisionOpinion", "限 5 个工作日内作出决定")));
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(instance).hasPassed("overdueSupervised").isWaitingAt("investigate");
    }

    @Test
    @DisplayName("once the decision is made, the warning and the limit end quietly")
    void timersAfterDecision() {
        ProcessInstance instance = filedCase("期限案件己");
        investigateAndReport(instance, "noPenalty", null);
        complete(instance, "decideNoPenalty", Map.of("headDecision", "approve", "educationForm", "oral",
                "educatedOn", TODAY.toString(), "educatedBy", "xfhandler1"));
        fireTimer(instance, "decisionWarningDue");
        fireTimer(instance, "decisionDeadlinePassed");
        assertThat(instance).hasPassed("warningNotNeeded", "overdueNotRelevant").isWaitingAt("serveDecision");
    }

    private String caseNumberOfHistory(ProcessInstance instance) {
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("caseNumber").singleResult().getValue();
    }
}
