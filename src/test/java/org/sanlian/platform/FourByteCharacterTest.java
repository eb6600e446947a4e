package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 𠮷 (U+20BB7) takes four bytes in UTF-8. Camunda's MySQL tables are utf8mb3; on MariaDB
 * MariaDbCharsetGuard converts them, so the same test passes on H2 and MariaDB.
 */
@DisplayName("Names with 4-byte characters (𠮷) survive forms, process variables, users and the domain API")
class FourByteCharacterTest extends SanlianSpringTest {

    static final String PARTY = "𠮷野家𠀀运输有限公司";

    @Test
    @DisplayName("a party name with 𠮷 goes through the start form, a process variable and /api/leads unchanged")
    void partyNameRoundTrip() {
        JsonNode instance = registerLead("xfhandler1", PARTY, "甘M30003");
        String instanceId = instance.path("id").asText();
        String leadNumber = instance.path("businessKey").asText();

        String taskId = taskIdOf("xfhandler1", instanceId);
        ResponseEntity<String> variable = get("xfhandler1", "/engine-rest/task/" + taskId + "/variables/partyName");
        assertThat(variable.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(variable).path("value").asText()).isEqualTo(PARTY);

        ResponseEntity<String> lead = get("xfhandler1", "/api/leads/" + leadNumber);
        assertThat(lead.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(lead).path("lead").path("partyName").asText()).isEqualTo(PARTY);

        ResponseEntity<String> history = get("citysupervisor",
                "/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&variableName=partyName");
        assertThat(json(history).get(0).path("value").asText()).isEqualTo(PARTY);
    }

    @Test
    @DisplayName("a user whose name has 𠮷 is created by the administrator and read back unchanged")
    void userNameRoundTrip() {
        ResponseEntity<String> created = rest.withBasicAuth("admin", DEMO_PASSWORD).postForEntity(
                "/engine-rest/user/create",
                Map.of("profile", Map.of("id", "jiuser" + System.nanoTime() % 100000, "firstName", "𠮷祥",
                        "lastName", "𠀀", "email", "ji@sanlian.example"),
                        "credentials", Map.of("password", "Passw0rd!")),
                String.class);
        assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();

        ResponseEntity<String> users = call("admin", HttpMethod.GET, "/engine-rest/user?firstName=𠮷祥", null);
        assertThat(users.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(users)).isNotEmpty();
        assertThat(json(users).get(0).path("firstName").asText()).isEqualTo("𠮷祥");
        assertThat(json(users).get(0).path("lastName").asText()).isEqualTo("𠀀");
    }

    @Test
    @DisplayName("a task variable with 𠮷 set through a form submit is stored and read back, never a 500")
    void taskFormRoundTrip() {
        String instanceId = registerLead("xfhandler1", "普通名称", null).path("id").asText();
        String taskId = taskIdOf("xfhandler1", instanceId);
        ResponseEntity<String> submitted = post("xfhandler1", "/engine-rest/task/" + taskId + "/submit-form",
                variables(Map.of("verificationFindings", "当事人𠮷某承认无证经营")));
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(submitted.getBody()).isTrue();
        String approvalTaskId = taskIdOf("xfhead", instanceId);
        ResponseEntity<String> variable = get("xfhead",
                "/engine-rest/task/" + approvalTaskId + "/variables/verificationFindings");
        assertThat(variable.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(variable).path("value").asText()).isEqualTo("当事人𠮷某承认无证经营");
        ResponseEntity<String> supervised = get("citysupervisor",
                "/engine-rest/process-instance/" + instanceId + "/variables/verificationFindings");
        assertThat(json(supervised).path("value").asText()).isEqualTo("当事人𠮷某承认无证经营");
    }
}
