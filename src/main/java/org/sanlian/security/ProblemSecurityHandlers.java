package org.sanlian.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.sanlian.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters as RFC 9457 Problem Details. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "sanlian";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        // our own pages ask with X-Requested-With and send the user to the webapps' login instead: no browser
        // pop-up asking for a second login (issue 13)
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "需要登录：请以 HTTP Basic 提供 Sanlian 用户名和密码 (authentication required)",
                request.getRequestURI()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作 (not allowed)",
                request.getRequestURI()));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.toJson(problem));
    }
}
