package org.sanlian.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.LeadSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("crossHandOver — 交通+交警: hand-overs both ways, routed by DMN competentBody (domain.md §1), one fine per act (行政处罚法 Art. 29)")
class PoliceLinkageProcessTest extends LinkageTestSupport {

    @Autowired
    LeadService leadService;

    private Map<String, Object> matter(String matter, String party, String plate, String date) {
        Map<String, Object> values = new HashMap<>();
        values.put("matter", matter);
        values.put("partyName", party);
        values.put("plateNumber", plate);
        values.put("occurredOn", date);
        values.put("place", "西峰区董志塬路口");
        values.put("summary", "联勤检查中查获");
        values.put("evidence", "执法记录仪视频 1 段");
        return values;
    }

    @Test
    @DisplayName("domain.md §1, 道路运输条例 Art. 63: the police hand illegal operation (黑车) to the transport brigade, which accepts it as a lead (source 公安交警移交); plate and party go on the shared watchlist both bodies query; the case ends in crime transfer and the police learn the outcome")
    void policeHandIllegalOperationToTransport() {
        String id = startForm("police1", "crossHandOver", matter("illegalOperation", "张某甲", "甘M7B001", YESTERDAY))
                .path("id").asText();
        String number = instance(id).getBusinessKey();
        assertThat(runtimeService.getVariable(id, "competentBody")).isEqualTo("transport");
        assertThat(runtimeService.getVariable(id, "receiverCode")).isEqualTo("xifeng");
        assertThat(json(get("police1", "/engine-rest/task?processInstanceId=" + id)).size()).isZero();
        // the receiving officer reads who sent it by its name, not its code (found in Chromium: "移交机关 xfpolice")
        String acceptance = taskOf("xfhandler1", id, "acceptHandOver");
        assertThat(json(get("xfhandler1", "/engine-rest/task/" + acceptance + "/form-variables"))
                .path("senderName").path("value").asText()).isEqualTo("庆阳市公安局西峰分局交通警察大队");
        submitOk("xfhandler1", acceptance, Map.of("acceptance", "accept"));

        String leadNumber = handOver("police1", number).path("handOver").path("leadNumber").asText();
        assertThat(leadService.byNumber(leadNumber).getSource()).isEqualTo(LeadSource.POLICE);
        assertThat(leadService.byNumber(leadNumber).getSummary()).contains("（庆阳市公安局西峰分局交通警察大队，非法营运")
                .doesNotContain("xfpolice");
        for (String user : new String[] {"police1", "xfhandler1", "citysupervisor"}) {
            JsonNode watch = json(get(user, "/api/watchlist?plate=甘M7B001"));
            assertThat(watch.findValuesAsText("partyName")).as(user).containsExactly("张某甲");
        }
        assertThat(json(get("xfhandler1", "/api/watchlist?party=张某甲")).findValuesAsText("reference")).containsExactly(number);
        assertThat(get("analyst", "/api/watchlist").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ProcessInstance procedure = filed(leadNumber);
        assertThat(json(get("police1", "/engine-rest/task?processInstanceId=" + procedure.getId())).size()).isZero();
        assertThat(json(get("police1", "/engine-rest/process-instance?businessKey=" + procedure.getBusinessKey())).size())
                .isZero();
        complete(procedure, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "查明当事人长期组织非法营运并伪造证件"));
        complete(procedure, "investigationReport", Map.of("facts", "涉嫌伪造国家机关证件", "legalBasis", "行政处罚法第二十七条",
                "proposedOutcome", "crimeTransfer", "partyType", "citizen", "violationCode", "YZ-KY-WZ"));
        complete(procedure, "decideCrimeTransfer", Map.of("crimeTransferDecision", "approve", "receivingOrgan", "庆阳市公安局西峰分局"));
        complete(procedure, "sendCrimeTransfer", Map.of("transferSentOn", java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")).toString(), "transferMaterials",
                new java.util.ArrayList<>(java.util.List.of("transferLetter", "investigationReport")), "receiptSignedBy", "吴刚"));
        // the police answer is recorded first (移送规定 Art. 8): only a filed case is concluded and fed back
        assertThat(instance(id)).isWaitingAt("transportLeadConcluded");
        complete(procedure, "recordPoliceFilingDecision", Map.of("policeFilingDecision", "filed", "policeDecidedOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "policeDocumentNumber", "西公立字〔2026〕3号"));

        assertThat(instance(id)).isWaitingAt("acknowledgeOutcome");
        String acknowledge = taskOf("police1", id, "acknowledgeOutcome");
        assertThat(taskService.getVariable(acknowledge, "outcomeSummary").toString()).contains("移送 庆阳市公安局西峰分局");
        submitOk("police1", acknowledge, Map.of("stepNote", "已知悉，配合侦查"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId("outcomeFedBack").count()).isEqualTo(1);
        assertThat(handOver("police1", number).path("handOver").path("outcome").asText()).isEqualTo("crimeTransfer");
    }

    @Test
    @DisplayName("道路交通安全法 Art. 92: the brigade hands rated-load overload to the police; a return without reason is refused (400 naming returnReason), with one the brigade reads it; a matter the sender decides itself is refused naming matter")
    void brigadeHandsOverloadToPoliceWhoReturnIt() {
        ResponseEntity<String> own = post("xfhandler1", "/engine-rest/process-definition/key/crossHandOver/submit-form",
                variables(matter("illegalOperation", "李某乙", "甘M7B002", YESTERDAY)));
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(own).path("errors").get(0).path("field").asText()).isEqualTo("matter");
        ResponseEntity<String> bureau = post("bureau1", "/engine-rest/process-definition/key/crossHandOver/submit-form",
                variables(matter("ratedLoadOverload", "李某乙", "甘M7B002", YESTERDAY)));
        assertThat(json(bureau).path("errors").get(0).path("field").asText()).isEqualTo("registrant");

        String id = startForm("xfhandler1", "crossHandOver", matter("ratedLoadOverload", "李某乙", "甘M7B002", YESTERDAY))
                .path("id").asText();
        assertThat(runtimeService.getVariable(id, "receiverGroup")).isEqualTo("xfpolicePolice");
        String acceptance = taskOf("police1", id, "acceptHandOver");
        assertThat(json(get("bureau1", "/engine-rest/task?processInstanceId=" + id)).size()).isZero();
        ResponseEntity<String> noReason = submit("police1", acceptance, Map.of("acceptance", "return"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noReason).path("errors").get(0).path("field").asText()).isEqualTo("returnReason");
        submitOk("police1", acceptance, Map.of("acceptance", "return", "returnReason", "车辆已在高速公路路段，由高速交警处理"));

        String read = taskOf("xfhandler1", id, "acknowledgeReturn");
        assertThat(taskService.getVariable(read, "returnReason")).isEqualTo("车辆已在高速公路路段，由高速交警处理");
        // no law gives reading it a period: due in sanlian.linkage.acknowledgement-working-days (local choice), not undated
        assertThat(taskService.createTaskQuery().taskId(read).singleResult().getDueDate())
                .isEqualTo(workingDaysFromToday(linkageSettings.acknowledgementWorkingDays()));
        submitOk("xfhandler1", read, Map.of("stepNote", "已转告高速交警"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId("handOverReturned").count()).isEqualTo(1);
        String number = processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult().getBusinessKey();
        assertThat(handOver("police1", number).path("history").findValuesAsText("step"))
                .containsExactly("handOver", "return", "acknowledgeReturn");
    }

    @Test
    @DisplayName("domain.md §1 (hand-overs both ways): the police's outcome submitted from Tasklist with 说明 left empty (form-js sends \"\") reads 交警处罚决定 …，罚款 … 元 to the brigade — no dangling 「：」 (found in Chromium)")
    void policeOutcomeWithoutNote_noDanglingColon() {
        String id = startForm("xfhandler1", "crossHandOver", matter("ratedLoadOverload", "王某庚", "甘M7B017", YESTERDAY))
                .path("id").asText();
        submitOk("police1", taskOf("police1", id, "acceptHandOver"), Map.of("acceptance", "accept"));
        submitOk("police1", taskOf("police1", id, "recordPoliceOutcome"), Map.of("policeOutcome", "penalty",
                "policeDecisionNumber", "西公交决字〔2026〕0317号", "policeFine", 2000, "policeNote", ""));
        String acknowledge = taskOf("xfhandler1", id, "acknowledgeOutcome");
        assertThat(taskService.getVariable(acknowledge, "outcomeSummary").toString())
                .isEqualTo("交警处罚决定 西公交决字〔2026〕0317号，罚款 2000 元");
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: the police accept an overload and fine it; the brigade learns the outcome; a transport penalty for the same plate on the same day is refused at the head's approval with 409 naming the police decision, and the task stays open")
    void policeFineFirstThenTransportFineRefused() {
        String id = startForm("xfhandler1", "crossHandOver", matter("ratedLoadOverload", "王某丙", "甘M7B003", YESTERDAY))
                .path("id").asText();
        submitOk("police1", taskOf("police1", id, "acceptHandOver"), Map.of("acceptance", "accept"));
        String record = taskOf("police1", id, "recordPoliceOutcome");
        ResponseEntity<String> noNumber = submit("police1", record, Map.of("policeOutcome", "penalty", "policeFine", 200));
        assertThat(noNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noNumber).path("errors").get(0).path("field").asText()).isEqualTo("policeDecisionNumber");
        submitOk("police1", record, Map.of("policeOutcome", "penalty", "policeDecisionNumber", "西公交决字〔2026〕0301号",
                "policeFine", 200));
        String acknowledge = taskOf("xfhandler1", id, "acknowledgeOutcome");
        assertThat(taskService.getVariable(acknowledge, "outcomeSummary").toString()).contains("西公交决字〔2026〕0301号", "200");
        assertThat(taskService.createTaskQuery().taskId(acknowledge).singleResult().getDueDate())
                .isEqualTo(workingDaysFromToday(linkageSettings.acknowledgementWorkingDays()));
        submitOk("xfhandler1", acknowledge, Map.of("stepNote", "已知悉"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId("outcomeFedBack").count()).isEqualTo(1);

        // the same act (plate and day) reaches transport as a lead of its own
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", "某运输公司丙", "plateNumber", "甘M7B003", "occurredOn", YESTERDAY,
                "summary", "车辆超限运输", "organisationCode", "xifeng"));
        ProcessInstance procedure = filed(lead.getBusinessKey());
        untilPenaltyDecision(procedure, 1000);
        String decision = task("decidePenalty", procedure).getId();
        ResponseEntity<String> refused = submit("xfhead", decision, Map.of("headDecision", "approve"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("headDecision");
        assertThat(json(refused).path("conflictsWith").path("decisionNumber").asText()).isEqualTo("西公交决字〔2026〕0301号");
        assertThat(json(refused).path("detail").asText()).contains("第二十九条");
        assertThat(procedure).isWaitingAt("decidePenalty");
    }

    @Test
    @DisplayName("行政处罚法 Art. 29, the other way: transport has fined an act; the police's fine for the same party on the same day is refused with 409 naming the transport decision; recording no penalty is accepted")
    void transportFineFirstThenPoliceFineRefused() {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", "赵某丁", "plateNumber", "甘M7B004", "occurredOn", YESTERDAY,
                "summary", "车辆超限运输", "organisationCode", "xifeng"));
        ProcessInstance procedure = filed(lead.getBusinessKey());
        untilPenaltyDecision(procedure, 1500);
        complete(procedure, "decidePenalty", Map.of("headDecision", "approve"));
        String transportDecision = (String) runtimeService.getVariable(procedure.getId(), "decisionNumber");

        String id = startForm("xfhandler1", "crossHandOver", matter("ratedLoadOverload", "赵某丁", "甘M7B005", YESTERDAY))
                .path("id").asText();
        submitOk("police1", taskOf("police1", id, "acceptHandOver"), Map.of("acceptance", "accept"));
        String record = taskOf("police1", id, "recordPoliceOutcome");
        ResponseEntity<String> refused = submit("police1", record, Map.of("policeOutcome", "penalty",
                "policeDecisionNumber", "西公交决字〔2026〕0302号", "policeFine", 200));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("policeFine");
        assertThat(json(refused).path("conflictsWith").path("decisionNumber").asText()).isEqualTo(transportDecision);
        submitOk("police1", record, Map.of("policeOutcome", "noPenalty", "policeNote", "同一行为已由交通运输部门罚款"));
        assertThat(taskService.getVariable(taskOf("xfhandler1", id, "acknowledgeOutcome"), "outcomeSummary").toString())
                .contains("不予处罚");
    }
}
