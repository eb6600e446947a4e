package org.sanlian.supervision;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanlian.platform.TasklistSettings;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.sanlian.organisation.Role;
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

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final Duration dueSoonWindow;

    public SupervisionAccess(FilterService filterService, TaskService taskService,
            AuthorizationService authorizationService,
            TasklistSettings settings) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.dueSoonWindow = settings.dueSoonWindow();
    }

    @Override
    public void run(ApplicationArguments args) {
        grant(Role.HEAD.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        ensure(ALL_OVERDUE, -6, "全市各执法单位已过法定期限的任务（法制监督）",
                taskService.createTaskQuery().dueBeforeExpression("${now()}"));
        ensure(ALL_DUE_SOON, -5, "全市各执法单位 " + dueSoonWindow.toDays() + " 天内到期的任务（法制监督）",
                taskService.createTaskQuery().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(" + dueSoonWindow.toDays() + ").toDate()}"));
        ensure(ALL_OPEN, -4, "全市各执法单位的全部待办任务（法制监督）", taskService.createTaskQuery());
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("showUndefinedVariable", false);
            properties.put("variables", List.of(
                    Map.of("name", "caseNumber", "label", "案号"),
                    Map.of("name", "leadNumber", "label", "案源编号"),
                    Map.of("name", "partyName", "label", "当事人"),
                    Map.of("name", "organisationCode", "label", "执法单位")));
            filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
            filterService.saveFilter(filter);
        }
        grant(Role.LEGAL_SUPERVISOR.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }
}
