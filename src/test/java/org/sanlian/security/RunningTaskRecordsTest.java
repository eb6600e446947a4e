package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

/**
 * Tasklist's 添加备注 and its history tab: Camunda answers both from history, which officers may not read — every
 * officer's comment was answered 400 "No task found for task id …", and the history tab was empty. The officers of
 * the task's body now add and read comments and see who claimed or handed the task over, on both engine APIs; the
 * rest of the world still cannot.
 */
@DisplayName("Tasklist beside a running task: the officers who read it add and read its comments and see its history tab; others cannot, and bad comments are refused naming message")
class RunningTaskRecordsTest extends BothEngineApis {

    private String investigation(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("investigate")
                .singleResult().getId();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a handler of the body adds a comment — 𠮷 too — and a colleague lists it, as Tasklist asks for them")
    @EnumSource(Api.class)
    void officersCommentOnTheirTask(Api api) {
        String task = investigation(filedCase("备注测试甲" + api.ordinal()));
        Answer created = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/comment/create",
                Map.of("message", "已电话联系当事人吉𠮷，约定明日到队接受询问"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.body().path("message").asText()).isEqualTo("已电话联系当事人吉𠮷，约定明日到队接受询问");
        assertThat(created.body().path("userId").asText()).isEqualTo("xfhandler1");
        assertThat(created.body().path("taskId").asText()).isEqualTo(task);
        assertThat(created.body().path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
        assertThat(created.body().path("links").get(0).path("href").asText())
                .endsWith("/task/" + task + "/comment/" + created.body().path("id").asText());

        Answer listed = call(api, "xfhandler2", HttpMethod.GET, "/task/" + task + "/comment", null);
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("message")).containsExactly("已电话联系当事人吉𠮷，约定明日到队接受询问");
        assertThat(taskService.getTaskComments(task)).extracting(Comment::getUserId).containsExactly("xfhandler1");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("an empty, a non-text or a 2,001-character comment → 400 naming message; another body's handler → 403 to add, no list to read; nothing is stored")
    @EnumSource(Api.class)
    void badCommentsAndStrangersAreRefused(Api api) {
        String task = investigation(filedCase("备注测试乙" + api.ordinal()));
        String path = "/task/" + task + "/comment/create";
        for (Object message : new Object[] {"  ", 12345, "备".repeat(RunningTaskRecords.MAX_MESSAGE + 1)}) {
            Answer refused = call(api, "xfhandler1", HttpMethod.POST, path, Map.of("message", message));
            assertRefused(refused, 400);
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("message");
        }
        assertRefused(call(api, "xfhandler1", HttpMethod.POST, path, Map.of()), 400);
        assertRefused(call(api, "qchandler1", HttpMethod.POST, path, Map.of("message", "庆城县的备注")), 403);
        Answer stranger = call(api, "qchandler1", HttpMethod.GET, "/task/" + task + "/comment", null);
        assertThat(stranger.status()).as(stranger.body().toString()).isEqualTo(404);
        assertThat(taskService.getTaskComments(task)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the history tab: a colleague sees who claimed the task and to whom it was handed (Tasklist's count and page); another body's handler sees nothing")
    @EnumSource(Api.class)
    void officersSeeTheTasksHistory(Api api) {
        String task = investigation(filedCase("备注测试丙" + api.ordinal()));
        Answer claimed = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/claim", Map.of("userId", "xfhandler1"));
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(204);
        Answer handed = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/assignee", Map.of("userId", "xfhandler2"));
        assertThat(handed.status()).as(handed.body().toString()).isEqualTo(204);

        String query = "/history/user-operation?taskId=" + task + "&maxResults=50&firstResult=0";
        Answer page = call(api, "xfhandler2", HttpMethod.GET, query, null);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(page.body().findValuesAsText("operationType")).contains("Claim", "Assign");
        assertThat(page.body().findValuesAsText("userId")).containsOnly("xfhandler1");
        assertThat(page.body().findValuesAsText("newValue")).contains("xfhandler2");
        assertThat(page.body().get(0).path("timestamp").asText())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
        Answer count = call(api, "xfhandler2", HttpMethod.GET, "/history/user-operation/count?taskId=" + task, null);
        assertThat(count.body().path("count").asInt()).isEqualTo(page.body().size());

        Answer stranger = call(api, "qchandler1", HttpMethod.GET, query, null);
        assertThat(stranger.status()).as(stranger.body().toString()).isEqualTo(200);
        assertThat(stranger.body().size()).isZero();
    }
}
