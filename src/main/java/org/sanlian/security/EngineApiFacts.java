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
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.DelegationState;
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
    private static final List<Role> WORKING_ROLES = List.of(Role.HANDLER, Role.HEAD, Role.LEGAL_REVIEWER,
            Role.BUREAU_OFFICER, Role.TRAFFIC_POLICE);

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
                        && (caller.userId().equals(link.getUserId()) || inGroup(caller.groups(), link))) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * The user could work the task (operators.md "Who may do what"): a candidate user, a member of a candidate
     * group, or — for a task the model gives to one person ({@code camunda:assignee}) — that person. Being its
     * assignee or owner is not enough: a colleague may have handed it to someone whose role works no such task
     * (a legal supervisor given a 法制审核). A task that does not exist passes, so the engine answers 404 as usual.
     */
    boolean canWork(String taskId, String userId, Set<String> groups) {
        return execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return true;
            }
            for (IdentityLinkEntity link : task.getIdentityLinks()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (userId.equals(link.getUserId()) || inGroup(groups, link))) {
                    return true;
                }
            }
            return userId.equals(modelledAssignee(task));
        });
    }

    /** The same for another user than the caller, whose groups the caller may not be allowed to read. */
    boolean canWork(String taskId, String userId) {
        return canWork(taskId, userId, groupsOf(userId));
    }

    /**
     * The task is delegated (delegation state PENDING) and the user is its delegatee, who may hand it back. A task
     * that does not exist passes, so the engine answers 404 as usual.
     */
    boolean isDelegatedTo(String taskId, String userId) {
        return execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null || (task.getDelegationState() == DelegationState.PENDING
                    && userId.equals(task.getAssignee()));
        });
    }

    /**
     * The link names one of the groups. A link to a candidate user has no group, and the caller's groups are an
     * immutable set, whose {@code contains(null)} throws: every claim, submit or comment of an outsider on a task with
     * candidate users (联合抽查's 联合检查, offered to the drawn inspectors by name) was a 500.
     */
    private static boolean inGroup(Set<String> groups, IdentityLinkEntity link) {
        return link.getGroupId() != null && groups.contains(link.getGroupId());
    }

    /** The one person the model names ({@code camunda:assignee="${hearingPresider}"}), or null. */
    private static String modelledAssignee(TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        Expression assignee = definition == null ? null : definition.getAssigneeExpression();
        if (assignee == null) {
            return null;
        }
        try {
            Object value = assignee.getValue(task);
            return value == null ? null : value.toString();
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    private Set<String> groupsOf(String userId) {
        return execute(context -> context.runWithoutAuthorization(() -> Set.copyOf(identity().createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).toList())));
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

    /**
     * The group is a duty group of one of the caller's organisations for a role that works tasks (e.g.
     * xifengHandler, xifengHead) — not the organisation's own group nor its supervisors', analysts' or
     * administrators' duty group, whose members would then be candidates of a task they may not work.
     */
    boolean isGroupOfBody(String groupId, EngineApiGuard.Caller caller) {
        for (String organisation : organisationsOf(caller)) {
            for (Role role : WORKING_ROLES) {
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
