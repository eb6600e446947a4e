package org.sanlian.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * An error a servlet filter answers with {@code sendError} — Camunda's webapp filters, above all its CSRF filter —
 * reaches the client through Spring Boot's error page. For a program (not a browser page) it is Problem Details as
 * every other refusal, in Chinese, naming what was wrong: a write to the webapps' API without its
 * {@code X-XSRF-TOKEN} header was a bare {"status":403,"error":"Forbidden"}. Browsers still get the HTML page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    /** Camunda's CsrfPreventionFilter ends the session when it refuses (a forged write must not go on). */
    static final String CSRF_FIELD = "X-XSRF-TOKEN";
    static final String CSRF_REFUSED = "缺少或无效的 X-XSRF-TOKEN 请求头：为防止跨站请求伪造，此次登录已结束，请刷新页面重新登录 "
            + "(the webapps' writes need the session's X-XSRF-TOKEN header; the session has ended)";

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
            ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.of(
                ErrorAttributeOptions.Include.MESSAGE));
        String message = String.valueOf(attributes.getOrDefault("message", ""));
        Object path = attributes.get("path");
        ProblemDetail problem;
        if (message.startsWith("CSRFPreventionFilter")) {
            problem = Problems.of(status, "csrf-token", CSRF_REFUSED, path == null ? null : path.toString());
            problem.setProperty("message", Problems.plain(CSRF_REFUSED));
            problem.setProperty("errors", List.of(new FieldViolation(CSRF_FIELD, CSRF_REFUSED)));
        } else {
            // a server error's message may carry internals: only a client error's is repeated
            String detail = status.is4xxClientError() && !message.isBlank() && !"No message available".equals(message)
                    ? message : status.getReasonPhrase();
            problem = Problems.of(status, status.is4xxClientError() ? "client-error" : "server-error", detail,
                    path == null ? null : path.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.toMap(problem));
    }
}
