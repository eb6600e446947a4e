package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.http.ResponseEntity;

/**
 * An Object variable in JSON names its class, and reading it deserialized builds that class through its setters.
 * A value that reached the engine without the REST check (stored before it, or by a delegate) of a class outside
 * the engine's allowed types is kept, readable as text, and never built: reading it deserialized is refused before
 * any of the class's code runs.
 */
@DisplayName("An Object variable of a class the engine may not deserialize is never built: its setters do not run, its text stays readable")
class ObjectDeserializationTest extends SanlianSpringTest {

    @LocalServerPort
    int port;

    /** A class on the class path with a setter that counts its calls, as a harmful one would act. */
    public static class SetterProbe {

        static final AtomicInteger CALLS = new AtomicInteger();

        public void setCommand(String command) {
            CALLS.incrementAndGet();
        }
    }

    @Test
    @DisplayName("reading the value deserialized is refused and the setter never runs; the serialized text is kept")
    void valueOfAForbiddenClassIsNotBuilt() {
        RuntimeService runtime = processEngine.getRuntimeService();
        String instance = leadWithJsonObject("反序列化类型测试", "probe", "{\"command\": \"rm -rf /\"}",
                SetterProbe.class.getName());

        assertThatThrownBy(() -> runtime.getVariable(instance, "probe"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(SetterProbe.class.getName());
        assertThat(SetterProbe.CALLS).hasValue(0);

        ObjectValue kept = runtime.getVariableTyped(instance, "probe", false);
        assertThat(kept.getValueSerialized()).contains("rm -rf /");

        // both engine APIs answer a read of it deserialized (their default) with 400, not a 500 or the object
        ResponseEntity<String> viaRest = call("admin", HttpMethod.GET,
                "/engine-rest/process-instance/" + instance + "/variables/probe", null);
        assertThat(viaRest.getStatusCode().value()).as(viaRest.getBody()).isEqualTo(400);
        assertThat(viaRest.getBody()).contains("probe").doesNotContain("\tat ");
        HttpResponse<String> viaWebapp = WebappSession.login(port, "admin", DEMO_PASSWORD)
                .engine("GET", "/process-instance/" + instance + "/variables/probe", null);
        assertThat(viaWebapp.statusCode()).as(viaWebapp.body()).isEqualTo(400);
        assertThat(SetterProbe.CALLS).hasValue(0);
        // read as text, as Cockpit does, it is all there
        ResponseEntity<String> asText = call("admin", HttpMethod.GET,
                "/engine-rest/process-instance/" + instance + "/variables/probe?deserializeValue=false", null);
        assertThat(asText.getStatusCode().value()).isEqualTo(200);
        assertThat(asText.getBody()).contains("rm -rf /");
    }

    @Test
    @DisplayName("an upload of the object as JSON data (…/variables/{name}/data with a type) is refused with 4xx before the class is built")
    void uploadOfAForbiddenClassIsRefused() {
        String instance = registerLead("xfhandler1", "反序列化上传测试", null).path("id").asText();
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        form.add("data", new HttpEntity<>("{\"command\": \"rm -rf /\"}", json));
        form.add("type", SetterProbe.class.getName());
        ResponseEntity<String> answer = rest.withBasicAuth("admin", DEMO_PASSWORD).postForEntity(
                "/engine-rest/process-instance/" + instance + "/variables/probe/data", form, String.class);
        assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getStatusCode() + " " + answer.getBody())
                .isTrue();
        assertThat(SetterProbe.CALLS).hasValue(0);
        assertThat(processEngine.getRuntimeService().getVariables(instance)).doesNotContainKey("probe");
    }

    @Test
    @DisplayName("the types the engine stores for the cases (java.lang, java.util's lists and maps, a rule table's list of rows) are still built")
    void allowedTypesAreBuilt() {
        RuntimeService runtime = processEngine.getRuntimeService();
        String instance = leadWithJsonObject("反序列化允许类型测试", "range", "{\"maxFine\": 50000, \"basis\": \"条例\"}",
                "java.util.LinkedHashMap<java.lang.String,java.lang.Object>");
        assertThat(runtime.getVariable(instance, "range")).isInstanceOf(java.util.Map.class)
                .extracting(map -> ((java.util.Map<?, ?>) map).get("basis")).isEqualTo("条例");
        // a rule table's result list (mapDecisionResult="resultList", as an analyst may model it): maps in a list
        java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.add(new java.util.LinkedHashMap<>(java.util.Map.of("action", "约谈")));
        runtime.setVariable(instance, "rows", Variables.objectValue(rows)
                .serializationDataFormat(SerializationDataFormats.JSON).create());
        assertThat(runtime.getVariable(instance, "rows")).isEqualTo(rows);
    }

    /** A registered lead holding, as its variable {@code name}, an Object in JSON that names {@code type}. */
    private String leadWithJsonObject(String party, String name, String json, String type) {
        String instance = registerLead("xfhandler1", party, null).path("id").asText();
        processEngine.getRuntimeService().setVariable(instance, name, Variables.serializedObjectValue(json)
                .objectTypeName(type).serializationDataFormat(SerializationDataFormats.JSON).create());
        return instance;
    }
}
