package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.penalty.PoliceFiling;
import org.sanlian.penalty.PoliceFilings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 《行政执法机关移送涉嫌犯罪案件的规定》 after the case is sent: the police decide on filing within 3 days (Art. 8);
 * seized items follow a filing within 3 days (Art. 12); a refusal may be taken back to them within 3 days, and they
 * answer within 3 (Art. 9); a case they do not file, or send back, is handled by the body itself (Arts. 10, 13).
 * Until the police file it, the case is not concluded, not archived and not lost.
 */
@DisplayName("移送规定 Arts. 8, 9, 10, 12, 13 — what the police did with a transferred case is recorded, and a case they do not file comes back")
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class PoliceFilingAfterCrimeTransferTest extends CaseProcedureTestSupport {

    @Autowired
    PoliceFilings policeFilings;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** Approved by the head and sent to the police today: waits in 公安机关立案审查结果. */
    private ProcessInstance sentToThePolice(String party) {
        ProcessInstance instance = filedCase(party);
        investigate(instance, "investigate");
        complete(instance, "investigationReport", new HashMap<>(Map.of("facts", "当事人非法运输危险化学品", "legalBasis",
                "《危险化学品安全管理条例》", "proposedOutcome", "crimeTransfer", "partyType", "citizen",
                "violationCode", "LZ-CX")));
        complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve",
                "receivingOrgan", "庆阳市公安局西峰分局"));
        complete(instance, "sendCrimeTransfer", Map.of("transferSentOn", TODAY.toString(),
                "transferMaterials", new java.util.ArrayList<>(List.of("transferLetter", "investigationReport", "itemList")),
                "receiptSignedBy", "刘警官"));
        assertThat(instance).isWaitingAt("recordPoliceFilingDecision");
        return instance;
    }

    /** The stored day of sending moved back, so that the police's days can have passed. */
    private void sentDaysAgo(ProcessInstance instance, int days) {
        jdbc.update("update case_penalty set crime_transfer_sent_on = ? where case_number = ?",
                java.sql.Date.valueOf(TODAY.minusDays(days)), caseNumberOf(instance));
    }

    private int archiveJobs(String caseNumber) {
        return jdbc.queryForObject("select count(*) from document_render_job where case_number = ? and work = 'ARCHIVE'",
                Integer.class, caseNumber);
    }

    @Test
    @DisplayName("移送规定 Art. 8: sent is not ended — the case waits, due 3 days after sending, for the police's decision; its file is closed meanwhile and nothing is archived")
    void art8_sentCaseWaitsForThePolice() {
        ProcessInstance instance = sentToThePolice("移送立案当事人甲");
        String caseNumber = caseNumberOf(instance);
        assertThat(task("recordPoliceFilingDecision", instance).getDueDate())
                .isEqualTo(ProcedureFacts.endOfDay(TODAY.plusDays(3)));
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
        assertThat(caseFiles.history(caseNumber)).extracting(CaseEvent::getNote)
                .anySatisfy(note -> assertThat(note).contains("公安机关应于 " + TODAY.plusDays(3) + " 前作出立案或者不予立案的决定"))
                // the record an officer and the 结案报告 read: the organ approved, the materials by name, a time in minutes
                .anySatisfy(note -> assertThat(note).contains("移送 庆阳市公安局西峰分局，签收人 刘警官，材料 涉嫌犯罪案件移送书、涉嫌犯罪案件调查报告、涉案物品清单"))
                .anySatisfy(note -> assertThat(note).containsPattern("批准移送 庆阳市公安局西峰分局，应于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 前移送"));
        assertThat(archiveJobs(caseNumber)).isZero();
        // another body's handler cannot record the police's answer for this case
        ResponseEntity<String> stranger = submit("qchandler1", instance, "recordPoliceFilingDecision",
                Map.of("policeFilingDecision", "filed", "policeDecidedOn", TODAY.toString(), "policeDocumentNumber", "西公立字〔2026〕1号"));
        assertThat(stranger.getStatusCode()).as(stranger.getBody()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(policeFilings.ofCase(caseNumber)).isEmpty();
    }

    @Test
    @DisplayName("移送规定 Arts. 8, 12: a filing is recorded with the police's document number and the items' hand-over; without the number, before the sending, or items late without a reason it is refused naming the field; once filed the transfer is concluded and archived; no refusal is logged as an ERROR")
    void art8_art12_filedByThePolice(org.springframework.boot.test.system.CapturedOutput output) {
        ProcessInstance instance = sentToThePolice("移送立案当事人乙");
        String caseNumber = caseNumberOf(instance);
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of()), "policeFilingDecision");
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of()), "policeDecidedOn");
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision",
                Map.of("policeFilingDecision", "filed", "policeDecidedOn", TODAY.toString())), "policeDocumentNumber");
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of("policeFilingDecision", "filed",
                "policeDecidedOn", TODAY.minusDays(1).toString(), "policeDocumentNumber", "西公立字〔2026〕2号")), "policeDecidedOn");
        // a field the form hides for a filing (the date of a reconsideration request) takes no value
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of("policeFilingDecision", "filed",
                "policeDecidedOn", TODAY.toString(), "policeDocumentNumber", "西公立字〔2026〕2号",
                "reconsiderationRequestedOn", TODAY.toString())), "reconsiderationRequestedOn");
        sentDaysAgo(instance, 10);
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of("policeFilingDecision", "filed",
                "policeDecidedOn", TODAY.minusDays(8).toString(), "policeDocumentNumber", "西公立字〔2026〕2号",
                "itemsHandedOverOn", TODAY.toString())), "itemsLateReason");
        assertThat(policeFilings.ofCase(caseNumber)).isEmpty();
        assertThat(instance).isWaitingAt("recordPoliceFilingDecision");
        // operators' log: six refused forms are six 400s, not six ERROR stack traces (RefusalLogFilter)
        assertThat(output.getAll()).doesNotContain("ENGINE-16004");

        ResponseEntity<String> filed = submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of(
                "policeFilingDecision", "filed", "policeDecidedOn", TODAY.minusDays(8).toString(),
                "policeDocumentNumber", "西公立字〔2026〕2号", "itemsHandedOverOn", TODAY.minusDays(6).toString()));
        assertThat(filed.getStatusCode().is2xxSuccessful()).as(filed.getBody()).isTrue();
        // filed: the case is the judicial organs' to finish; it waits for what they did (行政处罚法 Art. 27 ¶1)
        assertThat(instance).hasPassed("policeFilingDecided", "crimeTransferSent").isWaitingAt("recordJudicialOutcome");
        PoliceFiling filing = policeFilings.ofCase(caseNumber).get(0);
        assertThat(filing.getOutcome()).isEqualTo(PoliceFiling.Outcome.filed);
        assertThat(filing.getPoliceDocumentNumber()).isEqualTo("西公立字〔2026〕2号");
        assertThat(filing.getItemsHandedOverOn()).isEqualTo(TODAY.minusDays(6));
        assertThat(filing.getRecordedBy()).isEqualTo("xfhandler1");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
        assertThat(caseFiles.history(caseNumber)).last().satisfies(event -> {
            assertThat(event.getStep()).isEqualTo("recordPoliceFilingDecision");
            assertThat(event.getNote()).contains("决定立案", "西公立字〔2026〕2号");
        });
        assertThat(archiveJobs(caseNumber)).isEqualTo(1);
    }

    @Test
    @DisplayName("移送规定 Arts. 9, 10, 13: a refusal taken back to the police within 3 days waits for their answer (due 3 days after the request, with the officer who asked); a late request, a second one or no reason is refused naming the field; still not filed, the case returns to 案件调查报告 with its file open and goes on to a penalty")
    void art9_art13_notFiledComesBack() {
        ProcessInstance instance = sentToThePolice("移送立案当事人丙");
        String caseNumber = caseNumberOf(instance);
        sentDaysAgo(instance, 10);
        Map<String, Object> notFiled = new HashMap<>(Map.of("policeFilingDecision", "reconsiderationRequested",
                "policeDecidedOn", TODAY.minusDays(8).toString(), "reconsiderationRequestedOn", TODAY.minusDays(6).toString()));
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", notFiled), "policeReason");
        notFiled.put("policeReason", "涉案数量未达到刑事立案追诉标准");
        notFiled.put("reconsiderationRequestedOn", TODAY.minusDays(4).toString());
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", notFiled), "reconsiderationRequestedOn");
        notFiled.put("reconsiderationRequestedOn", TODAY.minusDays(6).toString());
        // the first round's form says nothing of a reconsideration
        assertThat(formShows(instance, "reconsiderationAwaited")).isEqualTo("false");
        ResponseEntity<String> requested = submit("xfhandler1", instance, "recordPoliceFilingDecision", notFiled);
        assertThat(requested.getStatusCode().is2xxSuccessful()).as(requested.getBody()).isTrue();
        // the second round's says what is awaited, read from the recorded answer when the form opens
        assertThat(formShows(instance, "reconsiderationAwaited")).isEqualTo("true");
        assertThat(formShows(instance, "reconsiderationText")).contains("公安机关 " + TODAY.minusDays(8) + " 不予立案（涉案数量未达到刑事立案追诉标准）",
                "已于 " + TODAY.minusDays(6) + " 提请复议", "只能提请复议一次");
        assertThat(instance).hasPassed("policeFilingDecided").isWaitingAt("recordPoliceFilingDecision");
        assertThat(task("recordPoliceFilingDecision", instance).getDueDate())
                .isEqualTo(ProcedureFacts.endOfDay(TODAY.minusDays(3)));
        // the officer who asked for the reconsideration has the answer to record: in 我的待办, not the unit's queue
        assertThat(task("recordPoliceFilingDecision", instance).getAssignee()).isEqualTo("xfhandler1");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);

        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", notFiled), "policeFilingDecision");
        Map<String, Object> stillNotFiled = Map.of("policeFilingDecision", "handledAdministratively",
                "policeDecidedOn", TODAY.minusDays(7).toString(), "policeReason", "复议维持不予立案决定");
        assertRefused(submit("xfhandler1", instance, "recordPoliceFilingDecision", stillNotFiled), "policeDecidedOn");
        ResponseEntity<String> back = submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of(
                "policeFilingDecision", "handledAdministratively", "policeDecidedOn", TODAY.minusDays(4).toString(),
                "policeReason", "复议维持不予立案决定"));
        assertThat(back.getStatusCode().is2xxSuccessful()).as(back.getBody()).isTrue();
        assertThat(instance).hasPassed("policeFilingDecided").hasNotPassed("crimeTransferred")
                .isWaitingAt("investigationReport");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(policeFilings.ofCase(caseNumber)).extracting(PoliceFiling::getOutcome).containsExactly(
                PoliceFiling.Outcome.reconsiderationRequested, PoliceFiling.Outcome.handledAdministratively);
        assertThat(caseFiles.history(caseNumber)).last().extracting(CaseEvent::getNote).asString()
                .contains("复议决定仍不予立案", "案件回到案件调查报告");
        assertThat(archiveJobs(caseNumber)).isZero();

        // 行政处罚法 Art. 57 through the body's own procedure: the investigators propose a penalty now
        report(instance, "investigationReport", 2000);
        assertThat(instance).isWaitingAt("issueNotice");
        assertThat(runtimeService.getVariable(instance.getId(), "decisionMade")).isEqualTo(false);
    }

    /** A value of 公安机关立案审查结果's form variables as Tasklist reads them. */
    private String formShows(ProcessInstance instance, String name) {
        return formVariable(instance, "recordPoliceFilingDecision", name);
    }

    private org.camunda.bpm.engine.runtime.Job timer(ProcessInstance instance, String activity) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activity).singleResult();
    }

    @Test
    @DisplayName("行政处罚法 Art. 27 ¶1: a case the police filed comes back when the judicial organs find no criminal liability to pursue but an administrative penalty due — it returns to 案件调查报告 with its file open and its 90-day limit moved by the days it was away; a return without the organ's document number or dated before the filing is refused naming the field; concluded criminal proceedings end the case")
    void art27_returnedByTheJudicialOrgansAfterFiling() throws java.io.IOException {
        ProcessInstance instance = sentToThePolice("移回当事人庚");
        String caseNumber = caseNumberOf(instance);
        sentDaysAgo(instance, 30);
        ResponseEntity<String> filed = submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of(
                "policeFilingDecision", "filed", "policeDecidedOn", TODAY.minusDays(28).toString(),
                "policeDocumentNumber", "西公立字〔2026〕7号"));
        assertThat(filed.getStatusCode().is2xxSuccessful()).as(filed.getBody()).isTrue();
        assertThat(instance).isWaitingAt("recordJudicialOutcome");
        // the judicial organs' timing is not the body's: the step has no due date, and the limit's timers stand still
        assertThat(task("recordJudicialOutcome", instance).getDueDate()).isNull();
        assertThat(timer(instance, "decisionDeadlinePassed").isSuspended()).isTrue();
        // a return is recorded with the judicial organ's document, and not before the police filed
        assertRefused(submit("xfhandler1", instance, "recordJudicialOutcome", Map.of("judicialOutcome", "returned",
                "judicialDecidedOn", TODAY.minusDays(2).toString(), "judicialAuthority", "庆阳市西峰区人民检察院",
                "judicialReason", "犯罪情节轻微，决定不起诉")), "judicialDocumentNumber");
        assertRefused(submit("xfhandler1", instance, "recordJudicialOutcome", Map.of("judicialOutcome", "returned",
                "judicialDecidedOn", TODAY.minusDays(29).toString(), "judicialAuthority", "庆阳市西峰区人民检察院",
                "judicialDocumentNumber", "西检不诉〔2026〕3号", "judicialReason", "犯罪情节轻微，决定不起诉")), "judicialDecidedOn");
        ResponseEntity<String> stranger = submit("qchandler1", instance, "recordJudicialOutcome", Map.of(
                "judicialOutcome", "concluded", "judicialDecidedOn", TODAY.toString(), "judicialAuthority", "某法院"));
        assertThat(stranger.getStatusCode()).as(stranger.getBody()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(instance).isWaitingAt("recordJudicialOutcome");

        ResponseEntity<String> returned = submit("xfhandler1", instance, "recordJudicialOutcome", Map.of(
                "judicialOutcome", "returned", "judicialDecidedOn", TODAY.minusDays(2).toString(),
                "judicialAuthority", "庆阳市西峰区人民检察院", "judicialDocumentNumber", "西检不诉〔2026〕3号",
                "judicialReason", "犯罪情节轻微，决定不起诉，建议依法给予行政处罚"));
        assertThat(returned.getStatusCode().is2xxSuccessful()).as(returned.getBody()).isTrue();
        assertThat(instance).isWaitingAt("investigationReport").hasNotPassed("crimeTransferred");
        assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(policeFilings.ofCase(caseNumber)).extracting(PoliceFiling::getOutcome)
                .containsExactly(PoliceFiling.Outcome.filed, PoliceFiling.Outcome.judicialReturn);
        assertThat(caseFiles.history(caseNumber)).last().satisfies(event -> {
            assertThat(event.getStep()).isEqualTo("recordJudicialOutcome");
            assertThat(event.getNote()).contains("庆阳市西峰区人民检察院", "西检不诉〔2026〕3号", "案件回到案件调查报告",
                    "行政处罚法第二十七条第一款");
        });
        // sent 30 days ago, back 2 days ago: 28 days with the police and the procuratorate are not the body's
        java.util.Date moved = ProcedureFacts.endOfDay(TODAY.plusDays(90 + 28));
        assertThat(runtimeService.getVariable(instance.getId(), "decisionDeadline")).isEqualTo(moved);
        assertThat(timer(instance, "decisionDeadlinePassed").isSuspended()).isFalse();
        assertThat(timer(instance, "decisionDeadlinePassed").getDuedate()).isEqualTo(moved);

        // the reopened 案件调查报告 says who sent it back and why, as after a police refusal (found in Chromium: it said nothing)
        assertThat(formVariable(instance, "investigationReport", "judicialReason")).contains("决定不起诉");
        assertThat(new String(new org.springframework.core.io.ClassPathResource("forms/investigationReport.form")
                .getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).contains("**司法机关移回**", "{{judicialReason}}",
                "judicialOutcome != \\\"returned\\\"");
        // the body decides now, through its own procedure (Art. 57)
        report(instance, "investigationReport", 2000);
        assertThat(instance).isWaitingAt("issueNotice");
    }

    @Test
    @DisplayName("行政处罚法 Art. 60 with 移送规定 Arts. 8, 10, 13: while the police have the case the 90-day limit's warning and overdue timers stand still; a case they send back gets the limit moved by the days it was away, and both timers run again — the overdue one still reaches the supervisor")
    void art60_theLimitWaitsWhileThePoliceHaveTheCase() {
        ProcessInstance instance = sentToThePolice("移送期限当事人戊");
        java.util.Date limit = (java.util.Date) runtimeService.getVariable(instance.getId(), "decisionDeadline");
        assertThat(limit).isEqualTo(ProcedureFacts.endOfDay(TODAY.plusDays(90)));
        // with the police: neither timer can fire, so neither is used up on a case the body does not hold
        assertThat(timer(instance, "decisionWarningDue").isSuspended()).isTrue();
        assertThat(timer(instance, "decisionDeadlinePassed").isSuspended()).isTrue();
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .active().list()).extracting(org.camunda.bpm.engine.runtime.Job::getId)
                .doesNotContain(timer(instance, "decisionWarningDue").getId(), timer(instance, "decisionDeadlinePassed").getId());

        // sent 10 days ago, sent back 4 days ago: 6 days with the police
        sentDaysAgo(instance, 10);
        ResponseEntity<String> back = submit("xfhandler1", instance, "recordPoliceFilingDecision", Map.of(
                "policeFilingDecision", "handledAdministratively", "policeDecidedOn", TODAY.minusDays(4).toString(),
                "policeReason", "不构成犯罪，退回依法处理"));
        assertThat(back.getStatusCode().is2xxSuccessful()).as(back.getBody()).isTrue();
        assertThat(instance).isWaitingAt("investigationReport");
        java.util.Date moved = ProcedureFacts.endOfDay(TODAY.plusDays(96));
        assertThat(runtimeService.getVariable(instance.getId(), "decisionDeadline")).isEqualTo(moved);
        org.camunda.bpm.engine.runtime.Job overdue = timer(instance, "decisionDeadlinePassed");
        org.camunda.bpm.engine.runtime.Job warning = timer(instance, "decisionWarningDue");
        assertThat(overdue.isSuspended()).isFalse();
        assertThat(warning.isSuspended()).isFalse();
        assertThat(overdue.getDuedate()).isEqualTo(moved);
        assertThat(warning.getDuedate()).isEqualTo(runtimeService.getVariable(instance.getId(), "decisionWarningAt"));
        assertThat(warning.getDuedate()).isBefore(moved);

        // the case is undecided again, so when the moved limit passes the supervisor is told
        processEngine.getManagementService().executeJob(overdue.getId());
        assertThat(instance).hasPassed("overdueStillUndecided").isWaitingAt("superviseOverdueCase", "investigationReport");
    }

    @Test
    @DisplayName("移送规定 Arts. 8, 10 with two officers at once: one records the filing through /engine-rest, the other the return through Tasklist's session (/camunda/api/engine) — one answer is kept and the case follows it; the other is refused (409, 404 or 400, in Chinese), and no second answer is on file")
    void twoAnswersAtOnceKeepOne() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                ProcessInstance instance = sentToThePolice("移送并发当事人" + round);
                String caseNumber = caseNumberOf(instance);
                String taskId = task("recordPoliceFilingDecision", instance).getId();
                org.sanlian.security.WebappSession colleague = org.sanlian.security.WebappSession.login(port,
                        "xfhandler2", DEMO_PASSWORD);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                String returnBody = JSON.writeValueAsString(variables(Map.of("policeFilingDecision",
                        "handledAdministratively", "policeDecidedOn", TODAY.toString(), "policeReason", "不构成犯罪，退回依法处理")));
                java.util.concurrent.Future<ResponseEntity<String>> filing = pool.submit(() -> {
                    go.await();
                    return post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form", variables(Map.of(
                            "policeFilingDecision", "filed", "policeDecidedOn", TODAY.toString(),
                            "policeDocumentNumber", "西公立字〔2026〕9号")));
                });
                java.util.concurrent.Future<java.net.http.HttpResponse<String>> returning = pool.submit(() -> {
                    go.await();
                    return colleague.engine("POST", "/task/" + taskId + "/submit-form", returnBody);
                });
                go.countDown();
                ResponseEntity<String> filed = filing.get(120, java.util.concurrent.TimeUnit.SECONDS);
                java.net.http.HttpResponse<String> answer = returning.get(120, java.util.concurrent.TimeUnit.SECONDS);
                ResponseEntity<String> returned = ResponseEntity.status(answer.statusCode()).body(answer.body());
                String statuses = filed.getStatusCode().value() + "/" + returned.getStatusCode().value();
                assertThat(filed.getStatusCode().is2xxSuccessful() ^ returned.getStatusCode().is2xxSuccessful())
                        .as("exactly one answer kept: " + statuses + " " + filed.getBody() + " " + returned.getBody()).isTrue();
                ResponseEntity<String> loser = filed.getStatusCode().is2xxSuccessful() ? returned : filed;
                // 409 when both were inside the engine at once; 404 when the task had gone; 400 when the loser's rule
                // already read the case the winner moved on (its status no longer allows the step)
                assertThat(loser.getStatusCode().value()).as(loser.getBody()).isIn(400, 404, 409);
                assertThat(loser.getBody()).containsPattern("[\\u4e00-\\u9fff]").doesNotContain("SQL", "\tat ");
                List<PoliceFiling> onFile = policeFilings.ofCase(caseNumber);
                assertThat(onFile).as(statuses).hasSize(1);
                if (filed.getStatusCode().is2xxSuccessful()) {
                    assertThat(onFile.get(0).getOutcome()).isEqualTo(PoliceFiling.Outcome.filed);
                    assertThat(instance).isWaitingAt("recordJudicialOutcome");
                    assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
                } else {
                    assertThat(onFile.get(0).getOutcome()).isEqualTo(PoliceFiling.Outcome.handledAdministratively);
                    assertThat(instance).isWaitingAt("investigationReport");
                    assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.FILED);
                }
                System.out.println("police answers at once (filed / returned): " + statuses + " " + loser.getBody());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The shipped model without 公安机关立案审查结果: 移送司法机关？ ends the case at once, as models before it did. */
    private static String withoutThePoliceStep(String bpmn) {
        String ids = "(policeAnswerAwaited|toRecordPoliceFilingDecision|recordPoliceFilingDecision|policeFilingDecided|toPoliceFilingDecided|policeFiled|awaitReconsideration|policeNotFiled|recordJudicialOutcome|judicialOutcomeDecided|toJudicialOutcomeDecided|judicialReturned|criminalProceedingsConcluded)";
        String older = bpmn
                .replaceAll("(?s)\\s*<bpmn:userTask id=\"recordJudicialOutcome\".*?</bpmn:userTask>", "")
                .replaceAll("(?s)\\s*<bpmn:exclusiveGateway id=\"judicialOutcomeDecided\".*?</bpmn:exclusiveGateway>", "")
                .replaceAll("\\s*<bpmn:sequenceFlow id=\"toJudicialOutcomeDecided\"[^>]*/>", "")
                .replaceAll("(?s)\\s*<bpmn:sequenceFlow id=\"(judicialReturned|criminalProceedingsConcluded)\".*?</bpmn:sequenceFlow>", "")
                .replace("<bpmn:incoming>judicialReturned</bpmn:incoming>", "")
                .replace("<bpmn:incoming>criminalProceedingsConcluded</bpmn:incoming>", "<bpmn:incoming>crimeTransferChosenFlow</bpmn:incoming>")
                .replaceAll("(?s)\\s*<bpmn:userTask id=\"recordPoliceFilingDecision\".*?</bpmn:userTask>", "")
                .replaceAll("(?s)\\s*<bpmn:exclusiveGateway id=\"policeFilingDecided\".*?</bpmn:exclusiveGateway>", "")
                .replaceAll("(?s)\\s*<bpmn:exclusiveGateway id=\"policeAnswerAwaited\".*?</bpmn:exclusiveGateway>", "")
                .replaceAll("\\s*<bpmn:sequenceFlow id=\"toRecordPoliceFilingDecision\"[^>]*/>", "")
                .replaceAll("\\s*<bpmn:sequenceFlow id=\"toPoliceFilingDecided\"[^>]*/>", "")
                .replaceAll("(?s)\\s*<bpmn:sequenceFlow id=\"(policeFiled|awaitReconsideration|policeNotFiled)\".*?</bpmn:sequenceFlow>", "")
                .replaceAll("(?s)\\s*<bpmndi:BPMNShape id=\"" + ids + "_di\".*?</bpmndi:BPMNShape>", "")
                .replaceAll("(?s)\\s*<bpmndi:BPMNEdge id=\"" + ids + "_di\".*?</bpmndi:BPMNEdge>", "")
                .replace("<bpmn:incoming>policeNotFiled</bpmn:incoming>", "")
                .replace("targetRef=\"policeAnswerAwaited\"", "targetRef=\"crimeTransferred\"");
        assertThat(older).doesNotContain("recordPoliceFilingDecision", "policeFilingDecided", "policeAnswerAwaited",
                "recordJudicialOutcome", "judicialOutcomeDecided");
        return older;
    }

    @Test
    @DisplayName("移送规定 Arts. 5, 8: a model without the police's step (deployed before it, or from Modeler) ends at the sending — the case is concluded and archived there, not left open")
    void aModelWithoutThePoliceStepConcludesAtTheSending() throws java.io.IOException {
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "generalProcedure.bpmn"));
        ResponseEntity<String> deployed = deployWithFormsAndTables("without-police-step", withoutThePoliceStep(shipped));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        try {
            ProcessInstance instance = filedCase("移送立案当事人丁");
            String caseNumber = caseNumberOf(instance);
            investigate(instance, "investigate");
            complete(instance, "investigationReport", new HashMap<>(Map.of("facts", "当事人非法运输危险化学品",
                    "legalBasis", "《危险化学品安全管理条例》", "proposedOutcome", "crimeTransfer", "partyType", "citizen",
                    "violationCode", "LZ-CX")));
            complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve",
                    "receivingOrgan", "庆阳市公安局西峰分局"));
            complete(instance, "sendCrimeTransfer", Map.of("transferSentOn", TODAY.toString(),
                    "transferMaterials", new java.util.ArrayList<>(List.of("transferLetter", "investigationReport")),
                    "receiptSignedBy", "刘警官"));
            assertThat(instance).isEnded().hasPassed("crimeTransferred");
            assertThat(caseFiles.byNumber(caseNumber).getStatus()).isEqualTo(CaseStatus.CRIME_TRANSFERRED);
            assertThat(archiveJobs(caseNumber)).isEqualTo(1);
            assertThat(policeFilings.ofCase(caseNumber)).isEmpty();
        } finally {
            // the shipped model is the latest again for the rest of the suite
            processEngine.getRepositoryService().deleteDeployment(json(deployed).path("id").asText(), true);
        }
    }

    @Test
    @DisplayName("移送规定 Art. 6: the record names the materials as the deployed form names them — an option an analyst adds in Modeler reads as the officer saw it, not as its code")
    void art6_theMaterialsAreNamedAsTheDeployedFormNamesThem() throws java.io.IOException {
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("forms", "sendCrimeTransfer.form"));
        String lastOption = "{ \"label\": \"其他有关材料\", \"value\": \"otherMaterials\" }";
        assertThat(shipped).contains(lastOption);
        String changed = shipped.replace(lastOption, lastOption + ",\n        { \"label\": \"现场笔录及照片\", \"value\": \"sitePhotos\" }");
        ResponseEntity<String> deployed = deployWithFormsAndTables("materials-option-added",
                java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "generalProcedure.bpmn")),
                Map.of("sendCrimeTransfer.form", changed));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        try {
            ProcessInstance instance = filedCase("移送材料当事人己");
            assertThat(processEngine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId())
                    .getDeploymentId()).isEqualTo(json(deployed).path("id").asText());
            investigate(instance, "investigate");
            complete(instance, "investigationReport", new HashMap<>(Map.of("facts", "当事人非法运输危险化学品",
                    "legalBasis", "《危险化学品安全管理条例》", "proposedOutcome", "crimeTransfer", "partyType", "citizen",
                    "violationCode", "LZ-CX")));
            complete(instance, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve",
                    "receivingOrgan", "庆阳市公安局西峰分局"));
            complete(instance, "sendCrimeTransfer", Map.of("transferSentOn", TODAY.toString(),
                    "transferMaterials", new java.util.ArrayList<>(List.of("transferLetter", "investigationReport", "sitePhotos")),
                    "receiptSignedBy", "刘警官"));
            assertThat(caseFiles.history(caseNumberOf(instance))).extracting(CaseEvent::getNote)
                    .anySatisfy(note -> assertThat(note).contains("材料 涉嫌犯罪案件移送书、涉嫌犯罪案件调查报告、现场笔录及照片；"));
        } finally {
            processEngine.getRepositoryService().deleteDeployment(json(deployed).path("id").asText(), true);
        }
    }
}
