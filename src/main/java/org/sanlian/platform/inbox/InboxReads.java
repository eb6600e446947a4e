package org.sanlian.platform.inbox;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

/**
 * Answers Camunda's task query from the inbox index when its shape allows ({@link InboxShape}): the count from the
 * index; the page by reading its task ids from the index and then letting Camunda read exactly those tasks with all
 * of the query's own criteria, order and authorization checks ({@code taskIdIn}). Any other query goes to Camunda
 * as it is.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
class InboxReads implements Interceptor {

    /** Pages deeper than this are left to Camunda (a list of everything is not an inbox page). */
    static final int MAX_PAGE = 1000;
    /** Nor pages that start deeper than this (each group would be read that far; and first + max must not overflow). */
    static final long MAX_DEPTH = 10_000;

    private static final Field TASK_ID_IN = InboxIndex.field(TaskQueryImpl.class, "taskIdIn");

    private final String prefix;
    private final InboxIndex index;

    InboxReads(String prefix, InboxIndex index) {
        this.prefix = prefix;
        this.index = index;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        String id = statement.getId();
        String name = id.substring(id.lastIndexOf('.') + 1);
        boolean count = "selectTaskCountByQueryCriteria".equals(name);
        if (!count && !"selectTaskByQueryCriteria".equals(name)
                || !(invocation.getArgs()[1] instanceof TaskQueryImpl query) || !index.inUse()) {
            return invocation.proceed();
        }
        InboxShape shape = InboxShape.of(query);
        if (shape == null || !count && (query.getTaskIdIn() != null || query.getMaxResults() > MAX_PAGE
                || query.getFirstResult() < 0 || query.getMaxResults() < 0
                || (long) query.getFirstResult() + query.getMaxResults() > MAX_DEPTH)) {
            return invocation.proceed();
        }
        Connection connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
        AuthorizationCheck authCheck = query.getAuthCheck();
        if (shape.everyone() && authCheck != null && authCheck.isAuthorizationCheckEnabled()
                && authCheck.getAuthUserId() != null && !InboxSql.readsEveryTask(connection, prefix,
                        authCheck.getAuthUserId(), authCheck.getAuthGroupIds() == null ? List.of() : authCheck.getAuthGroupIds())) {
            return invocation.proceed(); // every task, for someone who may not read every task: Camunda checks each
        }
        if (count) {
            index.served();
            List<Long> answer = new ArrayList<>(1);
            answer.add(InboxSql.count(connection, prefix, shape));
            return answer;
        }
        List<String> ids = InboxSql.page(connection, prefix, shape, query.getFirstResult(), query.getMaxResults());
        index.served();
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        try {
            TASK_ID_IN.set(query, ids.toArray(String[]::new));
            query.setFirstResult(0);
            query.setMaxResults(ids.size());
            return invocation.proceed();
        } finally {
            TASK_ID_IN.set(query, null);
            query.setFirstResult(first);
            query.setMaxResults(max);
        }
    }

}
