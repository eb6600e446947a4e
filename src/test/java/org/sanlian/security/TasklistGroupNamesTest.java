package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tasklist names a task's candidate groups from the groups its task list embeds (HAL), and the engine embeds only the
 * groups the reader may read: an officer saw the raw id "xifengHandler" (or "qylegalLegalReviewer") above the task.
 */
@DisplayName("Tasklist: a task's candidate group is shown by its Chinese name to the officers and the supervisor")
class TasklistGroupNamesTest extends BothEngineApis {

    @Test
    @DisplayName("Tasklist's own call for the task it opens (the webapps' engine API, GET /task/{id} as HAL) embeds the candidate group with its name for xfhandler1 and citysupervisor")
    void candidateGroupsComeWithTheirNames() {
        ProcessInstance instance = filedCase("组名测试甲");
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        String expected = processEngine.getIdentityService().createGroupQuery().groupId("xifengHandler").singleResult()
                .getName();
        assertThat(expected).isNotBlank().isNotEqualTo("xifengHandler");
        for (String user : List.of("xfhandler1", "citysupervisor")) {
            HttpResponse<String> tasks = WebappSession.login(port, user, DEMO_PASSWORD, "tasklist").engine("GET",
                    "/task/" + task, null, "application/hal+json");
            assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
            // Tasklist's SDK nests each group of _embedded.group into the identity link that links to it
            JsonNode embedded = parse(tasks.body()).path("_embedded");
            List<String> linked = new ArrayList<>();
            for (JsonNode link : embedded.path("identityLink")) {
                if ("candidate".equals(link.path("type").asText())) {
                    linked.add(link.path("_links").path("group").path("href").asText());
                }
            }
            assertThat(linked).contains("/group/xifengHandler");
            List<String> names = new ArrayList<>();
            for (JsonNode group : embedded.path("group")) {
                if ("xifengHandler".equals(group.path("id").asText())) {
                    names.add(group.path("name").asText());
                }
            }
            assertThat(names).as(user + ": " + tasks.body()).containsExactly(expected);
        }
    }
}
