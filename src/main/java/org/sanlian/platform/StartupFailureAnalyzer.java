package org.sanlian.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * One clear line for the two ways a production start fails most: the database cannot be reached, or a
 * required setting is missing.
 */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<Throwable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Throwable cause) {
        StartupChecks.MissingSettingException missing = findCause(rootFailure,
                StartupChecks.MissingSettingException.class);
        if (missing != null) {
            return new FailureAnalysis("Sanlian cannot start: " + missing.getMessage() + ".",
                    "Set " + missing.setting() + " and start again.", missing);
        }
        SQLException sql = findCause(rootFailure, SQLException.class);
        if (sql != null && (findCause(rootFailure, ConnectException.class) != null
                || "08000".equals(sql.getSQLState()) || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || String.valueOf(sql.getMessage()).contains("Socket fail to connect"))) {
            return new FailureAnalysis("Sanlian cannot start: the database is unreachable (" + firstLine(sql) + ").",
                    "Check SANLIAN_DB_URL, SANLIAN_DB_USER and SANLIAN_DB_PASSWORD and that the database is running.",
                    sql);
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
