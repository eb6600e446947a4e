package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Property-based robustness (issue 15; brief: "bad input gets 4xx, never a 5xx"). jqwik's generators make bad
 * values — nulls, wrong JSON types, text far past its column, 4-byte characters, impossible dates, negative and
 * huge numbers, broken JSON, media types that do not parse — and send them to every /api endpoint Spring knows
 * (found from the handler mappings, so a new endpoint is covered without editing this test), and to every
 * Camunda Form submit the engine has open (start forms and user tasks, field keys read from forms/). The property
 * is the same for all: the answer is never a 5xx. Writes go only to records this test owns or that do not exist,
 * so the rest of the suite's data stays as it was.
 */
@DisplayName("generated bad input on every /api endpoint and every form submit never gets a 5xx (issue 15)")
class GeneratedBadInputTest extends SanlianSpringTest {

    private static final int TRIES_PER_ENDPOINT = 12;
    private static final int TRIES_PER_FORM = 6;
    private static final String OWN_VIOLATION = "FUZZ-OWN";
    private static final List<String> USERS = List.of("admin", "xfhandler1");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private JdbcTemplate jdbc;

    private final List<String> serverErrors = new ArrayList<>();
    private int requests;

    @BeforeEach
    void ownRecords() {
        jdbc.update("DELETE FROM violation WHERE code = ?", OWN_VIOLATION);
        jdbc.update("INSERT INTO violation (code, name, sector, violated_clause, penalty_clause, min_fine, max_fine, "
                + "penalty_kinds, range_note, confidence, illustrative) VALUES (?, '生成测试', '运政', '某条', '某条', 1, 2, "
                + "'罚款', NULL, 'L', TRUE)", OWN_VIOLATION);
    }

    @AfterEach
    void removeOwnRecords() {
        jdbc.update("DELETE FROM violation WHERE code = ?", OWN_VIOLATION);
    }

    @Test
    @DisplayName("every /api endpoint: generated path values, query parameters, JSON bodies and uploads are answered without a 5xx")
    void everyApiEndpoint() {
        List<Endpoint> endpoints = apiEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(30);
        Iterator<Object> values = badValues().sampleStream().iterator();
        Iterator<String> texts = badTexts().sampleStream().iterator();
        Iterator<String> mediaTypes = badMediaTypes().sampleStream().iterator();
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < TRIES_PER_ENDPOINT; i++) {
                String user = USERS.get(i % USERS.size());
                URI uri = endpoint.uri(rest.getRootUri(), texts, i);
                HttpHeaders headers = new HttpHeaders();
                headers.setBasicAuth(user, DEMO_PASSWORD);
                HttpEntity<?> entity;
                if (endpoint.multipart()) {
                    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                    entity = new HttpEntity<>(upload(texts, mediaTypes), headers);
                } else if (endpoint.body() != null) {
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    entity = new HttpEntity<>(jsonBody(endpoint.body(), values, texts, i), headers);
                } else {
                    entity = new HttpEntity<>(headers);
                }
                send(endpoint.method() + " " + endpoint.pattern(), uri, endpoint.method(), entity);
            }
        }
        System.out.printf("generated bad input: %d requests to %d /api endpoints, %d answered 5xx%n", requests,
                endpoints.size(), serverErrors.size());
        assertThat(serverErrors).isEmpty();
    }

    @Test
    @DisplayName("every Camunda Form submit open in the engine (start forms and user tasks): generated field values are answered without a 5xx")
    void everyFormSubmit() throws Exception {
        registerLead("xfhandler1", "生成测试运输公司", null);
        Map<String, List<String>> fieldsByForm = formFields();
        Iterator<Object> values = badValues().sampleStream().iterator();
        Set<String> formsSubmitted = new LinkedHashSet<>();
        for (ProcessDefinition definition : processEngine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().list()) {
            BpmnModelInstance model = processEngine.getRepositoryService().getBpmnModelInstance(definition.getId());
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                // a collaboration's model holds its other processes too: only this definition's start events, or a
                // start form of one process is submitted to another (bureauLeadHandOver's to bureauLeadAcceptance)
                boolean ofThisProcess = start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process
                        process && process.getId().equals(definition.getKey());
                String form = ofThisProcess ? start.getCamundaFormRef() : null;
                if (form != null && fieldsByForm.containsKey(form)) {
                    formsSubmitted.add(form);
                    for (int i = 0; i < TRIES_PER_FORM; i++) {
                        submit("start form " + form, "/engine-rest/process-definition/" + definition.getId()
                                + "/submit-form", fieldsByForm.get(form), values, i);
                    }
                }
            }
        }
        for (Task task : processEngine.getTaskService().createTaskQuery().active().list()) {
            BpmnModelInstance model = processEngine.getRepositoryService()
                    .getBpmnModelInstance(task.getProcessDefinitionId());
            if (model == null) {
                continue;
            }
            UserTask element = model.getModelElementById(task.getTaskDefinitionKey());
            String form = element == null ? null : element.getCamundaFormRef();
            if (form == null || !fieldsByForm.containsKey(form)) {
                continue;
            }
            formsSubmitted.add(form);
            for (int i = 0; i < TRIES_PER_FORM; i++) {
                submit("task form " + form, "/engine-rest/task/" + task.getId() + "/submit-form",
                        fieldsByForm.get(form), values, i);
            }
        }
        System.out.printf("generated bad input: %d form submits to %d forms, %d answered 5xx%n", requests,
                formsSubmitted.size(), serverErrors.size());
        assertThat(formsSubmitted).isNotEmpty();
        assertThat(serverErrors).isEmpty();
    }

    // ---- generators (jqwik) ----

    /** Values of every JSON type, mostly wrong for the field they land in. */
    private static Arbitrary<Object> badValues() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                badTexts().map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(-1, 0, Integer.MIN_VALUE, Long.MAX_VALUE, 1e308, -0.5).map(Object.class::cast),
                Arbitraries.bigDecimals().ofScale(6).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.of(List.of(), List.of(1, "x"), Map.of(), Map.of("value", "x"),
                        Map.of("type", "Json", "value", "{"), List.of(Map.of("date", "x"))).map(Object.class::cast));
    }

    /** Text that breaks rules: too long for any column, 4-byte characters, dates that do not exist, markup. */
    private static Arbitrary<String> badTexts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withChars("长𠮷𩸽a'\"<>").ofMinLength(256).ofMaxLength(3000),
                Arbitraries.of("", " ", "2026-02-30", "9999-99-99", "2026-13-01T25:61:00", "NaN", "-1", "1e400",
                        "甘M123456789", "../../etc/passwd", "' OR '1'='1", "<script>alert(1)</script>", "null",
                        "HOLIDAY", "WORKDAY", "direct", "leftAtResidence", "refused", "INSPECTION", "REPORT"));
    }

    private static Arbitrary<String> badMediaTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of("not a type", "text/", "/plain", "a/b; =", "image/png; charset", "*/*",
                        "application/pdf", "text/plain;charset=utf-8"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(300).map(s -> s + "/" + s));
    }

    // ---- requests ----

    private Object jsonBody(Class<?> type, Iterator<Object> values, Iterator<String> texts, int attempt) {
        switch (attempt % 6) {
            case 0:
                return "{";
            case 1:
                return "\"" + texts.next().replace("\\", "").replace("\"", "") + "\"";
            case 2:
                return "[null]";
            default:
                break;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        } else {
            names.addAll(List.of("serviceMethod", "servedOn", "recipient", "receiptSignature", "refusalWitness",
                    "serviceAddress", "electronicConsent"));
        }
        for (String name : names) {
            body.put(name, values.next());
        }
        return toJson(body);
    }

    private static LinkedMultiValueMap<String, Object> upload(Iterator<String> texts, Iterator<String> mediaTypes) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", texts.next());
        form.add("title", texts.next());
        String fileName = texts.next();
        HttpHeaders part = new HttpHeaders();
        try {
            part.setContentType(MediaType.parseMediaType(mediaTypes.next()));
        } catch (IllegalArgumentException unsendable) {
            // one the HTTP client itself will not send (a wildcard, a broken one): send the raw header instead
            part.set(HttpHeaders.CONTENT_TYPE, "application/x-" + fileName.hashCode());
        }
        form.add("file", new HttpEntity<>(new ByteArrayResource("证据".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName.isEmpty() ? "x" : fileName;
            }
        }, part));
        return form;
    }

    private void submit(String what, String path, List<String> fields, Iterator<Object> values, int attempt) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = values.next();
            if (attempt % 3 == 0) {
                variables.put(field, Map.of("value", value == null ? "" : value, "type", "Json"));
            } else {
                Map<String, Object> typed = new LinkedHashMap<>();
                typed.put("value", value);
                variables.put(field, typed);
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", DEMO_PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        send(what, URI.create(rest.getRootUri() + path), HttpMethod.POST,
                new HttpEntity<>(toJson(Map.of("variables", variables)), headers));
    }

    private void send(String what, URI uri, HttpMethod method, HttpEntity<?> entity) {
        requests++;
        ResponseEntity<String> response = rest.exchange(uri, method, entity, String.class);
        if (response.getStatusCode().is5xxServerError()) {
            String body = response.getBody() == null ? "" : response.getBody();
            serverErrors.add(what + " → " + response.getStatusCode().value() + " "
                    + body.substring(0, Math.min(300, body.length())));
        } else if (response.getBody() != null) {
            assertThat(response.getBody()).as(what).doesNotContain("\tat org.", "SQL");
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what to send it to ----

    private List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(Endpoint.of(HttpMethod.valueOf(method.name()), pattern, mapping.getValue(),
                            info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(e -> e.method() + e.pattern()));
        return endpoints;
    }

    private static Map<String, List<String>> formFields() throws Exception {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
            JsonNode schema = JSON.readTree(form.getInputStream());
            List<String> keys = new ArrayList<>();
            collectKeys(schema.path("components"), keys);
            fields.put(schema.path("id").asText(), keys);
        }
        return fields;
    }

    private static void collectKeys(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.path("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }

    /** One handler method: its path pattern, how its path and query variables are typed, its JSON body type. */
    private record Endpoint(HttpMethod method, String pattern, Map<String, Class<?>> pathVariables,
            Map<String, Class<?>> queryParameters, Class<?> body, boolean multipart) {

        static Endpoint of(HttpMethod method, String pattern, HandlerMethod handler, boolean multipart) {
            Map<String, Class<?>> path = new LinkedHashMap<>();
            Map<String, Class<?>> query = new LinkedHashMap<>();
            Class<?> body = null;
            for (Parameter parameter : handler.getMethod().getParameters()) {
                PathVariable pathVariable = parameter.getAnnotation(PathVariable.class);
                RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
                if (pathVariable != null) {
                    path.put(name(pathVariable.value(), pathVariable.name(), parameter), parameter.getType());
                } else if (requestParam != null && !multipart) {
                    query.put(name(requestParam.value(), requestParam.name(), parameter), parameter.getType());
                } else if (parameter.isAnnotationPresent(RequestBody.class)) {
                    body = parameter.getType();
                }
            }
            return new Endpoint(method, pattern, path, query, body, multipart);
        }

        private static String name(String value, String name, Parameter parameter) {
            return !value.isEmpty() ? value : !name.isEmpty() ? name : parameter.getName();
        }

        boolean writes() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        URI uri(String root, Iterator<String> texts, int attempt) {
            Map<String, Object> variables = new LinkedHashMap<>();
            pathVariables.forEach((name, type) -> variables.put(name, pathValue(name, type, texts, attempt)));
            UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(root + pattern);
            queryParameters.forEach((name, type) -> {
                if (attempt % 4 != 3) {
                    builder.queryParam(name, number(type) ? numberText(attempt) : texts.next());
                }
            });
            return builder.encode().buildAndExpand(variables).toUri();
        }

        private Object pathValue(String name, Class<?> type, Iterator<String> texts, int attempt) {
            if (number(type)) {
                // writes never reach a real year or record of the suite: 1999 and 2101 are outside the calendar
                long[] numbers = writes() ? new long[] {-1, 0, 1999, 2101, Long.MAX_VALUE, 987654321}
                        : new long[] {-1, 0, 1, 2026, 2101, Long.MAX_VALUE};
                return attempt % 5 == 4 ? texts.next() : numbers[attempt % numbers.length];
            }
            if (pattern.startsWith("/api/violations/") && attempt % 2 == 0) {
                return OWN_VIOLATION;
            }
            if (!writes() && attempt % 3 == 0) {
                return switch (name) {
                    case "code" -> "XF";
                    case "caseNumber" -> "庆交执西立〔2026〕1号";
                    default -> "1";
                };
            }
            String text = texts.next();
            return text.isBlank() ? "x" : text;
        }

        private static boolean number(Class<?> type) {
            return type == int.class || type == long.class || type == Integer.class || type == Long.class;
        }

        private static String numberText(int attempt) {
            return List.of("-1", "0", "99999999999999999999", "abc", "2026-02-30", "367").get(attempt % 6);
        }
    }
}
