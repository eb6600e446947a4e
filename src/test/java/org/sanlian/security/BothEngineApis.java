package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Calls to either engine API — /engine-rest with HTTP Basic, or the webapps' /camunda/api/engine with the session and
 * CSRF token Tasklist and Cockpit use — and general-procedure cases at the step under test, driven through the Java
 * API as GeneralProcedureProcessTest does.
 */
abstract class BothEngineApis extends SanlianSpringTest {

    enum Api { ENGINE_REST, WEBAPP }

    record Answer(int status, JsonNode body) {
    }

    private static final Map<String, WebappSession> SESSIONS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    Answer call(Api api, String user, HttpMethod method, String path, Object body) {
        String json;
        try {
            json = body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        if (api == Api.ENGINE_REST) {
            ResponseEntity<String> response = call(user, method, "/engine-rest" + path, json);
            return new Answer(response.getStatusCode().value(), parse(response.getBody()));
        }
        WebappSession session = SESSIONS.computeIfAbsent(port + "/" + user,
                key -> WebappSession.login(port, user, DEMO_PASSWORD, user.equals("analyst") ? "cockpit" : "tasklist"));
        HttpResponse<String> response = session.engine(method.name(), path, json);
        return new Answer(response.statusCode(), parse(response.body()));
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode().put("text", body);
        }
    }

    /** A refusal as Problem Details with the given status, never a 5xx. */
    static void assertRefused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("detail").asText()).isNotBlank();
    }

    ProcessInstance filedCase(String party) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "xifeng"));
        complete(lead, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
        complete(lead, "decideFiling", Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        ProcessInstance procedure = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("generalProcedure").processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(procedure).isWaitingAt("investigate");
        return procedure;
    }

    /** Filed and investigated: waits in 调查终结报告. */
    ProcessInstance investigated(String party) {
        ProcessInstance instance = filedCase(party);
        complete(instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录；现场检查，制作现场笔录"));
        assertThat(instance).isWaitingAt("investigationReport");
        return instance;
    }

    /** Reported with a fine of 20,000 yuan for unlicensed passenger transport: waits in 法制审核. */
    ProcessInstance atLegalReview(String party) {
        ProcessInstance instance = investigated(party);
        complete(instance, "investigationReport", Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《道路运输条例》第六十三条", "proposedOutcome", "penalty", "partyType", "citizen",
                "violationCode", "LZ-CX", "proposedFine", 20000));
        assertThat(instance).isWaitingAt("legalReview");
        return instance;
    }

    String taskId(ProcessInstance instance, String taskKey) {
        return task(taskKey, instance).getId();
    }

    void complete(ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        taskService.complete(task(taskKey, instance).getId(), values);
    }
}
