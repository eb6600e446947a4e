package org.sanlian.platform.inbox;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Keeps task_inbox in step with Camunda's own rows: every statement Camunda sends to ACT_RU_TASK and
 * ACT_RU_IDENTITYLINK (one task, one link at a time; there is no bulk statement on either but the suspension
 * state's) is followed by its counterpart here, on the same connection and so in the same transaction. A failure
 * fails Camunda's command: the index is never silently behind.
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
class InboxWrites implements Interceptor {

    private static final Field LINK_TASK = InboxIndex.field(IdentityLinkEntity.class, "task");

    private final String prefix;

    InboxWrites(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Object result = invocation.proceed();
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        Object parameter = invocation.getArgs()[1];
        String id = statement.getId();
        switch (id.substring(id.lastIndexOf('.') + 1)) {
            case "insertIdentityLink" -> {
                if (parameter instanceof IdentityLinkEntity link && candidateGroupOfTask(link)) {
                    insert(connection(invocation), link);
                }
            }
            case "deleteIdentityLink" -> {
                if (parameter instanceof IdentityLinkEntity link && candidateGroupOfTask(link)) {
                    InboxSql.deleteLink(connection(invocation), link.getId());
                }
            }
            case "updateTask" -> {
                if (parameter instanceof TaskEntity task) {
                    InboxSql.updateTask(connection(invocation), task.getId(), task.getAssignee(), task.getDueDate());
                }
            }
            case "deleteTask" -> {
                if (parameter instanceof TaskEntity task) {
                    InboxSql.deleteTask(connection(invocation), task.getId());
                }
            }
            default -> {
                // not a statement on tasks or their links
            }
        }
        return result;
    }

    private static boolean candidateGroupOfTask(IdentityLinkEntity link) {
        return link.getTaskId() != null && link.getGroupId() != null && "candidate".equals(link.getType());
    }

    private void insert(Connection connection, IdentityLinkEntity link) throws SQLException, IllegalAccessException {
        // the link's own task, as this command holds it (reading it through the engine now would flush its batch)
        TaskEntity task = (TaskEntity) LINK_TASK.get(link);
        if (task != null && link.getTaskId().equals(task.getId())) {
            InboxSql.insertLink(connection, link.getId(), task.getId(), link.getGroupId(), task.getAssignee(),
                    task.getCreateTime(), task.getDueDate(), task.getTenantId());
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT ASSIGNEE_, CREATE_TIME_, DUE_DATE_, TENANT_ID_"
                + " FROM " + prefix + "ACT_RU_TASK WHERE ID_ = ?")) {
            select.setString(1, link.getTaskId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    InboxSql.insertLink(connection, link.getId(), link.getTaskId(), link.getGroupId(), row.getString(1),
                            row.getTimestamp(2), row.getTimestamp(3), row.getString(4));
                }
            }
        }
    }

    private static Connection connection(Invocation invocation) throws SQLException {
        return ((Executor) invocation.getTarget()).getTransaction().getConnection();
    }

}
