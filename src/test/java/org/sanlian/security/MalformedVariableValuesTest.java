package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 15 (brief: bad input → 400 Problem Details naming the field, through /engine-rest AND the webapps' engine
 * API): a malformed Json or Xml value, a Java-serialized Object, an Object of a class the engine may not deserialize
 * (even inside a list) and a File that is not Base64 are refused on every
 * call that writes variables — one variable, many, a start, a task submit or complete, a message — even from the
 * administrator, and nothing of them is stored.
 */
@DisplayName("Malformed Json/Xml/Object/File variables are refused with 400 naming the variable on every write path, through both engine APIs")
class MalformedVariableValuesTest extends SanlianSpringTest {

    enum Api { ENGINE_REST, WEBAPP }

    /** What each malformed value is, under the name it is sent as. */
    private static final Map<String, Map<String, Object>> MALFORMED = new LinkedHashMap<>();

    static {
        MALFORMED.put("badJson", Map.of("type", "Json", "value", "{\"当事人\": "));
        MALFORMED.put("badXml", Map.of("type", "Xml", "value", "<案件><当事人></案件>"));
        MALFORMED.put("javaObject", Map.of("type", "Object",
                "value", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x74, 0, 1, 0x61}),
                "valueInfo", Map.of("objectTypeName", "java.lang.String",
                        "serializationDataFormat", "application/x-java-serialized-object")));
        MALFORMED.put("badJsonObject", Map.of("type", "Object", "value", "{not json",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
        MALFORMED.put("unknownClass", Map.of("type", "Object", "value", "{}",
                "valueInfo", Map.of("objectTypeName", "org.example.NoSuchClass", "serializationDataFormat", "application/json")));
        // a class the engine may not build (its deserialization type validator): reading the value would run the
        // class's setters — HikariConfig's setMetricRegistry looks a string up in JNDI
        MALFORMED.put("hikariConfig", Map.of("type", "Object", "value", "{\"metricRegistry\": \"ldap://example/x\"}",
                "valueInfo", Map.of("objectTypeName", "com.zaxxer.hikari.HikariConfig",
                        "serializationDataFormat", "application/json")));
        MALFORMED.put("hikariConfigInAList", Map.of("type", "Object", "value", "[{}]",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList<com.zaxxer.hikari.HikariConfig>",
                        "serializationDataFormat", "application/json")));
        MALFORMED.put("badFile", Map.of("type", "File", "value", "%%% 不是 Base64 %%%",
                "valueInfo", Map.of("filename", "证据.txt", "mimeType", "text/plain")));
        MALFORMED.put("badFileType", Map.of("type", "File", "value", "YQ==",
                "valueInfo", Map.of("filename", "证据.txt", "mimeType", "不是/类型/的")));
    }

    private static final Map<String, WebappSession> SESSIONS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    record Answer(int status, JsonNode body) {
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("set one variable (PUT …/variables/{name}) and several (POST …/variables modifications): 400 naming each, none stored")
    @EnumSource(Api.class)
    void variableWritesOnAnInstance(Api api) {
        String instance = registerLead("xfhandler1", "格式错误变量测试" + api.ordinal(), null).path("id").asText();
        for (Map.Entry<String, Map<String, Object>> variable : MALFORMED.entrySet()) {
            assertRefusedNaming(call(api, HttpMethod.PUT, "/process-instance/" + instance + "/variables/"
                    + variable.getKey(), variable.getValue()), variable.getKey());
            assertRefusedNaming(call(api, HttpMethod.POST, "/process-instance/" + instance + "/variables",
                    Map.of("modifications", Map.of(variable.getKey(), variable.getValue()))), variable.getKey());
            assertRefusedNaming(call(api, HttpMethod.PUT, "/execution/" + instance + "/localVariables/"
                    + variable.getKey(), variable.getValue()), variable.getKey());
        }
        assertNoneStored(instance);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("task submit-form and complete, process start and message correlation: 400 naming the variable, the task still open, no instance started")
    @EnumSource(Api.class)
    void variableWritesOnTasksStartsAndMessages(Api api) {
        String instance = registerLead("xfhandler1", "格式错误变量测试任务" + api.ordinal(), null).path("id").asText();
        String task = taskIdOf("admin", instance);
        long instancesBefore = processEngine.getRuntimeService().createProcessInstanceQuery().count();
        for (Map.Entry<String, Map<String, Object>> variable : MALFORMED.entrySet()) {
            Map<String, Object> body = Map.of("variables", Map.of(variable.getKey(), variable.getValue()));
            assertRefusedNaming(call(api, HttpMethod.POST, "/task/" + task + "/submit-form", body), variable.getKey());
            assertRefusedNaming(call(api, HttpMethod.POST, "/task/" + task + "/complete", body), variable.getKey());
            assertRefusedNaming(call(api, HttpMethod.POST, "/process-definition/key/leadIntake/start", body),
                    variable.getKey());
            assertRefusedNaming(call(api, HttpMethod.POST, "/message", Map.of("messageName", "noSuchMessage",
                    "processVariables", Map.of(variable.getKey(), variable.getValue()))), variable.getKey());
        }
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertNoneStored(instance);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a variable sent as JSON null (\"variables\": {\"x\": null}, a PUT body null) is 400 naming it on every write path, the analyst's rule evaluation and a worker's submit too — it was a 500 (NullPointerException in Camunda's VariableValueDto)")
    @EnumSource(Api.class)
    void nullVariablesAreRefusedNamingThem(Api api) {
        String instance = registerLead("xfhandler1", "空值变量测试" + api.ordinal(), null).path("id").asText();
        String task = taskIdOf("admin", instance);
        long instancesBefore = processEngine.getRuntimeService().createProcessInstanceQuery().count();
        java.util.Map<String, Object> nullVariable = new java.util.HashMap<>();
        nullVariable.put("nullValue", null);
        assertRefusedNaming(call(api, HttpMethod.PUT, "/process-instance/" + instance + "/variables/nullValue",
                "null"), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/process-instance/" + instance + "/variables",
                Map.of("modifications", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/execution/" + instance + "/localVariables",
                Map.of("modifications", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/task/" + task + "/submit-form",
                Map.of("variables", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/task/" + task + "/complete",
                Map.of("variables", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/process-definition/key/leadIntake/start",
                Map.of("variables", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/message", Map.of("messageName", "noSuchMessage",
                "processVariables", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/message", Map.of("messageName", "noSuchMessage",
                "correlationKeys", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, HttpMethod.POST, "/signal", Map.of("name", "noSuchSignal",
                "variables", nullVariable)), "nullValue");
        // not only the administrator: the analyst's rule evaluation, and a worker's submit of a task gone meanwhile
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/decision-definition/key/procedureChoice/evaluate",
                Map.of("variables", nullVariable)), "nullValue");
        assertRefusedNaming(call(api, "xfhandler1", HttpMethod.POST, "/task/no-such-task/submit-form",
                Map.of("variables", nullVariable)), "nullValue");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(processEngine.getRuntimeService().getVariables(instance)).doesNotContainKey("nullValue");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the same types well formed (Json, Object as JSON, File as Base64 with its media type) are stored (Xml has no data format in this engine: the engine itself refuses every Xml value)")
    @EnumSource(Api.class)
    void wellFormedValuesAreStored(Api api) {
        String instance = registerLead("xfhandler1", "格式正确变量测试" + api.ordinal(), null).path("id").asText();
        Map<String, Map<String, Object>> good = new LinkedHashMap<>();
        good.put("goodJson", Map.of("type", "Json", "value", "{\"当事人\": \"𠮷野家\"}"));
        good.put("goodObject", Map.of("type", "Object", "value", "[\"a\"]",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
        good.put("goodMap", Map.of("type", "Object", "value", "{\"当事人\": \"𠮷野家\"}", "valueInfo", Map.of(
                "objectTypeName", "java.util.HashMap<java.lang.String,java.lang.Object>",
                "serializationDataFormat", "application/json")));
        good.put("goodFile", Map.of("type", "File", "value", Base64.getEncoder().encodeToString("证据".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "valueInfo", Map.of("filename", "证据.txt",
                "mimeType", "text/plain", "encoding", "UTF-8")));
        for (Map.Entry<String, Map<String, Object>> variable : good.entrySet()) {
            Answer answer = call(api, HttpMethod.PUT, "/process-instance/" + instance + "/variables/" + variable.getKey(),
                    variable.getValue());
            assertThat(answer.status()).as(variable.getKey() + ": " + answer.body()).isEqualTo(204);
        }
        assertThat(processEngine.getRuntimeService().getVariables(instance).keySet())
                .containsAll(good.keySet());
    }

    @Test
    @DisplayName("a Java-serialized Object uploaded as binary data (…/variables/{name}/data) is refused by the engine (javaSerializationFormatEnabled is false) with 4xx, not stored")
    void javaSerializedUploadIsRefused() {
        String instance = registerLead("xfhandler1", "序列化上传测试", null).path("id").asText();
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        org.springframework.http.HttpHeaders dataHeaders = new org.springframework.http.HttpHeaders();
        dataHeaders.setContentType(org.springframework.http.MediaType.parseMediaType(
                "application/x-java-serialized-object"));
        form.add("data", new org.springframework.http.HttpEntity<>(new org.springframework.core.io.ByteArrayResource(
                new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x74, 0, 1, 0x61}) {
            @Override
            public String getFilename() {
                return "x.ser";
            }
        }, dataHeaders));
        form.add("type", "java.lang.String");
        ResponseEntity<String> answer = rest.withBasicAuth("admin", DEMO_PASSWORD).postForEntity(
                "/engine-rest/process-instance/" + instance + "/variables/serialized/data", form, String.class);
        assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getStatusCode() + " " + answer.getBody())
                .isTrue();
        assertThat(answer.getBody()).doesNotContain("\tat ", "org.sanlian");
        assertThat(processEngine.getRuntimeService().getVariables(instance)).doesNotContainKey("serialized");
    }

    private void assertNoneStored(String instance) {
        assertThat(processEngine.getRuntimeService().getVariables(instance).keySet())
                .doesNotContainAnyElementsOf(MALFORMED.keySet());
    }

    private static void assertRefusedNaming(Answer answer, String variable) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("type").asText()).endsWith("invalid-input");
        List<String> fields = new ArrayList<>();
        answer.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).as(answer.body().toString()).containsExactly(variable);
    }

    private Answer call(Api api, HttpMethod method, String path, Object body) {
        return call(api, "admin", method, path, body);
    }

    private Answer call(Api api, String user, HttpMethod method, String path, Object body) {
        String json;
        try {
            json = body instanceof String text ? text : JSON.writeValueAsString(body);
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

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode().put("text", body);
        }
    }
}
