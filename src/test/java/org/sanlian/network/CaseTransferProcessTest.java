package org.sanlian.network;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.platform.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("caseTransfer — 移送管辖, 指定管辖 and 提级管辖 between the city team, 西峰大队 and 庆城县 (行政处罚法 Arts. 22–25, domain.md §2.10)")
class CaseTransferProcessTest extends NetworkTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    org.sanlian.deadline.WorkingDayDeadlines deadlines;

    @Autowired
    Transfers transfers;

    @Autowired
    JurisdictionTransferRepository transferRecords;

    @Autowired
    PlatformTransactionManager transactionManager;

    private static String year() {
        return String.valueOf(LocalDate.now(ChinaTime.CHINA).getYear());
    }

    private String instanceOf(JsonNode transfer) {
        return transfer.path("processInstanceId").asText();
    }

    private static List<String> entries(JsonNode history) {
        List<String> entries = new ArrayList<>();
        history.forEach(e -> entries.add(e.path("step").asText() + "|" + e.path("actor").asText() + "|"
                + e.path("note").asText()));
        return entries;
    }

    @Test
    @DisplayName("Art. 22/25 移送管辖 西峰→庆城, accepted: the case arrives under 庆城's own number with all its evidence (same SHA-256) and history; 西峰's record shows the transfer; 庆城 works it, 西峰 no longer sees it")
    void transferredCaseArrivesWithEvidenceAndHistory() {
        String sent = filedCase("xfhandler1", "xfhead", "移送案件当事人");
        byte[] record = "询问笔录 第一页".getBytes(StandardCharsets.UTF_8);
        byte[] photo = "现场照片 bytes".getBytes(StandardCharsets.UTF_8);
        assertThat(upload("xfhandler1", "/api/cases/" + sent + "/evidence", "询问笔录", record).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(upload("xfhandler1", "/api/cases/" + sent + "/evidence", "现场照片", photo).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        List<String> historyBefore = entries(history("xfhandler1", sent));

        JsonNode transfer = transferred("xfhandler1", "TRANSFER", sent, "qingcheng", "违法行为发生地在庆城县马岭镇");
        assertThat(transfer.path("status").asText()).isEqualTo("REQUESTED");
        String instance = instanceOf(transfer);
        assertThat(json(get("xfhead", "/engine-rest/task?processInstanceId=" + instance))).isEmpty();
        submit("qchead", instance, Map.of("transferDecision", "accept", "reviewComment", "同意接收"));

        JsonNode done = transfer("xfhandler1", transfer.path("transferNumber").asText());
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        String received = done.path("receivedNumber").asText();
        assertThat(received).matches("庆城交执立〔" + year() + "〕[1-9]\\d*号");

        JsonNode receivedCase = json(get("qchandler1", "/api/cases/" + received));
        assertThat(receivedCase.path("organisationCode").asText()).isEqualTo("qingcheng");
        assertThat(receivedCase.path("transferredFrom").asText()).isEqualTo(sent);
        assertThat(receivedCase.path("partyName").asText()).isEqualTo("移送案件当事人");
        JsonNode evidence = json(get("qchandler1", "/api/cases/" + received + "/evidence"));
        assertThat(evidence.findValuesAsText("title")).containsExactly("询问笔录", "现场照片");
        assertThat(evidence.findValuesAsText("sha256"))
                .containsExactly(StoredFile.sha256(record), StoredFile.sha256(photo));
        assertThat(evidence.findValuesAsText("addedBy")).containsOnly("xfhandler1");
        List<String> receivedHistory = entries(history("qchandler1", received));
        assertThat(receivedHistory.subList(0, historyBefore.size())).isEqualTo(historyBefore);
        assertThat(receivedHistory.get(receivedHistory.size() - 1)).startsWith("transferReceived|").contains(sent);

        JsonNode sentCase = json(get("xfhandler1", "/api/cases/" + sent));
        assertThat(sentCase.path("status").asText()).isEqualTo("TRANSFERRED");
        // the sent case's file is closed: evidence goes to the case 庆城 holds now, not to the one that ended
        ResponseEntity<String> late = upload("xfhandler1", "/api/cases/" + sent + "/evidence", "补充照片", photo);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(late).path("errors").findValuesAsText("field")).containsExactly("caseNumber");
        List<String> sentHistory = entries(history("xfhandler1", sent));
        assertThat(sentHistory.get(sentHistory.size() - 1)).startsWith("transferredOut|qchead|")
                .contains("庆城县交通运输综合行政执法队", received);
        assertThat(json(get("xfhandler1", "/api/transfers")).findValuesAsText("transferNumber"))
                .contains(transfer.path("transferNumber").asText());
        assertThat(json(get("qchandler1", "/api/transfers")).findValuesAsText("transferNumber"))
                .contains(transfer.path("transferNumber").asText());

        assertThat(get("xfhandler1", "/api/cases/" + received).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String procedure = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(received).singleResult().getId();
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceId=" + procedure))
                .findValuesAsText("taskDefinitionKey")).containsExactly("investigate");
        assertThat(json(get("xfhandler1", "/engine-rest/task?processInstanceId=" + procedure))).isEmpty();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(sent).count()).isZero();
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("transferCompleted").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("移送管辖 ends what the sender asked of others (一案一卷): 西峰's unanswered 协查 to 华池 is withdrawn — its task "
            + "gone, no more evidence into the sent case — and 庆城's answered one waits for no 签收; both records say so")
    void transferEndsTheSendersAssistanceRequests() {
        String sent = filedCase("xfhandler1", "xfhead", "移送协查当事人");
        JsonNode open = json(post("xfhandler1", "/api/assistance", Map.of("caseNumber", sent,
                "assistingOrganisation", "huachi", "matters", "核实车辆在华池县的营运情况")));
        JsonNode answered = json(post("xfhandler1", "/api/assistance", Map.of("caseNumber", sent,
                "assistingOrganisation", "qingcheng", "matters", "调取庆城县汽车站监控")));
        submit("qchandler1", answered.path("processInstanceId").asText(), Map.of("assistanceOutcome", "reply",
                "assistanceReply", "该车 10 月 12 日在庆城县汽车站揽客"));
        String openNumber = open.path("requestNumber").asText();
        String answeredNumber = answered.path("requestNumber").asText();

        JsonNode transfer = transferred("xfhandler1", "TRANSFER", sent, "qingcheng", "违法行为发生地在庆城县");
        submit("qchead", instanceOf(transfer), Map.of("transferDecision", "accept", "reviewComment", "同意接收"));

        assertThat(json(get("xfhandler1", "/api/assistance/" + openNumber)).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(json(get("xfhandler1", "/api/assistance/" + answeredNumber)).path("status").asText())
                .isEqualTo("REPLIED");
        for (JsonNode request : List.of(open, answered)) {
            assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(request.path("processInstanceId").asText()).count()).isZero();
        }
        assertThat(json(get("hchandler1", "/engine-rest/task?processDefinitionKey=assistanceRequest"))
                .findValuesAsText("processInstanceId")).doesNotContain(open.path("processInstanceId").asText());
        ResponseEntity<String> late = upload("hchandler1", "/api/assistance/" + openNumber + "/evidence", "迟交",
                "监控".getBytes(StandardCharsets.UTF_8));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(history("xfhandler1", sent).findValuesAsText("step")).containsSubsequence("assistanceReplied",
                "assistanceWithdrawn", "transferredOut");
        String received = transfer("xfhandler1", transfer.path("transferNumber").asText()).path("receivedNumber").asText();
        assertThat(history("qchandler1", received).findValuesAsText("note")).anySatisfy(note ->
                assertThat(note).contains("撤回", openNumber));
    }

    @Test
    @DisplayName("Art. 25 移送管辖 庆城→西峰, refused with reason: the city team designates 庆城 again — the case stays, both records show the refusal and the designation")
    void refusedTransferDesignatedBackToTheHolder() {
        String caseNumber = filedCase("qchandler1", "qchead", "拒收案件当事人");
        JsonNode transfer = transferred("qchandler1", "TRANSFER", caseNumber, "xifeng", "当事人住所地在西峰区");
        String instance = instanceOf(transfer);
        String taskId = taskIdOf("xfhead", instance);
        ResponseEntity<String> noReason = post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("transferDecision", "refuse")));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noReason).path("errors").findValuesAsText("field")).containsExactly("reviewComment");
        submit("xfhead", instance, Map.of("transferDecision", "refuse", "reviewComment", "违法行为发生地在庆城县，住所地不决定管辖"));
        assertThat(transfer("qchandler1", transfer.path("transferNumber").asText()).path("status").asText())
                .isEqualTo("REFUSED");

        assertThat(json(get("qchead", "/engine-rest/task?processInstanceId=" + instance))).isEmpty();
        // the city team chooses among the enforcement bodies of its network, as configured (Art. 25)
        String designation = taskIdOf("cityhead", instance);
        JsonNode offered = json(get("cityhead",
                "/engine-rest/task/" + designation + "/form-variables?deserializeValues=false")).path("designatableBodies");
        assertThat(listOf(offered.path("value")).findValuesAsText("value")).containsExactly("qycity",
                "xifeng", "qingcheng", "huanxian", "huachi", "heshui", "zhengning", "ningxian", "zhenyuan");
        ResponseEntity<String> bureau = post("cityhead", "/engine-rest/task/" + designation + "/submit-form",
                variables(Map.of("designatedOrganisation", "xfbureau", "designationReason", "行业管理部门")));
        assertThat(bureau.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(bureau).path("errors").findValuesAsText("field")).containsExactly("designatedOrganisation");
        submit("cityhead", instance, Map.of("designatedOrganisation", "qingcheng",
                "designationReason", "行政处罚法第二十二条：由违法行为发生地管辖"));

        JsonNode done = transfer("xfhandler1", transfer.path("transferNumber").asText());
        assertThat(done.path("status").asText()).isEqualTo("KEPT");
        assertThat(done.path("holderAfter").asText()).isEqualTo("qingcheng");
        assertThat(done.path("decisionNote").asText()).contains("庆城县交通运输综合行政执法队", "第二十二条");
        JsonNode caseView = json(get("qchandler1", "/api/cases/" + caseNumber));
        assertThat(caseView.path("status").asText()).isEqualTo("FILED");
        assertThat(history("qchandler1", caseNumber).findValuesAsText("note"))
                .anyMatch(n -> n.contains("拒绝接收") && n.contains("住所地不决定管辖"))
                .anyMatch(n -> n.contains("由原机关继续办理"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("jurisdictionKept").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a lead (before filing) refused by 庆城 and designated to 庆城 by the city team moves there: 庆城 verifies it, 西峰 no longer sees it, the lead's record shows the move")
    void refusedLeadDesignatedToTheReceiver() {
        JsonNode registered = lead("xfhandler1", "移送案源当事人");
        String leadNumber = registered.path("businessKey").asText();
        String leadInstance = registered.path("id").asText();
        JsonNode transfer = transferred("xfhandler1", "TRANSFER", leadNumber, "qingcheng", "发生地在庆城县");
        String instance = instanceOf(transfer);
        submit("qchead", instance, Map.of("transferDecision", "refuse", "reviewComment", "车辆登记地在西峰区"));
        submit("cityhead", instance, Map.of("designatedOrganisation", "qingcheng",
                "designationReason", "发生地管辖优先（第二十二条）"));

        assertThat(transfer("qchandler1", transfer.path("transferNumber").asText()).path("status").asText())
                .isEqualTo("COMPLETED");
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceId=" + leadInstance))
                .findValuesAsText("taskDefinitionKey")).containsExactly("verifyLead");
        assertThat(json(get("xfhandler1", "/engine-rest/task?processInstanceId=" + leadInstance))).isEmpty();
        assertThat(json(get("xfhandler1", "/engine-rest/process-instance?processInstanceIds=" + leadInstance))).isEmpty();
        assertThat(get("xfhandler1", "/api/leads/" + leadNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode lead = json(get("qchandler1", "/api/leads/" + leadNumber));
        assertThat(lead.path("lead").path("organisationCode").asText()).isEqualTo("qingcheng");
        assertThat(lead.path("history").findValuesAsText("status")).contains("JURISDICTION", "TRANSFERRED");
        assertThat(json(get("xfhandler1", "/api/transfers/" + transfer.path("transferNumber").asText()))
                .path("holderAfter").asText()).isEqualTo("qingcheng");
    }

    /** A value the task's form shows, as Tasklist reads it when the form opens. */
    private String shown(String user, String taskId, String name) {
        return json(get(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false"))
                .path(name).path("value").asText();
    }

    /** The one transfer of this lead, as the sender's head reads the list of transfers. */
    private JsonNode transferOfLead(String leadNumber) {
        List<JsonNode> found = new ArrayList<>();
        json(get("xfhead", "/api/transfers")).forEach(t -> {
            if (leadNumber.equals(t.path("subjectNumber").asText())) {
                found.add(t);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    @DisplayName("the head decides 移送有管辖权的机关 at 立案审批 (domain.md §2.2, 行政处罚法 Art. 25) and chooses the body on the form: the lead is sent at once — 庆城 accepts and verifies it in its own 案源核查, due 15 working days from the transfer")
    void leadTransferredByTheFilingDecision() {
        JsonNode registered = lead("xfhandler1", "立案审批移送当事人");
        String leadNumber = registered.path("businessKey").asText();
        String leadInstance = registered.path("id").asText();
        submit("xfhandler1", leadInstance, Map.of("verificationFindings", "违法行为发生在庆城县"));

        // the form offers the other enforcement bodies of the city's network, not the holder itself
        String taskId = taskIdOf("xfhead", leadInstance);
        ResponseEntity<String> formVariables = get("xfhead", "/engine-rest/task/" + taskId
                + "/form-variables?deserializeValues=false");
        JsonNode offered = json(formVariables).path("transferTargets").path("value");
        List<String> targets = new ArrayList<>();
        JsonNode options;
        try {
            options = offered.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(offered.asText())
                    : offered;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        options.forEach(option -> targets.add(option.path("value").asText()));
        assertThat(targets).as(formVariables.getBody()).contains("qingcheng", "qycity").doesNotContain("xifeng", "qylegal");

        // no body chosen, or one outside the network: refused naming the field, and the lead waits at 立案审批
        for (Map<String, ?> wrong : List.of(Map.of("filingDecision", "transfer", "decisionReason", "不属本大队管辖"),
                Map.of("filingDecision", "transfer", "decisionReason", "不属本大队管辖", "transferTo", "xifeng"),
                Map.of("filingDecision", "transfer", "decisionReason", "不属本大队管辖", "transferTo", "xfpolice"))) {
            ResponseEntity<String> refused = post("xfhead", "/engine-rest/task/" + taskId + "/submit-form",
                    variables(wrong));
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("transferTo");
        }
        assertThat(json(get("xfhead", "/api/transfers")).findValuesAsText("subjectNumber")).doesNotContain(leadNumber);

        submit("xfhead", leadInstance, Map.of("filingDecision", "transfer", "decisionReason", "违法行为发生地在庆城县",
                "transferTo", "qingcheng"));
        assertThat(json(get("xfhandler1", "/api/leads/" + leadNumber)).path("lead").path("status").asText())
                .isEqualTo("TRANSFERRED");
        JsonNode transfer = transferOfLead(leadNumber);
        assertThat(transfer.path("kind").asText()).isEqualTo("TRANSFER");
        assertThat(transfer.path("toOrganisation").asText()).isEqualTo("qingcheng");
        assertThat(transfer.path("reason").asText()).isEqualTo("违法行为发生地在庆城县");
        assertThat(transfer.path("requestedBy").asText()).isEqualTo("xfhead");
        submit("qchead", instanceOf(transfer), Map.of("transferDecision", "accept"));

        JsonNode task = json(get("qchandler1", "/engine-rest/task?processInstanceBusinessKey=" + leadNumber)).get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("verifyLead");
        LocalDate due = calendar.addWorkingDays(LocalDate.now(ChinaTime.CHINA), 15).date();
        assertThat(task.path("due").asText()).startsWith(due.toString());
        JsonNode lead = json(get("qchandler1", "/api/leads/" + leadNumber));
        assertThat(lead.path("lead").path("organisationCode").asText()).isEqualTo("qingcheng");
        assertThat(lead.path("lead").path("status").asText()).isEqualTo("REGISTERED");
        assertThat(json(get("xfhandler1", "/engine-rest/task?processInstanceBusinessKey=" + leadNumber))).isEmpty();
        submit("qchandler1", task.path("processInstanceId").asText(), Map.of("verificationFindings", "属实"));
        assertThat(json(get("qchead", "/engine-rest/task?processInstanceBusinessKey=" + leadNumber))
                .findValuesAsText("taskDefinitionKey")).containsExactly("decideFiling");
    }

    @Test
    @DisplayName("行政处罚法 Art. 25: sent away at 立案审批, refused by 庆城 and designated back to 西峰 by the city team — 西峰 verifies the lead again, it is not left with no one")
    void leadSentAtFilingAndDesignatedBackIsVerifiedAgain() {
        JsonNode registered = lead("xfhandler1", "指定回原机关当事人");
        String leadNumber = registered.path("businessKey").asText();
        String leadInstance = registered.path("id").asText();
        submit("xfhandler1", leadInstance, Map.of("verificationFindings", "发生地待查"));
        submit("xfhead", leadInstance, Map.of("filingDecision", "transfer", "decisionReason", "疑似发生在庆城县",
                "transferTo", "qingcheng"));
        JsonNode transfer = transferOfLead(leadNumber);
        // the receiving head decides on the lead's facts, and tells this transfer from others by its party (found in
        // Chromium: only a lead number and the sender's reason)
        String review = taskIdOf("qchead", instanceOf(transfer));
        assertThat(shown("qchead", review, "transferSubjectText")).contains("当事人 指定回原机关当事人", "案情：");
        // 移送接收审查 and 指定管辖 are due, each in 5 working days (sanlian.deadlines.jurisdiction-working-days; found in
        // Chromium: neither showed a due date, so neither reached 即将到期 or 已超期)
        String due = calendar.addWorkingDays(LocalDate.now(ChinaTime.CHINA), 5).date().toString();
        assertThat(json(get("qchead", "/engine-rest/task/" + review)).path("due").asText()).startsWith(due);
        assertThat(json(get("qchead", "/engine-rest/task/" + review + "/variables")).path("partyName").path("value")
                .asText()).isEqualTo("指定回原机关当事人");
        submit("qchead", instanceOf(transfer), Map.of("transferDecision", "refuse",
                "reviewComment", "经核实违法行为发生在西峰区"));
        // the city team reads both sides: the sender's reason and the receiver's refusal
        String designation = taskIdOf("cityhead", instanceOf(transfer));
        assertThat(json(get("cityhead", "/engine-rest/task/" + designation)).path("due").asText()).startsWith(due);
        assertThat(shown("cityhead", designation, "transferSubjectText")).contains("当事人 指定回原机关当事人");
        assertThat(shown("cityhead", designation, "transferRefusalText"))
                .isEqualTo("庆城县交通运输综合行政执法队 拒绝接收，理由：经核实违法行为发生在西峰区");
        submit("cityhead", instanceOf(transfer), Map.of("designatedOrganisation", "xifeng",
                "designationReason", "违法行为发生地在西峰区"));

        JsonNode task = json(get("xfhandler1", "/engine-rest/task?processInstanceBusinessKey=" + leadNumber)).get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("verifyLead");
        // the lead comes back with its facts and its registrant (found in Chromium: no 案情摘要, cityhead as registrant)
        JsonNode again = json(get("xfhandler1", "/engine-rest/task/" + task.path("id").asText() + "/variables"));
        JsonNode lead = json(get("xfhandler1", "/api/leads/" + leadNumber));
        assertThat(again.path("summary").path("value").asText()).isNotBlank()
                .isEqualTo(lead.path("lead").path("summary").asText());
        assertThat(again.path("source").path("value").asText()).isEqualTo(lead.path("lead").path("source").asText());
        assertThat(again.path("registrant").path("value").asText()).isEqualTo("xfhandler1");
        assertThat(lead.path("lead").path("organisationCode").asText()).isEqualTo("xifeng");
        assertThat(lead.path("lead").path("status").asText()).isEqualTo("REGISTERED");
        assertThat(lead.path("history").findValuesAsText("note"))
                .anySatisfy(note -> assertThat(note).contains("指定由原机关管辖，重新进行案源核查"));
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceBusinessKey=" + leadNumber))).isEmpty();
        assertThat(deadlines.of(instanceOf(transfer))).extracting(d -> d.getKind() + ":" + d.isActive())
                .containsExactly("jurisdiction:false", "jurisdiction:false");
    }

    @Test
    @DisplayName("市级+县区 from the officers' pages: 管辖与协查 (network.html, linked from Tasklist's header) offers the network's other enforcement bodies and lists transfers by the bodies' names (found in Chromium: 移送管辖 and 协查 could not be asked for anywhere but the REST API)")
    void theNetworkPageOffersTheOtherBodiesByName() {
        JsonNode offered = json(get("xfhandler1", "/api/network/bodies"));
        assertThat(offered.findValuesAsText("value")).contains("qingcheng", "huanxian", "qycity")
                .doesNotContain("xifeng", "qylegal", "xfpolice", "xfbureau");
        assertThat(offered.findValuesAsText("label")).contains("庆城县交通运输综合行政执法队");
        assertThat(json(get("bureau1", "/api/network/bodies"))).isEmpty();

        String leadNumber = lead("xfhandler1", "管辖页当事人").path("businessKey").asText();
        JsonNode sent = transferred("xfhandler1", "TRANSFER", leadNumber, "qingcheng", "发生地在庆城县");
        assertThat(sent.path("fromOrganisationName").asText()).isEqualTo("庆阳市交通运输综合行政执法队西峰大队");
        assertThat(sent.path("toOrganisationName").asText()).isEqualTo("庆城县交通运输综合行政执法队");

        assertThat(rest.getForEntity("/network.html", String.class).getBody())
                .contains("管辖与协查", "/api/network/bodies", "/api/transfers", "/api/assistance");
        assertThat(rest.getForEntity("/camunda/app/tasklist/scripts/case-links.js", String.class).getBody())
                .contains("/network.html", "管辖与协查");
    }

    @Test
    @DisplayName("two bodies claim one act (案源池): 庆城, which registered it too, asks the city team, which designates 庆城 (Art. 25)")
    void claimDecidedByTheCityTeam() {
        String plate = LeadPoolTest.freshPlate();
        String date = LeadPoolTest.yesterday();
        String leadNumber = json(post("xfhandler1", "/engine-rest/process-definition/key/leadIntake/submit-form",
                variables(Map.of("source", "INSPECTION", "partyName", "争议当事人", "summary", "黑车载客",
                        "plateNumber", plate, "occurredOn", date)))).path("businessKey").asText();
        post("qchandler1", "/engine-rest/process-definition/key/leadIntake/submit-form",
                variables(Map.of("source", "COMPLAINT", "partyName", "争议当事人", "summary", "群众举报黑车",
                        "plateNumber", plate, "occurredOn", date)));
        ResponseEntity<String> outsider = requestTransfer("xfhandler2", "CLAIM", leadNumber, null, "我单位管辖");
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode claim = transferred("qchandler1", "CLAIM", leadNumber, null, "违法行为发生在庆城县境内");
        assertThat(claim.path("toOrganisation").asText()).isEqualTo("qingcheng");
        submit("cityhead", instanceOf(claim), Map.of("designatedOrganisation", "qingcheng",
                "designationReason", "发生地管辖"));
        JsonNode pool = json(get("bureau1", "/api/lead-pool?plateNumber=" + plate + "&occurredOn=" + date));
        assertThat(pool.get(0).path("holder").asText()).isEqualTo("qingcheng");
    }

    @Test
    @DisplayName("提级管辖: the city team's head takes a major 西峰 case up — it arrives under the city team's number with its history; nobody else may take up")
    void cityTeamTakesAMajorCaseUp() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "重大案件当事人");
        ResponseEntity<String> holdersHead = requestTransfer("xfhead", "TAKE_UP", caseNumber, null, "重大案件");
        assertThat(holdersHead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(holdersHead).path("errors").findValuesAsText("field")).containsExactly("kind");
        ResponseEntity<String> otherBody = requestTransfer("qchead", "TAKE_UP", caseNumber, null, "重大案件");
        assertThat(otherBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(otherBody).path("errors").findValuesAsText("field"))
                .as("庆城 has no part in 西峰's case: as if it did not exist").containsExactly("subjectNumber");

        JsonNode takeUp = transferred("cityhead", "TAKE_UP", caseNumber, null, "涉案车辆十余台，社会影响重大");
        JsonNode done = transfer("xfhandler1", takeUp.path("transferNumber").asText());
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("receivedNumber").asText()).matches("庆交执立〔" + year() + "〕[1-9]\\d*号");
        assertThat(json(get("xfhandler1", "/api/cases/" + caseNumber)).path("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(json(get("citysupervisor", "/api/cases/" + done.path("receivedNumber").asText()))
                .path("organisationCode").asText()).isEqualTo("qycity");
        assertThat(history("xfhandler1", caseNumber).findValuesAsText("note"))
                .anyMatch(n -> n.contains("提级管辖") && n.contains(done.path("receivedNumber").asText()));
    }

    @Test
    @DisplayName("bad requests are refused naming the field: no reason, same body, a case the caller does not hold, an unknown number")
    void badRequestsAreRefused() {
        String caseNumber = filedCase("xfhandler1", "xfhead", "无效移送当事人");
        Map<String, String> cases = Map.of(
                "reason", json(requestTransfer("xfhandler1", "TRANSFER", caseNumber, "qingcheng", " ")).toString(),
                "toOrganisation", json(requestTransfer("xfhandler1", "TRANSFER", caseNumber, "xifeng", "理由")).toString(),
                "subjectNumber", json(requestTransfer("qchandler1", "TRANSFER", caseNumber, "huachi", "理由")).toString());
        cases.forEach((field, body) -> assertThat(body).as(field).contains("\"field\":\"" + field + "\""));
        ResponseEntity<String> unknown = requestTransfer("xfhandler1", "TRANSFER", "XS2026999999", "qingcheng", "理由");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(unknown).path("errors").findValuesAsText("field")).containsExactly("subjectNumber");
        transferred("xfhandler1", "TRANSFER", caseNumber, "qingcheng", "理由");
        ResponseEntity<String> twice = requestTransfer("xfhandler1", "TRANSFER", caseNumber, "huachi", "理由");
        assertThat(json(twice).path("errors").findValuesAsText("field")).containsExactly("subjectNumber");
    }

    @Test
    @DisplayName("Art. 25, one body at a time (operators.md, races): two transfers of one case asked for at the same moment — the second waits until the first has committed and is refused naming subjectNumber; one transfer is pending, not two")
    void twoTransfersOfOneCaseAtOnce() throws Exception {
        String caseNumber = filedCase("xfhandler1", "xfhead", "同时移送当事人");
        CountDownLatch firstAsked = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService firstThread = Executors.newSingleThreadExecutor();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        Future<?> first = firstThread.submit(() -> transaction.executeWithoutResult(status -> {
            transfers.request(new Transfers.Request("TRANSFER", caseNumber, "qingcheng", "违法行为发生地在庆城县"),
                    new Caller("xfhandler1", Set.of("xifeng", "handler"), Set.of(), false));
            firstAsked.countDown();
            try {
                commitFirst.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(firstAsked.await(60, TimeUnit.SECONDS)).isTrue();
            // the second, over the API, while the first is not yet committed
            CompletableFuture<ResponseEntity<String>> second = CompletableFuture.supplyAsync(() ->
                    requestTransfer("xfhandler1", "TRANSFER", caseNumber, "huachi", "违法行为发生地在华池县"));
            try {
                second.get(3, TimeUnit.SECONDS); // unhindered, it would be answered by now
            } catch (TimeoutException waitingForTheFirst) {
                // as it should: it waits for the first to commit
            }
            commitFirst.countDown();
            first.get(60, TimeUnit.SECONDS);
            ResponseEntity<String> answer = second.get(60, TimeUnit.SECONDS);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(answer).path("errors").findValuesAsText("field")).containsExactly("subjectNumber");
        } finally {
            commitFirst.countDown();
            firstThread.shutdown();
        }
        assertThat(transferRecords.findBySubjectNumberAndStatusIn(caseNumber,
                List.of(JurisdictionTransfer.Status.REQUESTED, JurisdictionTransfer.Status.REFUSED)))
                .singleElement().satisfies(t -> assertThat(t.getToOrganisation()).isEqualTo("qingcheng"));
    }

    /** A Json variable's value as REST answers it: the list, or its text. */
    private static JsonNode listOf(JsonNode value) {
        try {
            return value.isTextual() ? JSON.readTree(value.asText()) : value;
        } catch (Exception e) {
            throw new AssertionError("not a JSON list: " + value, e);
        }
    }
}
