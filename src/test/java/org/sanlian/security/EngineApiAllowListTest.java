package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every /engine-rest resource family, called as each role: the allow-list (EngineApiAccess, docs/operators.md "Who may do
 * what through /engine-rest") lets through exactly the expected set. "Let through" means the guard did not refuse
 * it; the engine may still answer 404 or its own 403 — the ids here do not exist, so nothing changes.
 */
@DisplayName("issue 11: /engine-rest is deny-by-default, with an allow-list per role")
class EngineApiAllowListTest extends SanlianSpringTest {

    /** W task workers (xfhandler1, bureau1, police1), S legal supervisor, A analyst; the administrator may do all. */
    static Stream<Arguments> calls() {
        List<Arguments> rows = new ArrayList<>();
        row(rows, "GET /engine", "WSA");
        row(rows, "GET /version", "WSA");
        row(rows, "OPTIONS /filter", "WSA");
        // tasks
        row(rows, "GET /task", "WSA");
        row(rows, "POST /task/count", "WSA");
        row(rows, "GET /task/no-such-task", "WS");
        row(rows, "GET /task/no-such-task/variables", "WS");
        row(rows, "GET /task/no-such-task/form-variables", "WS");
        row(rows, "GET /task/no-such-task/form", "WS");
        row(rows, "POST /task/no-such-task/claim {\"userId\":\"$USER\"}", "WS");
        row(rows, "POST /task/no-such-task/unclaim", "WS");
        row(rows, "POST /task/no-such-task/complete {}", "WS");
        row(rows, "POST /task/no-such-task/submit-form {}", "WS");
        row(rows, "POST /task/no-such-task/comment/create {\"message\":\"x\"}", "WS");
        row(rows, "POST /task/no-such-task/assignee {\"userId\":\"$USER\"}", "W");
        row(rows, "POST /task/no-such-task/delegate {\"userId\":\"$USER\"}", "W");
        row(rows, "POST /task/no-such-task/bpmnError {\"errorCode\":\"x\"}", "");
        row(rows, "POST /task/no-such-task/bpmnEscalation {\"escalationCode\":\"x\"}", "");
        row(rows, "PUT /task/no-such-task/variables/x {\"value\":1}", "");
        row(rows, "POST /task/no-such-task/variables {}", "");
        row(rows, "PUT /task/no-such-task/localVariables/x {\"value\":1}", "");
        row(rows, "PUT /task/no-such-task {}", "");
        row(rows, "DELETE /task/no-such-task", "");
        row(rows, "POST /task/create {}", "");
        // workers reach it as GET /task/{id}/**; the engine refuses them (no READ on all tasks)
        row(rows, "GET /task/report/candidate-group-count", "WSA");
        // filters (Tasklist's lists)
        row(rows, "GET /filter", "WS");
        row(rows, "POST /filter/no-such-filter/list {}", "WS");
        row(rows, "POST /filter/create {}", "");
        // process definitions, start forms, deployments, decisions
        row(rows, "GET /process-definition", "WSA");
        row(rows, "GET /process-definition/key/leadIntake/xml", "WSA");
        row(rows, "GET /process-definition/key/leadIntake/deployed-start-form", "WSA");
        row(rows, "POST /process-definition/key/noSuchProcess/submit-form {}", "W");
        row(rows, "POST /process-definition/key/noSuchProcess/start {}", "");
        row(rows, "POST /process-definition/no-such-id/suspended {}", "");
        row(rows, "DELETE /process-definition/no-such-id", "");
        row(rows, "GET /deployment", "WSA");
        row(rows, "POST /deployment/create {}", "A");
        row(rows, "DELETE /deployment/no-such-deployment", "A");
        row(rows, "DELETE /deployment/no-such-deployment?cascade=true", "");
        row(rows, "GET /decision-definition", "WSA");
        row(rows, "POST /decision-definition/key/noSuchDecision/evaluate {}", "A");
        row(rows, "GET /decision-requirements-definition", "WSA");
        // cases: instances, executions, variables
        row(rows, "GET /process-instance", "WSA");
        row(rows, "POST /process-instance {}", "WSA");
        row(rows, "GET /process-instance/no-such-instance", "WS");
        row(rows, "GET /process-instance/no-such-instance/variables", "WS");
        row(rows, "GET /process-instance/no-such-instance/activity-instances", "WS");
        row(rows, "PUT /process-instance/no-such-instance/variables/x {\"value\":1}", "");
        row(rows, "POST /process-instance/no-such-instance/modification {}", "");
        row(rows, "DELETE /process-instance/no-such-instance", "");
        row(rows, "POST /process-instance/delete {}", "");
        row(rows, "POST /process-instance/suspended-async {}", "");
        row(rows, "GET /execution", "WS");
        row(rows, "PUT /execution/no-such-execution/localVariables/x {\"value\":1}", "");
        row(rows, "POST /execution/no-such-execution/signal {}", "");
        row(rows, "GET /variable-instance", "WS");
        row(rows, "GET /variable-instance/no-such-variable/data", "WS");
        // history
        row(rows, "GET /history/process-instance", "WSA");
        row(rows, "GET /history/process-instance/count", "WSA");
        row(rows, "GET /history/process-instance/report?reportType=duration&periodUnit=month", "WSA");
        row(rows, "GET /history/activity-instance", "WSA");
        row(rows, "GET /history/task", "WSA");
        row(rows, "GET /history/task/report?reportType=count&groupBy=processDefinition", "WSA");
        row(rows, "GET /history/variable-instance", "WS");
        row(rows, "POST /history/variable-instance {}", "WS");
        row(rows, "GET /history/detail", "WS");
        row(rows, "GET /history/decision-instance", "WS");
        row(rows, "GET /history/decision-instance/count", "WSA");
        row(rows, "GET /history/user-operation", "WSA");
        row(rows, "POST /history/process-instance/delete {}", "");
        row(rows, "DELETE /history/process-instance/no-such-instance", "");
        row(rows, "POST /history/cleanup", "");
        // identity: names for everyone, changes for the administrator
        row(rows, "GET /identity/groups?userId=$USER", "WSA");
        row(rows, "GET /user", "WSA");
        row(rows, "GET /user/xfhandler2/profile", "WSA");
        row(rows, "PUT /user/xfhandler2/profile {}", "");
        row(rows, "POST /user/create {}", "");
        row(rows, "DELETE /user/no-such-user", "");
        row(rows, "GET /group", "WSA");
        row(rows, "POST /group/create {}", "");
        row(rows, "PUT /group/no-such-group/members/xfhandler1", "");
        row(rows, "GET /tenant", "WSA");
        row(rows, "GET /authorization", "WSA");
        row(rows, "POST /authorization/create {}", "");
        // operations: jobs, incidents, messages, signals, batches, external tasks, migration
        row(rows, "GET /job", "SA");
        row(rows, "PUT /job/no-such-job/retries {\"retries\":1}", "");
        row(rows, "POST /job/no-such-job/execute", "");
        row(rows, "GET /job-definition", "SA");
        row(rows, "GET /incident", "SA");
        row(rows, "PUT /incident/no-such-incident/annotation {}", "");
        row(rows, "POST /message {\"messageName\":\"noSuchMessage\"}", "");
        row(rows, "POST /signal {\"name\":\"noSuchSignal\"}", "");
        row(rows, "POST /condition {}", "");
        row(rows, "GET /batch", "S");
        row(rows, "GET /external-task", "SA");
        row(rows, "POST /external-task/fetchAndLock {\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[]}", "");
        row(rows, "POST /migration/execute {}", "");
        row(rows, "POST /modification/execute {}", "");
        row(rows, "GET /event-subscription", "SA");
        row(rows, "GET /metrics", "SA");
        row(rows, "GET /telemetry/data", "");
        row(rows, "GET /schema/log", "");
        return rows.stream();
    }

    private static final List<String> WORKERS = List.of("xfhandler1", "bureau1", "police1");

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("calls")
    @DisplayName("each call is let through for exactly the roles of the allow-list, and always for the administrator")
    void allowListPerRole(String call, String allowed) {
        for (String worker : WORKERS) {
            assertLetThrough(worker, call, allowed.contains("W"));
        }
        assertLetThrough("citysupervisor", call, allowed.contains("S"));
        assertLetThrough("analyst", call, allowed.contains("A"));
        if (Set.of("GET").contains(call.substring(0, call.indexOf(' ')))) {
            assertLetThrough("admin", call, true);
        }
    }

    private void assertLetThrough(String user, String call, boolean expected) {
        String[] parts = call.replace("$USER", user).split(" ", 3);
        ResponseEntity<String> response = call(user, HttpMethod.valueOf(parts[0]), "/engine-rest" + parts[1],
                parts.length > 2 ? parts[2] : null);
        boolean refusedByAllowList = response.getStatusCode().value() == 403
                && "allow-list".equals(body(response).path("deniedBy").asText());
        assertThat(!refusedByAllowList).as(user + " " + call + " → " + response.getStatusCode() + " "
                + response.getBody()).isEqualTo(expected);
        assertThat(response.getStatusCode().is5xxServerError()).as(user + " " + call + " → " + response.getBody())
                .isFalse();
    }

    private static JsonNode body(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody() == null ? "{}" : response.getBody());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static void row(List<Arguments> rows, String call, String allowed) {
        rows.add(Arguments.of(call, allowed));
    }
}
