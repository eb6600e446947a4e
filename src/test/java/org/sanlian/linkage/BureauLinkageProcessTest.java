package org.sanlian.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.LeadSource;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("bureauLinkage — 综合执法+行业管理: the bureau hands leads to the brigade, the outcome comes back (domain.md §1)")
class BureauLinkageProcessTest extends LinkageTestSupport {

    @Autowired
    LeadService leadService;

    @Autowired
    WorkingDayCalendar calendar;

    private Map<String, Object> bureauLead(String party, String plate, String matter) {
        Map<String, Object> values = new HashMap<>();
        values.put("matter", matter);
        values.put("receiverCode", "xifeng");
        values.put("partyName", party);
        values.put("creditCode", "91621002MA71ABCD10");
        values.put("licenceNumber", "甘交运管许可庆字621002001号");
        values.put("plateNumber", plate);
        values.put("occurredOn", YESTERDAY);
        values.put("place", "西峰区长庆大道");
        values.put("summary", "日常监管中发现车辆未按规定检测即从事运输");
        values.put("evidence", "检查记录 1 份，现场照片 6 张");
        return values;
    }

    private String brigadeInstance(String handOverNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("bureauLeadAcceptance")
                .processInstanceBusinessKey(handOverNumber).singleResult().getId();
    }

    @Test
    @DisplayName("domain.md §1 + 62号令 Art. 44: the bureau hands an over-limit lead to 西峰大队, which accepts it into leadIntake; the case ends in a penalty and the outcome reaches the bureau (抄告) without re-typing; credit record, over-limit push (7 working days) and licence review become bureau tasks with their deadlines")
    void acceptedLeadEndsInPenaltyAndBureauFollowUp() {
        JsonNode started = startForm("bureau1", "bureauLeadHandOver", bureauLead("某货运有限公司甲", "甘M5A001", "overLimit"));
        String bureauId = started.path("id").asText();
        String number = instance(bureauId).getBusinessKey();
        assertThat(number).matches("YJ\\d{4}\\d{6}");
        assertThat(instance(bureauId)).isWaitingAt("awaitAnswer");

        // the brigade's handlers get the acceptance task, due in 5 working days; the bureau does not see it
        String brigadeId = brigadeInstance(number);
        String acceptance = taskOf("xfhandler1", brigadeId, "acceptBureauLead");
        assertThat(taskService.createTaskQuery().taskId(acceptance).singleResult().getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 5).date()));
        assertThat(json(get("bureau1", "/engine-rest/task?processInstanceId=" + brigadeId)).size()).isZero();
        submitOk("xfhandler1", acceptance, Map.of("acceptance", "accept"));

        // the lead is in leadIntake with the bureau's facts, nobody typed them again
        String leadNumber = handOver("bureau1", number).path("handOver").path("leadNumber").asText();
        assertThat(leadService.byNumber(leadNumber).getSource()).isEqualTo(LeadSource.BUREAU);
        assertThat(leadService.byNumber(leadNumber).getPlateNumber()).isEqualTo("甘M5A001");
        assertThat(leadService.byNumber(leadNumber).getSummary()).contains(number, "检查记录 1 份", "91621002MA71ABCD10");
        assertThat(instance(bureauId)).isWaitingAt("caseOutcomeReceived");

        ProcessInstance procedure = filed(leadNumber);
        untilPenaltyDecision(procedure, 2000);
        // 执法主体不变: the case stays 西峰大队's — the bureau sees neither its tasks nor its instance
        assertThat(json(get("bureau1", "/engine-rest/task?processInstanceId=" + procedure.getId())).size()).isZero();
        assertThat(get("bureau1", "/engine-rest/process-instance/" + procedure.getId()).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(json(get("xfhead", "/engine-rest/task?processInstanceId=" + procedure.getId())).size()).isEqualTo(1);
        decidedToArchive(procedure, "某货运有限公司甲", 2000);

        // 抄告: the bureau's pool received the outcome; three follow-up tasks, each with its deadline
        assertThat(instance(bureauId)).hasPassed("caseOutcomeReceived", "decideFollowUp", "scheduleFollowUp");
        List<Task> followUps = taskService.createTaskQuery().processInstanceId(bureauId)
                .taskDefinitionKey("bureauFollowUpAction").list();
        Map<String, Integer> workingDays = Map.of("creditRecord", 7, "overLimitPush", 7, "licenceReview", 15);
        assertThat(followUps).hasSize(3);
        for (Task followUp : followUps) {
            String action = (String) taskService.getVariable(followUp.getId(), "action");
            assertThat(followUp.getDueDate()).as(action).isEqualTo(
                    WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, workingDays.get(action)).date()));
            assertThat(taskService.getIdentityLinksForTask(followUp.getId())).anyMatch(l -> "xfbureauOfficer".equals(l.getGroupId()));
        }
        assertThat(json(get("bureau1", "/engine-rest/task?processInstanceId=" + bureauId)).size()).isEqualTo(3);
        JsonNode record = handOver("bureau1", number);
        assertThat(record.path("handOver").path("outcome").asText()).isEqualTo("penalty");
        assertThat(record.path("handOver").path("outcomeSummary").asText()).contains("罚〔");

        ResponseEntity<String> empty = submit("bureau1", followUps.get(0).getId(), Map.of());
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(empty).path("errors").get(0).path("field").asText()).isEqualTo("stepNote");
        for (Task followUp : followUps) {
            submitOk("bureau1", followUp.getId(), Map.of("stepNote", "已办理"));
        }
        assertThat(instance(bureauId)).isNull();
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(bureauId)
                .activityId("outcomeFiled").count()).isEqualTo(1);
        assertThat(handOver("bureau1", number).path("history").findValuesAsText("step")).containsSubsequence(
                "handOver", "accept", "registerLead", "feedback");
        assertThat(handOver("bureau1", number).path("history").findValuesAsText("step"))
                .contains("creditRecord", "overLimitPush", "licenceReview");
    }

    @Test
    @DisplayName("domain.md §1: the brigade returns a lead — without a reason it is refused (400 naming returnReason); with one the bureau sees it, completes the evidence and hands over again; the head does not file it and the bureau is told in Tasklist (知悉处理结果, due in 5 working days), with no other follow-up")
    void returnedWithReasonThenNotFiled() {
        String bureauId = startForm("bureau1", "bureauLeadHandOver", bureauLead("某客运公司乙", "甘M5A002", "passengerTransport"))
                .path("id").asText();
        String number = instance(bureauId).getBusinessKey();
        String acceptance = taskOf("xfhandler1", brigadeInstance(number), "acceptBureauLead");
        ResponseEntity<String> noReason = submit("xfhandler1", acceptance, Map.of("acceptance", "return"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noReason).path("errors").get(0).path("field").asText()).isEqualTo("returnReason");
        submitOk("xfhandler1", acceptance, Map.of("acceptance", "return", "returnReason", "缺少车辆检测记录，请补充"));

        assertThat(instance(bureauId)).isWaitingAt("reviewReturnedLead");
        assertThat(runtimeService.getVariable(bureauId, "returnReason")).isEqualTo("缺少车辆检测记录，请补充");
        assertThat(handOver("bureau1", number).path("handOver").path("status").asText()).isEqualTo("RETURNED");
        String review = taskOf("bureau1", bureauId, "reviewReturnedLead");
        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getDueDate())
                .isEqualTo(workingDaysFromToday(linkageSettings.acknowledgementWorkingDays()));
        submitOk("bureau1", review, Map.of("returnDecision", "resubmit", "summary", "日常监管中发现客车未按规定检测即从事运输",
                "evidence", "检查记录 1 份，现场照片 6 张，检测站证明 1 份"));

        // handed over again: a new acceptance in the brigade's pool
        assertThat(instance(bureauId)).isWaitingAt("awaitAnswer");
        String again = taskOf("xfhandler1", brigadeInstance(number), "acceptBureauLead");
        assertThat(taskService.getVariable(again, "evidence").toString()).contains("检测站证明");
        submitOk("xfhandler1", again, Map.of("acceptance", "accept"));
        String leadNumber = handOver("bureau1", number).path("handOver").path("leadNumber").asText();

        ProcessInstance lead = historicAware("leadIntake", leadNumber);
        complete(lead, "verifyLead", Map.of("verificationFindings", "经核查，车辆已补检"));
        complete(lead, "decideFiling", Map.of("filingDecision", "notFile", "decisionReason", "违法事实不成立"));

        JsonNode record = handOver("bureau1", number);
        assertThat(record.path("handOver").path("outcome").asText()).isEqualTo("notFiled");
        assertThat(record.path("handOver").path("outcomeSummary").asText()).contains("不予立案", "违法事实不成立");
        // the bureau reads the outcome in Tasklist (found in Chromium: it ended with no task, and 本单位待办 stayed empty)
        List<Task> noted = taskService.createTaskQuery().processInstanceId(bureauId).list();
        assertThat(noted).hasSize(1);
        assertThat(noted.get(0).getTaskDefinitionKey()).isEqualTo("bureauFollowUpAction");
        assertThat(taskService.getVariable(noted.get(0).getId(), "action")).isEqualTo("outcomeNoted");
        assertThat(noted.get(0).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, 5).date()));
        assertThat(json(get("bureau1", "/engine-rest/task?processInstanceId=" + bureauId)).size()).isEqualTo(1);
        submitOk("bureau1", noted.get(0).getId(), Map.of("stepNote", "已阅知"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(bureauId)
                .activityId("outcomeFiled").count()).isEqualTo(1);
        assertThat(record.path("history").findValuesAsText("step")).containsSubsequence("handOver", "return",
                "handOverAgain", "accept", "registerLead", "feedback");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 22, 23: the start form offers the 西峰区 bureau the enforcement bodies competent for its area, from the configured bodies — 西峰大队 and the city team; a lead handed to 庆城县 is refused naming receiverCode")
    void bureauHandsOverWithinItsArea() {
        JsonNode form = json(get("bureau1", "/engine-rest/process-definition/key/bureauLeadHandOver/deployed-start-form"));
        assertThat(select(form, "receiverCode").path("valuesKey").isMissingNode()).isTrue();
        assertThat(select(form, "receiverCode").path("values").findValuesAsText("value"))
                .containsExactly("qycity", "xifeng");
        assertThat(select(form, "receiverCode").path("values").findValuesAsText("label"))
                .containsExactly("庆阳市交通运输综合行政执法队", "庆阳市交通运输综合行政执法队西峰大队");

        Map<String, Object> elsewhere = bureauLead("某公司戊", "甘M5A005", "taxi");
        elsewhere.put("receiverCode", "qingcheng");
        ResponseEntity<String> refused = post("bureau1",
                "/engine-rest/process-definition/key/bureauLeadHandOver/submit-form", variables(elsewhere));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("receiverCode");
    }

    private static JsonNode select(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("the form has no field " + key);
    }

    @Test
    @DisplayName("a returned lead may be withdrawn by the bureau; a malformed unified social credit code or one whose check character is wrong (GB 32100—2015) or plate is refused naming the field; only the bureau hands over its supervision leads")
    void withdrawnAfterReturnAndBadInput() {
        Map<String, Object> bad = bureauLead("某公司丙", "ABC", "taxi");
        bad.put("creditCode", "12345");
        ResponseEntity<String> refused = post("bureau1", "/engine-rest/process-definition/key/bureauLeadHandOver/submit-form",
                variables(bad));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field")).contains("creditCode", "plateNumber");
        Map<String, Object> wrongCheckCharacter = bureauLead("某公司丙", "甘M5A004", "taxi");
        wrongCheckCharacter.put("creditCode", "91621002MA71ABCD1X");
        ResponseEntity<String> badCheck = post("bureau1",
                "/engine-rest/process-definition/key/bureauLeadHandOver/submit-form", variables(wrongCheckCharacter));
        assertThat(badCheck.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(badCheck).path("errors").findValuesAsText("field")).containsExactly("creditCode");
        ResponseEntity<String> notBureau = post("xfhandler1", "/engine-rest/process-definition/key/bureauLeadHandOver/submit-form",
                variables(bureauLead("某公司丙", "甘M5A004", "taxi")));
        assertThat(notBureau.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(notBureau).path("errors").get(0).path("field").asText()).isEqualTo("registrant");

        String bureauId = startForm("bureau1", "bureauLeadHandOver", bureauLead("某出租汽车公司丁", "甘M5A003", "taxi"))
                .path("id").asText();
        String number = instance(bureauId).getBusinessKey();
        submitOk("xfhandler1", taskOf("xfhandler1", brigadeInstance(number), "acceptBureauLead"),
                Map.of("acceptance", "return", "returnReason", "不属于本大队管辖区域"));
        submitOk("bureau1", taskOf("bureau1", bureauId, "reviewReturnedLead"), Map.of("returnDecision", "withdraw",
                "summary", "日常监管中发现车辆未按规定检测即从事运输"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(bureauId)
                .activityId("handOverWithdrawn").count()).isEqualTo(1);
        assertThat(handOver("bureau1", number).path("handOver").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(handOver("xfhandler1", number).path("handOver").path("returnReason").asText()).isEqualTo("不属于本大队管辖区域");
        assertThat(get("qchandler1", "/api/handovers/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
