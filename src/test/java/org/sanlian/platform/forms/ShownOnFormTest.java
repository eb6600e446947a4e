package org.sanlian.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.sanlian.support.TestModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16: what a form shows beside its fields (the catalogue's fine ranges, an approver's facts, the officers to
 * pick) is worked out when the form's variables are read, and a step no longer inserts, versions and deletes copies
 * of it. A model names what a task shows in the extension property {@code shows}; a model deployed before, which
 * named the same bean as a create listener, shows it the same way.
 */
@DisplayName("Issue 16: what a form shows is read when the form is opened, not stored in the task")
class ShownOnFormTest extends SanlianSpringTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    private static String model(String key, String extensions) {
        return TestModels.withOneStep(key, "表单显示检查", "look",
                "<userTask id=\"look\" name=\"查看\"><extensionElements>%s</extensionElements></userTask>".formatted(extensions));
    }

    private void assertShownNotStored(String key, String extensions) {
        String deployment = repositoryService.createDeployment().name(key)
                .addString(key + ".bpmn", model(key, extensions)).deploy().getId();
        try {
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, "无此案号");
            String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

            VariableMap shown = formService.getTaskFormVariables(task);
            assertThat((String) shown.get("fineRanges")).as("the catalogue's ranges, one line a provision")
                    .startsWith("- ").contains("元");
            assertThat(shown.get("fineRangeByCode")).isNotNull();
            assertThat(formService.getTaskFormVariables(task, List.of("fineRanges"), true).keySet())
                    .containsExactly("fineRanges");

            assertThat(taskService.getVariablesLocal(task)).doesNotContainKeys("fineRanges", "fineRangeByCode");
            assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("fineRanges", "fineRangeByCode");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    @DisplayName("a task whose property shows=fineRangesOffered gives its form the ranges, and stores none")
    void propertyShows() {
        assertShownNotStored("shownByProperty", """
                <camunda:properties><camunda:property name="shows" value="fineRangesOffered" /></camunda:properties>""");
    }

    @Test
    @DisplayName("a model of before, naming fineRangesOffered as a create listener, shows the same and stores none")
    void createListenerOfBeforeStillShows() {
        assertShownNotStored("shownByListener", """
                <camunda:taskListener delegateExpression="${fineRangesOffered}" event="create" />""");
    }

    @Test
    @DisplayName("a model whose shows names a bean that shows nothing is refused with 400 naming the task and the bean")
    void unknownShownBeanIsRefused() {
        ResponseEntity<String> refused = deploy("analyst", "shownUnknown.bpmn", model("shownUnknown", """
                <camunda:properties><camunda:property name="shows" value="fineRangesOffered, caseFiles" /></camunda:properties>"""));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("detail").asText()).contains("look", "shows", "caseFiles");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("shownUnknown").count()).isZero();
    }

    @Test
    @DisplayName("values are typed as the task variables they replace: text, flags, whole numbers, null")
    void valuesKeepTheirTypes() {
        Map<Object, String> types = Map.of("文字", "String", true, "Boolean", 3, "Integer", 4L, "Long");
        types.forEach((value, type) -> assertThat(ShownOnFormPlugin.ShownField.typed(value).getType().getName())
                .isEqualToIgnoringCase(type));
        assertThat(ShownOnFormPlugin.ShownField.typed(null).getValue()).isNull();
    }
}
