package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.sanlian.support.TestModels;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@DisplayName("APIs need a Camunda user; the engine's authorizations decide what each role may do")
class ApiSecurityTest extends SanlianSpringTest {

    @Test
    @DisplayName("GET /engine-rest/engine without credentials → 401 Problem Details; as xfhandler1:demo → 200")
    void engineRestNeedsCredentials() {
        ResponseEntity<String> anonymous = get(null, "/engine-rest/engine");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isNotNull();
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(json(anonymous).path("status").asInt()).isEqualTo(401);

        ResponseEntity<String> handler = get("xfhandler1", "/engine-rest/engine");
        assertThat(handler.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(handler).get(0).path("name").asText()).isEqualTo("default");
    }

    @Test
    @DisplayName("a wrong password is refused with 401, as is the domain API without credentials")
    void wrongPasswordAndDomainApi() {
        // police1 only: after a failed login Camunda delays the next attempt of that user (brute-force protection)
        ResponseEntity<String> wrong = rest.withBasicAuth("police1", "not-demo")
                .getForEntity("/engine-rest/engine", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(null, "/api/organisations").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("xfhandler1", "/api/organisations").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("citysupervisor (法制监督) lists every body's process instances but gets 403 completing a task, "
            + "setting a variable, cancelling or modifying an instance")
    void supervisorReadsEverythingChangesNothing() {
        String xifengInstance = registerLead("xfhandler1", "西峰某客运公司", "甘M10001").path("id").asText();
        String qingchengInstance = registerLead("qchandler1", "庆城某货运公司", "甘M20002").path("id").asText();

        ResponseEntity<String> instances = get("citysupervisor", "/engine-rest/process-instance?maxResults=1000");
        assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json(instances).forEach(i -> ids.add(i.path("id").asText()));
        assertThat(ids).contains(xifengInstance, qingchengInstance);

        String taskId = taskIdOf("xfhandler1", xifengInstance);
        assertForbidden(post("citysupervisor", "/engine-rest/task/" + taskId + "/complete", Map.of()));
        assertForbidden(post("citysupervisor", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("verificationFindings", "监督员不应能提交"))));
        assertForbidden(call("citysupervisor", HttpMethod.PUT,
                "/engine-rest/task/" + taskId + "/variables/verificationFindings", Map.of("value", "改写")));
        assertForbidden(call("citysupervisor", HttpMethod.PUT,
                "/engine-rest/process-instance/" + xifengInstance + "/variables/partyName", Map.of("value", "改写")));
        assertForbidden(call("citysupervisor", HttpMethod.DELETE,
                "/engine-rest/process-instance/" + xifengInstance, null));
        assertForbidden(post("citysupervisor", "/engine-rest/process-instance/" + xifengInstance + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "verifyLead")))));

        // the instance is untouched: still waiting in 案源核查
        assertThat(taskIdOf("xfhandler1", xifengInstance)).isEqualTo(taskId);
    }

    @Test
    @DisplayName("analyst (流程分析员) can deploy a model but cannot work a task")
    void analystDeploysButWorksNoTasks() {
        String instance = registerLead("xfhandler1", "西峰某出租车公司", null).path("id").asText();
        String taskId = taskIdOf("xfhandler1", instance);

        ResponseEntity<String> tasks = get("analyst", "/engine-rest/task?processInstanceId=" + instance);
        assertThat(json(tasks)).isEmpty();
        assertForbidden(post("analyst", "/engine-rest/task/" + taskId + "/complete", Map.of()));

        ResponseEntity<String> deployed = deploy("analyst", "analystCheck.bpmn", ANALYST_MODEL);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(deployed).path("deployedProcessDefinitions").toString()).contains("analystCheck");
    }

    @Test
    @DisplayName("a handler of 西峰大队 may not deploy models (403)")
    void handlerCannotDeploy() {
        ResponseEntity<String> denied = deploy("xfhandler1", "handlerCheck.bpmn", ANALYST_MODEL);
        assertForbidden(denied);
    }

    @Test
    @DisplayName("the receiving body reads its lead's variables (Tasklist's 案源编号/当事人 columns); another county's handler does not")
    void bodyReadsItsOwnInstanceOnly() {
        String instance = registerLead("xfhandler1", "西峰某汽车维修厂", null).path("id").asText();
        ResponseEntity<String> own = get("xfhandler2", "/engine-rest/process-instance/" + instance + "/variables/partyName");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(own).path("value").asText()).isEqualTo("西峰某汽车维修厂");
        assertForbidden(get("qchandler1", "/engine-rest/process-instance/" + instance + "/variables/partyName"));
        assertThat(json(get("qchandler1", "/engine-rest/process-instance?maxResults=1000")).findValuesAsText("id"))
                .doesNotContain(instance);

        String unitFilter = json(get("xfhandler1", "/engine-rest/filter?name=本单位待办")).get(0).path("id").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("xfhandler1", DEMO_PASSWORD);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<String> list = rest.exchange("/engine-rest/filter/" + unitFilter + "/list?maxResults=1000",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(json(list).path("_embedded").path("task").findValuesAsText("value"))
                .contains("西峰某汽车维修厂");
    }

    private static void assertForbidden(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json(response).path("status").asInt()).isEqualTo(403);
    }

    private static final String ANALYST_MODEL = TestModels.startToEnd("analystCheck", "分析员部署检查");
}
