package org.sanlian.security;

import java.sql.Timestamp;
import java.time.Instant;
import org.sanlian.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes every refused password to the audit table {@code login_failure} and to the log {@code sanlian.audit.login}. */
@Component
class LoginAudit {

    private static final Logger AUDIT = LoggerFactory.getLogger("sanlian.audit.login");
    private static final int COLUMN_LENGTH = 64;

    private final JdbcTemplate jdbc;

    public LoginAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void failed(String account, String address, String channel, long blockedSeconds) {
        String shortAccount = cut(account);
        AUDIT.warn("login refused: account={} address={} channel={} heldBackSeconds={}",
                Problems.excerpt(shortAccount), address, channel, blockedSeconds);
        try {
            jdbc.update("INSERT INTO login_failure (failed_at, account, source_address, channel, blocked_seconds) "
                    + "VALUES (?, ?, ?, ?, ?)", Timestamp.from(Instant.now()), shortAccount, cut(address), channel,
                    (int) Math.min(blockedSeconds, Integer.MAX_VALUE));
        } catch (DataAccessException e) {
            // the log line above is the record then; a failed audit insert must not turn a 401 into a 500
            AUDIT.error("login failure not written to login_failure: {}", e.getMessage());
        }
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= COLUMN_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, COLUMN_LENGTH));
    }
}
