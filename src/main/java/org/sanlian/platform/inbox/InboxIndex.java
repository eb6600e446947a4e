package org.sanlian.platform.inbox;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tasklist's inbox index (issue 16, docs/scale-report.md): 本单位待办 asks Camunda for the newest unclaimed tasks
 * of the user's groups, and Camunda's query reads and checks every one of them (11 000 a brigade at 100 000 open
 * cases) for each page and each count, because its {@code select distinct … order by} over joined tables cannot
 * stop after the page. task_inbox keeps, per candidate-group link of an open task, the task's assignee, creation
 * time and due date under one index, so the page's ids and the count are a range of that index; Camunda then reads
 * the page's tasks by id with the query's own criteria, order and authorization checks.
 *
 * <p>What it serves: queries of {@link InboxShape} (本单位待办, 即将到期, 已超期 as Tasklist sends them, through
 * Tasklist's engine API, /engine-rest and the Java API alike). The count is the index's: the tasks of the user's
 * groups (and, in an or-query, the user's own), without Camunda's grant checks, which under Camunda's default
 * authorization provider give each candidate group READ on its tasks, so it is the same number. The page's tasks are
 * always checked by Camunda. A query checked for grants that names someone else's groups or tasks is Camunda's. The
 * supervisors' 全市 filters (every task) are read from ACT_RU_TASK itself, for a user who may read every task only.
 *
 * <p>{@code sanlian.tasklist.inbox-index: false} turns it off (Camunda's queries as they are; the index is still
 * kept, so turning it on again needs nothing). At start the index is compared with Camunda's tables and made anew
 * if anything differs (a database from before, or written by a node without it).
 */
@Component
public class InboxIndex extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(InboxIndex.class);
    private static final ThreadLocal<Boolean> PLAIN = new ThreadLocal<>();

    private final boolean enabled;
    private final AtomicLong served = new AtomicLong();
    private ProcessEngineConfigurationImpl configuration;

    InboxIndex(@Value("${sanlian.tasklist.inbox-index:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        mybatis.addInterceptor(new InboxWrites(prefix));
        mybatis.addInterceptor(new InboxReads(prefix, this));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (configuration != null) {
            reconcile(configuration.getDataSource(),
                    configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix());
        }
    }

    /** Compares the index with Camunda's tables and, if any row differs, makes it anew; answers the rows made. */
    public static int reconcile(DataSource dataSource, String prefix) {
        long began = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long drift = InboxSql.drift(connection, prefix);
            if (drift == 0) {
                LOG.info("Inbox index matches Camunda's tasks ({} ms)", (System.nanoTime() - began) / 1_000_000);
                return 0;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int rows = InboxSql.rebuild(connection, prefix);
                connection.commit();
                LOG.info("Inbox index made anew: {} rows differed, {} rows now ({} ms)", drift, rows,
                        (System.nanoTime() - began) / 1_000_000);
                return rows;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The inbox index (task_inbox) could not be checked against Camunda's tasks",
                    e);
        }
    }

    /** The rows of the index that differ from Camunda's tables now (0 when it is in step). */
    public static long drift(DataSource dataSource, String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            return InboxSql.drift(connection, prefix);
        } catch (SQLException e) {
            throw new IllegalStateException("The inbox index (task_inbox) could not be compared with Camunda's tasks", e);
        }
    }

    /** Whether queries are answered from the index now (on, and not inside {@link #plain}). */
    boolean inUse() {
        return enabled && PLAIN.get() == null;
    }

    void served() {
        served.incrementAndGet();
    }

    /** Queries (pages and counts) answered from the index since start. */
    public long servedQueries() {
        return served.get();
    }

    /** A field of one of Camunda's classes the index reads or sets, made accessible; start-up fails if it is gone. */
    static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field '" + name + "'", e);
        }
    }

    /** Runs {@code work} with Camunda's task queries as they are (to compare, and for whoever needs them so). */
    public static <T> T plain(Supplier<T> work) {
        Boolean before = PLAIN.get();
        PLAIN.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                PLAIN.remove();
            }
        }
    }
}
