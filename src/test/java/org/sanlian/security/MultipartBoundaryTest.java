package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A multipart body's boundary is random text chosen by the client (Camunda Modeler, a browser, Spring's own
 * client). The API guard took any Content-Type whose header contained "json" for a JSON body, so a deployment whose
 * boundary happened to hold those four letters was refused as "请求内容不是有效的 JSON" — found as a rare failure of
 * the full test suite. JSON is told by the media type's subtype now.
 */
@DisplayName("the API guard tells a JSON body by its media type, not by the letters of a multipart boundary")
class MultipartBoundaryTest extends SanlianSpringTest {

    @Test
    @DisplayName("a model deployed from Modeler with a boundary that spells json is deployed, not refused as bad JSON")
    void deploymentWithJsonInItsBoundary() {
        String boundary = "----ModelerBoundaryJsOn7f3a";
        String form = "{\"components\":[],\"schemaVersion\":16,\"id\":\"boundaryProbe\",\"type\":\"default\"}";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nboundary-probe\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"boundaryProbe.form\"; filename=\"boundaryProbe.form\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + form + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", DEMO_PASSWORD);
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary);
        ResponseEntity<String> deployed = rest.exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String id = json(deployed).path("id").asText();
        assertThat(processEngine.getRepositoryService().getDeploymentResourceNames(id)).contains("boundaryProbe.form");
        processEngine.getRepositoryService().deleteDeployment(id, true);
    }

    @Test
    @DisplayName("JSON is application/json or a +json type, whatever its parameters; a header that does not parse is checked as JSON")
    void jsonByMediaType() {
        assertThat(EngineApiGuard.sendsJson("application/json", HttpMethod.POST)).isTrue();
        assertThat(EngineApiGuard.sendsJson("Application/JSON; charset=UTF-8", HttpMethod.PUT)).isTrue();
        assertThat(EngineApiGuard.sendsJson("application/hal+json", HttpMethod.POST)).isTrue();
        assertThat(EngineApiGuard.sendsJson("multipart/form-data; boundary=xxjsonxx", HttpMethod.POST)).isFalse();
        assertThat(EngineApiGuard.sendsJson("text/plain; note=json", HttpMethod.POST)).isFalse();
        assertThat(EngineApiGuard.sendsJson("application/json", HttpMethod.GET)).isFalse();
        assertThat(EngineApiGuard.sendsJson("not a media type", HttpMethod.POST)).isTrue();
    }
}
