package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The legal reviewer's send-back (行政处罚法 Art. 58) where it must be answered, as Tasklist shows the forms. */
@DisplayName("法制审核 send-back reason before those who answer it (行政处罚法 Art. 58)")
class SendBackReasonTest extends CaseProcedureTestSupport {

    static final String REASON = "证据不足：缺少车辆营运收费的转账记录，请补充询问乘客";

    @Test
    @DisplayName("行政处罚法 Art. 58: the reviewer's reason for sending a case back for 补充调查 is before the officers in the reopened 调查取证 and the next 案件调查报告, and before the reviewer in the next 法制审核 — a case never sent back shows none")
    void art58_sendBackReasonShownWhereItMustBeAnswered() {
        ProcessInstance instance = filedCase("退回补充调查当事人甲");
        assertThat(formVariable("xfhandler1", instance, "investigate", "legalReviewSendBack")).isEmpty();
        investigate(instance, "investigate");
        report(instance, "investigationReport", 20000);
        submitted(submit("cityreviewer", instance, "legalReview", Map.of("reviewOpinion", "sendBack",
                "reviewComment", REASON)));

        assertThat(instance).isWaitingAt("investigate");
        assertThat(formVariable("xfhandler1", instance, "investigate", "legalReviewSendBack"))
                .contains("退回补充调查", REASON, "刘婷");
        investigate(instance, "investigate");
        assertThat(formVariable("xfhandler1", instance, "investigationReport", "legalReviewSendBack")).contains(REASON);
        report(instance, "investigationReport", 20000);
        assertThat(instance).isWaitingAt("legalReview");
        assertThat(formVariable("cityreviewer", instance, "legalReview", "legalReviewSendBack")).contains(REASON);
    }

    private static void submitted(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

}
