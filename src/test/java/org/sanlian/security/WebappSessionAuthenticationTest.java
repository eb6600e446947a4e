package org.sanlian.security;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Cockpit's 案件监督 plugin, and the evidence, documents and case-list pages Tasklist links to (issue 13), call /api
 * with the Camunda webapp session; a write from that session needs the session's CSRF token (X-XSRF-TOKEN), as the
 * webapps send it. Without a session our pages get 401 without the browser's Basic pop-up.
 */
class WebappSessionAuthenticationTest extends SanlianSpringTest {


    @Test
    @DisplayName("Security: the webapp session reads /api/supervision and the domain API; without it, 401")
    void webappSessionReadsTheApi() {
        Map<String, String> cookies = signInToCockpit("citysupervisor");
        assertThat(withSession(cookies, HttpMethod.GET, "/api/supervision/options", false).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(withSession(cookies, HttpMethod.GET, "/api/cases", false).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(withSession(Map.of(), HttpMethod.GET, "/api/supervision/options", false).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("Issue 13, one sign-on: the Tasklist session reads the case list and the session's CSRF token; a page asking without a session gets 401 and no Basic pop-up")
    void tasklistSessionServesOurPages() throws Exception {
        Map<String, String> cookies = signInToCockpit("xfhandler1");
        ResponseEntity<String> cases = withSession(cookies, HttpMethod.GET, "/api/case-list", false);
        assertThat(cases.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> session = withSession(cookies, HttpMethod.GET, "/api/session", false);
        assertThat(session.getStatusCode()).isEqualTo(HttpStatus.OK);
        com.fasterxml.jackson.databind.JsonNode me = JSON.readTree(session.getBody());
        assertThat(me.path("name").asText()).isEqualTo("李明");
        assertThat(me.path("csrfToken").asText()).isEqualTo(cookies.get("XSRF-TOKEN"));

        HttpHeaders page = new HttpHeaders();
        page.set("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<String> signedOut = rest.exchange("/api/case-list", HttpMethod.GET, new HttpEntity<>(null, page),
                String.class);
        assertThat(signedOut.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(signedOut.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
        // API clients still get the Basic challenge
        assertThat(rest.getForEntity("/api/case-list", String.class).getHeaders()
                .containsKey(HttpHeaders.WWW_AUTHENTICATE)).isTrue();
    }

    @Test
    @DisplayName("Security: a write with the Cockpit session but without its X-XSRF-TOKEN is refused (403)")
    void writesFromTheSessionNeedTheCsrfToken() {
        Map<String, String> cookies = signInToCockpit("citysupervisor");
        ResponseEntity<String> forged = withSession(cookies, HttpMethod.POST, "/api/supervision/options", false);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody()).contains("\"status\":403");
        // with the token the request gets through to the API, which has no such write
        assertThat(withSession(cookies, HttpMethod.POST, "/api/supervision/options", true).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    @DisplayName("Security: a write to the webapps' engine API without X-XSRF-TOKEN is 403 Problem Details naming the header, in Chinese; Camunda's CSRF filter ends the session, which the answer says")
    void engineWritesWithoutTheCsrfTokenAreProblemDetails() {
        Map<String, String> cookies = signInToCockpit("xfhandler1");
        ResponseEntity<String> forged = withSession(cookies, HttpMethod.POST,
                "/camunda/api/engine/engine/default/task/count", false);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(forged);
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("X-XSRF-TOKEN");
        assertThat(problem.path("detail").asText()).contains("X-XSRF-TOKEN", "请刷新页面重新登录");
        assertThat(problem.path("message").asText()).doesNotContain("CSRFPreventionFilter");
        // Camunda's CsrfPreventionFilter invalidates the session it refused a write for
        ResponseEntity<String> after = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(null, cookieHeaders(cookies)), String.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("Security: a handler signed in to Tasklist may not supervise (403)")
    void handlersSessionIsNotASupervisor() {
        Map<String, String> cookies = signInToCockpit("qchandler1");
        assertThat(withSession(cookies, HttpMethod.GET, "/api/supervision/options", false).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Signs in as the webapps do: fetch the CSRF cookie, then post the login form with the token. */
    private Map<String, String> signInToCockpit(String user) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);
        Map<String, String> cookies = cookiesOf(page, Map.of());
        HttpHeaders headers = cookieHeaders(cookies);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", DEMO_PASSWORD);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/welcome",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        // the login starts a new session; the webapp's next call gives it its CSRF token, as Cockpit's first call does
        Map<String, String> signedIn = cookiesOf(login, cookies);
        ResponseEntity<String> me = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(null, cookieHeaders(signedIn)), String.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        return cookiesOf(me, signedIn);
    }

    private ResponseEntity<String> withSession(Map<String, String> cookies, HttpMethod method, String path,
            boolean csrfToken) {
        HttpHeaders headers = cookieHeaders(cookies);
        if (csrfToken) {
            headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return rest.exchange(path, method, new HttpEntity<>(null, headers), String.class);
    }

    private static HttpHeaders cookieHeaders(Map<String, String> cookies) {
        HttpHeaders headers = new HttpHeaders();
        if (!cookies.isEmpty()) {
            headers.add(HttpHeaders.COOKIE, cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return headers;
    }

    private static Map<String, String> cookiesOf(ResponseEntity<?> response, Map<String, String> earlier) {
        Map<String, String> cookies = new java.util.HashMap<>(earlier);
        List<String> set = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        for (String header : set) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return cookies;
    }
}
