package org.sanlian.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.sanlian.platform.sandbox.DeploymentProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every /engine-rest error as RFC 9457 Problem Details. Sanlian's input validation — thrown by a delegate
 * or a task listener and wrapped by the engine — becomes 400 naming the fields; a missing engine
 * authorization becomes 403; everything else keeps the status Camunda gives it. The body keeps Camunda's
 * {@code message} (and {@code code}) as extension members, which Camunda Modeler shows on a failed deploy.
 * {@code @Priority(1)} puts these mappers ahead of Camunda's own for the same exception types.
 */
public final class EngineRestProblemMappers {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblemMappers.class);

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
                return Problems.invalidInput(invalid.violations(), instance);
            }
            if (t instanceof ConflictException conflict) {
                return Problems.conflict(conflict, instance);
            }
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
            problem.setProperty("message", web.getMessage());
            return problem;
        }
        ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
        HttpStatus status = HttpStatus.valueOf(helper.getStatus(e).getStatusCode());
        ExceptionDto dto = helper.fromException(e);
        ProblemDetail problem = Problems.of(status, status.is4xxClientError() ? "invalid-request" : "engine-error",
                dto.getMessage(), instance);
        problem.setProperty("message", dto.getMessage());
        problem.setProperty("exception", dto.getType());
        if (dto.getCode() != null) {
            problem.setProperty("code", dto.getCode());
        }
        return problem;
    }

    @Priority(1)
    public static class ThrowableMapper implements ExceptionMapper<Throwable> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(Throwable e) {
            return toProblem(e, uriInfo);
        }
    }

    @Priority(1)
    public static class ProcessEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(ProcessEngineException e) {
            return toProblem(e, uriInfo);
        }
    }

    @Priority(1)
    public static class RestExceptionMapper implements ExceptionMapper<RestException> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(RestException e) {
            return toProblem(e, uriInfo);
        }
    }

    @Priority(1)
    public static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(InvalidInputException e) {
            return toProblem(e, uriInfo);
        }
    }

    @Priority(1)
    public static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(JsonMappingException e) {
            return toProblem(new RestException(Response.Status.BAD_REQUEST, e, e.getOriginalMessage()), uriInfo);
        }
    }

    @Priority(1)
    public static class JsonParseMapper implements ExceptionMapper<JsonParseException> {
        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(JsonParseException e) {
            return toProblem(new RestException(Response.Status.BAD_REQUEST, e, e.getOriginalMessage()), uriInfo);
        }
    }
}
