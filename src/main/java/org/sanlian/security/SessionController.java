package org.sanlian.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.sanlian.organisation.Officers;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the pages Tasklist links to (issue 13): the user's name, and the webapp session's CSRF
 * token, which the webapps keep in a cookie of /camunda only. The pages send it back as X-XSRF-TOKEN when they
 * change something (an evidence upload). Same-origin pages only can read the answer (no CORS).
 */
@RestController
@Tag(name = "session", description = "当前登录")
class SessionController {

    public record SessionView(String userId, String name, String csrfToken) {
    }

    private final Officers officers;

    public SessionController(Officers officers) {
        this.officers = officers;
    }

    @GetMapping("/api/session")
    @Operation(summary = "当前用户及网页登录的 CSRF 令牌（证据、文书、案件清单页用）")
    public SessionView session(Authentication user, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return new SessionView(user.getName(), officers.name(user.getName()), token == null ? null : token.toString());
    }
}
