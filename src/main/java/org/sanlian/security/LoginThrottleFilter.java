package org.sanlian.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.sanlian.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every password check: HTTP Basic on /engine-rest and /api, and the
 * webapps' login form (POST /camunda/api/admin/auth/user/{engine}/login/{app}). A held-back source gets 429 with
 * Retry-After before its password is looked at; a refused password (401) is counted and audited; a success
 * clears its source. The source is the request's remote address: behind a reverse proxy, configure the proxy as
 * trusted (server.forward-headers-strategy) so that this is the client's address, not the proxy's.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String API = "basic";
    static final String WEBAPP = "webapp";
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

    private final LoginThrottle throttle;
    private final LoginAudit audit;

    public LoginThrottleFilter(LoginThrottle throttle, LoginAudit audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String channel = null;
        String account = null;
        if (path.startsWith("/engine-rest/") || path.startsWith("/api/")) {
            account = basicUser(request.getHeader("Authorization"));
            channel = API;
        } else if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            account = request.getParameter("username");
            channel = WEBAPP;
        }
        if (account == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitBefore(account, address);
        if (!wait.isZero()) {
            heldBack(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            Duration held = throttle.failed(account, address);
            audit.failed(account, address, channel, seconds(held));
        } else if (response.getStatus() < 400 || response.getStatus() == HttpServletResponse.SC_FORBIDDEN
                || response.getStatus() == HttpServletResponse.SC_NOT_FOUND) {
            throttle.succeeded(account, address);
        }
    }

    /** The user name of an HTTP Basic header; null when there is none or it is not Basic. */
    static String basicUser(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void heldBack(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = seconds(wait);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                "登录失败次数过多，请 " + seconds + " 秒后再试 (too many failed logins, retry later)",
                request.getRequestURI());
        problem.setProperty("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.toJson(problem));
    }

    private static long seconds(Duration duration) {
        return duration.isZero() ? 0 : Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
