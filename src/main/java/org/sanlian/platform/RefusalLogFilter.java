package org.sanlian.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * An officer's refused step is not a server error. A step rule refuses bad input by throwing
 * {@link InvalidInputException} in a task listener; the API answers 400 naming the field, and Camunda also logs the
 * command's failure — ENGINE-16004 at ERROR, some 200 lines of stack trace for each mistyped form (seen in a Chromium
 * walk through Tasklist). Those lines are dropped; Camunda's other command failures, and every refusal that is not
 * ours, are logged as before.
 */
@Component
class RefusalLogFilter extends TurboFilter implements ApplicationListener<ApplicationStartedEvent> {

    /** Camunda's logger of a failed command ("ENGINE-16004 Exception while closing command context"). */
    static final String COMMAND_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(this)) {
            setName("sanlianRefusalLogFilter");
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level != Level.ERROR || logger == null || !logger.getName().startsWith(COMMAND_CONTEXT_LOGGER)) {
            return FilterReply.NEUTRAL;
        }
        if (refusal(t)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param instanceof Throwable thrown && refusal(thrown)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** The failure is one of our step rules' refusals (anywhere in its causes). */
    static boolean refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidInputException) {
                return true;
            }
        }
        return false;
    }
}
