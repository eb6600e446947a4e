package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * Camunda's REST API answers any exception a task listener throws during submit-form with 400 and the exception's
 * message. A failure of the server's own work (the archive of a case that could not be written at 结案审批) is not
 * the officer's mistake: it is answered 500 with no internals; a refusal of the officer's input stays 400.
 */
@DisplayName("a server failure inside a step is a 500 without internals, not the officer's 400")
class ServerFailuresAreNotTheClientsTest {

    private static final String SUBMIT = "/engine-rest/task/0f00/submit-form";

    @Test
    void anEventListenerThatFailedInsideTheStep_is500WithoutItsInternals() {
        RestException fromCamunda = new RestException(Status.BAD_REQUEST,
                new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                        new IllegalStateException("Failed to invoke event listener method\nHandlerMethod details: \n"
                                + "Bean [org.sanlian.document.ArchiveOnClosure]",
                                new UncheckedIOException(new IOException("No space left on device")))),
                "Cannot submit task form 0f00: ENGINE-03051 There was an exception while invoking the TaskListener");

        ProblemDetail problem = EngineRestProblemMappers.problemFor(fromCamunda, SUBMIT);

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("ArchiveOnClosure").doesNotContain("HandlerMethod");
    }

    @Test
    void outOfMemoryInsideTheStep_is500() {
        RestException fromCamunda = new RestException(Status.BAD_REQUEST,
                new ProcessEngineException("listener failed", new OutOfMemoryError("Java heap space")),
                "Cannot submit task form 0f00: listener failed");

        assertThat(EngineRestProblemMappers.problemFor(fromCamunda, SUBMIT).getStatus()).isEqualTo(500);
    }

    @Test
    void aRefusalOfTheRequestItself_staysTheClients400() {
        RestException fromCamunda = new RestException(Status.BAD_REQUEST,
                new ProcessEngineException("Cannot submit a task form that is not assigned"),
                "Cannot submit task form 0f00: Cannot submit a task form that is not assigned");

        ProblemDetail problem = EngineRestProblemMappers.problemFor(fromCamunda, SUBMIT);

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).contains("not assigned");
    }
}
