package org.sanlian.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to the Camunda webapps as Tasklist logs in: session cookie plus the CSRF token the webapps
 * hand out, sent back as {@code X-XSRF-TOKEN}. Calls go to the webapps' engine API, /camunda/api/engine.
 */
public final class WebappSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private WebappSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static WebappSession login(int port, String user, String password) {
        return login(port, user, password, "tasklist");
    }

    /** Logged in to one webapp ({@code tasklist}, {@code cockpit}): the analyst may use Cockpit only. */
    public static WebappSession login(int port, String user, String password, String app) {
        WebappSession session = new WebappSession("http://localhost:" + port);
        session.send("GET", "/camunda/app/tasklist/default/", null, null);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app, form,
                "application/x-www-form-urlencoded");
        if (login.statusCode() != 200) {
            throw new AssertionError("webapp login of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        // the login starts a new session; its CSRF token comes with the next read, as Tasklist's next call
        session.send("GET", "/camunda/api/engine/engine/", null, null);
        return session;
    }

    /** A call to the webapps' engine API; {@code path} is relative to the engine, e.g. {@code /task/{id}/complete}. */
    public HttpResponse<String> engine(String method, String path, String json) {
        return send(method, ENGINE_API + path, json, json == null ? null : "application/json");
    }

    /** The same, asking for {@code accept} (Tasklist asks for {@code application/hal+json} for its lists). */
    public HttpResponse<String> engine(String method, String path, String json, String accept) {
        return send(method, ENGINE_API + path, json, json == null ? null : "application/json", accept);
    }

    /** A call to the webapps' engine API with a body of any kind (a multipart upload), as the session sends it. */
    public HttpResponse<String> upload(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + ENGINE_API + path)).method(method, body)
                .header("Accept", "application/json").header("Content-Type", contentType));
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** The request with the session's CSRF token, as the webapps send it. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        String token = csrfToken();
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElse(null);
    }
}
