package org.sanlian.platform;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an engine command again when the database chose it as a deadlock victim (MariaDB 1213, a lock wait that
 * timed out, SQLSTATE 40001): two nodes filing cases at once both lock {@code case_number_sequence} and the
 * engine's rows, and MariaDB rolls one back. The interceptor sits outside the command's transaction, so each
 * try starts afresh; it retries only an outermost command that owns its transaction (never one inside a caller's
 * transaction, which is already doomed), at most {@value #TRIES} times with a short random pause. An optimistic
 * locking failure is not retried: that is a real race, and its loser gets 409.
 */
@Component
class DeadlockRetryPlugin extends AbstractProcessEnginePlugin {

    static final int TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockRetryPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new Retry());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static boolean isDeadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static final class Retry extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            boolean outermost = Context.getCommandContext() == null
                    && !TransactionSynchronizationManager.isActualTransactionActive();
            for (int attempt = 1;; attempt++) {
                try {
                    return next.execute(command);
                } catch (RuntimeException e) {
                    if (!outermost || attempt >= TRIES || !isDeadlock(e)) {
                        throw e;
                    }
                    LOG.warn("{} lost a deadlock (try {} of {}), running it again", command.getClass().getSimpleName(),
                            attempt, TRIES);
                    pause(attempt);
                }
            }
        }

        private static void pause(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(20, 80) * attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
