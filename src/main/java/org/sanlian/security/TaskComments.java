package org.sanlian.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.springframework.http.HttpMethod;

/**
 * Tasklist's 备注 (a task's comments) for the officers who work the task. Camunda's REST resource first looks the
 * task up in history, and history is filtered by history permissions, which only the legal supervisor and the
 * analyst hold: every officer's 添加备注 was answered 400 "No task found for task id …", and the comments of the
 * task were never listed. Here the task is looked up among the running tasks the caller may read (the engine's
 * authorizations, as the caller), and the comment is written and read through the engine's task service as the
 * caller. A task the caller cannot see among the running ones (finished, or not theirs) is left to Camunda's
 * resource as before, which answers by history permissions.
 */
final class TaskComments {

    /** A remark, not a document: as long as the other free-text notes of a step. */
    static final int MAX_MESSAGE = 2000;
    static final String FIELD = "message";

    private static final Pattern LIST = Pattern.compile("^/task/([^/]+)/comment$");
    private static final Pattern CREATE = Pattern.compile("^/task/([^/]+)/comment/create$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;

    TaskComments(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The task whose comments the call lists or adds to, when it is one of these two calls. */
    static Optional<String> taskOf(HttpMethod method, String enginePath) {
        Pattern call = method == HttpMethod.GET ? LIST : method == HttpMethod.POST ? CREATE : null;
        Matcher matcher = call == null ? null : call.matcher(enginePath);
        return matcher != null && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Answers the call if the task is running and the caller may read it; false leaves it to the engine's resource.
     * The guard has already checked the caller against the allow-list (adding: only to a task offered to them).
     */
    boolean serve(EngineApiGuard.Caller caller, HttpMethod method, String taskId, JsonNode body,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        String self = request.getRequestURL().toString();
        String base = self.substring(0, self.indexOf("/task/" + taskId));
        try {
            Optional<Task> task = asCaller(caller,
                    () -> Optional.ofNullable(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()));
            if (task.isEmpty()) {
                return false;
            }
            if (method == HttpMethod.GET) {
                ArrayNode comments = JSON.createArrayNode();
                for (Comment comment : asCaller(caller, () -> engine.getTaskService().getTaskComments(taskId))) {
                    comments.add(json(comment, base));
                }
                write(response, HttpServletResponse.SC_OK, comments);
                return true;
            }
            List<FieldViolation> violations = new ArrayList<>();
            JsonNode given = body == null ? null : body.get(FIELD);
            String message = given == null || given.isNull() ? null : given.isTextual() ? given.asText() : null;
            if (given != null && !given.isNull() && !given.isTextual()) {
                violations.add(new FieldViolation(FIELD, "备注应为文字 (a comment is text)"));
            } else {
                message = Inputs.required(FIELD, message, MAX_MESSAGE, violations);
            }
            if (!violations.isEmpty()) {
                EngineApiGuard.write(response, org.sanlian.platform.Problems.invalidInput(violations,
                        request.getRequestURI()));
                return true;
            }
            String text = message;
            Comment created = asCaller(caller, () -> engine.getTaskService().createComment(taskId,
                    task.get().getProcessInstanceId(), text));
            write(response, HttpServletResponse.SC_OK, json(created, base));
            return true;
        } catch (AuthorizationException refused) {
            EngineApiGuard.write(response, EngineApiGuard.forbidden(request.getRequestURI(),
                    "您不能为此任务添加或查看备注 (not allowed on this task's comments)"));
            return true;
        }
    }

    /** Runs as the caller, with the caller's groups, whatever the request's own engine authentication is. */
    private <T> T asCaller(EngineApiGuard.Caller caller, Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            return work.get();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    /** The fields and the date format of Camunda's own CommentDto, which Tasklist reads. */
    private static ObjectNode json(Comment comment, String base) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode link = node.putArray("links").addObject();
        link.put("method", "GET");
        link.put("href", base + "/task/" + comment.getTaskId() + "/comment/" + comment.getId());
        link.put("rel", "self");
        node.put("id", comment.getId());
        node.put("userId", comment.getUserId());
        node.put("time", date(comment.getTime()));
        node.put("taskId", comment.getTaskId());
        node.put("message", comment.getFullMessage());
        node.put("removalTime", date(comment.getRemovalTime()));
        node.put("rootProcessInstanceId", comment.getRootProcessInstanceId());
        node.put("processInstanceId", comment.getProcessInstanceId());
        return node;
    }

    private static String date(Date date) {
        return date == null ? null : new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date);
    }

    private static void write(HttpServletResponse response, int status, JsonNode json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(json));
    }
}
