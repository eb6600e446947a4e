package org.sanlian.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A MariaDB server running with {@code explicit_defaults_for_timestamp=OFF} (the default up to 10.9, so 10.6 LTS)
 * gives the first {@code TIMESTAMP NOT NULL} column of every table it creates {@code ON UPDATE CURRENT_TIMESTAMP}:
 * each later update of the row would set it to "now" — a case's filing time (立案), an event's time, a service's
 * time moved silently, Camunda's history times too. The pool's connections run with the setting on
 * ({@code connection-init-sql}, application-mariadb.yaml), so a new database never gets such a column; this takes the
 * clause off any column of the database that has it — one made before, or by a tool on another connection — at
 * start, and names it in the log: what an update moved before cannot be known from the database. Idempotent.
 */
@Component
@Order(0)
class MariaDbTimestampGuard implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbTimestampGuard.class);

    private final DataSource dataSource;

    MariaDbTimestampGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (!MariaDbCharsetGuard.isMariaDbOrMySql(dataSource)) {
            return;
        }
        List<Map<String, Object>> columns = new JdbcTemplate(dataSource).queryForList("""
                SELECT table_name AS t, column_name AS c, column_type AS type, is_nullable AS nullable,
                       column_default AS preset, column_comment AS comment
                FROM information_schema.columns
                WHERE table_schema = DATABASE() AND LOWER(extra) LIKE '%on update%'
                ORDER BY table_name, column_name""");
        if (columns.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // the connection goes back to the pool as it came
            statement.execute("SET @sanlian_explicit_defaults = @@SESSION.explicit_defaults_for_timestamp");
            statement.execute("SET SESSION explicit_defaults_for_timestamp = 1");
            try {
                for (Map<String, Object> column : columns) {
                    statement.execute("ALTER TABLE `" + column.get("t") + "` MODIFY `" + column.get("c") + "` "
                            + definition(column));
                    LOG.warn("Column {}.{} was set to the current time by every update of its row (ON UPDATE "
                            + "CURRENT_TIMESTAMP, made by a server with explicit_defaults_for_timestamp=OFF); it is not "
                            + "any more. Values it held before this start may have been moved by such updates.",
                            column.get("t"), column.get("c"));
                }
            } finally {
                statement.execute("SET SESSION explicit_defaults_for_timestamp = @sanlian_explicit_defaults");
            }
        }
    }

    /** The column as it is, without ON UPDATE: its type, NULL or NOT NULL, its default and its comment. */
    static String definition(Map<String, Object> column) {
        StringBuilder sql = new StringBuilder(String.valueOf(column.get("type")));
        boolean nullable = "YES".equals(column.get("nullable"));
        sql.append(nullable ? " NULL" : " NOT NULL");
        Object preset = column.get("preset");
        if (preset != null) {
            String text = preset.toString();
            // MariaDB gives an expression as written (current_timestamp(3)) and a literal quoted ('2026-01-01 …')
            sql.append(" DEFAULT ").append(text);
        } else if (nullable) {
            sql.append(" DEFAULT NULL");
        }
        Object comment = column.get("comment");
        if (comment != null && !comment.toString().isEmpty()) {
            sql.append(" COMMENT '").append(comment.toString().replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return sql.toString();
    }
}
