package org.sanlian.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the configured organisations and roles Camunda groups and grants each role what it may do. Runs at
 * every start and only adds what is missing, so an administrator's later changes in Admin are kept.
 */
@Component
@Order(10)
public class IdentityBootstrap implements ApplicationRunner {

    /** Roles that work tasks in Tasklist. */
    static final Set<Role> TASK_WORKERS = EnumSet.of(Role.HANDLER, Role.HEAD, Role.LEGAL_REVIEWER,
            Role.BUREAU_OFFICER, Role.TRAFFIC_POLICE);

    private final OrganisationRepository organisations;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final OrganisationSettings settings;

    public IdentityBootstrap(OrganisationRepository organisations, IdentityService identityService,
            AuthorizationService authorizationService, OrganisationSettings settings) {
        this.organisations = organisations;
        this.settings = settings;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            if (role != Role.ADMINISTRATOR) {
                ensureGroup(role.groupId(), role.chineseName(), Role.GROUP_TYPE);
            }
        }
        for (Organisation organisation : organisations.findAllByOrderByCode()) {
            if (!settings.isConfigured(organisation.getCode())) {
                continue;
            }
            ensureGroup(organisation.getCode(), organisation.getName(), "organisation");
            for (Role role : dutiesOf(organisation.getKind())) {
                ensureGroup(role.dutyGroupId(organisation.getCode()), organisation.getName() + role.chineseName(),
                        Role.DUTY_GROUP_TYPE);
            }
        }
        // a city's reviewer and supervisor groups as configured, where they are not the legal office's duty groups
        settings.cities().forEach((cityTeam, city) -> {
            String cityName = settings.bodies().get(cityTeam).name();
            ensureGroup(city.legalReviewerGroup(), cityName + Role.LEGAL_REVIEWER.chineseName(), Role.DUTY_GROUP_TYPE);
            ensureGroup(city.supervisorGroup(), cityName + Role.LEGAL_SUPERVISOR.chineseName(), Role.DUTY_GROUP_TYPE);
        });
        grantRolePermissions();
    }

    /** The roles one kind of organisation has; each becomes a candidate group of that organisation. */
    public static List<Role> dutiesOf(OrganisationKind kind) {
        return switch (kind) {
            case ENFORCEMENT_CITY, ENFORCEMENT_DISTRICT, ENFORCEMENT_COUNTY -> List.of(Role.HANDLER, Role.HEAD);
            case LEGAL_OFFICE -> List.of(Role.LEGAL_REVIEWER, Role.LEGAL_SUPERVISOR);
            case INDUSTRY_MANAGEMENT -> List.of(Role.BUREAU_OFFICER, Role.HEAD);
            case PUBLIC_SECURITY -> List.of(Role.TRAFFIC_POLICE, Role.HEAD);
        };
    }

    private void grantRolePermissions() {
        for (Role role : TASK_WORKERS) {
            String group = role.groupId();
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            // Tasklist's assignee field looks the colleague up (GET /user?id=…, /user/{id}/profile) before it sends
            // anything: without READ on users it found nobody and said nothing. Who may be handed a task is still
            // the API guard's rule (a colleague of the same body who could work it).
            grant(group, Resources.USER, "*", Permissions.READ);
            // Tasklist names a task's candidate groups from the group records the task list embeds (HAL), which the
            // engine fills only with groups the reader may read: without READ an officer saw "qylegalLegalReviewer"
            // where "法制审核人员" was meant. The bodies and their duty groups are no secret within the network.
            grant(group, Resources.GROUP, "*", Permissions.READ);
        }

        // 法制监督: reads everything, changes nothing
        String supervisor = Role.LEGAL_SUPERVISOR.groupId();
        grant(supervisor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(supervisor, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(supervisor, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
        grant(supervisor, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grant(supervisor, Resources.TASK, "*", TaskPermissions.READ, TaskPermissions.READ_HISTORY);
        grant(supervisor, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(supervisor, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        grant(supervisor, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(supervisor, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(supervisor, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(supervisor, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
        grant(supervisor, Resources.GROUP, "*", Permissions.READ);

        // 流程分析员: deploys models, works no tasks
        String analyst = Role.ANALYST.groupId();
        grant(analyst, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(analyst, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
        grant(analyst, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(analyst, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                Permissions.CREATE_INSTANCE);
        grant(analyst, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    /**
     * Adds the permissions to the group's grant on that resource, creating the grant when there is none; a grant
     * that already holds them is left as it is. Other modules' start-up (supervision's filters) grant through it.
     */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
