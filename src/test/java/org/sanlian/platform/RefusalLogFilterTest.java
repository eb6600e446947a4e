package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Operators' log: an officer's refused form is not logged as a server error; Camunda's other failures still are. */
@DisplayName("operators' log: a step rule's refusal (400) leaves no ENGINE-16004 ERROR and stack trace; other command failures still log")
class RefusalLogFilterTest {

    private final RefusalLogFilter filter = new RefusalLogFilter();
    private final LoggerContext context = new LoggerContext();

    private FilterReply decide(String logger, Level level, Throwable thrown, Object... params) {
        return filter.decide(null, context.getLogger(logger), level, "ENGINE-16004 Exception while closing command context: {}",
                params, thrown);
    }

    @Test
    @DisplayName("Camunda's command-context ERROR whose cause is our InvalidInputException (wrapped by ENGINE-03051) is dropped, as a parameter or as the throwable")
    void refusalsAreDropped() {
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                new InvalidInputException(List.of(new FieldViolation("policeDocumentNumber", "须记录公安机关立案决定书的文号"))));
        assertThat(decide(RefusalLogFilter.COMMAND_CONTEXT_LOGGER, Level.ERROR, null, "message", wrapped))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(RefusalLogFilter.COMMAND_CONTEXT_LOGGER, Level.ERROR, wrapped)).isEqualTo(FilterReply.DENY);
    }

    @Test
    @DisplayName("any other failure, the same refusal on another logger, or a lower level pass through untouched")
    void everythingElseIsKept() {
        ProcessEngineException other = new ProcessEngineException("ENGINE-03051", new IllegalStateException("a real fault"));
        InvalidInputException refusal = new InvalidInputException(List.of(new FieldViolation("x", "y")));
        assertThat(decide(RefusalLogFilter.COMMAND_CONTEXT_LOGGER, Level.ERROR, null, "message", other))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.sanlian.casefile", Level.ERROR, refusal)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(RefusalLogFilter.COMMAND_CONTEXT_LOGGER, Level.DEBUG, refusal)).isEqualTo(FilterReply.NEUTRAL);
    }
}
