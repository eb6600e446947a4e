package org.sanlian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.forms.FormFields;
import org.sanlian.support.Notices;
import org.springframework.http.HttpMethod;

/**
 * Issue 16: the administrator repairs cases, so a form's rules, required fields and undeclared variables do not stop
 * the administrator's submits — but a variable the task's or start event's form declares must have the declared
 * field's type, for the administrator too (operators.md note ²). A checkbox sent as a number reached
 * 开展联合执法行动's gateway ({@code ${hasFindings}}) and became a 500; the models' gateways read many submitted
 * yes/no and radio values directly ({@code ${evidencePreserved}}, {@code ${reviewOpinion == 'approve'}}, …).
 */
@DisplayName("issue 16: the administrator's submits carry the declared form fields with their types (400 naming the field), on both engine APIs")
class AdministratorFormTypesTest extends BothEngineApis {

    private static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @ParameterizedTest(name = "{0}")
    @DisplayName("gateways that read a submitted value (调查取证 ${evidencePreserved}, ${recusalRequested}; 法制审核 "
            + "${reviewOpinion == 'approve'}; 陈述申辩与复核 ${hearingRequested}; 案件调查报告 ${proposedOutcome == …}): the "
            + "administrator's complete submit with one of them of another type → 400 naming it, the case waits where it was")
    @EnumSource(Api.class)
    void gatewaysGetTheirDeclaredType(Api api) {
        ProcessInstance filed = filedCase("管理员类型测试甲");
        assertRefusedNaming(api, filed, "investigate", with(investigation(), "evidencePreserved", typed(1.5, "Double")),
                "evidencePreserved");
        assertRefusedNaming(api, filed, "investigate", with(investigation(), "recusalRequested", typed("true", "String")),
                "recusalRequested");
        assertRefusedNaming(api, filed, "investigate", with(investigation(), "seizureApplied", typed(1, "Long")),
                "seizureApplied");

        ProcessInstance investigated = investigated("管理员类型测试乙");
        assertRefusedNaming(api, investigated, "investigationReport", with(report(), "proposedOutcome",
                typed("fine", "String")), "proposedOutcome");
        assertRefusedNaming(api, investigated, "investigationReport", with(report(), "proposedFine",
                typed("20000", "String")), "proposedFine");

        ProcessInstance reviewed = atLegalReview("管理员类型测试丙");
        assertRefusedNaming(api, reviewed, "legalReview", Map.of("reviewOpinion", typed(1, "Long"),
                "reviewComment", typed("事实清楚", "String")), "reviewOpinion");

        ProcessInstance recheck = atStatementAndRecheck("管理员类型测试丁");
        assertRefusedNaming(api, recheck, "statementAndRecheck", Map.of("recheckConclusion", typed("无新事实", "String"),
                "finalFine", typed(2000, "Long"), "hearingRequested", typed(0, "Long")), "hearingRequested");
    }

    @Test
    @DisplayName("generated: every user task open in the engine (one per step) and every start form — each field its form "
            + "declares, sent by the administrator with a value of another type (a checkbox as a number or text, a number "
            + "as text, a radio or select outside its options, a date that is no day, a list as a number) through "
            + "submit-form and complete, or submit-form and start → 400 naming exactly that field; nothing moves")
    void everyDeclaredFieldOfEveryOpenStep() throws Exception {
        filedCase("管理员类型生成甲");
        investigated("管理员类型生成戊");
        atLegalReview("管理员类型生成乙");
        atCarryOutOperation();
        atStatementAndRecheck("管理员类型生成丙");
        String lead = registerLead("xfhandler1", "管理员类型生成丁", null).path("id").asText();
        ProcessInstance deciding = runtimeService.createProcessInstanceQuery().processInstanceId(lead).singleResult();
        complete(deciding, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn", actToday()));

        Set<String> gatewayVariables = new TreeSet<>();
        Set<String> steps = new LinkedHashSet<>();
        Set<String> triedGatewayVariables = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        int tries = 0;
        for (ProcessDefinition definition : processEngine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().list()) {
            BpmnModelInstance model = processEngine.getRepositoryService().getBpmnModelInstance(definition.getId());
            gatewayVariables.addAll(conditionVariables(model));
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                // a collaboration's model holds its other processes too: only this definition's start events
                boolean ofThisProcess = start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process
                        process && process.getId().equals(definition.getKey());
                FormFields form = ofThisProcess ? form(start.getCamundaFormRef()) : null;
                if (form == null) {
                    continue;
                }
                long started = runtimeService.createProcessInstanceQuery().processDefinitionKey(definition.getKey())
                        .count();
                for (FormFields.Field field : form.fields().values()) {
                    for (Map<String, Object> value : wrongValues(field)) {
                        for (String action : List.of("/submit-form", "/start")) {
                            Api api = tries++ % 2 == 0 ? Api.ENGINE_REST : Api.WEBAPP;
                            Answer answer = call(api, "admin", HttpMethod.POST, "/process-definition/"
                                    + definition.getId() + action, Map.of("variables", Map.of(field.key(), value)));
                            check(wrong, "start " + definition.getKey() + action + " " + api, field, value, answer);
                        }
                    }
                }
                assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(definition.getKey())
                        .count()).as("nothing started: " + definition.getKey()).isEqualTo(started);
            }
        }
        for (Task task : taskService.createTaskQuery().active().list()) {
            BpmnModelInstance model = processEngine.getRepositoryService()
                    .getBpmnModelInstance(task.getProcessDefinitionId());
            UserTask element = model == null ? null : model.getModelElementById(task.getTaskDefinitionKey());
            FormFields form = element == null ? null : form(element.getCamundaFormRef());
            if (form == null || !steps.add(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey())) {
                continue;
            }
            Map<String, String> before = variablesOf(task.getExecutionId());
            for (FormFields.Field field : form.fields().values()) {
                for (Map<String, Object> value : wrongValues(field)) {
                    for (String action : List.of("/submit-form", "/complete")) {
                        Api api = tries++ % 2 == 0 ? Api.ENGINE_REST : Api.WEBAPP;
                        Answer answer = call(api, "admin", HttpMethod.POST, "/task/" + task.getId() + action,
                                Map.of("variables", Map.of(field.key(), value)));
                        check(wrong, task.getTaskDefinitionKey() + action + " " + api, field, value, answer);
                    }
                }
                if (gatewayVariables.contains(field.key())) {
                    triedGatewayVariables.add(field.key());
                }
            }
            assertThat(taskService.createTaskQuery().taskId(task.getId()).active().count())
                    .as("still open: " + task.getTaskDefinitionKey()).isEqualTo(1);
            assertThat(variablesOf(task.getExecutionId())).as(task.getTaskDefinitionKey()).isEqualTo(before);
        }
        System.out.printf("administrator's wrong types: %d submits to %d open steps; gateway variables tried: %s%n",
                tries, steps.size(), triedGatewayVariables);
        assertThat(wrong).isEmpty();
        assertThat(triedGatewayVariables).contains("evidencePreserved", "seizureApplied", "recusalRequested",
                "proposedOutcome", "reviewOpinion", "hearingRequested", "filingDecision", "hasFindings");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("what the form does not declare stays the administrator's, as before issue 16: 调查取证 with an extra "
            + "variable adminNote and right-typed fields goes through, adminNote is stored")
    @EnumSource(Api.class)
    void undeclaredVariablesStayTheAdministrators(Api api) {
        ProcessInstance instance = filedCase("管理员类型测试戊");
        Map<String, Object> values = with(investigation(), "adminNote", typed(1.5, "Double"));
        values.put("evidencePreserved", typed(false, "Boolean"));
        Answer answer = call(api, "admin", HttpMethod.POST, "/task/" + taskId(instance, "investigate") + "/submit-form",
                Map.of("variables", values));
        assertThat(answer.status()).as(answer.body().toString()).isIn(200, 204);
        assertThat(instance).isWaitingAt("investigationReport");
        assertThat(runtimeService.getVariable(instance.getId(), "adminNote")).isEqualTo(1.5);
    }

    // --- what is sent ---

    private static void check(List<String> wrong, String what, FormFields.Field field, Map<String, Object> value,
            Answer answer) {
        List<String> named = answer.body().path("errors").findValuesAsText("field");
        if (answer.status() != 400 || !named.equals(List.of(field.key()))) {
            wrong.add(what + " " + field.key() + "=" + value + " → " + answer.status() + " " + answer.body());
        }
    }

    /** Values of another type than the field's, as a hand-made REST call would send them. */
    private static List<Map<String, Object>> wrongValues(FormFields.Field field) {
        List<Map<String, Object>> values = new ArrayList<>();
        switch (field.kind()) {
            case BOOLEAN -> {
                values.add(typed(1.5, "Double"));
                values.add(untyped("true"));
            }
            case NUMBER -> {
                values.add(untyped("2000"));
                values.add(typed(true, "Boolean"));
            }
            case TEXT -> {
                values.add(typed(1.5, "Double"));
                if (!field.options().isEmpty()) {
                    values.add(untyped("不是表单中的选项"));
                }
            }
            case DATE -> {
                values.add(untyped("明天"));
                values.add(typed(20261205, "Long"));
            }
            case LIST -> values.add(typed(7, "Long"));
        }
        return values;
    }

    private static Map<String, Object> typed(Object value, String type) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("value", value);
        typed.put("type", type);
        return typed;
    }

    private static Map<String, Object> untyped(Object value) {
        return Map.of("value", value);
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return more;
    }

    private static FormFields form(String formRef) throws java.io.IOException {
        if (formRef == null) {
            return null;
        }
        InputStream form = AdministratorFormTypesTest.class.getResourceAsStream("/forms/" + formRef + ".form");
        return form == null ? null : FormFields.parse(form);
    }

    /** The variable names a model's conditions read (a gateway's way on). */
    private static Set<String> conditionVariables(BpmnModelInstance model) {
        Set<String> names = new TreeSet<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            ConditionExpression condition = flow.getConditionExpression();
            if (condition != null && condition.getTextContent() != null) {
                Matcher name = NAME.matcher(condition.getTextContent().replaceAll("'[^']*'", ""));
                while (name.find()) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }

    // --- cases at the steps under test, driven through the Java API as EngineApiTamperTest does ---

    private void assertRefusedNaming(Api api, ProcessInstance instance, String taskKey, Map<String, Object> variables,
            String field) {
        String taskId = task(taskKey, instance).getId();
        Map<String, String> before = variablesOf(instance.getId());
        for (String action : List.of("/submit-form", "/complete")) {
            Answer answer = call(api, "admin", HttpMethod.POST, "/task/" + taskId + action, Map.of("variables", variables));
            assertRefused(answer, 400);
            assertThat(answer.body().path("errors").findValuesAsText("field")).as(answer.body().toString())
                    .containsExactly(field);
        }
        assertThat(instance).isWaitingAt(taskKey);
        assertThat(task(taskKey, instance).getId()).isEqualTo(taskId);
        assertThat(variablesOf(instance.getId())).isEqualTo(before);
    }

    private static Map<String, Object> investigation() {
        return new LinkedHashMap<>(Map.of("investigator1", untyped("xfhandler1"), "investigator2", untyped("xfhandler2"),
                "investigationFindings", untyped("询问当事人，制作询问笔录；现场检查，制作现场笔录")));
    }

    private static Map<String, Object> report() {
        return new LinkedHashMap<>(Map.of("facts", untyped("当事人驾驶车辆载客收费"),
                "legalBasis", untyped("《道路运输条例》第六十三条"), "proposedOutcome", untyped("penalty"),
                "partyType", untyped("citizen"), "violationCode", untyped("LZ-CX"),
                "proposedFine", typed(20000, "Long")));
    }

    /** 联合执法 planned by xfhandler1 and confirmed by police1: waits in 开展联合执法行动 (its gateway: ${hasFindings}). */
    private void atCarryOutOperation() {
        Map<String, Object> plan = Map.of("operationTitle", "管理员类型测试联合执法", "plannedDate",
                TODAY.plusDays(3).toString(), "place", "西峰区客运站周边", "transportOfficers", "xfhandler1,xfhandler2",
                "policeOfficers", "police1");
        var started = post("xfhandler1", "/engine-rest/process-definition/key/jointOperation/submit-form",
                variables(plan));
        assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isTrue();
        String operation = json(started).path("id").asText();
        var confirmed = post("police1", "/engine-rest/task/" + taskIdOf("police1", operation) + "/submit-form",
                variables(Map.of("policeOfficers", "police1")));
        assertThat(confirmed.getStatusCode().is2xxSuccessful()).as(confirmed.getBody()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(operation).singleResult())
                .isWaitingAt("carryOutOperation");
    }

    private ProcessInstance atStatementAndRecheck(String party) {
        ProcessInstance instance = filedCase(party);
        complete(instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录；现场检查，制作现场笔录"));
        complete(instance, "investigationReport", Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《公路安全保护条例》第六十四条", "proposedOutcome", "penalty", "partyType", "citizen",
                "violationCode", "LZ-CX", "proposedFine", 2000));
        complete(instance, "issueNotice", Notices.served(TODAY));
        assertThat(instance).isWaitingAt("statementAndRecheck");
        return instance;
    }

    /**
     * The execution's variables as values that compare: a Json variable (a form's list, e.g. 联合抽查's itemCodes) is a
     * Spin node, a new object on every read that equals no other, so each value is compared by its type and text.
     */
    private Map<String, String> variablesOf(String executionId) {
        Map<String, String> values = new java.util.TreeMap<>();
        runtimeService.getVariables(executionId).forEach((name, value) -> values.put(name,
                value == null ? "null" : value.getClass().getSimpleName() + ":" + value));
        return values;
    }
}
