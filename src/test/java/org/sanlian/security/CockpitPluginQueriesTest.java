package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * operators.md "Who may do what through /engine-rest", note ⁴: the analyst never filters by a case's variable
 * values. Cockpit's own plugin API (/camunda/api/cockpit/plugin/base/…) takes the same {@code variables} filter on
 * its process-instance lists and counts — Cockpit's instance search — and on the called definitions of a model, so
 * the same rule holds there: a count of instances "where partyName = …" would tell whether a party has a case, one
 * guess at a time. The analyst has no READ_INSTANCE grant, but an analyst who belongs to a body (the demo's analyst
 * is of the city team, qycity) is in that body's group, which reads each of its running cases: a run of the whole
 * suite showed the analyst the city team's case in such a list, so the count by partyName was a real oracle there.
 */
@DisplayName("Cockpit's plugin API: the analyst's instance queries filter by no variable value")
class CockpitPluginQueriesTest extends BothEngineApis {

    private static final String PARTY = "驾驶舱插件查询测试乙";
    private static final String PLUGIN = "/camunda/api/cockpit/plugin/base/default";

    @Test
    @DisplayName("operators.md note ⁴: the analyst's Cockpit instance list and count by partyName (GET parameter, "
            + "POST body, called instances and definitions) → 403 naming `variables`; without the filter they still answer")
    void analystCannotSearchInstancesByValue() {
        ProcessInstance instance = filedCase(PARTY);
        WebappSession analyst = WebappSession.login(port, "analyst", DEMO_PASSWORD, "cockpit");
        String byParty = json(Map.of("processDefinitionId", instance.getProcessDefinitionId(),
                "variables", List.of(Map.of("name", "partyName", "operator", "eq", "value", PARTY))));

        assertRefusedNaming(analyst.send("POST", PLUGIN + "/process-instance/count", byParty, "application/json"));
        assertRefusedNaming(analyst.send("POST", PLUGIN + "/process-instance", byParty, "application/json"));
        assertRefusedNaming(analyst.send("POST", PLUGIN + "/process-instance/" + instance.getId()
                + "/called-process-instances", json(Map.of("variables",
                        List.of(Map.of("name", "partyName", "operator", "eq", "value", PARTY)))), "application/json"));
        assertRefusedNaming(analyst.send("POST", PLUGIN + "/process-definition/" + instance.getProcessDefinitionId()
                + "/called-process-definitions", json(Map.of("variables",
                        List.of(Map.of("name", "partyName", "operator", "eq", "value", PARTY)))), "application/json"));
        assertRefusedNaming(analyst.send("GET", PLUGIN + "/process-instance/count?processDefinitionId="
                + URLEncoder.encode(instance.getProcessDefinitionId(), StandardCharsets.UTF_8) + "&variables="
                + URLEncoder.encode("partyName_eq_" + PARTY, StandardCharsets.UTF_8), null, null));

        HttpResponse<String> plain = analyst.send("POST", PLUGIN + "/process-instance/count",
                json(Map.of("processDefinitionId", instance.getProcessDefinitionId())), "application/json");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("operators.md note ⁴: the demo's analyst is of the city team, whose group reads the team's running "
            + "cases — it sees the city's case in Cockpit's list, and the same count by partyName, which would tell the "
            + "party's name, is 403")
    void analystOfABodySeesItsCasesButCannotSearchThemByValue() {
        String party = PARTY + "市";
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可，擅自从事道路客运经营", "organisationCode", "qycity"));
        complete(lead, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));
        complete(lead, "decideFiling", Map.of("filingDecision", "file"));
        ProcessInstance cityCase = runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .variableValueEquals("partyName", party).singleResult();
        WebappSession analyst = WebappSession.login(port, "analyst", DEMO_PASSWORD, "cockpit");

        HttpResponse<String> list = analyst.send("POST", PLUGIN + "/process-instance",
                json(Map.of("processDefinitionId", cityCase.getProcessDefinitionId())), "application/json");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(parse(list.body()).findValuesAsText("id")).contains(cityCase.getId());
        assertRefusedNaming(analyst.send("POST", PLUGIN + "/process-instance/count", json(Map.of("processDefinitionId",
                cityCase.getProcessDefinitionId(), "variables",
                List.of(Map.of("name", "partyName", "operator", "eq", "value", party)))), "application/json"));
    }

    @Test
    @DisplayName("a legal supervisor, who reads the cases anyway, still searches Cockpit's instances by partyName")
    void supervisorStillSearchesByValue() {
        ProcessInstance instance = filedCase(PARTY + "丙");
        WebappSession supervisor = WebappSession.login(port, "citysupervisor", DEMO_PASSWORD, "cockpit");
        HttpResponse<String> answer = supervisor.send("POST", PLUGIN + "/process-instance/count",
                json(Map.of("processDefinitionId", instance.getProcessDefinitionId(), "variables",
                        List.of(Map.of("name", "partyName", "operator", "eq", "value", PARTY + "丙")))),
                "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(parse(answer.body()).path("count").asLong()).isEqualTo(1);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertRefusedNaming(HttpResponse<String> response) {
        Answer answer = new Answer(response.statusCode(), parse(response.body()));
        assertRefused(answer, 403);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("variables");
    }
}
