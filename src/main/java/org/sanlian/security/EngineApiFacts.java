package org.sanlian.security;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.sanlian.organisation.Role;
import org.springframework.stereotype.Component;

/**
 * What {@link EngineApiGuard} needs to know about a task and about people, read without the caller's engine
 * authorizations (the caller may not be allowed to read a colleague's groups).
 */
@Component
class EngineApiFacts {

    static final String ORGANISATION_GROUP_TYPE = "organisation";

    private final ProcessEngine engine;

    public EngineApiFacts(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * The task is offered to the caller: assignee, owner, candidate user, or a member of a candidate group. A task
     * that does not exist passes, so the engine answers 404 as usual.
     */
    boolean isOwnTask(String taskId, EngineApiGuard.Caller caller) {
        return execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return true;
            }
            if (caller.userId().equals(task.getAssignee()) || caller.userId().equals(task.getOwner())) {
                return true;
            }
            for (IdentityLinkEntity link : task.getIdentityLinks()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (caller.userId().equals(link.getUserId()) || caller.groups().contains(link.getGroupId()))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The user is the caller, or belongs to one of the caller's organisations. */
    boolean isColleague(String userId, EngineApiGuard.Caller caller) {
        if (userId.equals(caller.userId())) {
            return true;
        }
        Set<String> callerBodies = organisationsOf(caller);
        return execute(context -> context.runWithoutAuthorization(() -> identity().createGroupQuery()
                .groupMember(userId).groupType(ORGANISATION_GROUP_TYPE).list().stream()
                .map(Group::getId).anyMatch(callerBodies::contains)));
    }

    /** The group is one of the caller's organisations or a duty group of one (e.g. xifeng, xifengHandler). */
    boolean isGroupOfBody(String groupId, EngineApiGuard.Caller caller) {
        for (String organisation : organisationsOf(caller)) {
            if (groupId.equals(organisation)) {
                return true;
            }
            for (Role role : Role.values()) {
                if (groupId.equals(role.dutyGroupId(organisation))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> organisationsOf(EngineApiGuard.Caller caller) {
        if (caller.groups().isEmpty()) {
            return Set.of();
        }
        List<Group> groups = execute(context -> context.runWithoutAuthorization(() -> identity().createGroupQuery()
                .groupIdIn(caller.groups().toArray(String[]::new)).groupType(ORGANISATION_GROUP_TYPE).list()));
        return Set.copyOf(groups.stream().map(Group::getId).toList());
    }

    private IdentityService identity() {
        return engine.getIdentityService();
    }

    private <T> T execute(Function<CommandContext, T> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(work::apply);
    }
}
