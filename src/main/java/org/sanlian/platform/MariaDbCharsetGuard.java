package org.sanlian.platform;

import java.sql.Connection;
import java.sql.SQLException;
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
 * Camunda creates its MySQL tables as utf8 (three bytes a character), so a name such as 𠮷 cannot be stored
 * in a variable, a user or a history row. On MariaDB this converts every table of the schema that is not
 * utf8mb4 yet — Camunda's, and ours if the database default was wrong — before any user data is written.
 * Idempotent: tables already in utf8mb4 are left alone, so a normal start does nothing.
 */
@Component
@Order(0)
public class MariaDbCharsetGuard implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbCharsetGuard.class);

    private final DataSource dataSource;

    public MariaDbCharsetGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (!isMariaDbOrMySql()) {
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
        for (String table : tables) {
            jdbc.execute("ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    private boolean isMariaDbOrMySql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mariadb") || product.contains("mysql");
        }
    }
}
