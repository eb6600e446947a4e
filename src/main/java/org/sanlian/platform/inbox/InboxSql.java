package org.sanlian.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The inbox index's statements, on the connection of the command that runs them. A shape's tasks are the unclaimed
 * tasks of its groups (task_inbox, by the group's index) and, for an or-query, the tasks assigned to its user
 * (ACT_RU_TASK by Camunda's assignee index): the two never overlap, as one requires an assignee and the other none.
 */
final class InboxSql {

    private InboxSql() {
    }

    /**
     * The page's task ids: each group's first {@code first + max} in the asked order (a walk along that group's
     * index), and the user's own, merged, duplicates (a task of two of the groups) dropped, ordered, cut to the page.
     * Every task of the true page is among its group's first {@code first + max}, so nothing is missed, and no step
     * reads a whole group.
     */
    static List<String> page(Connection connection, String prefix, InboxShape shape, int first, int max)
            throws SQLException {
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        for (Map.Entry<String, String> by : shape.order()) {
            order.add(by.getKey() + ("desc".equals(by.getValue()) ? " DESC" : " ASC"));
        }
        if (shape.order().stream().noneMatch(by -> "task_id".equals(by.getKey()))) {
            // ties (the same second) fall the same way on every page; in the last column's direction, so a group's
            // index is still walked, not sorted
            boolean descending = "desc".equals(shape.order().get(shape.order().size() - 1).getValue());
            order.add(descending ? "task_id DESC" : "task_id ASC");
        }
        int top = first + max;
        List<Object> parameters = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String group : shape.groups()) {
            StringBuilder part = new StringBuilder("SELECT task_id, create_time, due_date FROM task_inbox"
                    + " WHERE group_id = ? AND assignee IS NULL");
            parameters.add(group);
            conditions(part, shape, parameters, "due_date", "tenant_id");
            parts.add("SELECT * FROM (" + part + order + " LIMIT " + top + ") G" + parts.size());
        }
        if (shape.assignee() != null) {
            parts.add("SELECT * FROM (" + assigned(prefix, shape, parameters, "task_id, create_time, due_date") + order
                    + " LIMIT " + top + ") G" + parts.size());
        }
        if (shape.everyone()) {
            parts.add("SELECT * FROM (" + tasks(prefix, shape, parameters, "task_id, create_time, due_date", false)
                    + order + " LIMIT " + top + ") G" + parts.size());
        }
        String sql = "SELECT task_id FROM (" + String.join(" UNION ", parts) + ") X" + order + " LIMIT " + max
                + " OFFSET " + first;
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /**
     * The number of tasks: per group (counted in its index), and only when two of the user's groups both have tasks,
     * counted again without the tasks of both; plus the user's own.
     */
    static long count(Connection connection, String prefix, InboxShape shape) throws SQLException {
        long count = 0;
        if (!shape.groups().isEmpty()) {
            List<Object> parameters = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT group_id, COUNT(*) FROM task_inbox WHERE group_id IN (")
                    .append(marks(shape.groups().size())).append(") AND assignee IS NULL");
            parameters.addAll(shape.groups());
            conditions(sql, shape, parameters, "due_date", "tenant_id");
            sql.append(" GROUP BY group_id");
            int groupsWithTasks = 0;
            try (PreparedStatement statement = prepare(connection, sql.toString(), parameters);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groupsWithTasks++;
                    count += rows.getLong(2);
                }
            }
            if (groupsWithTasks > 1) {
                parameters.clear();
                StringBuilder distinct = new StringBuilder("SELECT COUNT(DISTINCT task_id) FROM task_inbox"
                        + " WHERE group_id IN (").append(marks(shape.groups().size())).append(") AND assignee IS NULL");
                parameters.addAll(shape.groups());
                conditions(distinct, shape, parameters, "due_date", "tenant_id");
                count = single(connection, distinct.toString(), parameters);
            }
        }
        if (shape.assignee() != null) {
            List<Object> parameters = new ArrayList<>();
            count += single(connection, "SELECT COUNT(*) FROM (" + assigned(prefix, shape, parameters, "task_id")
                    + ") A", parameters);
        }
        if (shape.everyone()) {
            List<Object> parameters = new ArrayList<>();
            count += single(connection, tasks(prefix, shape, parameters, "COUNT(*)", false), parameters);
        }
        return count;
    }

    /** The user's own tasks (Camunda's assignee index), as {@code columns} of task_inbox. */
    private static String assigned(String prefix, InboxShape shape, List<Object> parameters, String columns) {
        return tasks(prefix, shape, parameters, columns, true);
    }

    /** Camunda's tasks in the shape's due-date range and tenants (the assignee's only, if asked), as task_inbox's columns. */
    private static String tasks(String prefix, InboxShape shape, List<Object> parameters, String columns,
            boolean assigneeOnly) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(columns.replace("task_id", "ID_ AS task_id").replace("create_time", "CREATE_TIME_ AS create_time")
                        .replace("due_date", "DUE_DATE_ AS due_date"))
                .append(" FROM ").append(prefix).append("ACT_RU_TASK WHERE ");
        if (assigneeOnly) {
            sql.append("ASSIGNEE_ = ?");
            parameters.add(shape.assignee());
        } else {
            sql.append("1 = 1");
        }
        conditions(sql, shape, parameters, "DUE_DATE_", "TENANT_ID_");
        return sql.toString();
    }

    /**
     * Whether the user may read every task: a grant of READ on every task ({@code *}) to them, to everyone or to one
     * of their groups, and no revoke of any task or process definition permission for them anywhere (a revoke can
     * hide single tasks; then Camunda checks each).
     */
    static boolean readsEveryTask(Connection connection, String prefix, String user, List<String> groups)
            throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(user));
        String whom = "(A.USER_ID_ IN (?, '*')" + (groups.isEmpty() ? "" : " OR A.GROUP_ID_ IN (" + marks(groups.size()) + ")") + ")";
        parameters.addAll(groups);
        long revokes = single(connection, "SELECT COUNT(*) FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2"
                + " AND A.RESOURCE_TYPE_ IN (6, 7) AND " + whom, parameters);
        if (revokes > 0) {
            return false;
        }
        return single(connection, "SELECT COUNT(*) FROM " + prefix + "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ IN (0, 1)"
                + " AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = '*' AND MOD(A.PERMS_, 4) >= 2 AND " + whom,
                parameters) > 0;
    }

    private static long single(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static void conditions(StringBuilder sql, InboxShape shape, List<Object> parameters, String due,
            String tenant) {
        if (shape.dueAfter() != null || shape.dueBefore() != null) {
            sql.append(" AND ").append(due).append(" IS NOT NULL");
        }
        if (shape.dueAfter() != null) {
            sql.append(" AND ").append(due).append(" > ?");
            parameters.add(timestamp(shape.dueAfter()));
        }
        if (shape.dueBefore() != null) {
            sql.append(" AND ").append(due).append(" < ?");
            parameters.add(timestamp(shape.dueBefore()));
        }
        if (shape.tenants() != null) {
            sql.append(" AND (").append(tenant).append(" IS NULL");
            if (!shape.tenants().isEmpty()) {
                sql.append(" OR ").append(tenant).append(" IN (")
                        .append(String.join(",", Collections.nCopies(shape.tenants().size(), "?"))).append(")");
                parameters.addAll(shape.tenants());
            }
            sql.append(")");
        }
    }

    static void insertLink(Connection connection, String linkId, String taskId, String groupId, String assignee,
            Date created, Date due, String tenant) throws SQLException {
        update(connection, "INSERT INTO task_inbox (link_id, task_id, group_id, assignee, create_time, due_date, tenant_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", linkId, taskId, groupId, assignee, timestamp(created),
                timestamp(due), tenant);
    }

    static void deleteLink(Connection connection, String linkId) throws SQLException {
        update(connection, "DELETE FROM task_inbox WHERE link_id = ?", linkId);
    }

    static void updateTask(Connection connection, String taskId, String assignee, Date due) throws SQLException {
        update(connection, "UPDATE task_inbox SET assignee = ?, due_date = ? WHERE task_id = ?", assignee,
                timestamp(due), taskId);
    }

    static void deleteTask(Connection connection, String taskId) throws SQLException {
        update(connection, "DELETE FROM task_inbox WHERE task_id = ?", taskId);
    }

    /** The rows the index must hold, made anew from Camunda's tables. */
    static int rebuild(Connection connection, String prefix) throws SQLException {
        update(connection, "DELETE FROM task_inbox");
        return update(connection, "INSERT INTO task_inbox (link_id, task_id, group_id, assignee, create_time, due_date,"
                + " tenant_id) SELECT I.ID_, T.ID_, I.GROUP_ID_, T.ASSIGNEE_, T.CREATE_TIME_, T.DUE_DATE_, T.TENANT_ID_"
                + " FROM " + prefix + "ACT_RU_IDENTITYLINK I JOIN " + prefix + "ACT_RU_TASK T ON T.ID_ = I.TASK_ID_"
                + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL");
    }

    /** Rows of the index that differ from what Camunda's tables say (missing, extra, or with other values). */
    static long drift(Connection connection, String prefix) throws SQLException {
        String links = "SELECT I.ID_ AS link_id, T.ID_ AS task_id, I.GROUP_ID_ AS group_id, T.ASSIGNEE_ AS assignee,"
                + " T.DUE_DATE_ AS due_date FROM " + prefix + "ACT_RU_IDENTITYLINK I JOIN " + prefix
                + "ACT_RU_TASK T ON T.ID_ = I.TASK_ID_ WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL";
        String sql = "SELECT (SELECT COUNT(*) FROM (" + links + ") L LEFT JOIN task_inbox X ON X.link_id = L.link_id"
                + " WHERE X.link_id IS NULL OR X.task_id <> L.task_id OR X.group_id <> L.group_id"
                + " OR NOT (X.assignee = L.assignee OR X.assignee IS NULL AND L.assignee IS NULL)"
                + " OR NOT (X.due_date = L.due_date OR X.due_date IS NULL AND L.due_date IS NULL))"
                + " + (SELECT COUNT(*) FROM task_inbox X WHERE NOT EXISTS (SELECT 1 FROM " + prefix
                + "ACT_RU_IDENTITYLINK I WHERE I.ID_ = X.link_id))";
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, Arrays.asList(parameters))) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
