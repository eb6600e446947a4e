package org.sanlian.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda's MySQL scripts create utf8 (three bytes a character) tables, so a name such as 𠮷 cannot be
 * stored there. {@link Utf8mb4CamundaSchema} creates a new schema in utf8mb4; this converts any table that is
 * still not utf8mb4 at start — ours when the database default was wrong, or a table a Camunda upgrade added.
 * Idempotent: tables already in utf8mb4 are left alone, so a normal start does nothing.
 */
@Component
@Order(0)
class MariaDbCharsetGuard implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbCharsetGuard.class);

    private final DataSource dataSource;

    public MariaDbCharsetGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (!isMariaDbOrMySql(dataSource)) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
                  AND table_collation NOT LIKE 'utf8mb4%'
                ORDER BY table_name""", String.class);
        if (tables.isEmpty()) {
            return;
        }
        LOG.info("Converting {} tables to utf8mb4 so that 4-byte characters (e.g. 𠮷) are stored", tables.size());
        // columns referenced by foreign keys change type too: convert with the checks off, on one connection
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : tables) {
                    convert(statement, table);
                }
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    /**
     * A table whose columns are referenced by foreign keys cannot be converted in place on MariaDB; such a
     * database (Camunda's schema created before Sanlian) is named in the log with the fix, and runs on.
     */
    private static void convert(Statement statement, String table) {
        try {
            statement.execute("ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            LOG.warn("Table {} stays in a 3-byte character set ({}); 4-byte characters such as 𠮷 cannot be stored "
                    + "there. See docs/operators.md, 'Running on MariaDB', to convert an existing database.", table, e.getMessage());
        }
    }

    /** Whether the database is MariaDB (or MySQL), whose guards run at start. */
    static boolean isMariaDbOrMySql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mariadb") || product.contains("mysql");
        }
    }
}
