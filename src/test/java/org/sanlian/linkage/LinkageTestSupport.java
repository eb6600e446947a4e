package org.sanlian.linkage;

import org.sanlian.support.Notices;
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
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Drives the bodies' processes through the REST API as their officers would, and a brigade's case to its end. */
abstract class LinkageTestSupport extends SanlianSpringTest {

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);
    static final String YESTERDAY = TODAY.minusDays(1).toString();

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    org.sanlian.calendar.WorkingDayCalendar calendar;

    @Autowired
    LinkageSettings linkageSettings;

    /** The end of the China day that many working days after today (a task's due date as the deadlines write it). */
    java.util.Date workingDaysFromToday(int workingDays) {
        return org.sanlian.deadline.WorkingDayDeadlines.endOfDay(calendar.addWorkingDays(TODAY, workingDays).date());
    }

    /** Starts a process through its start form as the given user; fails the test on any error. */
    JsonNode startForm(String user, String processKey, Map<String, ?> values) {
        ResponseEntity<String> response = post(user, "/engine-rest/process-definition/key/" + processKey + "/submit-form",
                variables(values));
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return json(response);
    }

    /** The one open task of that definition key in the instance, as the user sees it through /engine-rest. */
    String taskOf(String user, String processInstanceId, String taskKey) {
        JsonNode tasks = json(get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey));
        assertThat(tasks.size()).as(user + " sees " + taskKey).isEqualTo(1);
        return tasks.get(0).path("id").asText();
    }

    ResponseEntity<String> submit(String user, String taskId, Map<String, ?> values) {
        return post(user, "/engine-rest/task/" + taskId + "/submit-form", variables(values));
    }

    void submitOk(String user, String taskId, Map<String, ?> values) {
        ResponseEntity<String> response = submit(user, taskId, values);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    JsonNode handOver(String user, String handOverNumber) {
        return json(get(user, "/api/handovers/" + handOverNumber));
    }

    ProcessInstance instance(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    ProcessInstance historicAware(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        taskService.complete(task(taskKey, instance).getId(), values);
    }

    /** The lead verified and filed by the head: returns the case's generalProcedure instance, waiting in 调查取证. */
    ProcessInstance filed(String leadNumber) {
        ProcessInstance lead = historicAware("leadIntake", leadNumber);
        complete(lead, "verifyLead", Map.of("verificationFindings", "核查属实"));
        complete(lead, "decideFiling", Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        return historicAware("generalProcedure", caseNumber);
    }

    /** Investigation, report and pre-penalty notice of a penalty below the legal-review threshold, up to 处罚决定审批. */
    void untilPenaltyDecision(ProcessInstance procedure, int fine) {
        complete(procedure, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录；现场检查，制作现场笔录"));
        Map<String, Object> report = new HashMap<>(Map.of("facts", "当事人车辆违法行驶", "legalBasis",
                "《公路安全保护条例》第六十四条", "proposedOutcome", "penalty", "partyType", "organisation",
                "violationCode", "LZ-CX", "proposedFine", fine));
        complete(procedure, "investigationReport", report);
        complete(procedure, "issueNotice", Notices.served(TODAY));
        // the party stated its case and has no right to a hearing: the head may decide at once (行政处罚法 Arts. 45, 63)
        complete(procedure, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人对事实无异议",
                "recheckConclusion", "当事人未提出新的事实", "finalFine", fine));
        assertThat(procedure).isWaitingAt("decidePenalty");
    }

    /** From the approved penalty decision to the archive (Art. 61, 67, 47). */
    void decidedToArchive(ProcessInstance procedure, String party, int fine) {
        complete(procedure, "decidePenalty", Map.of("headDecision", "approve"));
        complete(procedure, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", party, "receiptSignature", "signed"));
        complete(procedure, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", fine));
        complete(procedure, "closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        complete(procedure, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(procedure).isEnded().hasPassed("caseArchived");
    }
}
