package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

/**
 * operators.md "Who may do what through /engine-rest": a case's variables change only through a form's complete or
 * submit, and a task is worked only by those it is offered to (its candidate users and the members of its candidate
 * groups) — whoever a colleague hands it to. Tried through both engine APIs; each refusal leaves the task and the
 * case's variables exactly as they were.
 */
@DisplayName("Only a task's workers work it; resolve only hands a delegated task back, without variables")
class TaskWorkersTest extends BothEngineApis {

    private static final Map<String, Object> TAMPERED_REPORT = Map.of("variables", Map.of(
            "proposedFine", Map.of("value", 1, "type", "Long"), "facts", Map.of("value", "篡改的事实")));

    record Snapshot(String assignee, String owner, DelegationState delegation, Map<String, Object> variables) {
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Tasklist's assignee field (operators.md, hand a task to a colleague): xfhandler1 finds xfhandler2 by id and reads his profile, then hands him the claimed 案件调查报告 — before, the lookup found nobody and nothing was sent")
    @EnumSource(Api.class)
    void theAssigneeFieldFindsAColleague(Api api) {
        Answer found = call(api, "xfhandler1", HttpMethod.GET, "/user?maxResults=1&id=xfhandler2", null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().findValuesAsText("id")).containsExactly("xfhandler2");
        Answer profile = call(api, "xfhandler1", HttpMethod.GET, "/user/xfhandler2/profile", null);
        assertThat(profile.status()).as(profile.body().toString()).isEqualTo(200);
        ProcessInstance instance = investigated("办理人字段测试丙");
        String task = taskId(instance, "investigationReport");
        assertThat(call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "xfhandler1"))
                .status()).isEqualTo(204);
        Answer handed = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/assignee",
                Map.of("userId", "xfhandler2"));
        assertThat(handed.status()).as(handed.body().toString()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (case variables change only through a form's complete/submit): resolve of an undelegated "
            + "调查终结报告 with proposedFine and facts → 403, the case's variables unchanged")
    @EnumSource(Api.class)
    void resolveOfAnUndelegatedTaskIsRefused(Api api) {
        ProcessInstance instance = investigated("交还篡改测试甲");
        String task = taskId(instance, "investigationReport");
        Snapshot before = snapshot(instance, task);

        Answer answer = call(api, "xfhandler2", HttpMethod.POST, "/task/" + task + "/resolve", TAMPERED_REPORT);

        assertRefused(answer, 403);
        assertThat(answer.body().path("detail").asText()).contains("未委托给您");
        assertThat(snapshot(instance, task)).isEqualTo(before);
        assertThat(instance).isWaitingAt("investigationReport");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (delegation within the body): the delegatee hands 调查终结报告 back — with variables → 400 "
            + "naming each, nothing changed; without → 204 and the task is back with its owner, who completes it by form")
    @EnumSource(Api.class)
    void theDelegateeHandsBackWithoutVariables(Api api) {
        ProcessInstance instance = investigated("委托交还测试乙");
        String task = taskId(instance, "investigationReport");
        Answer claimed = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "xfhandler1"));
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(204);
        Answer delegated = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/delegate",
                Map.of("userId", "xfhandler2"));
        assertThat(delegated.status()).as(delegated.body().toString()).isEqualTo(204);
        Snapshot before = snapshot(instance, task);
        assertThat(before.delegation()).isEqualTo(DelegationState.PENDING);

        Answer withValues = call(api, "xfhandler2", HttpMethod.POST, "/task/" + task + "/resolve", TAMPERED_REPORT);
        assertRefused(withValues, 400);
        assertThat(withValues.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("proposedFine",
                "facts");
        assertThat(snapshot(instance, task)).isEqualTo(before);
        assertRefused(call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/resolve", Map.of()), 403);

        Answer handedBack = call(api, "xfhandler2", HttpMethod.POST, "/task/" + task + "/resolve", Map.of());
        assertThat(handedBack.status()).as(handedBack.body().toString()).isEqualTo(204);
        Snapshot after = snapshot(instance, task);
        assertThat(after.assignee()).isEqualTo("xfhandler1");
        assertThat(after.delegation()).isEqualTo(DelegationState.RESOLVED);
        assertThat(after.variables()).isEqualTo(before.variables());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (legal supervisors: no complete except 超期督办): cityreviewer cannot hand 法制审核 to "
            + "citysupervisor of the same body — assignee, delegate, claim, candidate user or the supervisors' group → 403")
    @EnumSource(Api.class)
    void legalReviewIsNotHandedToASupervisor(Api api) {
        ProcessInstance instance = atLegalReview("法制审核移交测试丙");
        String task = "/task/" + taskId(instance, "legalReview");
        Snapshot before = snapshot(instance, taskId(instance, "legalReview"));

        assertRefused(call(api, "cityreviewer", HttpMethod.POST, task + "/assignee", Map.of("userId", "citysupervisor")), 403);
        assertRefused(call(api, "cityreviewer", HttpMethod.POST, task + "/claim", Map.of("userId", "citysupervisor")), 403);
        assertRefused(call(api, "cityreviewer", HttpMethod.POST, task + "/identity-links",
                Map.of("userId", "citysupervisor", "type", "candidate")), 403);
        assertRefused(call(api, "cityreviewer", HttpMethod.POST, task + "/identity-links",
                Map.of("groupId", "qylegalSupervisor", "type", "candidate")), 403);
        assertRefused(call(api, "cityreviewer", HttpMethod.POST, task + "/identity-links",
                Map.of("groupId", "qylegal", "type", "candidate")), 403);
        Answer claimed = call(api, "cityreviewer", HttpMethod.POST, task + "/claim", Map.of("userId", "cityreviewer"));
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(204);
        assertRefused(call(api, "cityreviewer", HttpMethod.POST, task + "/delegate", Map.of("userId", "citysupervisor")), 403);

        Snapshot after = snapshot(instance, taskId(instance, "legalReview"));
        assertThat(after.assignee()).isEqualTo("cityreviewer");
        assertThat(after.variables()).isEqualTo(before.variables());
        assertThat(taskService.getIdentityLinksForTask(taskId(instance, "legalReview"))).noneMatch(link ->
                "citysupervisor".equals(link.getUserId()) || "qylegalSupervisor".equals(link.getGroupId())
                        || "qylegal".equals(link.getGroupId()));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (legal supervisors: no complete except 超期督办): citysupervisor as assignee of 法制审核 "
            + "(however it came about) cannot submit or complete it → 403, the case still waits in 法制审核; cityreviewer can")
    @EnumSource(Api.class)
    void aSupervisorAssignedALegalReviewCannotComplete(Api api) {
        ProcessInstance instance = atLegalReview("法制审核完成测试丁");
        String id = taskId(instance, "legalReview");
        taskService.setAssignee(id, "citysupervisor");
        Map<String, Object> approve = variables(Map.of("reviewOpinion", "approve"));

        assertRefused(call(api, "citysupervisor", HttpMethod.POST, "/task/" + id + "/submit-form", approve), 403);
        assertRefused(call(api, "citysupervisor", HttpMethod.POST, "/task/" + id + "/complete", approve), 403);
        assertThat(instance).isWaitingAt("legalReview");

        Answer reviewed = call(api, "cityreviewer", HttpMethod.POST, "/task/" + id + "/submit-form", approve);
        assertThat(reviewed.status()).as(reviewed.body().toString()).isIn(200, 204);
        assertThat(instance).hasPassed("legalReview");
    }

    private Snapshot snapshot(ProcessInstance instance, String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return new Snapshot(task.getAssignee(), task.getOwner(), task.getDelegationState(),
                new HashMap<>(runtimeService.getVariables(instance.getId())));
    }
}
