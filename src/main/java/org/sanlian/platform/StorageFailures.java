package org.sanlian.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failure of the database or the engine's concurrency control means to the client, without ever showing
 * it SQL: a value too long or out of range for its column is 400 naming the field; a duplicate is 409; the loser
 * of a race (an optimistic-locking failure, a task claimed by someone else, a deadlock still lost after the
 * retries) is 409; a database that cannot be reached (stopped, restarting) is 503. Shared by the domain API and
 * /engine-rest.
 */
final class StorageFailures {

    private static final Pattern COLUMN = Pattern.compile("column\\s+['\"`]?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private StorageFailures() {
    }

    /** The Problem Details for {@code failure}, or {@code null} when it is none of these. */
    public static ProblemDetail problemFor(Throwable failure, String instance) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isRace(t)) {
                return Problems.concurrentChange(instance);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isDatabaseUnavailable(t)) {
                ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "数据库暂时不可用，请稍后刷新后重试 (the database is unavailable: reload, then retry)", instance);
                problem.setProperty("retryAfterSeconds", 5);
                return problem;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException || t instanceof SQLException) {
                String message = deepestMessage(t).toLowerCase(Locale.ROOT);
                if (message.contains("duplicate") || message.contains("unique")) {
                    return Problems.of(HttpStatus.CONFLICT, "duplicate", "该记录已存在 (already exists)", instance);
                }
                if (message.contains("too long") || message.contains("out of range")
                        || message.contains("null") || message.contains("truncat") || message.contains("incorrect")) {
                    String reason = message.contains("null") ? "必填" : "超出允许的长度或取值范围";
                    return Problems.invalidInput(List.of(new FieldViolation(field(deepestMessage(t)), reason)),
                            instance);
                }
            }
        }
        return null;
    }

    static boolean isRace(Throwable t) {
        if (t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
                || t instanceof OptimisticLockingFailureException || t instanceof PessimisticLockingFailureException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            // MariaDB/MySQL 1213 deadlock, 1205 lock wait timeout; H2 50200 lock timeout; SQLSTATE 40001
            // serialization failure
            return sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205 || sql.getErrorCode() == 50200
                    || "40001".equals(sql.getSQLState());
        }
        return false;
    }

    /**
     * The database cannot be reached (stopped, restarting, no connection to be had). A connection that broke
     * during a commit may have committed, so the client reads the state again before retrying.
     */
    static boolean isDatabaseUnavailable(Throwable t) {
        return t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException;
    }

    /** The column a database message names, as the client's field name: party_name → partyName. */
    static String field(String message) {
        Matcher column = COLUMN.matcher(message == null ? "" : message);
        if (!column.find()) {
            return "input";
        }
        String[] parts = column.group(1).toLowerCase(Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                field.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return field.toString();
    }

    private static String deepestMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? "" : message;
    }
}
