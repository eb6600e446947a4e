package org.sanlian.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.history.UserOperationLogEntryDto;
import org.camunda.bpm.engine.rest.dto.task.CommentDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.Problems;
import org.sanlian.security.EngineApiAccess.Audience;
import org.springframework.http.HttpMethod;

/**
 * What Tasklist shows beside a running task's form — its comments (备注) and its history tab (who claimed, handed
 * over or delegated it) — for the officers who may read the task. Camunda answers both from history, and history
 * is filtered by history permissions, which only the legal supervisor and the analyst hold (operators.md ⁵): every
 * officer's 添加备注 was answered 400 "No task found for task id …", and the history tab was empty. Here the task is
 * first looked up among the running tasks the caller may read (the engine's authorizations, as the caller); a
 * comment is then written and read through the engine's task service as the caller, and the operation log is read
 * for that one task only. Anything else — a finished task, a task the caller cannot read, a log query with other
 * filters — is left to Camunda's resources as before. The answers have Camunda's own shape (its DTOs and date
 * format), which Tasklist reads.
 */
final class RunningTaskRecords {

    /** A remark, not a document: as long as the other free-text notes of a step. */
    static final int MAX_MESSAGE = 2000;
    static final String FIELD = "message";

    private static final Pattern COMMENTS = Pattern.compile("^/task/([^/]+)/comment$");
    private static final Pattern NEW_COMMENT = Pattern.compile("^/task/([^/]+)/comment/create$");
    private static final Pattern OPERATION_LOG = Pattern.compile("^/history/user-operation(/count)?$");
    /** The parameters of Tasklist's history tab; a query with any other filter goes to Camunda's resource. */
    private static final Set<String> LOG_PARAMETERS = Set.of("taskId", "maxResults", "firstResult", "sortBy",
            "sortOrder");
    private static final ObjectMapper JSON = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    private final ProcessEngine engine;

    RunningTaskRecords(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Answers the call when it is one of these and the task is running and readable by the caller; false leaves it
     * to the engine's resource. The guard has already checked the caller against the allow-list (adding a comment:
     * only to a task offered to them).
     */
    boolean serve(EngineApiGuard.Caller caller, HttpMethod method, String path, JsonNode body,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        // every engine call passes here (claims and submits too): most are told apart without a pattern
        if (!path.endsWith("/comment") && !path.endsWith("/comment/create")
                && !path.startsWith("/history/user-operation")) {
            return false;
        }
        Matcher comments = COMMENTS.matcher(path);
        Matcher newComment = NEW_COMMENT.matcher(path);
        Matcher log = OPERATION_LOG.matcher(path);
        try {
            if (method == HttpMethod.GET && comments.matches()) {
                return comments(caller, comments.group(1), request, response);
            }
            if (method == HttpMethod.POST && newComment.matches()) {
                return newComment(caller, newComment.group(1), body, request, response);
            }
            if (method == HttpMethod.GET && log.matches() && caller.audiences().equals(Set.of(Audience.WORKER))) {
                return operationLog(caller, log.group(1) != null, request, response);
            }
            return false;
        } catch (AuthorizationException refused) {
            EngineApiGuard.write(response, EngineApiGuard.forbidden(request.getRequestURI(),
                    "您不能查看或添加此任务的记录 (not allowed on this task's records)"));
            return true;
        }
    }

    private boolean comments(EngineApiGuard.Caller caller, String taskId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (readableTask(caller, taskId).isEmpty()) {
            return false;
        }
        List<CommentDto> listed = new ArrayList<>();
        for (Comment comment : asCaller(caller, () -> engine.getTaskService().getTaskComments(taskId))) {
            listed.add(withLink(comment, request, taskId));
        }
        write(response, listed);
        return true;
    }

    private boolean newComment(EngineApiGuard.Caller caller, String taskId, JsonNode body, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Optional<Task> task = readableTask(caller, taskId);
        if (task.isEmpty()) {
            return false;
        }
        List<FieldViolation> violations = new ArrayList<>();
        JsonNode given = body == null ? null : body.get(FIELD);
        String message = null;
        if (given != null && !given.isNull() && !given.isTextual()) {
            violations.add(new FieldViolation(FIELD, "备注应为文字 (a comment is text)"));
        } else {
            message = Inputs.required(FIELD, given == null || given.isNull() ? null : given.asText(), MAX_MESSAGE,
                    violations);
        }
        if (!violations.isEmpty()) {
            EngineApiGuard.write(response, Problems.invalidInput(violations, request.getRequestURI()));
            return true;
        }
        String text = message;
        Comment created = asCaller(caller,
                () -> engine.getTaskService().createComment(taskId, task.get().getProcessInstanceId(), text));
        write(response, withLink(created, request, taskId));
        return true;
    }

    /** Tasklist's history tab: the operation log of one running task the caller reads, as Camunda would list it. */
    private boolean operationLog(EngineApiGuard.Caller caller, boolean count, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, String[]> parameters = request.getParameterMap();
        String taskId = request.getParameter("taskId");
        if (taskId == null || !LOG_PARAMETERS.containsAll(parameters.keySet())
                || readableTask(caller, taskId).isEmpty()) {
            return false;
        }
        // the task is one the caller reads: its log is read without the history permissions workers lack
        UserOperationLogQuery query = engine.getHistoryService().createUserOperationLogQuery().taskId(taskId);
        if ("timestamp".equals(request.getParameter("sortBy"))) {
            query = "asc".equals(request.getParameter("sortOrder")) ? query.orderByTimestamp().asc()
                    : query.orderByTimestamp().desc();
        }
        UserOperationLogQuery ready = query;
        if (count) {
            write(response, Map.of("count", withoutCaller(ready::count)));
            return true;
        }
        int first = number(request.getParameter("firstResult"), 0);
        int max = number(request.getParameter("maxResults"), Integer.MAX_VALUE);
        write(response, UserOperationLogEntryDto.map(withoutCaller(() -> ready.listPage(first, max))));
        return true;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }

    private Optional<Task> readableTask(EngineApiGuard.Caller caller, String taskId) {
        return asCaller(caller,
                () -> Optional.ofNullable(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()));
    }

    private static CommentDto withLink(Comment comment, HttpServletRequest request, String taskId) {
        String self = request.getRequestURL().toString();
        String base = self.substring(0, self.indexOf("/task/" + taskId));
        CommentDto dto = CommentDto.fromComment(comment);
        dto.addReflexiveLink(URI.create(base + "/task/" + taskId + "/comment/" + comment.getId()), "GET", "self");
        return dto;
    }

    /** Runs as the caller, with the caller's groups, whatever the request's own engine authentication is. */
    private <T> T asCaller(EngineApiGuard.Caller caller, Supplier<T> work) {
        return as(new Authentication(caller.userId(), List.copyOf(caller.groups())), work);
    }

    /** Runs with no one authenticated, so the engine checks no authorization. */
    private <T> T withoutCaller(Supplier<T> work) {
        return as(null, work);
    }

    private <T> T as(Authentication authentication, Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        Authentication before = identity.getCurrentAuthentication();
        if (authentication == null) {
            identity.clearAuthentication();
        } else {
            identity.setAuthentication(authentication);
        }
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

    private static void write(HttpServletResponse response, Object json) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(json));
    }
}
