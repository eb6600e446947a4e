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
        return invalidInput(violations, instance, Map.of());
    }

    /**
     * As {@link #invalidInput(List, String)}, with the labels of the form the input came from (field key → label).
     * Its {@code message} member is what Camunda's webapps show for a refused call (their SDK reads
     * {@code body.message}): one plain Chinese sentence naming each field by its label, without variable names.
     */
    public static ProblemDetail invalidInput(List<FieldViolation> violations, String instance,
            Map<String, String> labels) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input",
                "输入不符合要求: " + new InvalidInputException(violations).getMessage(), instance);
        problem.setProperty("message", sentence(violations, labels));
        problem.setProperty("errors", violations.stream()
                .map(v -> new FieldViolation(excerpt(v.field()), excerpt(v.message())))
                .toList());
        return problem;
    }

    /**
     * "拟罚款金额（元）：拟罚款 50000 元超出法定幅度……；当事人：必填。" — each message once, led by its field's
     * label unless it already names it; English glosses in brackets are left out.
     */
    static String sentence(List<FieldViolation> violations, Map<String, String> labels) {
        List<String> parts = new java.util.ArrayList<>();
        for (FieldViolation violation : violations) {
            String message = plain(violation.message());
            String label = labels.get(violation.field());
            String part = label == null || label.isBlank() || message.startsWith(label) ? message : label + "：" + message;
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        String joined = String.join("；", parts);
        return excerpt(joined.isEmpty() || joined.endsWith("。") ? joined : joined + "。");
    }

    private static final java.util.regex.Pattern ENGLISH_GLOSS =
            java.util.regex.Pattern.compile("\\s*[(（][\\x20-\\x7E&&[^()（）]]*[A-Za-z][\\x20-\\x7E&&[^()（）]]*[)）]");

    /** A message without its bracketed English gloss: "这不是您的任务 (not your task)" → "这不是您的任务". */
    public static String plain(String message) {
        if (message == null) {
            return "";
        }
        String plain = ENGLISH_GLOSS.matcher(message).replaceAll("").trim();
        return plain.isEmpty() ? message : plain;
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
        try {
            return JSON.writeValueAsString(toMap(problem));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write problem details", e);
        }
    }

    /** The body's members in order, the extra properties beside the standard ones (RFC 9457 §3.2). */
    public static Map<String, Object> toMap(ProblemDetail problem) {
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
        return body;
    }
}
