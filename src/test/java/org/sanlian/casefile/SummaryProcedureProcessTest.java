package org.sanlian.casefile;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.LeadStatus;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("summaryProcedure — 简易程序（当场处罚）, 行政处罚法 Arts. 51–52, 67–71 and 9号令 Art. 61 (domain.md §2.15)")
class SummaryProcedureProcessTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseFiles procedure;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    LeadService leads;

    @Autowired
    WorkingDayCalendar calendar;

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final java.util.concurrent.atomic.AtomicInteger PARTIES = new java.util.concurrent.atomic.AtomicInteger();

    /** A valid 公民身份号码 (GB 11643) of its own for each on-the-spot party: the fine register knows parties by it. */
    static String residentId(int serial) {
        String base = String.format("62010219900101%03d", serial);
        return "0123456789X".chars().mapToObj(c -> base + (char) c)
                .filter(org.sanlian.platform.identifiers.ChineseIdentifiers::isResidentId).findFirst().orElseThrow();
    }

    /** What xfhandler1 enters on the spot (steps ① ②) about an act of today, changed by {@code more}. */
    private static Map<String, Object> onTheSpot(String party, String partyType, String violationCode, Object fine,
            Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(Map.of("credentialsShown", true, "partyName", party,
                "partyType", partyType, "partyIdNumber", residentId(PARTIES.incrementAndGet()), "place", "西峰区长庆大道",
                "facts", "现场检查发现", "evidenceSummary", "现场笔录一份，照片三张", "violationCode", violationCode,
                "factsCertain", true, "warningOnly", false));
        values.put("occurredOn", TODAY.toString());
        // 行政处罚法 Art. 42: the second certified officer of 西峰 on the spot
        values.put("secondOfficer", "xfhandler2");
        if (fine != null) {
            values.put("proposedFine", fine);
        }
        values.putAll(more);
        return values;
    }

    private ResponseEntity<String> start(Map<String, Object> values) {
        return post("xfhandler1", "/engine-rest/process-definition/key/summaryProcedure/submit-form", variables(values));
    }

    private ProcessInstance started(Map<String, Object> values) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(startedId(values)).singleResult();
    }

    private String startedId(Map<String, Object> values) {
        ResponseEntity<String> response = start(values);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response).path("id").asText();
    }

    /** What an on-the-spot step's form shows by that name, as Tasklist reads it (GET task/{id}/form-variables). */
    private String shown(ProcessInstance instance, String taskKey, String name) {
        ResponseEntity<String> variables = get("xfhandler1", "/engine-rest/task/" + task(taskKey, instance).getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode()).as(variables.getBody()).isEqualTo(HttpStatus.OK);
        return json(variables).path(name).path("value").asText("");
    }

    /** The activities an instance went through, from history (it may have ended already). */
    private java.util.List<String> passed(String processInstanceId) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list().stream()
                .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
    }

    private boolean ended(String processInstanceId) {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult().getEndTime() != null;
    }

    private ResponseEntity<String> submit(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        return post("xfhandler1", "/engine-rest/task/" + task(taskKey, instance).getId() + "/submit-form",
                variables(values));
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        ResponseEntity<String> response = submit(instance, taskKey, values);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static void assertRefused(ResponseEntity<String> response, String field, String... messageParts) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json(response).path("errors");
        assertThat(errors.findValuesAsText("field")).contains(field);
        for (JsonNode error : errors) {
            if (error.path("field").asText().equals(field) && messageParts.length > 0) {
                assertThat(error.path("message").asText()).contains(messageParts);
            }
        }
    }

    private void informed(ProcessInstance instance, int finalFine) {
        complete(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", true,
                "partyStatement", "认可违法事实", "recheckConclusion", "陈述不影响事实认定", "finalFine", finalFine));
    }

    private String variable(ProcessInstance instance, String name) {
        return String.valueOf(runtimeService.getVariable(instance.getId(), name));
    }

    /** The on-the-spot case's documents as {@code user} lists them (GET /api/leads/{n}/documents). */
    private ResponseEntity<String> leadDocuments(String user, String leadNumber) {
        return get(user, "/api/leads/" + leadNumber + "/documents");
    }

    private ResponseEntity<byte[]> pdf(String user, String contentUrl) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth(user, DEMO_PASSWORD);
        return rest.exchange(contentUrl, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), byte[].class);
    }

    /** The text of the lead's one 当场行政处罚决定书, read as the lead's own officer opens it, without line breaks. */
    private String onTheSpotDecisionText(String leadNumber) throws java.io.IOException {
        JsonNode list = json(leadDocuments("xfhandler1", leadNumber));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("kind").asText()).isEqualTo("ON_THE_SPOT_DECISION");
        ResponseEntity<byte[]> pdf = pdf("xfhandler1", list.get(0).path("contentUrl").asText());
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        return org.sanlian.support.PdfText.flat(org.sanlian.support.PdfText.text(pdf.getBody()));
    }

    @Test
    @DisplayName("行政处罚法 Art. 51 + 9号令 Art. 61 ①–⑧: a citizen fined 200 yuan stays in the summary procedure; the decision takes the next 简 number; cash is refused above 100 yuan (Art. 68) and the fine is paid at the bank (Art. 67); the copy is due with the department in 5 working days")
    void citizenFinedAtTheThresholdPaysAtTheBank() {
        ProcessInstance instance = started(onTheSpot("司机甲", "citizen", "YZ-JSY", 200, Map.of()));
        assertThat(instance).hasPassed("recordOnTheSpotCase", "chooseProcedure").isWaitingAt("informParty");
        assertThat(variable(instance, "procedure")).isEqualTo("summary");
        String leadNumber = variable(instance, "leadNumber");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo(leadNumber);
        assertThat(task("informParty", instance)).hasCandidateGroup("xifengHandler");

        informed(instance, 200);
        String decisionNumber = variable(instance, "decisionNumber");
        assertThat(decisionNumber).matches("庆交执西简〔" + TODAY.getYear() + "〕[1-9]\\d*号");

        ResponseEntity<String> cash = submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "cash", "receiptNumber", "甘财罚0001"));
        assertRefused(cash, "paymentMethod", "100", "第六十八条");
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "bank"));

        Task copy = task("fileDecisionCopy", instance);
        assertThat(copy.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 5).date()));
        complete(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString()));

        Task payment = task("recordBankPayment", instance);
        assertThat(payment.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(TODAY.plusDays(15)));
        // a payment is recorded once made: a day ahead is refused (found in Chromium: it was accepted and closed the case)
        assertRefused(submit(instance, "recordBankPayment", Map.of("paidOn", TODAY.plusDays(3).toString(),
                "amountPaid", 200)), "paidOn");
        complete(instance, "recordBankPayment", Map.of("paidOn", TODAY.toString(), "amountPaid", 200));
        assertThat(instance).isEnded().hasPassed("recordBankPayment", "onTheSpotCaseClosed");
        assertThat(procedure.history(leadNumber)).extracting(CaseEvent::getStep).containsExactly("registerOnTheSpot",
                "informParty", "issueOnTheSpotDecision", "fileDecisionCopy", "recordBankPayment");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 68, 70, 71: 100 yuan may be collected in cash on the spot against the official receipt, and the officer hands it over within 2 working days")
    void cashUpToOneHundredYuan() {
        ProcessInstance instance = started(onTheSpot("司机乙", "citizen", "LZ-PS", 100, Map.of()));
        informed(instance, 100);
        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "cash")), "receiptNumber", "第七十条");
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "cash", "receiptNumber", "甘财罚0002"));
        complete(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString()));
        Task handOver = task("handOverCash", instance);
        assertThat(handOver.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 2).date()));
        complete(instance, "handOverCash", Map.of("cashHandedOverOn", TODAY.toString()));
        assertThat(instance).isEnded().hasPassed("handOverCash", "onTheSpotCaseClosed").hasNotPassed("recordBankPayment");
    }

    @Test
    @DisplayName("行政处罚法 Art. 68(2): 101 yuan in cash only where later collection would be hard, and the circumstance must be written down; 9号令 Art. 61 ⑦: the party's refusal to sign and the officers' note are printed on the decision where the party signs")
    void cashAboveOneHundredOnlyWhenCollectionHard() throws java.io.IOException {
        ProcessInstance instance = started(onTheSpot("外省司机丙", "citizen", "LZ-PS", 101, Map.of()));
        informed(instance, 101);
        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "cash", "receiptNumber", "甘财罚0003")),
                "paymentMethod", "101");
        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "cash", "receiptNumber", "甘财罚0003",
                "collectionHard", true)), "collectionHardReason", "第六十八条");
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "refused",
                "refusalNote", "当事人拒绝签名，已注明", "paymentMethod", "cash", "receiptNumber", "甘财罚0003",
                "collectionHard", true, "collectionHardReason", "外省车辆，当事人无固定住所"));
        assertThat(instance).isWaitingAt("fileDecisionCopy");
        assertThat(onTheSpotDecisionText(variable(instance, "leadNumber")))
                .contains("当事人（签名）：当事人拒绝签名", "执法人员注明：当事人拒绝签名，已注明")
                .doesNotContain("当事人已当场签收", "当事人拒绝签收的，由执法人员在本决定书上注明");
    }

    @Test
    @DisplayName("行政处罚法 Art. 51: a warning for an organisation stays in the summary procedure and nothing is paid; a warning is refused where the provision has none (网约车办法 Art. 34 has one, 道路运输条例 Art. 64 not)")
    void warningOnly() throws java.io.IOException {
        assertRefused(start(onTheSpot("某公司", "organisation", "YZ-JSY", null, Map.of("warningOnly", true))),
                "warningOnly", "《中华人民共和国道路运输条例》第六十四条");
        ProcessInstance instance = started(onTheSpot("某网约车公司", "organisation", "CZ-WY-JSZ", null,
                Map.of("warningOnly", true)));
        assertThat(variable(instance, "procedure")).isEqualTo("summary");
        // the forms name the violation and say 警告, not 罚款 0 元 (found in Chromium)
        assertThat(shown(instance, "informParty", "violationName")).startsWith("网约车驾驶员未取得").endsWith("（CZ-WY-JSZ）");
        assertThat(shown(instance, "informParty", "penaltyText")).isEqualTo("拟警告");
        complete(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", true,
                "recheckConclusion", "当事人无异议"));
        assertThat(shown(instance, "issueOnTheSpotDecision", "penaltyText")).isEqualTo("警告");
        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "signed", "paymentMethod", "bank")), "paymentMethod", "警告");
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "none"));
        // 行政处罚法 Art. 52: the decision handed over states the penalty — a warning, no fine
        String decision = onTheSpotDecisionText(variable(instance, "leadNumber"));
        assertThat(decision).contains("当场行政处罚决定书", variable(instance, "decisionNumber"), "某网约车公司",
                "统一社会信用代码", "处罚种类：警告",
                // the catalogue names the regulation violated without an article: printed as it is, no 第…条 made up
                "违反了《网络预约出租汽车经营服务管理暂行办法》的规定")
                .doesNotContain("罚款数额", "缴纳罚款");
        complete(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString()));
        assertThat(instance).isEnded().hasPassed("onTheSpotCaseClosed").hasNotPassed("handOverCash", "recordBankPayment");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 51, 54, 9号令 Art. 63: 201 yuan for a citizen does not qualify (procedureChoice → general); the lead goes to its head's 立案审批 with what was found on the spot, and once the head files it generalProcedure starts with the on-the-spot data")
    void overTheThresholdMovesToGeneralProcedure() throws java.io.IOException {
        String instance = startedId(onTheSpot("司机丁", "citizen", "YZ-JSY", 201, Map.of("plateNumber", "甘M12345")));
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance)).contains("chooseProcedure", "moveToGeneralProcedure", "movedToGeneralProcedure")
                .doesNotContain("informParty");
        String leadNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance).variableName("leadNumber").singleResult().getValue();
        // 9号令 Art. 63: not filed by the officer on the spot — the lead waits for its head's 立案审批, with what was
        // found on the spot as its verification (found: the case was filed at once and the 立案登记表 named the
        // handler as 负责人)
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(leadNumber).count()).isZero();
        assertThat(leads.byNumber(leadNumber).getStatus()).isEqualTo(LeadStatus.VERIFIED);
        ProcessInstance intake = runtimeService.createProcessInstanceQuery().processDefinitionKey("leadIntake")
                .processInstanceBusinessKey(leadNumber).singleResult();
        assertThat(intake).isWaitingAt("decideFiling");
        assertThat(task("decideFiling", intake)).hasCandidateGroup("xifengHead");
        assertThat(task("decideFiling", intake).getDueDate()).isNotNull();
        assertThat(leads.byNumber(leadNumber).getProcessInstanceId()).isEqualTo(intake.getId());
        assertThat((String) runtimeService.getVariable(intake.getId(), "verificationFindings"))
                .contains("现场检查发现", "不具备驾驶员资格驾驶道路运输经营车辆", "拟罚款 201 元", "第五十一条");
        // a handler may not approve the filing; the head does
        ResponseEntity<String> byHandler = post("xfhandler1", "/engine-rest/task/" + task("decideFiling", intake).getId()
                + "/submit-form", variables(Map.of("filingDecision", "file")));
        assertThat(byHandler.getStatusCode().is4xxClientError()).as(byHandler.getBody()).isTrue();
        ResponseEntity<String> byHead = post("xfhead", "/engine-rest/task/" + task("decideFiling", intake).getId()
                + "/submit-form", variables(Map.of("filingDecision", "file", "occurredOn", TODAY.toString())));
        assertThat(byHead.getStatusCode()).as(byHead.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId()).variableName("caseNumber").singleResult().getValue();
        assertThat(caseNumber).matches("庆交执西立〔" + TODAY.getYear() + "〕[1-9]\\d*号");
        ProcessInstance general = runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(general).isWaitingAt("investigate");
        Map<String, Object> carried = runtimeService.getVariables(general.getId());
        assertThat(carried).containsEntry("partyName", "司机丁").containsEntry("partyType", "citizen")
                .containsEntry("violationCode", "YZ-JSY").containsEntry("proposedFine", 201L)
                .containsEntry("facts", "现场检查发现").containsEntry("evidenceSummary", "现场笔录一份，照片三张")
                .containsEntry("plateNumber", "甘M12345").containsEntry("leadNumber", leadNumber)
                .containsEntry("summaryProcedureInstanceId", instance);
        assertThat(caseFiles.byNumber(caseNumber).getLeadNumber()).isEqualTo(leadNumber);
        assertThat(leads.byNumber(leadNumber).getStatus()).isEqualTo(LeadStatus.FILED);
        assertThat(procedure.history(caseNumber)).extracting(CaseEvent::getStep).containsExactly("movedFromSummaryProcedure");
        // the 立案登记表 is signed by the head who approved it (xfhead 张建国), not by the officer on the spot (李明)
        String filingForm = org.sanlian.support.PdfText.flat(org.sanlian.support.PdfText.text(latestPdf(caseNumber, "FILING_FORM")));
        assertThat(filingForm).contains("负责人：张建国").doesNotContain("负责人：李明");
    }

    @Test
    @DisplayName("行政处罚法 Art. 51: facts not certain → general procedure, even for 50 yuan")
    void factsNotCertainMovesToGeneralProcedure() {
        String instance = startedId(onTheSpot("司机戊", "citizen", "LZ-PS", 50, Map.of("factsCertain", false)));
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance)).contains("moveToGeneralProcedure", "movedToGeneralProcedure");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("procedure").singleResult().getValue()).isEqualTo("general");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 36, 29: on the spot as after filing, an act past its two years is not punished, and the party's number must be a real 身份证号 or 统一社会信用代码 — the fine register knows the act by it, so the same act by number and day is not fined twice (found in Chromium: both were accepted)")
    void limitationAndPartyNumberOnTheSpot() {
        assertRefused(start(onTheSpot("过期当事人", "citizen", "YZ-JSY", 200,
                Map.of("occurredOn", TODAY.minusYears(2).minusDays(1).toString()))), "occurredOn", "第三十六条");
        assertRefused(start(onTheSpot("证号不符当事人", "organisation", "YZ-JSY", 200, Map.of("partyIdNumber", "ABC"))),
                "partyIdNumber");
        String id = residentId(PARTIES.incrementAndGet());
        Map<String, Object> first = onTheSpot("张某一", "citizen", "YZ-JSY", 200, Map.of("partyIdNumber", id));
        first.remove("plateNumber");
        assertThat(start(first).getStatusCode().is2xxSuccessful()).isTrue();
        Map<String, Object> again = onTheSpot("张某一", "citizen", "YZ-JSY", 200, Map.of("partyIdNumber", id));
        again.remove("plateNumber");
        assertRefused(start(again), "partyIdNumber", "不得重复");
        // found by the party's number while each registration names another plate: the number is what is named
        String otherId = residentId(PARTIES.incrementAndGet());
        assertThat(start(onTheSpot("张某二", "citizen", "YZ-JSY", 200, Map.of("partyIdNumber", otherId,
                "plateNumber", "甘M10001"))).getStatusCode().is2xxSuccessful()).isTrue();
        assertRefused(start(onTheSpot("张某二", "citizen", "YZ-JSY", 200, Map.of("partyIdNumber", otherId,
                "plateNumber", "甘M10002"))), "partyIdNumber", "不得重复");
    }

    @Test
    @DisplayName("行政处罚法 Art. 52, domain.md §4.2, Art. 45, 9号令 Art. 61 ⑦⑧: no credentials, a fine outside the statutory range, a raised fine, an unnoted refusal and a late copy without reason are each refused with 400 naming the field")
    void serverSideChecks() {
        assertRefused(start(onTheSpot("司机己", "citizen", "YZ-JSY", 200, Map.of("credentialsShown", false))),
                "credentialsShown", "第五十二条");
        assertRefused(start(onTheSpot("司机己", "citizen", "YZ-JSY", 100, Map.of())),
                "proposedFine", "200–2000", "《中华人民共和国道路运输条例》第六十四条");
        ProcessInstance instance = started(onTheSpot("司机己", "citizen", "YZ-JSY", 200, Map.of()));
        assertRefused(submit(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", true,
                "recheckConclusion", "当事人态度恶劣", "finalFine", 300)), "finalFine", "第四十五条");
        assertRefused(submit(instance, "informParty", Map.of("toldFactsAndBasis", true, "toldRights", false,
                "recheckConclusion", "未告知权利", "finalFine", 200)), "toldRights");
        assertThat(shown(instance, "informParty", "penaltyText")).isEqualTo("拟罚款 200 元");
        informed(instance, 200);
        assertThat(shown(instance, "issueOnTheSpotDecision", "penaltyText")).isEqualTo("罚款 200 元");
        assertRefused(submit(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true,
                "partySignature", "refused", "paymentMethod", "bank")), "refusalNote", "第七项");
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "bank"));
        // a copy is filed on a day that has come: ahead is refused; decided 30 days ago, today is late and needs a reason
        assertRefused(submit(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.plusDays(5).toString())),
                "copyFiledOn");
        jdbc.update("update summary_decision set decided_on = ?, copy_filing_due = ? where lead_number = ?",
                java.sql.Date.valueOf(TODAY.minusDays(30)), java.sql.Date.valueOf(TODAY.minusDays(23)),
                variable(instance, "leadNumber"));
        assertRefused(submit(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.toString())),
                "lateFilingReason", "第八项");
        assertRefused(submit(instance, "fileDecisionCopy", Map.of("copyFiledOn", TODAY.minusDays(31).toString())),
                "copyFiledOn");
        assertThat(instance).isWaitingAt("fileDecisionCopy");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.sanlian.penalty.SummaryProcedure summary;

    @Test
    @DisplayName("行政处罚法 Arts. 42, 52 (domain.md §2.3, §2.15 ①): only a certified officer of the body punishes on the spot — one without an enforcement certificate cannot have shown it, and is refused naming credentialsShown, with nothing registered")
    void art52_theOneRegisteringHoldsACertificate() {
        String before = jdbc.queryForObject("select certificate_number from officer where user_id = 'xfinspect4'",
                String.class);
        long leadsBefore = jdbc.queryForObject("select count(*) from case_lead", Long.class);
        jdbc.update("update officer set certificate_number = null where user_id = 'xfinspect4'");
        try {
            ResponseEntity<String> uncertified = post("xfinspect4",
                    "/engine-rest/process-definition/key/summaryProcedure/submit-form",
                    variables(onTheSpot("无证执法当事人", "citizen", "YZ-JSY", 200, Map.of())));
            assertRefused(uncertified, "credentialsShown", "执法证件", "第四十二条");
            assertThat(jdbc.queryForObject("select count(*) from case_lead", Long.class)).isEqualTo(leadsBefore);
        } finally {
            jdbc.update("update officer set certificate_number = ? where user_id = 'xfinspect4'", before);
        }
        ResponseEntity<String> certified = post("xfinspect4",
                "/engine-rest/process-definition/key/summaryProcedure/submit-form",
                variables(onTheSpot("持证执法当事人", "citizen", "YZ-JSY", 200, Map.of())));
        assertThat(certified.getStatusCode()).as(certified.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("行政处罚法 Art. 42 (domain.md §2.3, §2.15; 交通运输行政执法程序规定 2019 Art. 22): 当场处罚 too is by not fewer than two certified officers — the start form offers the starter's colleagues of his body; no second officer, the starter himself or another body's officer is refused 400 naming secondOfficer through /engine-rest and Tasklist's /camunda/api/engine, nothing registered; the second is recorded and signs the 当场行政处罚决定书 with his certificate number")
    void art42_twoOfficersOnTheSpot() throws java.io.IOException {
        ResponseEntity<String> form = get("xfhandler1",
                "/engine-rest/process-definition/key/summaryProcedure/deployed-start-form");
        assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode offered = java.util.stream.StreamSupport.stream(json(form).path("components").spliterator(), false)
                .filter(c -> "secondOfficer".equals(c.path("key").asText())).findFirst().orElseThrow()
                .path("values");
        assertThat(offered.findValuesAsText("value")).contains("xfhandler2", "xfhead")
                .doesNotContain("xfhandler1", "qchandler1", "bureau1");
        assertThat(offered.findValuesAsText("label")).contains("王芳（执法证号 62100220230012）");

        long leadsBefore = jdbc.queryForObject("select count(*) from case_lead", Long.class);
        Map<String, Object> alone = onTheSpot("两人执法当事人", "citizen", "YZ-JSY", 200, Map.of());
        alone.remove("secondOfficer");
        assertRefused(start(alone), "secondOfficer", "不得少于两人", "第四十二条");
        assertRefused(start(onTheSpot("两人执法当事人", "citizen", "YZ-JSY", 200, Map.of("secondOfficer", "xfhandler1"))),
                "secondOfficer", "第四十二条");
        assertRefused(start(onTheSpot("两人执法当事人", "citizen", "YZ-JSY", 200, Map.of("secondOfficer", "qchandler1"))),
                "secondOfficer", "赵磊", "第四十二条");
        // the same through Tasklist's session
        org.sanlian.security.WebappSession tasklist = org.sanlian.security.WebappSession.login(port, "xfhandler1",
                DEMO_PASSWORD);
        Map<String, Object> anotherBody = onTheSpot("两人执法当事人", "citizen", "YZ-JSY", 200,
                Map.of("secondOfficer", "qchandler1"));
        java.net.http.HttpResponse<String> viaTasklist = tasklist.engine("POST",
                "/process-definition/key/summaryProcedure/submit-form", JSON.writeValueAsString(variables(anotherBody)));
        assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
        assertThat(JSON.readTree(viaTasklist.body()).path("errors").findValuesAsText("field")).contains("secondOfficer");
        assertThat(jdbc.queryForObject("select count(*) from case_lead", Long.class)).isEqualTo(leadsBefore);

        ProcessInstance instance = started(onTheSpot("两人执法当事人", "citizen", "YZ-JSY", 200, Map.of()));
        String leadNumber = variable(instance, "leadNumber");
        assertThat(summary.facts(leadNumber).orElseThrow().getSecondOfficer()).isEqualTo("xfhandler2");
        informed(instance, 200);
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "bank"));
        assertThat(onTheSpotDecisionText(leadNumber)).contains("执法人员（签名）：李明（执法证号62100220230011）、"
                + "王芳（执法证号62100220230012）");
    }

    @Test
    @DisplayName("行政处罚法 Art. 52, 9号令 Art. 61 ⑥, 行政复议法 Art. 23: handing over the decision makes the pre-numbered 当场行政处罚决定书 (PDF with its SHA-256, under the lead number): the party, the violation and its provisions, the fine, time and place, reconsideration first with its body and period, the body's name, seal and signature lines; the lead's own body opens it, another body gets 404 as for the lead itself")
    void handingOverMakesTheOnTheSpotDecision() throws java.io.IOException {
        ProcessInstance instance = started(onTheSpot("司机庚", "citizen", "YZ-JSY", 200, Map.of("plateNumber", "甘M54321")));
        String leadNumber = variable(instance, "leadNumber");
        informed(instance, 200);
        String decisionNumber = variable(instance, "decisionNumber");
        // nothing is made before the decision is handed over
        assertThat(json(leadDocuments("xfhandler1", leadNumber))).isEmpty();
        complete(instance, "issueOnTheSpotDecision", Map.of("decisionHandedOver", true, "partySignature", "signed",
                "paymentMethod", "bank"));

        JsonNode list = json(leadDocuments("xfhandler1", leadNumber));
        assertThat(list).hasSize(1);
        JsonNode document = list.get(0);
        assertThat(document.path("kind").asText()).isEqualTo("ON_THE_SPOT_DECISION");
        assertThat(document.path("title").asText()).isEqualTo("当场行政处罚决定书");
        assertThat(document.path("motTemplate").asInt()).isEqualTo(14);
        assertThat(document.path("documentNumber").asText()).isEqualTo(decisionNumber);
        assertThat(document.path("stepName").asText()).isEqualTo("交付当场处罚决定书");
        assertThat(document.path("createdByName").asText()).isEqualTo("李明");
        String contentUrl = document.path("contentUrl").asText();
        ResponseEntity<byte[]> pdf = pdf("xfhandler1", contentUrl);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(org.sanlian.platform.StoredFile.sha256(pdf.getBody())).isEqualTo(document.path("sha256").asText());

        String text = onTheSpotDecisionText(leadNumber);
        assertThat(text).contains("庆阳市交通运输综合行政执法队西峰大队", "当场行政处罚决定书", decisionNumber, "司机庚",
                "身份证件号码", "甘M54321", "西峰区长庆大道", "现场检查发现", "不具备驾驶员资格驾驶道路运输经营车辆",
                "《中华人民共和国道路运输条例》第六十四条", "处罚种类：罚款；罚款数额：200元",
                "认可违法事实", "十五日内", "每日按罚款数额的百分之三加处罚款",
                // 行政复议法 Art. 23: an on-the-spot decision goes to reconsideration first, and says so
                "应当先申请行政复议", "六十日内向庆阳市人民政府申请行政复议", "庆阳市西峰区人民法院提起行政诉讼",
                "李明（执法证号62100220230011）", "（印章）", "当事人（签名）", leadNumber,
                // 9号令 Art. 61 ⑦: as recorded when handed over
                "当事人已当场签收")
                .doesNotContain("处罚种类：警告", "拒绝签名");

        // the next task's form links to the lead's documents page, which lists them by GET /api/leads/{n}/documents
        ResponseEntity<String> form = get("xfhandler1", "/engine-rest/task/" + task("fileDecisionCopy", instance).getId()
                + "/deployed-form");
        assertThat(form.getBody()).contains("(/documents.html?lead={{leadNumber}})");
        assertThat(shown(instance, "fileDecisionCopy", "leadNumber")).isEqualTo(leadNumber);

        // the same rule as GET /api/leads/{n}: another body's officer finds neither the list nor the PDF
        assertThat(get("qchandler1", "/api/leads/" + leadNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(leadDocuments("qchandler1", leadNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pdf("qchandler1", contentUrl).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the city's legal supervisors read every body's leads, and so their documents; their full-process record of
        // the on-the-spot case (行政处罚法 Art. 47) names the document made, with its SHA-256
        assertThat(pdf("citysupervisor", contentUrl).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode timeline = json(get("citysupervisor", "/api/supervision/timeline?reference=" + leadNumber));
        assertThat(timeline.path("entries").findValuesAsText("step")).contains("制作文书：当场行政处罚决定书");
        assertThat(timeline.path("entries").findValuesAsText("sha256")).contains(document.path("sha256").asText());
        // handed over on the spot (Art. 52), it is not served afterwards: no service record, and none for another body
        ResponseEntity<String> served = post("xfhandler1", "/api/documents/" + document.path("id").asLong()
                + "/services", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(), "recipient", "司机庚"));
        assertThat(served.getStatusCode()).as(served.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(served.getBody()).contains("第五十二条");
        assertThat(post("qchandler1", "/api/documents/" + document.path("id").asLong() + "/services",
                Map.of("serviceMethod", "direct")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
