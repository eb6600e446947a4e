package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

/**
 * 联合抽查's 联合检查 tasks are offered to their candidate groups and, by name, to the inspectors drawn for the visit
 * (JointInspectionTaskListeners adds them as candidate users). The guard's look at such a task asked the caller's
 * groups — an immutable set — whether they held the candidate user's link's group, which is null, and Set.contains
 * (null) threw: every claim, submit, comment or unclaim by anyone outside the task (qchandler1, police1, the city
 * supervisor) was a 500 instead of a 403. Found by attacking a 联合检查 task of 西峰大队 and 西峰区道路运输管理局 as
 * qchandler1 and police1. The same task, with a candidate user added as the listener adds the inspectors, here.
 */
@DisplayName("a task with candidate users (联合抽查's 联合检查: the drawn inspectors): an outsider's claim, submit, comment and unclaim are 403, not 500; its workers still work it")
class CandidateUserTasksTest extends BothEngineApis {

    @ParameterizedTest(name = "{0}")
    @DisplayName("qchandler1, police1 and citysupervisor on 西峰大队's task offered to xifengHandler and to xfhandler2 by name: 403 on both APIs; xfhandler2 claims it")
    @EnumSource(Api.class)
    void outsidersAreRefusedNotAnError(Api api) {
        String instance = registerLead("xfhandler1", "候选人任务测试" + api.ordinal(), null).path("id").asText();
        String task = taskIdOf("xfhandler1", instance);
        taskService.addCandidateUser(task, "xfhandler2");
        for (String outsider : new String[] {"qchandler1", "police1", "citysupervisor"}) {
            assertRefused(call(api, outsider, HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", outsider)),
                    403);
            assertRefused(call(api, outsider, HttpMethod.POST, "/task/" + task + "/submit-form",
                    Map.of("variables", Map.of("verificationFindings", Map.of("value", "核查属实", "type", "String")))),
                    403);
            assertRefused(call(api, outsider, HttpMethod.POST, "/task/" + task + "/comment/create",
                    Map.of("message", "备注")), 403);
            assertRefused(call(api, outsider, HttpMethod.POST, "/task/" + task + "/unclaim", Map.of()), 403);
        }
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(taskService.getTaskComments(task)).isEmpty();

        Answer claimed = call(api, "xfhandler2", HttpMethod.POST, "/task/" + task + "/claim",
                Map.of("userId", "xfhandler2"));
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("xfhandler2");
    }
}
