package org.sanlian.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
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

    static final String PARTY_ID = "^([0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}|\\d{17}[\\dX])$";
    static final String PLATE = "^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]$";

    @Test
    @DisplayName("issue 13, GB 11643: a pattern failure is explained in words — a wrong check character reads 身份证号码校验位不正确")
    void patternFailuresInWords() {
        assertThat(FormRules.patternProblem(PARTY_ID, "11010519491231002X")).isEmpty();
        assertThat(FormRules.patternProblem(PARTY_ID, "110105194912310021")).contains("身份证号码校验位不正确");
        assertThat(FormRules.patternProblem(PARTY_ID, "110105194913310021")).contains("身份证号码中的出生日期不正确");
        assertThat(FormRules.patternProblem(PARTY_ID, "91350100M000100Y43")).isEmpty();
        assertThat(FormRules.patternProblem(PARTY_ID, "91350100M000100Y44")).contains("统一社会信用代码校验位不正确");
        assertThat(FormRules.patternProblem(PARTY_ID, "12345")).contains("应为 18 位公民身份号码（末位可为 X）或 18 位统一社会信用代码");
        assertThat(FormRules.patternProblem(PLATE, "ABC123").orElseThrow()).startsWith("车牌号码格式不正确").contains("甘M12345");
        assertThat(FormRules.patternProblem(PLATE, "甘M12345")).isEmpty();
        assertThat(FormRules.patternProblem("^甘[A-Z]\\d{5}$", "x")).contains("格式不正确");
    }
}
