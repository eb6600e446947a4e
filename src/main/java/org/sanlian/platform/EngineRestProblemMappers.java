package org.sanlian.platform;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.sanlian.platform.forms.FormLabels;
import org.sanlian.platform.sandbox.DeploymentProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every /engine-rest error as RFC 9457 Problem Details. Sanlian's input validation — thrown by a delegate
 * or a task listener and wrapped by the engine — becomes 400 naming the fields; a missing engine
 * authorization becomes 403; everything else keeps the status Camunda gives it. The body keeps Camunda's
 * {@code message} (and {@code code}) as extension members, which Camunda Modeler shows on a failed deploy.
 * Issue 15: the loser of a race gets 409, a value or model the client sent that does not parse gets 400, an
 * instance that does not exist 404; a remaining 5xx says nothing of SQL or internals, and no message repeats
 * more than an excerpt of the input.
 * {@code @Priority(1)} puts these mappers ahead of Camunda's own for the same exception types.
 */
public final class EngineRestProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblemMappers.class);
    private static final Pattern TASK_ACTION =
            Pattern.compile("/task/([^/]+)/(complete|submit-form|claim|resolve|assignee)$");

    private EngineRestProblemMappers() {
    }

    static Response toProblem(Throwable e, UriInfo uriInfo) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        ProblemDetail problem = problemFor(e, instance);
        if (problem.getStatus() >= 500) {
            LOG.error("engine REST request failed: {}", instance, e);
        }
        return Response.status(problem.getStatus()).type(Problems.MEDIA_TYPE).entity(Problems.toJson(problem)).build();
    }

    static ProblemDetail problemFor(Throwable e, String instance) {
        Optional<ProblemDetail> refusedModel = DeploymentProblems.of(e, instance);
        if (refusedModel.isPresent()) {
            return refusedModel.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return Problems.invalidInput(invalid.violations(), instance, FormLabels.ofRequest(instance));
            }
            if (t instanceof ConflictException conflict) {
                return Problems.conflict(conflict, instance);
            }
        }
        ProblemDetail storage = StorageFailures.problemFor(e, instance);
        if (storage != null) {
            storage.setProperty("message", storage.getDetail());
            return storage;
        }
        // a task the winner of a race has just completed: the loser may meet a missing task or, once the task's
        // authorizations are gone with it, a refusal; either way the answer is the race's 409
        if (finishedByOther(instance, e)) {
            return Problems.concurrentChange(instance);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException denied) {
                ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                        "无权执行此操作 (not allowed): " + denied.getMessage(), instance);
                problem.setProperty("message", denied.getMessage());
                problem.setProperty("userId", denied.getUserId());
                problem.setProperty("missingAuthorizations", denied.getMissingAuthorizations().stream()
                        .map(m -> m.getViolatedPermissionName() + " " + m.getResourceType() + " " + m.getResourceId())
                        .toList());
                return problem;
            }
        }
        if (e instanceof NullValueException || e.getCause() instanceof NullValueException) {
            // Camunda answers an unknown task, instance or execution id with a 500; it is the caller's 404
            ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), instance);
            problem.setProperty("message", e.getMessage());
            return problem;
        }
        if (e instanceof WebApplicationException web) {
            HttpStatus status = HttpStatus.valueOf(web.getResponse().getStatus());
            ProblemDetail problem = Problems.of(status, "http-" + status.value(), web.getMessage(), instance);
            problem.setProperty("message", Problems.excerpt(web.getMessage()));
            return problem;
        }
        ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
        HttpStatus status = HttpStatus.valueOf(helper.getStatus(e).getStatusCode());
        ExceptionDto dto = helper.fromException(e);
        if (missingExecution(e)) {
            status = HttpStatus.NOT_FOUND;
        } else if (status.is5xxServerError() && causedByInput(e)) {
            status = HttpStatus.BAD_REQUEST;
        } else if (status.is4xxClientError() && !causedByInput(e) && serverFailure(e)) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            // the engine's own message may quote SQL or internals: the log has it, the client gets none of it
            ProblemDetail problem = Problems.of(status, "engine-error",
                    "服务器内部错误，已记录，请联系管理员 (internal error, logged)", instance);
            problem.setProperty("message", problem.getDetail());
            return problem;
        }
        String message = Problems.excerpt(status == HttpStatus.NOT_FOUND ? notFoundInChinese(dto.getMessage())
                : dto.getMessage());
        ProblemDetail problem = Problems.of(status, status.is4xxClientError() ? "invalid-request" : "engine-error",
                message, instance);
        problem.setProperty("message", message);
        problem.setProperty("exception", dto.getType());
        if (dto.getCode() != null) {
            problem.setProperty("code", dto.getCode());
        }
        return problem;
    }

    /** What Camunda's REST says of a missing object ("No matching task with id …"), in the officers' language. */
    private static final Map<String, String> MISSING = Map.ofEntries(Map.entry("task", "任务"),
            Map.entry("process instance", "流程实例"), Map.entry("process definition", "流程定义"),
            Map.entry("definition", "流程定义"), Map.entry("decision definition", "规则表"), Map.entry("deployment", "部署"),
            Map.entry("execution", "执行实例"), Map.entry("job", "作业"), Map.entry("incident", "事件"),
            Map.entry("user", "用户"), Map.entry("group", "用户组"));

    /**
     * Tasklist shows the message after its own "该任务已不存在 :": Camunda's English alone read as a contradiction to
     * an officer who may simply not read the task (a missing read grant is answered 404 too).
     */
    static String notFoundInChinese(String message) {
        if (message == null || !message.startsWith("No matching ")) {
            return message;
        }
        String rest = message.substring("No matching ".length()).toLowerCase(java.util.Locale.ROOT);
        return MISSING.entrySet().stream()
                .filter(subject -> rest.startsWith(subject.getKey()))
                .max(java.util.Comparator.comparingInt(subject -> subject.getKey().length()))
                .map(subject -> "没有找到该" + subject.getValue() + "：可能已经办结或删除，或不在您的查看范围内 (" + message + ")")
                .orElse(message);
    }

    /**
     * The loser of a race to work one task, arriving just after the winner finished it: the task is gone from
     * the runtime but history shows it completed. That is a conflict (409), not a missing task.
     */
    private static boolean finishedByOther(String instance, Throwable e) {
        Matcher action = TASK_ACTION.matcher(instance == null ? "" : instance);
        if (!action.find() || e.getMessage() == null || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("task")) {
            return false;
        }
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return false;
        }
        // the loser may not read history; whether this one task is finished is all it learns
        return ProcessActors.withoutCaller(engine.getIdentityService(),
                () -> engine.getTaskService().createTaskQuery().taskId(action.group(1)).count() == 0
                        && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(action.group(1))
                                .finished().count() > 0);
    }

    /** A variable call on an execution or process instance that does not exist (the engine says "doesn't exist"). */
    private static boolean missingExecution(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NullValueException && t.getMessage() != null
                    && (t.getMessage().contains("doesn't exist") || t.getMessage().contains("does not exist"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure of the server's own work that Camunda reports as the client's: its REST API answers any exception
     * from a task listener during submit-form or complete with 400 and the exception's message. An error (out of
     * memory), an I/O, SQL or data-access failure, or an application event listener that failed (archiving a case at
     * 结案审批) is not the officer's mistake: 500, with the internals in the log only.
     */
    private static boolean serverFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error || t instanceof IOException || t instanceof UncheckedIOException
                    || t instanceof SQLException || t instanceof DataAccessException
                    || (t.getMessage() != null && t.getMessage().startsWith("Failed to invoke event listener method"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure the client's input caused though the engine reports it as its own: a value that does not parse
     * (Xml, Json, a serialized Object, a file's Base64, a number), a value of the wrong type, a model (BPMN, DMN)
     * that does not transform, a process started without a variable its model needs (e.g. a process meant to be
     * started by another, submitted from its start form).
     */
    private static boolean causedByInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof IllegalArgumentException || t instanceof ClassCastException
                    || type.startsWith("org.camunda.spin.") || type.startsWith("org.camunda.bpm.dmn.")
                    || type.startsWith("org.camunda.bpm.model.") || t instanceof ParseException
                    || t instanceof JacksonException
                    || (t.getMessage() != null && (t.getMessage().contains("serializ")
                            || t.getMessage().startsWith("Unknown property used in expression")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One mapper per exception type Camunda maps itself (JAX-RS picks the mapper of the nearest type, so each needs
     * its own at priority 1); all of them answer through {@link #toProblem}.
     */
    abstract static class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(E e) {
            return toProblem(thrown(e), uriInfo);
        }

        Throwable thrown(E e) {
            return e;
        }
    }

    /** Jackson's parse and mapping failures are the client's bad JSON: a 400 with Jackson's own message. */
    abstract static class BadJsonMapper<E extends JacksonException> extends ProblemMapper<E> {
        @Override
        Throwable thrown(E e) {
            return new RestException(Response.Status.BAD_REQUEST, e, e.getOriginalMessage());
        }
    }

    @Priority(1)
    public static class ThrowableMapper extends ProblemMapper<Throwable> {
    }

    @Priority(1)
    public static class ProcessEngineExceptionMapper extends ProblemMapper<ProcessEngineException> {
    }

    @Priority(1)
    public static class RestExceptionMapper extends ProblemMapper<RestException> {
    }

    @Priority(1)
    public static class InvalidInputMapper extends ProblemMapper<InvalidInputException> {
    }

    @Priority(1)
    public static class JsonMappingMapper extends BadJsonMapper<JsonMappingException> {
    }

    @Priority(1)
    public static class JsonParseMapper extends BadJsonMapper<JsonParseException> {
    }
}
