package org.sanlian.supervision;

import org.sanlian.platform.ProcessActors;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Supervision's alarm for tasks nobody can work (issue 15): an open task with no assignee whose candidate groups
 * all lack a member. Such a task would wait until its legal deadline passed without anyone seeing it in
 * Tasklist; supervision lists it (GET /api/supervision/unstaffed-tasks) and writes each to the log, so an
 * administrator staffs the group or a head reassigns the task.
 */
@Service
class UnstaffedTasks {

    private static final Logger LOG = LoggerFactory.getLogger(UnstaffedTasks.class);
    private static final int PAGE = 500;

    private final TaskService tasks;
    private final IdentityService identities;

    public UnstaffedTasks(TaskService tasks, IdentityService identities) {
        this.tasks = tasks;
        this.identities = identities;
    }

    public record UnstaffedTask(String taskId, String name, String taskDefinitionKey, String processInstanceId,
            String processDefinitionId, List<String> candidateGroups, Date created, Date due) {
    }

    /** Every open, unassigned task whose candidate groups (if it has any and no candidate user) have no member. */
    public List<UnstaffedTask> find() {
        // nobody can see these tasks, by definition: the engine's per-user authorization would hide them here too
        return ProcessActors.withoutCaller(identities, this::findAll);
    }

    private List<UnstaffedTask> findAll() {
        Map<String, Boolean> staffed = new HashMap<>();
        List<UnstaffedTask> unstaffed = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().active().taskUnassigned().orderByTaskCreateTime().asc()
                    .orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                List<String> groups = new ArrayList<>();
                boolean candidateUser = false;
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                        if (link.getGroupId() != null) {
                            groups.add(link.getGroupId());
                        } else if (link.getUserId() != null) {
                            candidateUser = true;
                        }
                    }
                }
                if (!candidateUser && !groups.isEmpty()
                        && groups.stream().noneMatch(g -> staffed.computeIfAbsent(g, this::hasMember))) {
                    LOG.warn("无人可办的任务：{}（{}）候选组 {} 没有成员", task.getName(), task.getId(), groups);
                    unstaffed.add(new UnstaffedTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                            task.getProcessInstanceId(), task.getProcessDefinitionId(), groups, task.getCreateTime(),
                            task.getDueDate()));
                }
            }
            if (page.size() < PAGE) {
                return unstaffed;
            }
        }
    }

    private boolean hasMember(String groupId) {
        return identities.createUserQuery().memberOfGroup(groupId).count() > 0;
    }
}
