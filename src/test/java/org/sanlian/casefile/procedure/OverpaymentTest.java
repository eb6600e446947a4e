package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.penalty.PaymentFacts;
import org.springframework.http.ResponseEntity;

/**
 * 罚缴分离 (行政处罚法 Art. 67): the bank collects the amount decided — with the Art. 72 surcharge when the party is
 * late — and nothing more. An amount above what is still owed is almost surely a typing error (25,000 for 20,000);
 * 缴纳罚款 refuses it naming amountPaid and the amount owed, instead of recording it as collected.
 */
@DisplayName("行政处罚法 Arts. 67, 72 — 罚缴分离: more than the fine (and surcharge) still owed is refused, not recorded")
class OverpaymentTest extends CaseProcedureTestSupport {

    private PaymentFacts payment(ProcessInstance instance) {
        return penalties.payment(caseNumberOf(instance)).orElseThrow();
    }

    private static Map<String, Object> payment(String outcome, String amount) {
        return Map.of("paymentOutcome", outcome, "paidOn", TODAY.toString(), "amountPaid", Double.valueOf(amount));
    }

    @Test
    @DisplayName("Art. 67: 25,000 recorded as paid for a 20,000 yuan fine within the deadline is refused naming amountPaid and saying 20,000 is owed; nothing is recorded as received; 20,000 pays the fine")
    void art67_moreThanTheFineIsRefused() {
        ProcessInstance instance = servedPenalty("多缴当事人甲", 20000, 2);

        ResponseEntity<String> tooMuch = submit("xfhandler1", instance, "recordPayment", payment("paid", "25000"));
        assertRefused(tooMuch, "amountPaid");
        assertThat(tooMuch.getBody()).contains("实缴 25000", "应缴 20000.00 元", "第六十七条");
        assertThat(instance).isWaitingAt("recordPayment");
        assertThat(payment(instance).getReceived()).isEqualByComparingTo("0");
        assertThat(payment(instance).getPaidOn()).isNull();

        complete(instance, "recordPayment", payment("paid", "20000"));
        assertThat(instance).isNotWaitingAt("recordPayment");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("20000");
    }

    @Test
    @DisplayName("Arts. 67, 72: after 400 of 1,000 paid in part, 700 (as 已缴纳 or as 部分缴纳) is refused naming amountPaid and saying 600 is owed; 600 settles the fine")
    void art67_moreThanTheRestAfterAPartPaymentIsRefused() {
        ProcessInstance instance = servedPenalty("多缴当事人乙", 1000, 2);
        complete(instance, "recordPayment", payment("partlyPaid", "400"));

        ResponseEntity<String> asPaid = submit("xfhandler1", instance, "recordPayment", payment("paid", "700"));
        assertRefused(asPaid, "amountPaid");
        assertThat(asPaid.getBody()).contains("应缴 600.00 元", "已部分缴纳 400.00 元");
        ResponseEntity<String> asPart = submit("xfhandler1", instance, "recordPayment", payment("partlyPaid", "700"));
        assertRefused(asPart, "amountPaid");
        assertThat(asPart.getBody()).contains("应缴 600.00 元");
        assertThat(payment(instance).getReceived()).isEqualByComparingTo("400");

        complete(instance, "recordPayment", payment("paid", "600"));
        assertThat(instance).isNotWaitingAt("recordPayment");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("1000");
    }

    @Test
    @DisplayName("Art. 72: a 1,000 yuan fine paid 25 days late owes 1,750 with the surcharge (3 % a day); 1,750.01 is refused naming amountPaid and saying 1,750 is owed, 1,750 pays fine and surcharge")
    void art72_theSurchargeCountsButNoMore() {
        ProcessInstance instance = servedPenalty("多缴当事人丙", 1000, 40);

        ResponseEntity<String> tooMuch = submit("xfhandler1", instance, "recordPayment", payment("paid", "1750.01"));
        assertRefused(tooMuch, "amountPaid");
        assertThat(tooMuch.getBody()).contains("应缴 1750.00 元", "加处罚款 750.00 元");

        complete(instance, "recordPayment", payment("paid", "1750"));
        assertThat(instance).isNotWaitingAt("recordPayment");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("1750");
        assertThat(payment(instance).getSurcharge()).isEqualByComparingTo("750");
    }

    @Test
    @DisplayName("Arts. 66 ¶2, 67: under a schedule of 3 × 300, one payment above the 900 left (901) is refused naming amountPaid and saying 900 is owed in all; 900 settles every instalment")
    void art66_moreThanTheWholeScheduleIsRefused() {
        ProcessInstance instance = servedPenalty("多缴当事人丁", 900, 5);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 3, "newPaymentDueDate", TODAY.plusDays(60).toString()));

        ResponseEntity<String> tooMuch = submit("xfhandler1", instance, "recordPayment", payment("paid", "901"));
        assertRefused(tooMuch, "amountPaid");
        assertThat(tooMuch.getBody()).contains("未缴各期合计应缴 900.00 元");
        assertThat(instance).isWaitingAt("recordPayment");

        complete(instance, "recordPayment", payment("paid", "900"));
        assertThat(instance).isWaitingAt("closeCase");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("900");
    }
}
