package org.sanlian.security;

import org.sanlian.support.Notices;
import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;

/**
 * Issue 11's routes around the law, tried through both engine APIs — /engine-rest with HTTP Basic and the webapps'
 * /camunda/api/engine with Tasklist's session and CSRF token. Each is refused with 4xx naming the field (or 403),
 * and the task and the case's variables are exactly as before.
 */
@DisplayName("A submit carries only its form's fields; variable writes, bpmnError and hand-overs outside the body are refused")
class EngineApiTamperTest extends BothEngineApis {

    private static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);

    @ParameterizedTest(name = "{0}")
    @DisplayName("行政处罚法 Art. 45 (no heavier penalty for a statement): at 陈述申辩与复核 a submit that also sends proposedFine → 400 naming proposedFine, the notified fine unchanged")
    @EnumSource(Api.class)
    void recheckCannotRaiseTheNotifiedFine(Api api) {
        ProcessInstance instance = atStatementAndRecheck("复核篡改测试甲");
        assertRefusedNaming(api, instance, "statementAndRecheck", Map.of("recheckConclusion", "当事人未提出新的事实",
                "finalFine", 2000, "proposedFine", 30000), "proposedFine");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("行政处罚法 Art. 72 (加处罚款 from the due date) and Art. 45 (the 陈述申辩 window): at 缴纳罚款 paymentDueDate or noticeServedOn → 400 naming it")
    @EnumSource(Api.class)
    void paymentCannotMoveTheDueDateOrReopenTheNotice(Api api) {
        ProcessInstance instance = atRecordPayment("缴款篡改测试乙");
        Map<String, Object> paid = Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 2000);
        assertRefusedNaming(api, instance, "recordPayment", with(paid, "paymentDueDate", "2099-12-31"), "paymentDueDate");
        assertRefusedNaming(api, instance, "recordPayment", with(paid, "noticeServedOn", TODAY.toString()), "noticeServedOn");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("行政处罚法 Art. 42 (two officers) and Art. 60 (the 90-day limit): at 调查取证 investigators \"\" and decisionMade true → 400 naming both")
    @EnumSource(Api.class)
    void investigationCannotEraseInvestigatorsOrTheDeadline(Api api) {
        ProcessInstance instance = filedCase("调查篡改测试丙");
        Map<String, Object> values = new LinkedHashMap<>(investigation());
        values.put("investigators", "");
        values.put("decisionMade", true);
        Answer answer = submit(api, "xfhandler1", instance, "investigate", values);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).contains("investigators", "decisionMade");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a declared field of the wrong type (finalFine as text, or typed String) → 400 naming finalFine")
    @EnumSource(Api.class)
    void declaredFieldOfTheWrongType(Api api) {
        ProcessInstance instance = atStatementAndRecheck("类型篡改测试丁");
        assertRefusedNaming(api, instance, "statementAndRecheck", Map.of("recheckConclusion", "无新事实", "finalFine", "两千"),
                "finalFine");
        Snapshot before = snapshot(instance, "statementAndRecheck");
        Map<String, Object> typed = Map.of("variables", Map.of(
                "recheckConclusion", Map.of("value", "无新事实"),
                "finalFine", Map.of("value", 2000, "type", "String")));
        Answer answer = call(api, "xfhandler1", HttpMethod.POST, "/task/" + before.taskId() + "/submit-form", typed);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("finalFine");
        assertThat(snapshot(instance, "statementAndRecheck")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a 1 MB text in a declared field → 400 naming the field, nothing stored")
    @EnumSource(Api.class)
    void oneMegabyteText(Api api) {
        ProcessInstance instance = filedCase("超长篡改测试戊");
        Map<String, Object> values = new LinkedHashMap<>(investigation());
        values.put("investigationFindings", "证".repeat(1024 * 1024 / 3));
        assertRefusedNaming(api, instance, "investigate", values, "investigationFindings");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a handler's bpmnError or escalation on 调查取证 → 403; the case still waits in 调查取证")
    @EnumSource(Api.class)
    void handlerCannotThrowBpmnErrors(Api api) {
        ProcessInstance instance = filedCase("错误事件测试己");
        Snapshot before = snapshot(instance, "investigate");
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, "/task/" + before.taskId() + "/bpmnError",
                Map.of("errorCode", "caseDropped")));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, "/task/" + before.taskId() + "/bpmnEscalation",
                Map.of("escalationCode", "x")));
        assertThat(snapshot(instance, "investigate")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("An officer acts only for a body they belong to (domain.md §1): xfhandler1 starting 登记案源 or 简易程序 with "
            + "another body's organisationCode → 400 naming organisationCode through submit-form, 403 through /start; "
            + "no process starts")
    @EnumSource(Api.class)
    void processStartsCannotNameAnotherBody(Api api) {
        long before = runtimeService.createProcessInstanceQuery().count()
                + processEngine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
        Map<String, Object> lead = Map.of("source", Map.of("value", "INSPECTION"),
                "partyName", Map.of("value", "他单位名义测试"), "summary", Map.of("value", "未取得道路运输经营许可"),
                "organisationCode", Map.of("value", "qingcheng"));
        Answer submitted = call(api, "xfhandler1", HttpMethod.POST, "/process-definition/key/leadIntake/submit-form",
                Map.of("variables", lead));
        assertRefused(submitted, 400);
        assertThat(submitted.body().path("errors").findValuesAsText("field")).contains("organisationCode");
        Answer onTheSpot = call(api, "xfhandler1", HttpMethod.POST,
                "/process-definition/key/summaryProcedure/submit-form",
                Map.of("variables", Map.of("organisationCode", Map.of("value", "qycity"))));
        assertRefused(onTheSpot, 400);
        assertThat(onTheSpot.body().path("errors").findValuesAsText("field")).contains("organisationCode");
        for (String key : List.of("leadIntake", "summaryProcedure", "jointInspection")) {
            assertForbidden(call(api, "xfhandler1", HttpMethod.POST, "/process-definition/key/" + key + "/start",
                    Map.of("variables", lead)));
        }
        assertThat(runtimeService.createProcessInstanceQuery().count()
                + processEngine.getHistoryService().createHistoricProcessInstanceQuery().finished().count())
                .isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("domain.md §1 (each body works its own cases): a handler cannot offer a task to another body's group or "
            + "hand it to a county handler (identity link, delegate, assignee, claim) — but may hand it to a colleague")
    @EnumSource(Api.class)
    void handOversStayInsideTheBody(Api api) {
        ProcessInstance instance = filedCase("移交测试庚");
        Snapshot before = snapshot(instance, "investigate");
        String task = "/task/" + before.taskId();
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, task + "/identity-links",
                Map.of("groupId", "qingchengHandler", "type", "candidate")));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, task + "/identity-links",
                Map.of("userId", "qchandler1", "type", "candidate")));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, task + "/delegate", Map.of("userId", "qchandler1")));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, task + "/assignee", Map.of("userId", "qchandler1")));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, task + "/claim", Map.of("userId", "qchandler1")));
        assertThat(snapshot(instance, "investigate")).isEqualTo(before);
        assertThat(taskService.getIdentityLinksForTask(before.taskId()))
                .noneMatch(link -> "qingchengHandler".equals(link.getGroupId()) || "qchandler1".equals(link.getUserId()));

        Answer colleague = call(api, "xfhandler1", HttpMethod.POST, task + "/assignee", Map.of("userId", "xfhandler2"));
        assertThat(colleague.status()).as(colleague.body().toString()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(before.taskId()).singleResult().getAssignee()).isEqualTo("xfhandler2");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("法制监督 watches and changes nothing: citysupervisor commenting on or attaching to a 西峰 task → 403")
    @EnumSource(Api.class)
    void supervisorCannotCommentOnOtherTasks(Api api) {
        ProcessInstance instance = filedCase("监督评论测试辛");
        Snapshot before = snapshot(instance, "investigate");
        assertForbidden(call(api, "citysupervisor", HttpMethod.POST, "/task/" + before.taskId() + "/comment/create",
                Map.of("message", "监督员的评论")));
        assertThat(taskService.getTaskComments(before.taskId())).isEmpty();
        assertThat(snapshot(instance, "investigate")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("variables are written only through a form: a handler's PUT/POST/DELETE of task, local, execution or instance variables → 403; the administrator may")
    @EnumSource(Api.class)
    void variableWritesOutsideFormsAreTheAdministratorsOnly(Api api) {
        ProcessInstance instance = atStatementAndRecheck("变量写入测试壬");
        Snapshot before = snapshot(instance, "statementAndRecheck");
        String task = "/task/" + before.taskId();
        String pi = "/process-instance/" + instance.getId();
        Map<String, Object> value = Map.of("value", 30000, "type", "Long");
        assertForbidden(call(api, "xfhandler1", HttpMethod.PUT, task + "/variables/proposedFine", value));
        assertForbidden(call(api, "xfhandler1", HttpMethod.PUT, task + "/localVariables/proposedFine", value));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, task + "/variables",
                Map.of("modifications", Map.of("proposedFine", value))));
        assertForbidden(call(api, "xfhandler1", HttpMethod.DELETE, task + "/variables/proposedFine", null));
        assertForbidden(call(api, "xfhandler1", HttpMethod.PUT, pi + "/variables/proposedFine", value));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, pi + "/variables",
                Map.of("modifications", Map.of("proposedFine", value))));
        assertForbidden(call(api, "xfhandler1", HttpMethod.PUT, "/execution/" + instance.getId()
                + "/localVariables/proposedFine", value));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, pi + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "statementAndRecheck")))));
        assertForbidden(call(api, "xfhandler1", HttpMethod.POST, "/message",
                Map.of("messageName", "x", "processVariables", Map.of("proposedFine", value))));
        assertForbidden(call(api, "xfhead", HttpMethod.PUT, pi + "/variables/proposedFine", value));
        assertThat(snapshot(instance, "statementAndRecheck")).isEqualTo(before);

        Answer admin = call(api, "admin", HttpMethod.PUT, pi + "/variables/adminNote", Map.of("value", "管理员备注"));
        assertThat(admin.status()).as(admin.body().toString()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the form's own fields still go through: 调查取证 submitted by xfhandler1 moves the case to 调查终结报告")
    @EnumSource(Api.class)
    void theFormsOwnFieldsGoThrough(Api api) {
        ProcessInstance instance = filedCase("正常提交测试癸");
        Answer answer = submit(api, "xfhandler1", instance, "investigate", investigation());
        assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(200, 204);
        assertThat(instance).isWaitingAt("investigationReport");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a broken form rule (复核 without finalFine, required) answers 400 Problem Details naming finalFine on both APIs, not 500")
    @EnumSource(Api.class)
    void brokenRuleIsProblemDetailsOnBothApis(Api api) {
        ProcessInstance instance = atStatementAndRecheck("规则错误测试子");
        assertRefusedNaming(api, instance, "statementAndRecheck", Map.of("recheckConclusion", "无新事实"), "finalFine");
    }

    // --- the routes, through either API ---

    private void assertRefusedNaming(Api api, ProcessInstance instance, String taskKey, Map<String, Object> values,
            String field) {
        Snapshot before = snapshot(instance, taskKey);
        Answer answer = submit(api, "xfhandler1", instance, taskKey, values);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(400);
        assertThat(answer.body().path("type").asText()).endsWith("/invalid-input");
        assertThat(answer.body().path("errors").findValuesAsText("field")).contains(field);
        assertThat(snapshot(instance, taskKey)).isEqualTo(before);
    }

    private Answer submit(Api api, String user, ProcessInstance instance, String taskKey, Map<String, Object> values) {
        return call(api, user, HttpMethod.POST, "/task/" + task(taskKey, instance).getId() + "/submit-form",
                variables(values));
    }

    private static void assertForbidden(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(403);
        assertThat(answer.body().path("status").asInt()).isEqualTo(403);
    }

    record Snapshot(String taskId, String assignee, Map<String, Object> variables) {
    }

    private Snapshot snapshot(ProcessInstance instance, String taskKey) {
        Task task = task(taskKey, instance);
        return new Snapshot(task.getId(), task.getAssignee(), new HashMap<>(runtimeService.getVariables(instance.getId())));
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return more;
    }

    // --- cases at the steps under test, driven through the Java API as GeneralProcedureProcessTest does ---

    private static Map<String, Object> investigation() {
        return Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "询问当事人，制作询问笔录；现场检查，制作现场笔录");
    }

    private ProcessInstance atStatementAndRecheck(String party) {
        ProcessInstance instance = filedCase(party);
        complete(instance, "investigate", investigation());
        complete(instance, "investigationReport", Map.of("facts", "当事人驾驶车辆载客收费", "legalBasis",
                "《公路安全保护条例》第六十四条", "proposedOutcome", "penalty", "partyType", "citizen",
                "violationCode", "LZ-CX", "proposedFine", 2000));
        complete(instance, "issueNotice", Notices.served(TODAY));
        assertThat(instance).isWaitingAt("statementAndRecheck");
        return instance;
    }

    private ProcessInstance atRecordPayment(String party) {
        ProcessInstance instance = atStatementAndRecheck(party);
        complete(instance, "statementAndRecheck", Map.of("statementMade", true, "statementSummary", "当事人对事实无异议",
                "recheckConclusion", "当事人未提出新的事实", "finalFine", 2000));
        complete(instance, "decidePenalty", Map.of("headDecision", "approve"));
        complete(instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", party, "receiptSignature", "signed"));
        assertThat(instance).isWaitingAt("recordPayment");
        return instance;
    }
}
