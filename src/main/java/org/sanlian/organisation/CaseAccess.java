package org.sanlian.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
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
                // a grant made earlier in this same command (parallel tasks for one group) is not in the
                // database yet, only in the command's entity cache
                boolean grantedNow = commandContext.getDbEntityManager()
                        .getCachedEntitiesByType(AuthorizationEntity.class).stream()
                        .anyMatch(a -> groupId.equals(a.getGroupId()) && processInstanceId.equals(a.getResourceId())
                                && a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType());
                boolean granted = grantedNow || authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
                if (!granted) {
                    grantRead(processInstanceId, groupId);
                }
            }
            return null;
        });
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
