package org.sanlian.platform.inbox;

import camundajar.impl.com.google.gson.JsonArray;
import camundajar.impl.com.google.gson.JsonElement;
import camundajar.impl.com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;

/**
 * A task query the inbox index can answer: the tasks of the user's groups nobody has claimed (本单位待办), or those
 * together with the tasks assigned to the user (即将到期, 已超期), or every task (the supervisors' 全市待办,
 * 全市即将到期, 全市已超期), optionally in a due-date range, ordered by
 * creation time, due date or id. Any other criterion (a variable, a name, a process, a second or-query, …) or any
 * other order makes {@link #of} answer {@code null}, and Camunda runs the query as it is; so does a query, checked
 * for grants, for the groups of someone else or the tasks of another assignee.
 *
 * @param groups the candidate groups (unclaimed tasks of any of them), empty if none
 * @param assignee the assignee whose tasks are included too (or-query), or null
 * @param everyone every task (no group and no assignee asked for: the supervisors' 全市 filters)
 * @param dueAfter exclusive lower bound of the due date, or null
 * @param dueBefore exclusive upper bound of the due date, or null
 * @param order the columns of task_inbox to order by, with "asc"/"desc"
 * @param tenants null when Camunda checks no tenant; else tasks without tenant and of these tenants
 */
record InboxShape(List<String> groups, String assignee, boolean everyone, Date dueAfter, Date dueBefore,
        List<Map.Entry<String, String>> order, List<String> tenants) {

    /** The criteria a query of this shape may carry (as Camunda's own filter JSON names them). */
    private static final Set<String> MAIN = Set.of("candidateGroups", "candidateGroupsExpression", "unassigned",
            "dueAfter", "dueAfterExpression", "dueBefore", "dueBeforeExpression", "orderingProperties", "orQueries");
    private static final Set<String> OR = Set.of("assignee", "assigneeExpression", "candidateGroups",
            "candidateGroupsExpression");
    private static final Map<String, String> COLUMNS = Map.of("CREATE_TIME_", "create_time",
            "DUE_DATE_", "due_date", "ID_", "task_id");

    static InboxShape of(TaskQueryImpl query) {
        List<TaskQueryImpl> queries = query.getQueries();
        if (queries.size() > 2 || !only(json(query), MAIN) || query.getDueDate() != null || query.isWithoutDueDate()
                || queries.stream().anyMatch(TaskQueryImpl::isQueryForProcessTasksOnly)
                || Boolean.TRUE.equals(query.isIncludeAssignedTasksInternal())) {
            return null;
        }
        List<String> groups;
        String assignee = null;
        boolean everyone = false;
        if (queries.size() == 1 && !query.isUnassigned()) {
            // 全市待办 / 全市即将到期 / 全市已超期: every task (for whoever may read every task, see InboxReads)
            if (query.getCandidateGroups() != null) {
                return null;
            }
            groups = List.of();
            everyone = true;
        } else if (queries.size() == 1) {
            // 本单位待办: unclaimed tasks of the groups
            groups = query.getCandidateGroups();
            if (groups == null || groups.isEmpty()) {
                return null;
            }
        } else {
            // 即将到期 / 已超期: mine, or unclaimed of my groups
            TaskQueryImpl or = queries.get(1);
            if (query.isUnassigned() || query.getCandidateGroups() != null || !only(json(or), OR)
                    || Boolean.TRUE.equals(or.isIncludeAssignedTasksInternal()) || or.isUnassigned()) {
                return null;
            }
            groups = or.getCandidateGroups();
            assignee = or.getAssignee();
            if (assignee == null && (groups == null || groups.isEmpty())) {
                return null;
            }
        }
        AuthorizationCheck authCheck = query.getAuthCheck();
        if (authCheck != null && authCheck.isAuthorizationCheckEnabled() && authCheck.getAuthUserId() != null) {
            // the index's count checks no grant: it may count only the tasks the user holds grants on by being a
            // candidate (a group of theirs) or the assignee — never another body's, asked for by name
            List<String> own = authCheck.getAuthGroupIds() == null ? List.of() : authCheck.getAuthGroupIds();
            if (groups != null && !own.containsAll(groups)
                    || assignee != null && !assignee.equals(authCheck.getAuthUserId())) {
                return null;
            }
        }
        List<Map.Entry<String, String>> order = new ArrayList<>();
        for (QueryOrderingProperty property : query.getOrderingProperties()) {
            String column = property.getRelation() == null && property.getQueryProperty() != null
                    ? COLUMNS.get(property.getQueryProperty().getName()) : null;
            if (column == null || property.getDirection() == null) {
                return null;
            }
            order.add(Map.entry(column, property.getDirection().getName()));
        }
        if (order.isEmpty()) {
            order.add(Map.entry("task_id", "asc")); // Camunda's default order
        }
        TenantCheck tenantCheck = query.getTenantCheck();
        List<String> tenants = tenantCheck != null && tenantCheck.isTenantCheckEnabled()
                ? (tenantCheck.getAuthTenantIds() == null ? List.of() : tenantCheck.getAuthTenantIds()) : null;
        return new InboxShape(groups == null ? List.of() : List.copyOf(groups), assignee, everyone,
                query.getDueAfter(), query.getDueBefore(), List.copyOf(order), tenants);
    }

    private static JsonObject json(TaskQueryImpl query) {
        return new JsonTaskQueryConverter().toJsonObject(query, query.isOrQueryActive());
    }

    /** Whether every criterion the query sets is one of {@code allowed} (empty lists and false flags set nothing). */
    private static boolean only(JsonObject json, Set<String> allowed) {
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            if (allowed.contains(entry.getKey()) || unset(entry.getValue())) {
                continue;
            }
            return false;
        }
        if (json.has("orQueries")) {
            JsonElement ors = json.get("orQueries");
            return ors.isJsonArray() && ((JsonArray) ors).size() <= 1;
        }
        return true;
    }

    private static boolean unset(JsonElement value) {
        return value == null || value.isJsonNull()
                || value.isJsonArray() && value.getAsJsonArray().isEmpty()
                || value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && !value.getAsBoolean();
    }
}
