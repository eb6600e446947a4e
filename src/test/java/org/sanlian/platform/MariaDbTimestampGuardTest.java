package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case record cannot be bent by the database: a MariaDB server with explicit_defaults_for_timestamp=OFF (up to
 * 10.9) makes the first TIMESTAMP NOT NULL column of a new table ON UPDATE CURRENT_TIMESTAMP, which would move a
 * case's filing time (立案, 行政处罚法 Art. 54) to the time of its next status change. MariaDB only.
 */
@DisplayName("行政处罚法 Art. 54, domain.md §3: a recorded time is not moved by a later update of its row (MariaDB's ON UPDATE CURRENT_TIMESTAMP)")
class MariaDbTimestampGuardTest extends SanlianSpringTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void onMariaDb() throws SQLException {
        assumeTrue(MariaDbCharsetGuard.isMariaDbOrMySql(dataSource), "a MariaDB setting");
    }

    @Test
    @DisplayName("the app's connections create tables with explicit timestamp defaults, so no table of the schema sets a time on update")
    void connectionsCreateTablesAsWritten() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            // several at once, so that new connections of the pool are among them
            for (int i = 0; i < 5; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement();
                        ResultSet setting = statement.executeQuery("SELECT @@SESSION.explicit_defaults_for_timestamp")) {
                    assertThat(setting.next()).isTrue();
                    assertThat(setting.getInt(1)).isEqualTo(1);
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND LOWER(extra) LIKE '%on update%'""", String.class)).isEmpty();
    }

    @Test
    @DisplayName("a column made ON UPDATE CURRENT_TIMESTAMP before is repaired at start: updating the row then leaves its time as recorded")
    void guardTakesOnUpdateOff() throws Exception {
        jdbc.execute("DROP TABLE IF EXISTS timestamp_guard_probe");
        jdbc.execute("""
                CREATE TABLE timestamp_guard_probe (id INT PRIMARY KEY,
                    filed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                    status VARCHAR(16) NOT NULL)""");
        try {
            Timestamp filed = Timestamp.valueOf("2026-03-02 09:30:00.250");
            jdbc.update("INSERT INTO timestamp_guard_probe (id, filed_at, status) VALUES (1, ?, 'FILED')", filed);

            new MariaDbTimestampGuard(dataSource).run(null);
            jdbc.update("UPDATE timestamp_guard_probe SET status = 'INVESTIGATING' WHERE id = 1");

            assertThat(jdbc.queryForObject("SELECT filed_at FROM timestamp_guard_probe WHERE id = 1", Timestamp.class))
                    .isEqualTo(filed);
            List<String> column = jdbc.queryForList("""
                    SELECT CONCAT(column_type, ' ', is_nullable, ' ', extra) FROM information_schema.columns
                    WHERE table_schema = DATABASE() AND table_name = 'timestamp_guard_probe' AND column_name = 'filed_at'""",
                    String.class);
            assertThat(column).singleElement().satisfies(c -> assertThat(c.toLowerCase()).startsWith("timestamp(3) no")
                    .doesNotContain("on update"));
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS timestamp_guard_probe");
        }
    }
}
