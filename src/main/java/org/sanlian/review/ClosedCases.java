package org.sanlian.review;

import static org.sanlian.platform.ChinaTime.CHINA;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The population of a 案卷评查: a body's cases closed (结案审批 approved, or archived) in a period, read from the case
 * tables as they are today. One small read port, so it can follow the case record when that moves.
 */
@Component
class ClosedCases {

    private final JdbcTemplate jdbc;

    ClosedCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean bodyExists(String organisationCode) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE code = ?", Integer.class,
                organisationCode);
        return count != null && count > 0;
    }

    /** Case numbers of the body's cases whose last 结案审批 falls on a day of [start, end] (China time). */
    List<String> closedIn(String organisationCode, LocalDate start, LocalDate end) {
        return jdbc.queryForList("""
                SELECT c.case_number FROM case_file c
                 WHERE c.organisation_code = ? AND c.status IN ('CLOSED', 'ARCHIVED')
                   AND (SELECT MAX(e.occurred_at) FROM case_event e
                         WHERE e.case_number = c.case_number AND e.step = 'approveClosure') >= ?
                   AND (SELECT MAX(e.occurred_at) FROM case_event e
                         WHERE e.case_number = c.case_number AND e.step = 'approveClosure') < ?
                 ORDER BY c.case_number""", String.class, organisationCode,
                Timestamp.from(start.atStartOfDay(CHINA).toInstant()),
                Timestamp.from(end.plusDays(1).atStartOfDay(CHINA).toInstant()));
    }
}
