package org.sanlian.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("issue 16: decision tables parse each FEEL text once and decide exactly as before")
class ParsedOnceFeelEngineTest extends SanlianSpringTest {

    @Autowired
    ProcessEngine engine;

    @Test
    @DisplayName("the engine's decision tables use the FEEL engine that keeps parsed expressions")
    void engineUsesIt() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    }

    @Test
    @DisplayName("an input entry gives the same answer for every value, the second time as the first (a parsed text is reused, its variables are not)")
    void sameAnswersWhenReused() {
        ParsedOnceFeelEngine feel = new ParsedOnceFeelEngine(List.of());
        for (int round = 0; round < 2; round++) {
            assertThat(feel.evaluateSimpleUnaryTests("[10000..30000]", "cellInput",
                    Variables.createVariables().putValue("cellInput", 20000).asVariableContext())).isTrue();
            assertThat(feel.evaluateSimpleUnaryTests("[10000..30000]", "cellInput",
                    Variables.createVariables().putValue("cellInput", 5000).asVariableContext())).isFalse();
            assertThat(feel.evaluateSimpleUnaryTests("\"无证客运\",\"超范围经营\"", "cellInput",
                    Variables.createVariables().putValue("cellInput", "超范围经营").asVariableContext())).isTrue();
            Object fine = feel.evaluateSimpleExpression("amount * 2",
                    Variables.createVariables().putValue("amount", 3000 + round).asVariableContext());
            assertThat(((Number) fine).longValue()).isEqualTo(6000 + 2L * round);
        }
    }

    @Test
    @DisplayName("a text FEEL cannot parse is refused at every evaluation, as Camunda's engine refuses it")
    void unparsableTextFailsEveryTime() {
        ParsedOnceFeelEngine feel = new ParsedOnceFeelEngine(List.of());
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> feel.evaluateSimpleExpression("amount *",
                    Variables.createVariables().putValue("amount", 1).asVariableContext()))
                    .isInstanceOf(FeelException.class);
        }
    }

    @Test
    @DisplayName("the built-in functions are built once, and every answer, failure and message is Camunda's engine's own")
    void sameAsCamundasEngine() {
        assertThat(ParsedOnceFeelEngine.buildsFunctionsOnce()).isTrue();
        ParsedOnceFeelEngine feel = new ParsedOnceFeelEngine(List.of());
        ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
        VariableContext variables = Variables.createVariables().putValue("violationCode", "YZ-KY-WZ")
                .putValue("fine", 20000).putValue("served", LocalDate.of(2026, 12, 5)).putValue("repeat", true)
                .asVariableContext();
        List<String> expressions = List.of("fine * 2", "string length(\"无证客运\")", "upper case(violationCode)",
                "date(\"2026-12-05\") + duration(\"P15D\")", "served + duration(\"P1D\")",
                "if repeat then fine else 0", "sum([fine, 1, 2])", "missing + 1", "fine +", "date(\"2026-13-45\")",
                "substring(violationCode, 1, 2)", "count(violationCode)");
        for (int round = 0; round < 2; round++) {
            for (String expression : expressions) {
                assertThat(outcome(() -> feel.evaluateSimpleExpression(expression, variables)))
                        .as(expression).isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, variables)));
            }
        }
        Map<String, Object> inputs = Map.of("[10000..30000]", 20000, "> 5000", 4000, "\"YZ-KY-WZ\",\"YZ-HY-WZ\"",
                "YZ-KY-WZ", "not(\"YZ-KY-WZ\")", "YZ-KY-WZ", "-", 1, "< date(\"2026-12-06\")", LocalDate.of(2026, 12, 5),
                "true", true, "[1..", 3, "? > fine", 30000);
        for (int round = 0; round < 2; round++) {
            inputs.forEach((tests, value) -> {
                VariableContext input = Variables.createVariables().putValue("cellInput", value).putValue("fine", 20000)
                        .asVariableContext();
                assertThat(outcome(() -> feel.evaluateSimpleUnaryTests(tests, "cellInput", input)))
                        .as(tests).isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(tests, "cellInput", input)));
            });
        }
    }

    private static String outcome(java.util.function.Supplier<Object> evaluation) {
        try {
            return "value " + evaluation.get();
        } catch (RuntimeException failure) {
            return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
    }
}
