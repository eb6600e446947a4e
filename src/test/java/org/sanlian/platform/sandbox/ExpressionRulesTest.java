package org.sanlian.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Expressions in analysts' models (issue 11 ¶4): only variables, allow-listed step beans and a few safe members")
class ExpressionRulesTest {

    private final ExpressionRules rules = new ExpressionRules(Set.of("caseStepCompleted", "fileCase"),
            Set.of("caseFiles", "runtimeService", "processEngine", "jointInspections"));

    @ParameterizedTest
    @ValueSource(strings = {"${organisationCode}", "${organisationCode}Handler", "${acceptance == 'return'}",
            "${!legalReviewRequired}", "${proposedOutcome == 'noPenalty' || proposedOutcome == 'notEstablished'}",
            "${execution.setVariable('hearingRight', hearingRightResult.hearingRight)}",
            "${execution.getVariable(action.concat('Due'))}", "${dateTime().plusDays(3).toDate()}",
            "${now()}", "${currentUser()}", "${task.eventName == 'complete'}", "${execution.processBusinessKey}",
            "${partyName.trim().length() > 0}", "${items[0]}", "${result['fine']}", "${authenticatedUserId}",
            "${followUpActions.size() > 0}", "plain text without expression"})
    @DisplayName("what the shipped models use is allowed")
    void shippedExpressionsAreAllowed(String expression) {
        assertThat(rules.refusal(expression, false)).as(expression).isEmpty();
    }

    @Test
    @DisplayName("an allow-listed step bean may stand alone as a delegate expression, nowhere else")
    void stepBeanOnlyAsDelegate() {
        assertThat(rules.refusal("${caseStepCompleted}", true)).isEmpty();
        assertThat(rules.refusal("${caseStepCompleted}", false)).isPresent();
        assertThat(rules.refusal("${caseStepCompleted.notify(task)}", true)).isPresent();
        assertThat(rules.refusal("${fileCase.class}", true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${caseFiles.byNumber('X').partyName}", "${runtimeService.createProcessInstanceQuery()}",
            "${caseFiles.repository}",
            "${execution.processEngineServices.runtimeService}", "${execution.getProcessEngineServices()}",
            "${execution.processEngine}", "${task.execution.processEngineServices}", "${execution['processEngineServices']}",
            "${partyName.getClass().forName('java.lang.Runtime')}", "${partyName.class}", "${x[y]}",
            "${jointInspections.visitNumbers(planNumber)}", "${caseExecution.id}", "${execution}",
            "${''.getClass()}", "${foo.bar.processEngineConfiguration}", "${someFunction()}", "${a.b.c(",
            "#{execution.getProcessEngine()}", "text ${runtimeService.createProcessInstanceQuery()}"})
    @DisplayName("beans outside the allow-list, the engine, reflection and other methods are refused")
    void escapesAreRefused(String expression) {
        assertThat(rules.refusal(expression, false)).as(expression).isPresent();
        assertThat(rules.refusal(expression, true)).as(expression).isPresent();
    }

    @Test
    @DisplayName("the refusal says what is wrong in Chinese, naming the bean")
    void refusalNamesTheBean() {
        assertThat(rules.refusal("${caseFiles.byNumber('X').partyName}", false))
                .get().asString().contains("不在允许清单内");
        assertThat(rules.refusal("${caseFiles.byNumber('X')}", false)).get().asString().contains("caseFiles")
                .contains("不在允许清单内");
    }

    @Test
    @DisplayName("a bare name is a process variable, even when a bean outside the allow-list has the same name: "
            + "the bean is out of reach at run time")
    void bareNameIsAVariable() {
        assertThat(rules.refusal("${caseFiles}", false)).isEmpty();
    }
}
