package org.sanlian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.organisation.Organisations;
import org.sanlian.organisation.Role;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

@DisplayName("tasks nobody can work: demo staff for every body, and supervision's alarm (domain.md §9, issue 15)")
class UnstaffedTasksTest extends SanlianSpringTest {

    @Autowired
    private Organisations organisations;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private TaskService taskService;

    @Test
    @DisplayName("domain.md §9: every enforcement body (city team, Xifeng brigade, the seven county teams) has a head and at least one handler in the demo data")
    void everyBodyIsStaffed() {
        List<String> empty = new ArrayList<>();
        organisations.configured().stream()
                .filter(o -> o.getKind().name().startsWith("ENFORCEMENT_"))
                .forEach(o -> {
                    for (Role role : List.of(Role.HEAD, Role.HANDLER)) {
                        String group = role.dutyGroupId(o.getCode());
                        if (identityService.createUserQuery().memberOfGroup(group).count() == 0) {
                            empty.add(group);
                        }
                    }
                });
        assertThat(organisations.configured().stream().filter(o -> o.getKind().name().startsWith("ENFORCEMENT_")))
                .hasSize(9);
        assertThat(empty).isEmpty();
    }

    @Test
    @DisplayName("an open task whose candidate group has no member is listed to the legal supervisor, with its group; once the group has a member it is not")
    void alarmForTaskNobodyCanWork() {
        identityService.saveGroup(identityService.newGroup("emptyTestGroup"));
        Task task = taskService.newTask();
        task.setName("无人可办的测试任务");
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "emptyTestGroup");
        try {
            JsonNode listed = find(task.getId());
            assertThat(listed).isNotNull();
            assertThat(listed.path("candidateGroups").get(0).asText()).isEqualTo("emptyTestGroup");
            assertThat(get("xfhandler1", "/api/supervision/unstaffed-tasks").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);

            identityService.createMembership("xfhandler2", "emptyTestGroup");
            assertThat(find(task.getId())).isNull();
        } finally {
            taskService.deleteTask(task.getId(), true);
            identityService.deleteGroup("emptyTestGroup");
        }
    }

    private JsonNode find(String taskId) {
        for (JsonNode item : json(get("citysupervisor", "/api/supervision/unstaffed-tasks"))) {
            if (taskId.equals(item.path("taskId").asText())) {
                return item;
            }
        }
        return null;
    }
}
