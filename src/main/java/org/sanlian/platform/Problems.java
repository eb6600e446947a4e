package org.sanlian.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 Problem Details, built the same way for Spring MVC, Spring Security and Jersey. */
public final class Problems {

    public static final String TYPE_BASE = "https://sanlian.example/problems/";
    public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The most of a client's input an error body repeats: enough to recognise it, never the whole of a large one. */
    public static final int EXCERPT_LENGTH = 200;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, excerpt(detail));
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    public static ProblemDetail invalidInput(List<FieldViolation> violations, String instance) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input",
                "输入不符合要求: " + new InvalidInputException(violations).getMessage(), instance);
        problem.setProperty("errors", violations.stream()
                .map(v -> new FieldViolation(excerpt(v.field()), excerpt(v.message())))
                .toList());
        return problem;
    }

    /** A 409 for the loser of a race: someone else changed or finished the same thing first. */
    public static ProblemDetail concurrentChange(String instance) {
        return of(HttpStatus.CONFLICT, "concurrent-change",
                "该记录或任务已被他人同时修改或办理，请刷新后重试 (changed concurrently, reload and retry)", instance);
    }

    /**
     * At most {@link #EXCERPT_LENGTH} characters of a text that may carry client input (a message quoting a
     * value), cut at a code point boundary and marked with "…".
     */
    public static String excerpt(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
    }

    public static ProblemDetail conflict(ConflictException conflict, String instance) {
        ProblemDetail problem = of(HttpStatus.CONFLICT, "conflict", conflict.getMessage(), instance);
        problem.setProperty("errors", conflict.violations());
        problem.setProperty("conflictsWith", conflict.conflictsWith());
        return problem;
    }

    /** The body as JSON text, for places that write the response themselves (filters, JAX-RS). */
    public static String toJson(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write problem details", e);
        }
    }
}
