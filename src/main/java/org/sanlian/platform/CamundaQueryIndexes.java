package org.sanlian.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that Tasklist's filters need at scale (issue 16, docs/scale-report.md), which
 * Camunda's scripts do not create. Runs after the engine has created or checked its schema, on MariaDB/MySQL and
 * H2; creates an index only when no index on the table already starts with the same columns (whatever its name),
 * so a normal start does nothing and an index an operator made by hand is left alone.
 *
 * <p>With {@code sanlian.tasklist.ignore-task-create-time-index: true} (default false), on MariaDB it also marks
 * Camunda's {@code ACT_IDX_TASK_CREATE} (ACT_RU_TASK.CREATE_TIME_) IGNORED. Ordered newest first, 即将到期
 * MariaDB then prefers walking that index over reading the due-date range, and because Camunda's task query is
 * always {@code select distinct} with joined tables it cannot stop after the page: it reads every open task (220 ms
 * of 100 000, against 40 ms through the due-date range). An authorization-checked task query never stops early on
 * that index, so it loses nothing; a query without authorization check (an administrator's) sorts instead of walking.
 * {@code ALTER INDEX … NOT IGNORED} undoes it (after setting the property to false). Since 即将到期 orders by due
 * date first, the database reads the due-date range without it, so it is off by default.
 *
 * <p>A failure is logged and start-up goes on: the engine works without any of this, only the filters are slower.
 */
@Component
class CamundaQueryIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CamundaQueryIndexes.class);

    /** One index: its name, the Camunda table (without the configured prefix), its columns, and why. */
    record Index(String name, String table, List<String> columns, String reason) {
    }

    static final List<Index> INDEXES = List.of(
            // 即将到期 and 已超期 ask for a due-date range: read that range, not every open task
            new Index("SL_IDX_TASK_DUE", "ACT_RU_TASK", List.of("DUE_DATE_"), "即将到期 / 已超期: tasks by due date"),
            // 本单位待办 asks for the candidate links of the user's groups: the links, type and task from the
            // index alone instead of every link of the group read from the table
            new Index("SL_IDX_IDENT_LNK_GROUP_TASK", "ACT_RU_IDENTITYLINK", List.of("GROUP_ID_", "TYPE_", "TASK_ID_"),
                    "本单位待办: a group's candidate tasks"));

    /** Camunda's index on ACT_RU_TASK.CREATE_TIME_, which MariaDB walks instead of a selective range. */
    static final String TASK_CREATE_INDEX = "ACT_IDX_TASK_CREATE";

    private final boolean ignoreTaskCreateIndex;
    private ProcessEngineConfigurationImpl configuration;

    CamundaQueryIndexes(@Value("${sanlian.tasklist.ignore-task-create-time-index:false}") boolean ignoreTaskCreateIndex) {
        this.ignoreTaskCreateIndex = ignoreTaskCreateIndex;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (configuration != null) {
            String prefix = configuration.getDatabaseTablePrefix();
            ensure(configuration.getDataSource(), prefix);
            if (ignoreTaskCreateIndex) {
                ignoreTaskCreateIndex(configuration.getDataSource(), prefix);
            }
        }
    }

    /**
     * On MariaDB (10.6 and later), marks ACT_IDX_TASK_CREATE IGNORED (metadata only, instant) when it is not yet;
     * returns whether it did. Elsewhere, or when the index is missing, nothing.
     */
    static boolean ignoreTaskCreateIndex(DataSource dataSource, String tablePrefix) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_TASK";
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb")) {
                return false;
            }
            if (!"NO".equals(ignored(connection, table))) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + table + " ALTER INDEX " + TASK_CREATE_INDEX + " IGNORED");
            }
            LOG.info("Index {} on {} (CREATE_TIME_) is now IGNORED by MariaDB's optimizer, so that 即将到期 reads its "
                    + "due-date range instead of every open task (sanlian.tasklist.ignore-task-create-time-index)",
                    TASK_CREATE_INDEX, table);
            return true;
        } catch (SQLException e) {
            LOG.warn("Index {} on {} left as it is ({}); 即将到期 works, only slower", TASK_CREATE_INDEX, table,
                    e.getMessage());
            return false;
        }
    }

    /** MariaDB's IGNORED flag of ACT_IDX_TASK_CREATE ("YES"/"NO"), {@code null} when there is no such index. */
    static String ignored(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT MAX(IGNORED) FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?")) {
            statement.setString(1, table);
            statement.setString(2, TASK_CREATE_INDEX);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Creates the missing indexes; returns the names of those it created. */
    static List<String> ensure(DataSource dataSource, String tablePrefix) {
        List<String> created = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!(product.contains("mariadb") || product.contains("mysql") || product.contains("h2"))) {
                LOG.info("Indexes for Tasklist's filters not created: {} is not MariaDB, MySQL or H2", product);
                return created;
            }
            String prefix = tablePrefix == null ? "" : tablePrefix;
            for (Index index : INDEXES) {
                if (create(connection, prefix, index)) {
                    created.add(index.name());
                }
            }
        } catch (SQLException e) {
            LOG.warn("Indexes for Tasklist's filters not checked ({}); the filters work, only slower", e.getMessage());
        }
        return created;
    }

    private static boolean create(Connection connection, String prefix, Index index) {
        String table = prefix + index.table();
        try {
            Map<String, List<String>> existing = indexes(connection, table);
            if (existing == null) {
                LOG.warn("Index {} not created: table {} not found", index.name(), table);
                return false;
            }
            for (Map.Entry<String, List<String>> other : existing.entrySet()) {
                if (startsWith(other.getValue(), index.columns())) {
                    LOG.debug("Index {} on {} {} is there ({})", index.name(), table, index.columns(), other.getKey());
                    return false;
                }
            }
            long began = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX " + index.name() + " ON " + table + " ("
                        + String.join(", ", index.columns()) + ")");
            }
            LOG.info("Created index {} on {} ({}) for {} in {} ms", index.name(), table,
                    String.join(", ", index.columns()), index.reason(), (System.nanoTime() - began) / 1_000_000);
            return true;
        } catch (SQLException e) {
            LOG.warn("Index {} on {} not created ({}); Tasklist's filters work, only slower", index.name(), table,
                    e.getMessage());
            return false;
        }
    }

    /** The table's indexes, each with its columns in order; {@code null} when there is no such table. */
    static Map<String, List<String>> indexes(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            Map<String, TreeMap<Short, String>> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            boolean tableFound = false;
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
                tableFound = tables.next();
            }
            if (!tableFound) {
                continue;
            }
            try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), null, name, false, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String column = rows.getString("COLUMN_NAME");
                    if (index != null && column != null) {
                        columns.computeIfAbsent(index, i -> new TreeMap<>()).put(rows.getShort("ORDINAL_POSITION"),
                                column);
                    }
                }
            }
            Map<String, List<String>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            columns.forEach((index, ordered) -> result.put(index, new ArrayList<>(ordered.values())));
            return result;
        }
        return null;
    }

    private static boolean startsWith(List<String> columns, List<String> leading) {
        if (columns.size() < leading.size()) {
            return false;
        }
        for (int i = 0; i < leading.size(); i++) {
            if (!columns.get(i).equalsIgnoreCase(leading.get(i))) {
                return false;
            }
        }
        return true;
    }
}
