package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

/**
 * operators.md "Who may do what through /engine-rest", note ²: a submit carries its form's fields and nothing else —
 * its values are the case record, so none of them is transient — and a process is started only through its start
 * form; one without a start form is started by the system. Tried through both engine APIs: 4xx Problem Details,
 * never a 5xx, and nothing changes.
 */
@DisplayName("A form's values are stored: no transient value; no start by form of a process without one")
class FormSubmitLimitsTest extends BothEngineApis {

    private static final Map<String, Object> TRANSIENT_FINDINGS = Map.of("value", "询问当事人，制作询问笔录", "type",
            "String", "valueInfo", Map.of("transient", true));

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md note ² (a form's values are the case record): 调查取证 submit-form or complete with "
            + "investigationFindings marked transient → 400 naming investigationFindings, not 500; the case still waits")
    @EnumSource(Api.class)
    void transientValueInATaskSubmitIsRefused(Api api) {
        ProcessInstance instance = filedCase("临时变量测试甲");
        String task = taskId(instance, "investigate");
        Map<String, Object> before = new HashMap<>(runtimeService.getVariables(instance.getId()));
        Map<String, Object> body = Map.of("variables", Map.of("investigator1", Map.of("value", "xfhandler1"),
                "investigator2", Map.of("value", "xfhandler2"), "investigationFindings", TRANSIENT_FINDINGS));

        for (String action : new String[] {"/submit-form", "/complete"}) {
            Answer answer = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + action, body);
            assertRefused(answer, 400);
            assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("investigationFindings");
        }
        assertThat(instance).isWaitingAt("investigate");
        assertThat(runtimeService.getVariables(instance.getId())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md note ²: registering a lead (leadIntake's start form) with partyName marked transient → "
            + "400 naming partyName, no lead started")
    @EnumSource(Api.class)
    void transientValueInAStartSubmitIsRefused(Api api) {
        long leads = runtimeService.createProcessInstanceQuery().processDefinitionKey("leadIntake").count();
        Map<String, Object> body = Map.of("variables", Map.of("source", Map.of("value", "INSPECTION"),
                "partyName", Map.of("value", "临时变量测试乙", "type", "String", "valueInfo", Map.of("transient", true)),
                "summary", Map.of("value", "现场检查发现未取得道路运输经营许可从事客运经营")));

        Answer answer = call(api, "xfhandler1", HttpMethod.POST, "/process-definition/key/leadIntake/submit-form", body);

        assertRefused(answer, 400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("partyName");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("leadIntake").count()).isEqualTo(leads);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md (a process is started only through its start form): 移送管辖 and 协查 have none — "
            + "qchandler1's submit-form → 403 saying the system starts them, nothing started")
    @EnumSource(Api.class)
    void aProcessWithoutAStartFormIsStartedByTheSystem(Api api) {
        for (String key : new String[] {"caseTransfer", "assistanceRequest"}) {
            long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
            Answer answer = call(api, "qchandler1", HttpMethod.POST, "/process-definition/key/" + key + "/submit-form",
                    Map.of("variables", Map.of()));
            assertRefused(answer, 403);
            assertThat(answer.body().path("detail").asText()).contains("由系统发起");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isEqualTo(running);
        }
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("operators.md note ² (only what the form shows): 案件调查报告 with 不予处罚 and a proposedFine of 20,000 — "
            + "a field the form hides under that choice, which Tasklist never sends — → 400 naming proposedFine; "
            + "the case still waits and holds no fine")
    @EnumSource(Api.class)
    void aFieldTheFormHidesTakesNoValue(Api api) {
        ProcessInstance instance = investigated("隐藏字段测试甲");
        String task = taskId(instance, "investigationReport");
        Map<String, Object> body = Map.of("variables", Map.of(
                "facts", Map.of("value", "当事人驾驶车辆载客收费"),
                "legalBasis", Map.of("value", "《道路运输条例》第六十三条"),
                "partyType", Map.of("value", "citizen"),
                "proposedOutcome", Map.of("value", "noPenalty"),
                "correctedPromptly", Map.of("value", true, "type", "Boolean"),
                "proposedFine", Map.of("value", 20000, "type", "Long")));

        Answer answer = call(api, "xfhandler1", HttpMethod.POST, "/task/" + task + "/submit-form", body);

        assertRefused(answer, 400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("proposedFine");
        assertThat(instance).isWaitingAt("investigationReport");
        assertThat(runtimeService.getVariable(instance.getId(), "proposedFine")).isNull();
    }
}
