package org.sanlian.organisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanlian.platform.TasklistSettings;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The four Tasklist filters every role starts with: 我的待办, 本单位待办, 即将到期, 已超期. Each shows the case
 * number and the party as columns once a process sets those variables.
 */
@Component
@Order(30)
public class TasklistFilters implements ApplicationRunner {

    static final String MINE = "我的待办";
    static final String MY_UNIT = "本单位待办";
    static final String DUE_SOON = "即将到期";
    static final String OVERDUE = "已超期";

    private final FilterService filterService;
    private final TaskService taskService;
    private final IdentityBootstrap identityBootstrap;
    private final Duration dueSoonWindow;

    public TasklistFilters(FilterService filterService, TaskService taskService, IdentityBootstrap identityBootstrap,
            TasklistSettings settings) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.identityBootstrap = identityBootstrap;
        this.dueSoonWindow = settings.dueSoonWindow();
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MINE, -10, "分配给我的任务", taskService.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}"));
        ensure(MY_UNIT, -9, "本单位（我所在的组）可认领、尚未分配的任务", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned());
        ensure(DUE_SOON, -8, "我或本单位的任务，" + dueSoonWindow.toDays() + " 天内（含第 " + dueSoonWindow.toDays()
                + " 天当天）到期", dueSoon(dueSoonWindow));
        ensure(OVERDUE, -7, "我或本单位的任务，已过法定期限", involvingMe()
                .dueBeforeExpression("${now()}"));
    }

    /**
     * Due from now up to the end of the N-th day from today: a task due at 23:59 on day N is in it, one due at
     * 00:00 on day N+1 is not ({@code dueBefore} is exclusive). The engine's clock and time zone decide "today".
     * The most urgent first: the filter orders by due date, and the order Tasklist asks for (newest first, or what
     * the user picks) only breaks ties — which also lets the database read the due-date range from its index
     * instead of every open task (issue 16, docs/scale-report.md).
     */
    TaskQuery dueSoon(Duration window) {
        return involvingMe()
                .dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + (window.toDays() + 1) + ").withTimeAtStartOfDay().toDate()}")
                .orderByDueDate().asc();
    }

    private TaskQuery involvingMe() {
        return taskService.createTaskQuery()
                .or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter filter = shared(name, priority, description, query, List.of());
        if (DUE_SOON.equals(name)) {
            // a database set up before the window counted whole days keeps its filter, with the query corrected
            filterService.saveFilter(filter.setQuery(query).setProperties(properties(priority, description, List.of())));
        }
        for (Role role : IdentityBootstrap.TASK_WORKERS) {
            identityBootstrap.grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
        }
        identityBootstrap.grant(Role.LEGAL_SUPERVISOR.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
    }

    /**
     * The Tasklist filter {@code name} for everyone it is granted to (no owner), created when missing with the
     * case number, the lead number and the party as columns, then {@code moreColumns}; an existing one is returned
     * as it is. Supervision's filters are made here too.
     */
    public Filter shared(String name, int priority, String description, TaskQuery query,
            List<Map<String, String>> moreColumns) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setOwner(null)
                    .setQuery(query)
                    .setProperties(properties(priority, description, moreColumns));
            filterService.saveFilter(filter);
        }
        return filter;
    }

    /** A shared filter keeps its name, columns and grants, and gets {@code query} (e.g. a new order). */
    public void reorder(Filter filter, TaskQuery query) {
        filterService.saveFilter(filter.setQuery(query));
    }

    private static Map<String, Object> properties(int priority, String description,
            List<Map<String, String>> moreColumns) {
        List<Map<String, String>> columns = new ArrayList<>(List.of(
                Map.of("name", "caseNumber", "label", "案号"),
                Map.of("name", "leadNumber", "label", "案源编号"),
                Map.of("name", "partyName", "label", "当事人")));
        columns.addAll(moreColumns);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", columns);
        return properties;
    }
}
