package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 13 — the message Tasklist shows for a refused submit: plain Chinese, fields named by their labels")
class ProblemsMessageTest {

    @Test
    @DisplayName("a rule's message is led by its field's form label; one that names the label already is not repeated")
    void labelsLeadEachMessage() {
        String message = (String) Problems.invalidInput(List.of(
                new FieldViolation("proposedFine", "拟罚款 50000 元超出法定幅度：车辆超限行驶公路，最高 30000 元"),
                new FieldViolation("facts", "违法事实：必填")),
                "/camunda/api/engine/engine/default/task/1/submit-form",
                Map.of("proposedFine", "拟罚款金额（元）", "facts", "违法事实")).getProperties().get("message");

        assertThat(message).isEqualTo("拟罚款金额（元）：拟罚款 50000 元超出法定幅度：车辆超限行驶公路，最高 30000 元；违法事实：必填。");
    }

    @Test
    @DisplayName("English glosses in brackets are left out of what a Chinese user reads; codes and numbers in brackets stay")
    void englishGlossesAreLeftOut() {
        assertThat(Problems.plain("这不是您的任务 (not your task)")).isEqualTo("这不是您的任务");
        assertThat(Problems.plain("金额：类型不正确，应为数字 (Long/Double)")).isEqualTo("金额：类型不正确，应为数字");
        assertThat(Problems.plain("编号（2026）第 3 号")).isEqualTo("编号（2026）第 3 号");
    }
}
