package org.sanlian.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Service;

/**
 * Opens one process instance to the body that holds it: the organisation's group may read the instance and
 * its variables (which Tasklist shows as the case number and party columns). Other bodies see nothing of
 * it; the city's legal supervisors read everything through their own grants.
 */
@Service
public class CaseAccess {

    private final AuthorizationService authorizationService;

    public CaseAccess(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /** Called from inside the process (a delegate): the grant is the process's doing, not the user's. */
    public void openTo(String processInstanceId, String organisationCode) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.runWithoutAuthorization(() -> {
                grantRead(processInstanceId, organisationCode);
                return null;
            });
        } else {
            grantRead(processInstanceId, organisationCode);
        }
    }

    /**
     * The groups asked to work a task of the case (a legal reviewer of the city team, say) may read the case
     * too — its case number, party and history — but nothing else of that body's work. Called from a task's
     * create event, inside the engine.
     */
    public void openToCandidates(String processInstanceId, Collection<String> groupIds) {
        CommandContext commandContext = Context.getCommandContext();
        commandContext.runWithoutAuthorization(() -> {
            for (String groupId : groupIds) {
                boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0
                        || grantedInThisCommand(processInstanceId, groupId);
                if (!granted) {
                    grantRead(processInstanceId, groupId);
                }
            }
            return null;
        });
    }

    /** Two tasks offered to one group in the same command: the first grant is not flushed yet, so no query sees it. */
    private static boolean grantedInThisCommand(String processInstanceId, String groupId) {
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
                .stream().anyMatch(a -> groupId.equals(a.getGroupId()) && processInstanceId.equals(a.getResourceId())
                        && a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType());
    }

    /**
     * Takes the instance away from a body that no longer holds it (移送管辖): the READ grants of the body and of
     * its duty groups on the instance go, so it does not follow the receiver's work. Called from inside a process,
     * like {@link #openTo}.
     */
    public void closeTo(String processInstanceId, String organisationCode) {
        String[] groups = Stream.concat(Stream.of(organisationCode),
                Arrays.stream(Role.values()).map(role -> role.dutyGroupId(organisationCode))).toArray(String[]::new);
        Runnable revoke = () -> authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groups)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.runWithoutAuthorization(() -> {
                revoke.run();
                return null;
            });
        } else {
            revoke.run();
        }
    }

    private void grantRead(String processInstanceId, String organisationCode) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(organisationCode);
        authorization.setResource(Resources.PROCESS_INSTANCE);
        authorization.setResourceId(processInstanceId);
        authorization.addPermission(ProcessInstancePermissions.READ);
        authorizationService.saveAuthorization(authorization);
    }
}
