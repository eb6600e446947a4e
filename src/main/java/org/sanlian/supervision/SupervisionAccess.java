package org.sanlian.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sanlian.platform.TasklistSettings;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.sanlian.organisation.IdentityBootstrap;
import org.sanlian.organisation.Role;
import org.sanlian.organisation.TasklistFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Where supervisors work: heads may open Cockpit (the 案件监督 plugin shows them their own body only), and the
 * legal supervisors' Tasklist has filters over the tasks of every body — 全市已超期, 全市即将到期, 全市待办 — where
 * the four everyday filters show only their own. Runs after the organisation's own filters and adds only what
 * is missing.
 */
@Component
@Order(40)
class SupervisionAccess implements ApplicationRunner {

    static final String ALL_OVERDUE = "全市已超期";
    static final String ALL_DUE_SOON = "全市即将到期";
    static final String ALL_OPEN = "全市待办";

    private final TaskService taskService;
    private final TasklistFilters filters;
    private final IdentityBootstrap identities;
    private final Duration dueSoonWindow;

    public SupervisionAccess(TaskService taskService, TasklistFilters filters, IdentityBootstrap identities,
            TasklistSettings settings) {
        this.taskService = taskService;
        this.filters = filters;
        this.identities = identities;
        this.dueSoonWindow = settings.dueSoonWindow();
    }

    @Override
    public void run(ApplicationArguments args) {
        identities.grant(Role.HEAD.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        ensure(ALL_OVERDUE, -6, "全市各执法单位已过法定期限的任务（法制监督）",
                taskService.createTaskQuery().dueBeforeExpression("${now()}"));
        ensure(ALL_DUE_SOON, -5, "全市各执法单位 " + dueSoonWindow.toDays() + " 天内到期的任务（法制监督）",
                taskService.createTaskQuery().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(" + dueSoonWindow.toDays() + ").toDate()}")
                        // the most urgent first (issue 16): the due-date range read from its index
                        .orderByDueDate().asc());
        ensure(ALL_OPEN, -4, "全市各执法单位的全部待办任务（法制监督）", taskService.createTaskQuery());
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter filter = filters.shared(name, priority, description, query,
                List.of(Map.of("name", "organisationCode", "label", "执法单位")));
        if (ALL_DUE_SOON.equals(name) && filter.getQuery() instanceof TaskQueryImpl saved
                && saved.getOrderingProperties().isEmpty()) {
            // a database set up before 全市即将到期 ordered by due date gets the order now
            filters.reorder(filter, query);
        }
        identities.grant(Role.LEGAL_SUPERVISOR.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
