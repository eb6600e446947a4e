package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import java.net.URI;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("operators.md, bad input is never a 5xx: the domain API answers a wrong JSON type, a date no calendar holds and an id that does not exist with a 4xx naming the field")
class ApiBadValuesTest extends SanlianSpringTest {

    private static List<String> fields(ResponseEntity<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static void refused(ResponseEntity<String> response, String... fields) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactlyInAnyOrder(fields);
    }

    /** A GET of a path already percent-encoded as it stands (a {@code +} sent as {@code %2B}). */
    private ResponseEntity<String> getEncoded(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DEMO_PASSWORD);
        return rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    @Test
    @DisplayName("a value of the wrong type in a JSON body (a list for a name, a word for a number, 2026-02-30, a number beyond its field) is refused naming its field")
    void wrongTypesNameTheirField() {
        refused(post("xfhandler1", "/api/watchlist",
                Map.of("plateNumber", "甘M7A001", "partyName", List.of("某人"), "reason", "多次违法")), "partyName");
        Map<String, Object> review = new LinkedHashMap<>(Map.of("organisationCode", "xifeng",
                "periodStart", "2026-02-30", "periodEnd", "2026-03-31"));
        refused(post("citysupervisor", "/api/reviews", review), "periodStart");
        review.put("periodStart", "2026-01-01");
        review.put("sampleSize", 1099511627776L);
        refused(post("citysupervisor", "/api/reviews", review), "sampleSize");
        review.put("sampleSize", "五");
        ResponseEntity<String> word = post("citysupervisor", "/api/reviews", review);
        refused(word, "sampleSize");
        assertThat(json(word).path("errors").get(0).path("message").asText()).contains("数字");
    }

    @Test
    @DisplayName("a body that is no JSON object (a list, a word, not JSON, none) is refused naming body — a 协查, a 移送 and the watch list answered \"Failed to read request\" naming nothing")
    void bodyThatIsNoObjectNamesTheBody() {
        for (String path : List.of("/api/assistance", "/api/transfers", "/api/watchlist")) {
            for (String body : List.of("[1,2]", "\"协查\"", "{\"matters\": ", "")) {
                HttpHeaders headers = new HttpHeaders();
                headers.setBasicAuth("xfhandler1", DEMO_PASSWORD);
                headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
                ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                        String.class);
                assertThat(response.getStatusCode()).as(path + " " + body + ": " + response.getBody())
                        .isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(fields(response)).as(path + " " + body).containsExactly("body");
                assertThat(json(response).path("type").asText()).endsWith("invalid-input");
            }
        }
    }

    @Test
    @DisplayName("dates far outside any calendar (year +999999999, -999999999, 99999) are refused naming the field, not a 500")
    void datesNoCalendarHolds() {
        refused(getEncoded("xfhandler1", "/api/calendar/working-days?from=%2B999999999-12-31&days=366"), "from");
        refused(getEncoded("xfhandler1", "/api/calendar/working-days?from=2026-02-30&days=3"), "from");
        refused(get("xfhandler1", "/api/calendar/working-days-left?due=-999999999-01-01"), "due");
        refused(get("xfhandler1", "/api/calendar/99999"), "year");
        refused(get("xfhandler1", "/api/calendar/-5"), "year");
        assertThat(get("xfhandler1", "/api/calendar/2026").getStatusCode()).isEqualTo(HttpStatus.OK);
        refused(post("citysupervisor", "/api/reviews", Map.of("organisationCode", "xifeng",
                "periodStart", "-999999999-01-01", "periodEnd", "+999999999-12-31")), "periodStart", "periodEnd");
    }

    @Test
    @DisplayName("retrying a document render job that does not exist is 404, not 202, and says so in Chinese")
    void retryOfNoJob() {
        ResponseEntity<String> retry = post("admin", "/api/supervision/document-renders/999999999/retry", Map.of());
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode problem = json(retry);
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        // in Chinese, as an officer reads it: not "没有找到 document render job …"
        assertThat(problem.path("detail").asText()).contains("没有找到文书生成任务 999999999");
    }

    @Test
    @DisplayName("an address the firewall refuses (//, ;, an encoded /) answers 400 Problem Details naming the path, on the domain API, /engine-rest and the webapps alike")
    void firewallRefusalsAreProblemDetails() {
        for (String path : List.of("/api/cases//history", "/api/cases/x;jsessionid=1", "/engine-rest/task%2F1",
                "/camunda/api/engine/engine/default/task;x=1")) {
            ResponseEntity<String> answer = getEncoded("xfhandler1", path);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).as(path).hasToString("application/problem+json;charset=UTF-8");
            assertThat(fields(answer)).as(path).containsExactly("path");
        }
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    @DisplayName("a task that is not there — or not the caller's to read — is a 404 said in Chinese on /engine-rest and the webapps' API (Tasklist shows it after its own 该任务已不存在), Camunda's words kept in brackets")
    void missingTaskIsSaidInChinese() {
        ResponseEntity<String> rest = get("xfhandler1", "/engine-rest/task/no-such-task");
        assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(rest).path("message").asText()).startsWith("没有找到该任务").contains("No matching task");
        java.net.http.HttpResponse<String> webapp = org.sanlian.security.WebappSession
                .login(port, "xfhandler1", DEMO_PASSWORD).engine("GET", "/task/no-such-task", null);
        assertThat(webapp.statusCode()).isEqualTo(404);
        assertThat(parse(webapp.body()).path("message").asText()).startsWith("没有找到该任务");
        assertThat(json(get("xfhandler1", "/engine-rest/process-definition/no-such-definition")).path("message").asText())
                .startsWith("没有找到该流程定义");
    }

    private static JsonNode parse(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
