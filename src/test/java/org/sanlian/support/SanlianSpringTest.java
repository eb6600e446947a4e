package org.sanlian.support;

import static org.springframework.test.context.TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One application context for the whole suite (H2 in memory, or MariaDB in .ci/run's second run), served on
 * a random port so tests go through the real security filters, /engine-rest and the domain API. Flow-node
 * coverage of every process the tests run is written to target/process-test-coverage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = MERGE_WITH_DEFAULTS)
public abstract class SanlianSpringTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String DEMO_PASSWORD = "demo";

    @Autowired
    protected TestRestTemplate rest;

    @Autowired
    protected ProcessEngine processEngine;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    /** A call as one demo user (password demo); {@code null} user calls without credentials. */
    protected ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, DEMO_PASSWORD);
        }
        String json;
        try {
            json = body == null ? null : (body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    protected ResponseEntity<String> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    protected ResponseEntity<String> post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    protected static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** Camunda REST variables: {"name": {"value": v}}. */
    protected static Map<String, Object> variables(Map<String, ?> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }

    /** The id of the one open task of a process instance, as the given user sees it. */
    protected String taskIdOf(String user, String processInstanceId) {
        JsonNode tasks = json(get(user, "/engine-rest/task?processInstanceId=" + processInstanceId));
        if (tasks.size() != 1) {
            throw new AssertionError(user + " sees " + tasks.size() + " tasks of " + processInstanceId);
        }
        return tasks.get(0).path("id").asText();
    }

    /** The newest document of that kind in the case, as xfhandler1 downloads it (its PDF). */
    protected byte[] latestPdf(String caseNumber, String kind) {
        JsonNode latest = null;
        for (JsonNode document : json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents"))) {
            if (document.path("kind").asText().equals(kind)) {
                latest = document;
            }
        }
        org.assertj.core.api.Assertions.assertThat(latest).as("a %s of case %s", kind, caseNumber).isNotNull();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("xfhandler1", DEMO_PASSWORD);
        ResponseEntity<byte[]> pdf = rest.exchange(latest.path("contentUrl").asText(), HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), byte[].class);
        org.assertj.core.api.Assertions.assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        return pdf.getBody();
    }

    /** Deploys one BPMN file through /engine-rest as Camunda Modeler does. */
    protected ResponseEntity<String> deploy(String user, String fileName, String bpmnXml) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("deployment-name", fileName);
        form.add("deploy-changed-only", "true");
        form.add(fileName, new org.springframework.core.io.ByteArrayResource(
                bpmnXml.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return rest.withBasicAuth(user, DEMO_PASSWORD).postForEntity("/engine-rest/deployment/create", form,
                String.class);
    }

    /** The date of an act committed today, as forms send it: the limitation period runs from it (行政处罚法 Art. 36). */
    protected static String actToday() {
        return java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA).toString();
    }

    /** Registers a lead through the start form of leadIntake, as the given user; returns the process instance. */
    protected JsonNode registerLead(String user, String partyName, String plate) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("source", "INSPECTION");
        values.put("partyName", partyName);
        values.put("summary", "现场检查发现未取得道路运输经营许可从事客运经营");
        if (plate != null) {
            values.put("plateNumber", plate);
        }
        ResponseEntity<String> response = post(user, "/engine-rest/process-definition/key/leadIntake/submit-form",
                variables(values));
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("lead registration failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response);
    }
}
