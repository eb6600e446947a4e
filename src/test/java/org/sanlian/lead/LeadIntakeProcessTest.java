package org.sanlian.lead;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("leadIntake — 案源登记、核查、立案审批 (domain.md §2.1–2.2)")
class LeadIntakeProcessTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    LeadService leadService;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CaseFiles caseFiles;

    private ProcessInstance registered(String partyName) {
        return formService.submitStartForm(
                processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("leadIntake")
                        .latestVersion().singleResult().getId(),
                withVariables("source", "COMPLAINT", "partyName", partyName, "summary", "群众举报黑车在火车站揽客",
                        "plateNumber", "甘M8K888", "organisationCode", "xifeng", "registrant", "xfhandler1"));
    }

    private void verify(ProcessInstance instance) {
        assertThat(instance).isWaitingAt("verifyLead");
        assertThat(task()).hasCandidateGroup("xifengHandler");
        taskService.complete(task().getId(), withVariables("verificationFindings", "经核查，车辆无道路运输证", "occurredOn", actToday()));
    }

    @Test
    @DisplayName("§2.1: a registered lead gets a number as business key and waits for 案源核查 by the receiving body's handlers, due 15 working days (local choice) after registration")
    void registrationAssignsNumberAndVerificationDeadline() {
        LocalDate today = LocalDate.now(ChinaTime.CHINA);
        ProcessInstance instance = registered("张三");
        assertThat(instance).isStarted().isWaitingAt("verifyLead");
        assertThat(instance.getBusinessKey()).matches("XS\\d{4}\\d{6}");
        Task verification = task(instance);
        LocalDate expected = calendar.addWorkingDays(today, 15).date();
        assertThat(verification.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(expected));
        assertThat(leadService.byNumber(instance.getBusinessKey()).getStatus()).isEqualTo(LeadStatus.REGISTERED);
    }

    @Test
    @DisplayName("9号令 Art. 63: the head approves filing → the case number (§3.3, e.g. 庆交执西立〔2026〕N号) is assigned at that moment and becomes the business key; recorded in the lead's full-process record (Art. 47)")
    void headFilesTheCase() {
        ProcessInstance instance = registered("李四");
        String leadNumber = instance.getBusinessKey();
        verify(instance);
        assertThat(instance).isWaitingAt("decideFiling");
        assertThat(task()).hasCandidateGroup("xifengHead");
        taskService.complete(task().getId(), withVariables("filingDecision", "file"));
        assertThat(instance).isEnded().hasPassed("fileCase", "caseFiled");
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("caseNumber").singleResult().getValue();
        int year = LocalDate.now(ChinaTime.CHINA).getYear();
        assertThat(caseNumber).matches("庆交执西立〔" + year + "〕[1-9]\\d*号");
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey()).isEqualTo(caseNumber);
        assertThat(caseFiles.byNumber(caseNumber).getLeadNumber()).isEqualTo(leadNumber);
        assertThat(caseFiles.byNumber(caseNumber).getPartyName()).isEqualTo("李四");
        Lead lead = leadService.byNumber(leadNumber);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.FILED);
        assertThat(leadService.history(lead)).extracting(LeadEvent::getStatus)
                .containsExactly(LeadStatus.REGISTERED, LeadStatus.VERIFIED, LeadStatus.FILED);
    }

    @Test
    @DisplayName("§2.2: not filing needs a reason — without one the task stays open; with one → 不予立案")
    void notFilingNeedsAReason() {
        ProcessInstance instance = registered("王五");
        verify(instance);
        String taskId = task().getId();
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables("filingDecision", "notFile")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause().hasMessageContaining("decisionReason");
        assertThat(instance).isWaitingAt("decideFiling");
        taskService.complete(taskId, withVariables("filingDecision", "notFile", "decisionReason", "不属于违法行为"));
        assertThat(instance).isEnded().hasPassed("leadNotFiled");
        assertThat(leadService.byNumber(instance.getBusinessKey()).getStatus()).isEqualTo(LeadStatus.NOT_FILED);
    }

    @Test
    @DisplayName("行政处罚法 Art. 22–25: a lead outside the body's competence is transferred (移送管辖) with a reason")
    void transferToCompetentBody() {
        ProcessInstance instance = registered("赵六");
        verify(instance);
        taskService.complete(task().getId(),
                withVariables("filingDecision", "transfer", "decisionReason", "违法行为发生地在庆城县",
                        "transferTo", "qingcheng"));
        assertThat(instance).isEnded().hasPassed("requestLeadTransfer", "leadTransferred");
        assertThat(leadService.byNumber(instance.getBusinessKey()).getStatus()).isEqualTo(LeadStatus.TRANSFERRED);
    }

    @Test
    @DisplayName("行政处罚法 Art. 27, 移送规定 Arts. 5, 6: a suspected crime is not ended at 立案审批 — the head files it, and the case group's report, the head's approval within 3 days and the 移送书 within 24 hours follow in the case; the shortcut is refused naming filingDecision and the lead waits")
    void crimeTransferGoesThroughTheCase() throws Exception {
        ProcessInstance instance = registered("孙七");
        verify(instance);
        String taskId = task().getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(taskId,
                withVariables("filingDecision", "crimeTransfer", "decisionReason", "涉嫌危险物品肇事")))
                .hasMessageContaining("filingDecision").hasMessageContaining("请选择立案");
        assertThat(instance).isWaitingAt("decideFiling");
        assertThat(leadService.byNumber(instance.getBusinessKey()).getStatus()).isEqualTo(LeadStatus.VERIFIED);
        // the form offers no such choice either
        String options = java.nio.file.Files.readString(java.nio.file.Path.of("forms/decideFiling.form"));
        org.assertj.core.api.Assertions.assertThat(options).doesNotContain("crimeTransfer");
    }

    @Test
    @DisplayName("the server checks what the form checks: submitting 案源核查 without 核查情况 → 400 naming the field, task still open")
    void submitWithoutRequiredFieldIsRefused() {
        String instanceId = registerLead("xfhandler1", "钱八", null).path("id").asText();
        String taskId = taskIdOf("xfhandler1", instanceId);
        ResponseEntity<String> refused = post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("verificationFindings");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("registration without party, summary and with a malformed plate → 400 naming each field, nothing stored")
    void badRegistrationIsRefused() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("leadIntake").count();
        ResponseEntity<String> refused = post("xfhandler1",
                "/engine-rest/process-definition/key/leadIntake/submit-form",
                variables(Map.of("source", "INSPECTION", "plateNumber", "ABC")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("partyName", "summary", "plateNumber");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("leadIntake").count())
                .isEqualTo(before);
    }

    @Test
    @DisplayName("a body sees its own leads and cases in the domain API; another county's handler gets 404, the city supervisor sees them")
    void leadsAreVisibleToTheirBody() {
        String leadNumber = registerLead("xfhandler1", "周九", null).path("businessKey").asText();
        assertThat(get("xfhandler1", "/api/leads/" + leadNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("qchandler1", "/api/leads/" + leadNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("citysupervisor", "/api/leads/" + leadNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(get("qchandler1", "/api/leads")).findValuesAsText("leadNumber")).doesNotContain(leadNumber);

        ProcessInstance filed = registered("吴十");
        verify(filed);
        taskService.complete(task().getId(), withVariables("filingDecision", "file"));
        String caseNumber = caseFiles.visibleTo(java.util.Set.of("xifeng"), false).get(0).getCaseNumber();
        String path = "/api/cases/" + caseNumber;
        assertThat(json(get("xfhandler1", path)).path("partyName").asText()).isEqualTo("吴十");
        assertThat(get("qchandler1", path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("citysupervisor", path).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
