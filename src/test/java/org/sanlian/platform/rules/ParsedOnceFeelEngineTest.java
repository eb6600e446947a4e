package org.sanlian.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
