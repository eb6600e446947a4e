package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's REST API reads every part of a multipart body into memory, with no limit of its own: an officer adding an
 * attachment of 1.5 GB to a task of theirs (POST /task/{id}/attachment/create, which the allow-list lets them call)
 * emptied the heap of a 1 GB server — OutOfMemoryError, and a 500. Found by attacking the 交警移交 task as police1.
 * An upload through either engine API now has the domain API's limit (spring.servlet.multipart.max-request-size,
 * 21 MB in application.yaml): longer is 400 naming {@code body}, refused before it is read, whether its length is
 * announced or it comes in chunks — for the administrator too.
 */
@DisplayName("operators.md, bad input: an upload through either engine API longer than spring.servlet.multipart.max-request-size is 400 naming body, read no further (a 1.5 GB attachment emptied the heap)")
class EngineUploadLimitTest extends SanlianSpringTest {

    enum Api { ENGINE_REST, WEBAPP }

    private static final String BOUNDARY = "sanlianUploadLimit";
    private static final int OVER_THE_LIMIT = 22 * 1024 * 1024;
    private static final Map<String, WebappSession> SESSIONS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @DisplayName("a 22 MB attachment on one's own task, announced or chunked: 400 naming body, for an officer and for the administrator; a small one still reaches the engine")
    @EnumSource(Api.class)
    void uploadsOverTheLimitAreRefused(Api api) {
        String instance = registerLead("xfhandler1", "附件上限测试" + api.ordinal(), null).path("id").asText();
        String task = taskIdOf("xfhandler1", instance);
        String path = "/task/" + task + "/attachment/create";
        for (String user : List.of("xfhandler1", "admin")) {
            for (boolean chunked : new boolean[] {false, true}) {
                HttpResponse<String> answer = upload(api, user, path, attachment(new byte[OVER_THE_LIMIT]), chunked);
                assertThat(answer.statusCode()).as(user + (chunked ? " chunked: " : ": ") + answer.body())
                        .isEqualTo(400);
                JsonNode problem = parse(answer.body());
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
                assertThat(fields).as(answer.body()).containsExactly("body");
            }
        }
        assertThat(processEngine.getTaskService().getTaskAttachments(task)).isEmpty();

        HttpResponse<String> small = upload(api, "admin", path, attachment("现场照片".getBytes(StandardCharsets.UTF_8)),
                true);
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(processEngine.getTaskService().getTaskAttachments(task)).hasSize(1);
    }

    private static byte[] attachment(byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n照片.jpg\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return body;
    }

    private HttpResponse<String> upload(Api api, String user, String path, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        String contentType = "multipart/form-data; boundary=" + BOUNDARY;
        if (api == Api.WEBAPP) {
            return SESSIONS.computeIfAbsent(port + "/" + user, key -> WebappSession.login(port, user, DEMO_PASSWORD))
                    .upload("POST", path, publisher, contentType);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
                .POST(publisher).header("Content-Type", contentType).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode().put("text", body);
        }
    }
}
