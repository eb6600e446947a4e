package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sanlian.support.PdfText.flat;
import static org.sanlian.support.PdfText.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.penalty.PaymentFacts;
import org.sanlian.penalty.ExecutionRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 部分缴纳: a party who pays part of a fine without an approved schedule has paid that money all the same. It is kept
 * on the case, the rest stays owed by the same deadline (行政处罚法 Arts. 67, 72), a later payment settles only the
 * rest, and once the deadline has passed the 催告 says what was paid (行政强制法 Arts. 35, 54). Before, 缴纳罚款 took
 * only the whole amount: the money paid in part could not be recorded anywhere.
 */
@DisplayName("行政处罚法 Arts. 67, 72, 行政强制法 Arts. 35, 54 — 部分缴纳: what the party paid in part is kept and counted")
class PartPaymentTest extends CaseProcedureTestSupport {

    @Autowired
    ExecutionRules executionRules;

    private PaymentFacts payment(ProcessInstance instance) {
        return penalties.payment(caseNumberOf(instance)).orElseThrow();
    }

    private static Map<String, Object> payment(String outcome, double amount) {
        return Map.of("paymentOutcome", outcome, "paidOn", TODAY.toString(), "amountPaid", amount);
    }

    @Test
    @DisplayName("Arts. 67, 72: 400 of a 1,000 yuan fine paid within the deadline is kept and the task comes back showing 600 still owed; 500 recorded as 已缴纳 is refused naming amountPaid (600 owed), 600 recorded as 部分缴纳 is refused naming paymentOutcome (that is the whole); 600 as 已缴纳 settles the fine, paid 1,000 in all")
    void art67_partPaymentKeptAndTheRestSettled() {
        ProcessInstance instance = servedPenalty("部分缴纳当事人甲", 1000, 2);
        String caseNumber = caseNumberOf(instance);

        complete(instance, "recordPayment", payment("partlyPaid", 400));
        assertThat(instance).isWaitingAt("recordPayment");
        assertThat(payment(instance).getReceived()).isEqualByComparingTo("400");
        assertThat(payment(instance).getPaidOn()).isNull();
        assertThat(formVariable(instance, "recordPayment", "partPayments"))
                .contains("已部分缴纳 400.00 元", "尚欠罚款 600.00 元");
        assertThat(caseFiles.history(caseNumber)).extracting(CaseEvent::getNote)
                .anySatisfy(note -> assertThat(note).contains("部分缴纳 400", "尚欠 600.00 元"));

        ResponseEntity<String> tooLittle = submit("xfhandler1", instance, "recordPayment", payment("paid", 500));
        assertRefused(tooLittle, "amountPaid");
        assertThat(tooLittle.getBody()).contains("应缴 600.00 元", "已部分缴纳 400.00 元");
        assertRefused(submit("xfhandler1", instance, "recordPayment", payment("partlyPaid", 600)), "paymentOutcome");
        assertRefused(submit("xfhandler1", instance, "recordPayment", payment("partlyPaid", 0)), "amountPaid");

        complete(instance, "recordPayment", payment("paid", 600));
        assertThat(instance).isNotWaitingAt("recordPayment");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("1000");
        assertThat(new BigDecimal(runtimeService.getVariable(instance.getId(), "amountPaid").toString()))
                .isEqualByComparingTo("1000");
    }

    @Test
    @DisplayName("行政强制法 Arts. 35, 54: 300 of a 1,000 yuan fine paid after the deadline is kept; 逾期未缴 then goes to the 催告, and the 催告书 says the party paid 300 and has not paid the rest, not that it paid nothing")
    void enforcementLaw_art35_reminderSaysWhatWasPaid() throws IOException {
        ProcessInstance instance = servedPenalty("部分缴纳当事人乙", 1000, 40);
        complete(instance, "recordPayment", payment("partlyPaid", 300));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "notPaid"));
        assertThat(instance).isWaitingAt("issueReminder");
        complete(instance, "issueReminder", Map.of("reminderServedOn", TODAY.toString()));

        String reminder = flat(text(latestPdf(caseNumberOf(instance), "REMINDER")));
        assertThat(reminder).contains("仅缴纳300.00元，至今未全部履行").doesNotContain("至今未履行");
    }

    @Test
    @DisplayName("行政处罚法 Art. 66 ¶2: after 400 of 1,000 paid in part, an approved schedule of 2 spreads only the 600 left (300 + 300), the 分期（延期）缴纳罚款通知书 says 400 was paid already, and 缴纳罚款 then shows the instalment, not the part payment's advice")
    void art66_scheduleAfterAPartPaymentSpreadsTheRest() throws IOException {
        ProcessInstance instance = servedPenalty("部分缴纳当事人丙", 1000, 2);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "recordPayment", payment("partlyPaid", 400));
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难，余款申请分两期"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 2, "newPaymentDueDate", TODAY.plusDays(60).toString()));

        assertThat(executionRules.instalmentsOf(caseNumber)).extracting(i -> i.getAmount().toPlainString())
                .containsExactly("300.00", "300.00");
        assertThat(flat(text(latestPdf(caseNumber, "INSTALMENT_NOTICE"))))
                .contains("此前已部分缴纳400.00元，其余600.00元按下表分期缴纳");
        assertThat(formVariable("xfhandler1", instance, "recordPayment", "partPayments")).isEmpty();
        assertThat(formVariable(instance, "recordPayment", "nextInstalment")).contains("300");
    }
}
