package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Bad input on /engine-rest is the client's fault and answered as such (brief: "bad input gets 4xx, never a
 * 5xx"): variables of a process instance that does not exist are 404; a malformed Xml, serialized Object or File
 * variable and a DMN file that does not parse are 400; no body carries SQL, a class name of ours or a stack trace.
 */
@DisplayName("/engine-rest answers bad input with 4xx (issue 15, brief: never a 5xx)")
class EngineRestBadInputTest extends SanlianSpringTest {

    private static final String ADMIN = "admin";

    @Test
    @DisplayName("variables of a process instance that does not exist: 404 for read, write and delete")
    void variablesOfMissingInstance() {
        String base = "/engine-rest/process-instance/no-such-instance/variables";
        assertStatus(get(ADMIN, base), HttpStatus.NOT_FOUND);
        assertStatus(get(ADMIN, base + "/x"), HttpStatus.NOT_FOUND);
        assertStatus(call(ADMIN, HttpMethod.PUT, base + "/x", Map.of("value", "a", "type", "String")),
                HttpStatus.NOT_FOUND);
        assertStatus(post(ADMIN, base, Map.of("modifications", Map.of("x", Map.of("value", "a")))),
                HttpStatus.NOT_FOUND);
        assertStatus(call(ADMIN, HttpMethod.DELETE, base + "/x", null), HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("a malformed Xml, Json, serialized Object, File, Date or unknown-type variable: refused with 400, or stored as the text it is and read back without a 5xx; the instance keeps running")
    void malformedTypedVariables() {
        String instance = registerLead("xfhandler1", "庆阳某运输公司", null).path("id").asText();
        String base = "/engine-rest/process-instance/" + instance + "/variables/";
        Map<String, Map<String, Object>> malformed = new java.util.LinkedHashMap<>();
        malformed.put("xml", Map.of("value", "<a><b></a>", "type", "Xml"));
        malformed.put("json", Map.of("value", "{not json", "type", "Json"));
        malformed.put("object", Map.of("value", "{not json", "type", "Object", "valueInfo", Map.of(
                "objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
        malformed.put("unknownClass", Map.of("value", "{}", "type", "Object", "valueInfo", Map.of(
                "objectTypeName", "org.example.NoSuchClass", "serializationDataFormat", "application/json")));
        malformed.put("file", Map.of("value", "%%% not base64 %%%", "type", "File",
                "valueInfo", Map.of("filename", "a.txt")));
        malformed.put("date", Map.of("value", "yesterday", "type", "Date"));
        malformed.put("noType", Map.of("value", "x", "type", "NoSuchType"));
        List<String> answers = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> variable : malformed.entrySet()) {
            ResponseEntity<String> written = call(ADMIN, HttpMethod.PUT, base + variable.getKey(), variable.getValue());
            assertClientSide(written);
            ResponseEntity<String> read = get(ADMIN, base + variable.getKey());
            assertClientSide(read);
            ResponseEntity<String> all = get(ADMIN, "/engine-rest/process-instance/" + instance + "/variables");
            assertClientSide(all);
            answers.add(variable.getKey() + " " + written.getStatusCode().value() + "/" + read.getStatusCode().value()
                    + "/" + all.getStatusCode().value());
            if (written.getStatusCode().is2xxSuccessful()) {
                call(ADMIN, HttpMethod.DELETE, base + variable.getKey(), null);
            }
        }
        System.out.println("malformed variables (write/read/read all): " + answers);
        assertThat(answers).anyMatch(answer -> answer.contains(" 400/"));
        assertThat(get(ADMIN, "/engine-rest/process-instance/" + instance).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("a DMN file that does not parse is refused with 400 naming the problem, and nothing is deployed")
    void invalidDmnDeployment() {
        long before = processEngine.getRepositoryService().createDeploymentQuery().count();
        ResponseEntity<String> response = deploy(ADMIN, "broken.dmn",
                "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" "
                        + "namespace=\"n\"><decision id=\"x\"><decisionTable><output id=\"o\"/><rule><outputEntry>"
                        + "</decisionTable></decision></definitions>");
        assertStatus(response, HttpStatus.BAD_REQUEST);
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    @DisplayName("an error body repeats at most a short excerpt of a 1 MB input")
    void errorBodiesDoNotEchoInput() {
        String huge = "甲".repeat(1_000_000);
        String base = "/engine-rest/process-instance/no-such-instance/variables/x";
        ResponseEntity<String> engine = call(ADMIN, HttpMethod.PUT, base, Map.of("value", huge, "type", "Date"));
        assertThat(engine.getStatusCode().is4xxClientError()).isTrue();
        assertThat(engine.getBody().length()).isLessThan(4_000);
        ResponseEntity<String> api = call(ADMIN, HttpMethod.PUT, "/api/violations/" + "x".repeat(10),
                "{\"name\": 5, \"minFine\": \"" + huge + "\"}");
        assertThat(api.getStatusCode().is4xxClientError()).as(api.getBody()).isTrue();
        assertThat(api.getBody().length()).isLessThan(4_000);
    }

    @Test
    @DisplayName("every answer tells the browser not to leak the address in a Referer (Referrer-Policy)")
    void referrerPolicy() {
        for (String path : new String[] {"/api/violations", "/engine-rest/engine", "/camunda/app/welcome/",
                "/actuator/health"}) {
            assertThat(get(ADMIN, path).getHeaders().getFirst("Referrer-Policy")).as(path)
                    .isEqualTo("strict-origin-when-cross-origin");
        }
    }

    private static void assertClientSide(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isFalse();
        if (response.getBody() != null) {
            assertThat(response.getBody()).doesNotContain("SQL", "org.sanlian", "\tat ");
        }
    }

    private static void assertStatus(ResponseEntity<String> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(expected.value());
        assertThat(response.getBody()).doesNotContain("SQL", "org.sanlian", "\tat ", "Exception:");
    }
}
