package org.sanlian.platform.forms;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.InvalidInputException;

@DisplayName("the server checks what a Camunda Form checks in the browser")
class FormRulesTest {

    static final String FORM = """
            {"components": [
              {"type": "textfield", "key": "partyName", "label": "当事人", "validate": {"required": true, "maxLength": 4}},
              {"type": "textfield", "key": "plate", "label": "车牌号", "validate": {"pattern": "^甘[A-Z]\\\\d{5}$"}},
              {"type": "number", "key": "fine", "label": "罚款", "validate": {"min": 0, "max": 100000}},
              {"type": "group", "components": [
                {"type": "textarea", "key": "facts", "label": "事实", "validate": {"required": true}}]},
              {"type": "textfield", "key": "reason", "label": "理由", "validate": {"required": true},
               "conditional": {"hide": "=decision = \\"file\\""}}
            ]}""";

    static InputStream form() {
        return new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("valid input passes; a conditional field is left to the step's own rule")
    void validInput() {
        assertThatCode(() -> FormRules.check(form(), Map.of("partyName", "𠮷某", "plate", "甘M12345", "fine", 500,
                "facts", "无证经营"))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("missing required (also inside a group), too long, wrong pattern and out-of-range fields are each named")
    void everyBrokenRuleIsNamed() {
        assertThatThrownBy(() -> FormRules.check(form(), Map.of("partyName", "太长的当事人名称", "plate", "京A1",
                "fine", 100001)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactlyInAnyOrder("partyName", "plate", "fine", "facts"));
    }
}
