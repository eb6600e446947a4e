package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

/**
 * operators.md "Who may do what through /engine-rest": the analyst never reads a case's variable values (personal
 * data). A query filtered or sorted by a value would answer whether a case holds it — a party's name found one
 * guess at a time — so the analyst's lists and counts take no variable filter, on GET parameters and POST bodies
 * alike, through both engine APIs; without one they still work, and those who read the cases may still filter.
 */
@DisplayName("The analyst's history and case queries filter and sort by no variable value")
class AnalystQueryFiltersTest extends BothEngineApis {

    private static final String PARTY = "分析员查询测试甲";
    private static final List<Map<String, Object>> BY_PARTY =
            List.of(Map.of("name", "partyName", "operator", "eq", "value", PARTY));

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (the analyst never reads a case's values): history and runtime queries by partyName — "
            + "variables, processVariables, taskVariables, in orQueries, sorting by a variable — → 403 naming the parameter")
    @EnumSource(Api.class)
    void analystCannotFilterByVariableValues(Api api) {
        filedCase(PARTY);
        String byParty = URLEncoder.encode("partyName_eq_" + PARTY, StandardCharsets.UTF_8);

        assertRefusedNaming(call(api, "analyst", HttpMethod.GET, "/history/process-instance?variables=" + byParty, null),
                "variables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.GET, "/history/process-instance/count?variables=" + byParty,
                null), "variables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/history/process-instance",
                Map.of("variables", BY_PARTY)), "variables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/history/process-instance/count",
                Map.of("variables", BY_PARTY)), "variables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/history/task", Map.of("processVariables", BY_PARTY)),
                "processVariables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/history/task/count", Map.of("taskVariables", BY_PARTY)),
                "taskVariables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.GET, "/history/task?processVariables=" + byParty, null),
                "processVariables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.GET, "/process-instance/count?variables=" + byParty, null),
                "variables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/task/count",
                Map.of("orQueries", List.of(Map.of("processVariables", BY_PARTY)))), "processVariables");
        assertRefusedNaming(call(api, "analyst", HttpMethod.POST, "/task", Map.of("sorting", List.of(Map.of("sortBy",
                "processVariable", "sortOrder", "asc", "parameters", Map.of("variable", "partyName", "type", "String"))))),
                "sorting");
        assertRefused(call(api, "analyst", HttpMethod.GET, "/history/variable-instance?variableValues=" + byParty, null),
                403);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (analysts: history lists, counts and reports without values): the analyst's plain lists "
            + "and counts still answer; a handler, who reads the case, may still filter by partyName")
    @EnumSource(Api.class)
    void plainListsAndCountsStillWork(Api api) {
        filedCase(PARTY);
        for (Answer answer : List.of(
                call(api, "analyst", HttpMethod.GET, "/history/process-instance?processDefinitionKey=generalProcedure", null),
                call(api, "analyst", HttpMethod.GET, "/history/process-instance/count", null),
                call(api, "analyst", HttpMethod.POST, "/history/process-instance/count", Map.of("variables", List.of())),
                call(api, "analyst", HttpMethod.POST, "/history/task/count",
                        Map.of("processDefinitionKey", "generalProcedure")),
                call(api, "analyst", HttpMethod.GET, "/task/count", null))) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        }
        Answer handler = call(api, "xfhandler1", HttpMethod.POST, "/history/process-instance/count",
                Map.of("variables", BY_PARTY));
        assertThat(handler.status()).as(handler.body().toString()).isEqualTo(200);
    }

    private static void assertRefusedNaming(Answer answer, String parameter) {
        assertRefused(answer, 403);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly(parameter);
    }
}
