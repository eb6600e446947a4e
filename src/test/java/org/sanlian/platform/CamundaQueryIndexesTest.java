package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's filters at scale need indexes Camunda's scripts do not create (docs/scale-report.md): the engine's
 * start creates them on its tables, once, and leaves alone an index that is already there under any name. On
 * MariaDB it also hides Camunda's create-time index of tasks from the optimizer (it walks it instead of 即将到期's
 * due-date range).
 */
@DisplayName("Camunda's tables get the indexes Tasklist's filters need, once")
class CamundaQueryIndexesTest extends SanlianSpringTest {

    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("after start the task table has its due-date index and the identity links their group-type-task index")
    void startCreatesTheIndexes() throws SQLException {
        assertThat(columnsOf("ACT_RU_TASK", "SL_IDX_TASK_DUE")).containsExactly("DUE_DATE_");
        assertThat(columnsOf("ACT_RU_IDENTITYLINK", "SL_IDX_IDENT_LNK_GROUP_TASK"))
                .containsExactly("GROUP_ID_", "TYPE_", "TASK_ID_");
    }

    @Test
    @DisplayName("a second start creates nothing, and a start on a database that lost one creates that one again")
    void idempotent() throws SQLException {
        assertThat(CamundaQueryIndexes.ensure(dataSource, "")).isEmpty();

        dropIndex("ACT_RU_TASK", "SL_IDX_TASK_DUE");
        assertThat(CamundaQueryIndexes.ensure(dataSource, "")).containsExactly("SL_IDX_TASK_DUE");
        assertThat(columnsOf("ACT_RU_TASK", "SL_IDX_TASK_DUE")).containsExactly("DUE_DATE_");
    }

    @Test
    @DisplayName("an index an operator made on the same columns under another name is kept, and no second one made")
    void operatorsIndexIsKept() throws SQLException {
        dropIndex("ACT_RU_TASK", "SL_IDX_TASK_DUE");
        execute("CREATE INDEX OPS_TASK_DUE ON ACT_RU_TASK (DUE_DATE_)");
        try {
            assertThat(CamundaQueryIndexes.ensure(dataSource, "")).isEmpty();
            assertThat(indexes("ACT_RU_TASK")).containsKey("OPS_TASK_DUE").doesNotContainKey("SL_IDX_TASK_DUE");
        } finally {
            dropIndex("ACT_RU_TASK", "OPS_TASK_DUE");
            CamundaQueryIndexes.ensure(dataSource, "");
        }
        assertThat(columnsOf("ACT_RU_TASK", "SL_IDX_TASK_DUE")).containsExactly("DUE_DATE_");
    }

    @Test
    @DisplayName("on MariaDB Camunda's create-time index of tasks stays visible unless the operator asks (ignore-task-create-time-index); asked, it is marked IGNORED once")
    void mariaDbIgnoresTheCreateTimeIndexOnlyWhenAsked() throws SQLException {
        assumeTrue(isMariaDb(), "IGNORED indexes are MariaDB's");
        assertThat(ignoredFlagOfCreateTimeIndex()).isEqualTo("NO");
        try {
            assertThat(CamundaQueryIndexes.ignoreTaskCreateIndex(dataSource, "")).isTrue();
            assertThat(ignoredFlagOfCreateTimeIndex()).isEqualTo("YES");
            assertThat(CamundaQueryIndexes.ignoreTaskCreateIndex(dataSource, "")).isFalse();
        } finally {
            execute("ALTER TABLE ACT_RU_TASK ALTER INDEX ACT_IDX_TASK_CREATE NOT IGNORED");
        }
    }

    @Test
    @DisplayName("on H2 Camunda's create-time index of tasks is left as it is")
    void h2KeepsTheCreateTimeIndex() throws SQLException {
        assumeFalse(isMariaDb(), "H2 only");
        assertThat(CamundaQueryIndexes.ignoreTaskCreateIndex(dataSource, "")).isFalse();
        assertThat(columnsOf("ACT_RU_TASK", "ACT_IDX_TASK_CREATE")).containsExactly("CREATE_TIME_");
    }

    private boolean isMariaDb() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("mariadb");
        }
    }

    private String ignoredFlagOfCreateTimeIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return CamundaQueryIndexes.ignored(connection, "ACT_RU_TASK");
        }
    }

    private Map<String, List<String>> indexes(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return CamundaQueryIndexes.indexes(connection, table);
        }
    }

    private List<String> columnsOf(String table, String index) throws SQLException {
        return indexes(table).getOrDefault(index, List.of());
    }

    private void dropIndex(String table, String index) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            execute(h2 ? "DROP INDEX " + index : "DROP INDEX " + index + " ON " + table);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
