package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.DocumentRenderQueue;
import org.sanlian.document.Documents;
import org.sanlian.penalty.ExecutionRules;
import org.sanlian.penalty.PaymentFacts;
import org.sanlian.penalty.PaymentInstalment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 分期缴纳 (行政处罚法 Art. 66 ¶2) as a schedule, not one last day: the head's count and last day give the instalments'
 * days and amounts, the notice prints them, the payment task comes back for each instalment due on its day, a late
 * instalment owes the Art. 72 surcharge on itself, and the fine is paid when the last instalment is.
 */
@DisplayName("行政处罚法 Art. 66 ¶2 — 分期缴纳: the approved instalments are kept, printed, paid one by one and surcharged one by one")
class InstalmentScheduleTest extends CaseProcedureTestSupport {

    @Autowired
    ExecutionRules executionRules;

    @Autowired
    DocumentRenderQueue renders;

    @Autowired
    Documents documents;

    private PaymentFacts payment(ProcessInstance instance) {
        return penalties.payment(caseNumberOf(instance)).orElseThrow();
    }

    /** A value of 缴纳罚款's form variables as Tasklist reads them. */
    private String formShows(ProcessInstance instance, String name) {
        return formVariable(instance, "recordPayment", name);
    }

    private Map<String, Object> paid(String amount) {
        return Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", Double.valueOf(amount));
    }

    private String noticeText(String caseNumber) throws IOException {
        renders.renderPendingOf(caseNumber);
        byte[] pdf = documents.latest(caseNumber, DocumentKind.INSTALMENT_NOTICE).orElseThrow().getFile().getContent();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", "");
        }
    }

    @Test
    @DisplayName("Arts. 66 ¶2, 72: 1,000 yuan in 3 instalments over 90 days — 333.33 / 333.33 / 333.34 due on days 30, 60, 90 and printed on the notice; each payment settles the next instalment and the task comes back due on the following one; more than 36 instalments, too little, a second application or 逾期未缴 before the instalment's day are refused naming the field; a late instalment owes 3 % of itself a day; the last one pays the fine")
    void art66_instalmentsPaidOneByOne() throws IOException {
        ProcessInstance instance = servedPenalty("分期计划当事人", 1000, 14);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难，申请分三期缴纳"));
        // no schedule of a million rows: at most 36 instalments (a local limit)
        assertRefused(submit("xfhead", instance, "approveDeferral", Map.of("deferralDecision", "approve",
                "deferralKind", "instalments", "instalmentCount", 1000000, "newPaymentDueDate", "9999-12-31")),
                "instalmentCount");
        // three instalments cannot fit in two days: one a day at the least
        ResponseEntity<String> tooShort = submit("xfhead", instance, "approveDeferral", Map.of("deferralDecision",
                "approve", "deferralKind", "instalments", "instalmentCount", 3, "newPaymentDueDate",
                TODAY.plusDays(2).toString()));
        assertRefused(tooShort, "newPaymentDueDate");
        // named by the words above the date field (its dateLabel), not by its key
        assertThat(tooShort.getBody()).contains("批准的（最后一期）缴款期限：").doesNotContain("newPaymentDueDate：");
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 3, "newPaymentDueDate", TODAY.plusDays(90).toString()));

        assertThat(executionRules.instalmentsOf(caseNumber))
                .extracting(PaymentInstalment::getSeq, PaymentInstalment::getDueDate, i -> i.getAmount().toPlainString())
                .containsExactly(tuple(1, TODAY.plusDays(30), "333.33"), tuple(2, TODAY.plusDays(60), "333.33"),
                        tuple(3, TODAY.plusDays(90), "333.34"));
        assertThat(task("recordPayment", instance).getDueDate()).isEqualTo(ProcedureFacts.endOfDay(TODAY.plusDays(30)));
        // the application the head answered is not offered again as 缴纳罚款's choice
        assertThat(runtimeService.getVariable(instance.getId(), "paymentOutcome")).isNull();
        // the days as the notice writes its own date (2027年1月6日), never ISO
        assertThat(noticeText(caseNumber)).contains("分3期缴纳", "第1期" + chinese(TODAY.plusDays(30)) + "333.33",
                "第2期" + chinese(TODAY.plusDays(60)) + "333.33", "第3期" + chinese(TODAY.plusDays(90)) + "333.34",
                "最后缴纳期限为" + chinese(TODAY.plusDays(90))).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                // a notice the party receives bears the body's seal, as the decision it changes does
                .contains("（印章）");

        assertRefused(submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "再次申请")), "paymentOutcome");
        ResponseEntity<String> tooLittle = submit("xfhandler1", instance, "recordPayment", paid("300"));
        assertRefused(tooLittle, "amountPaid");
        assertThat(tooLittle.getBody()).contains("第 1 期应缴 333.33 元");

        complete(instance, "recordPayment", paid("333.33"));
        assertThat(instance).isWaitingAt("recordPayment");
        assertThat(task("recordPayment", instance).getDueDate()).isEqualTo(ProcedureFacts.endOfDay(TODAY.plusDays(60)));
        assertThat(payment(instance).getPaidOn()).isNull();
        // the second instalment's day has not come: it cannot be recorded as unpaid yet
        assertRefused(submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome", "notPaid")), "paymentOutcome");

        // the second instalment paid two days after its day: 3 % of 333.33 for 2 days = 20.00
        jdbc.update("update case_payment_instalment set due_date = ? where case_number = ? and seq = 2",
                java.sql.Date.valueOf(TODAY.minusDays(2)), caseNumber);
        ResponseEntity<String> withoutSurcharge = submit("xfhandler1", instance, "recordPayment", paid("333.33"));
        assertRefused(withoutSurcharge, "amountPaid");
        assertThat(withoutSurcharge.getBody()).contains("第 2 期应缴 353.33 元", "加处罚款 20.00 元");
        complete(instance, "recordPayment", paid("353.33"));
        assertThat(instance).isWaitingAt("recordPayment");

        complete(instance, "recordPayment", paid("333.34"));
        assertThat(instance).isWaitingAt("closeCase");
        assertThat(executionRules.instalmentsOf(caseNumber)).allSatisfy(i -> assertThat(i.isPaid()).isTrue())
                .extracting(i -> i.getSurcharge().toPlainString()).containsExactly("0.00", "20.00", "0.00");
        PaymentFacts payment = payment(instance);
        assertThat(payment.getPaidOn()).isEqualTo(TODAY);
        assertThat(payment.getAmountPaid()).isEqualByComparingTo("1020.00");
        assertThat(payment.getSurcharge()).isEqualByComparingTo("20.00");
        // 案件统计 counts what was collected from this copy: the whole, not the last instalment
        assertThat(runtimeService.getVariable(instance.getId(), "amountPaid")).isEqualTo(1020.0);
        assertThat(caseFiles.history(caseNumber)).extracting(CaseEvent::getNote)
                .anySatisfy(note -> assertThat(note).contains("第 1 期 " + TODAY.plusDays(30) + " 前 333.33 元"))
                .anySatisfy(note -> assertThat(note).contains("缴纳第 2 期 353.33 元，其中加处罚款 20.00 元"));
    }

    @Test
    @DisplayName("Art. 66 ¶2: a payment that covers every instalment left settles them all at once and pays the fine")
    void art66_everythingAtOnce() {
        ProcessInstance instance = servedPenalty("分期一次缴清当事人", 900, 5);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 3, "newPaymentDueDate", TODAY.plusDays(60).toString()));
        assertThat(formShows(instance, "instalmentsDue")).isEqualTo("true");
        complete(instance, "recordPayment", paid("300"));
        assertThat(instance).isWaitingAt("recordPayment");
        complete(instance, "recordPayment", paid("600"));
        assertThat(instance).isWaitingAt("closeCase");
        assertThat(executionRules.instalmentsOf(caseNumber)).extracting(i -> i.getAmountPaid().toPlainString())
                .containsExactly("300.00", "300.00", "300.00");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("900.00");
    }

    @Test
    @DisplayName("Art. 66 ¶2: no money paid is lost — 20,000 in 3 instalments (6,666.66 / 6,666.66 / 6,666.68) paid as 6,666.67 and then 13,333.33: the 0.01 over the first is credited to the second, and the two payments, 20,000 in all, pay the fine")
    void art66_aSurplusIsCreditedToTheNextInstalment() {
        ProcessInstance instance = servedPenalty("分期余款当事人", 20000, 5);
        String caseNumber = caseNumberOf(instance);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 3, "newPaymentDueDate", TODAY.plusDays(90).toString()));
        assertThat(formShows(instance, "nextInstalment")).isEqualTo("第 1 期 6666.66 元，期限 " + TODAY.plusDays(30));
        complete(instance, "recordPayment", paid("6666.67"));
        // what the 缴纳罚款 form shows of the next instalment, read when Tasklist opens it, stored nowhere
        assertThat(formShows(instance, "nextInstalment"))
                .isEqualTo("第 2 期 6666.66 元，期限 " + TODAY.plusDays(60) + "（已抵缴 0.01 元，尚应缴 6666.65 元）");
        assertThat(formShows(instance, "instalmentsDue")).isEqualTo("true");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("nextInstalment", "instalmentsDue");
        assertThat(executionRules.instalmentsOf(caseNumber)).extracting(i -> i.isPaid(),
                i -> i.getAmountPaid() == null ? null : i.getAmountPaid().toPlainString())
                .containsExactly(tuple(true, "6666.66"), tuple(false, "0.01"), tuple(false, null));
        // the second instalment now owes 6,666.65: less is refused naming what it still owes
        ResponseEntity<String> short1 = submit("xfhandler1", instance, "recordPayment", paid("6666.64"));
        assertRefused(short1, "amountPaid");
        assertThat(short1.getBody()).contains("第 2 期应缴 6666.65 元", "已抵缴 0.01 元");

        complete(instance, "recordPayment", paid("13333.33"));
        assertThat(instance).isWaitingAt("closeCase");
        assertThat(payment(instance).getAmountPaid()).isEqualByComparingTo("20000.00");
        assertThat(payment(instance).getSurcharge()).isEqualByComparingTo("0.00");
        assertThat(caseFiles.history(caseNumber)).extracting(CaseEvent::getNote)
                .anySatisfy(note -> assertThat(note).contains("余款 0.01 元抵缴第 2 期"))
                .anySatisfy(note -> assertThat(note).contains("缴纳第 2–3 期 13333.33 元"));
    }

    private static String chinese(java.time.LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
