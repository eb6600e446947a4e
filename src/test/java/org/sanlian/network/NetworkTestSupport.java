package org.sanlian.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Steps the network scenarios share, each done through the HTTP API as the officer who does it. */
abstract class NetworkTestSupport extends SanlianSpringTest {

    /** A lead registered by a handler of its body (no plate or date, so it merges with nothing); its instance. */
    protected JsonNode lead(String handler, String partyName) {
        return registerLead(handler, partyName, null);
    }

    protected void submit(String user, String processInstanceId, Map<String, ?> values) {
        String taskId = taskIdOf(user, processInstanceId);
        ResponseEntity<String> done = post(user, "/engine-rest/task/" + taskId + "/submit-form", variables(values));
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }

    /** A case filed by a body: registered and verified by its handler, filed by its head; the case number. */
    protected String filedCase(String handler, String head, String partyName) {
        String instanceId = lead(handler, partyName).path("id").asText();
        submit(handler, instanceId, Map.of("verificationFindings", "经核查属实", "occurredOn", actToday()));
        submit(head, instanceId, Map.of("filingDecision", "file"));
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).variableName("caseNumber").singleResult().getValue();
    }

    protected ResponseEntity<String> upload(String user, String path, String title, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", "DOCUMENTARY");
        form.add("title", title);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return title + ".pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DEMO_PASSWORD);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    protected ResponseEntity<String> requestTransfer(String user, String kind, String subject, String to,
            String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("subjectNumber", subject);
        body.put("toOrganisation", to);
        body.put("reason", reason);
        return post(user, "/api/transfers", body);
    }

    protected JsonNode transferred(String user, String kind, String subject, String to, String reason) {
        ResponseEntity<String> response = requestTransfer(user, kind, subject, to, reason);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response);
    }

    protected JsonNode transfer(String user, String transferNumber) {
        return json(get(user, "/api/transfers/" + transferNumber));
    }

    protected JsonNode history(String user, String caseNumber) {
        return json(get(user, "/api/cases/" + caseNumber + "/history"));
    }
}
