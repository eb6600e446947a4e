package org.sanlian.casefile.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.deadline.LegalDeadlineRepository;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.penalty.PaymentFacts;
import org.sanlian.penalty.ExecutionRules;
import org.sanlian.platform.DeadlineSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 12, build line 5 — payment and its due dates (domain.md §2.12, §2.17): 暂缓或分期缴纳 is asked for within the
 * payment period (行政处罚法 Arts. 66 ¶2, 67), its approval never cancels the 加处罚款 already accrued (Art. 72), and
 * the approval, the 催告 and the court application are due on dates the server counts from the recorded service of
 * the decision (行政强制法 Arts. 53, 54, 69; 行政处罚法 Art. 72 ¶2).
 */
@DisplayName("执行 — deferral, surcharge and the due dates of 催告 and 申请法院强制执行 (domain.md §2.12)")
class PaymentDeferralAndEnforcementTest extends CaseProcedureTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineSettings settings;

    @Autowired
    LegalDeadlineRepository legalDeadlines;

    @Autowired
    ExecutionRules executionRules;

    private PaymentFacts payment(ProcessInstance instance) {
        return penalties.payment(caseNumberOf(instance)).orElseThrow();
    }

    /** The last day a 催告书 may be served and leave its working days before {@code courtLast}, counted forward. */
    private void assertLastReminderDay(LocalDate reminderDue, LocalDate courtLast) {
        int days = settings.reminderWorkingDays();
        assertThat(calendar.addWorkingDays(reminderDue, days).date()).isBeforeOrEqualTo(courtLast);
        assertThat(calendar.addWorkingDays(reminderDue.plusDays(1), days).date()).isAfter(courtLast);
    }

    @Test
    @DisplayName("行政处罚法 Art. 67, 行政强制法 Arts. 53, 54, 69: from the recorded service 200 days ago — payment due at service + 15 days; 催告 due the last day that leaves 10 working days before the court window closes (service + 6 months + 3 months); 申请法院强制执行 due on that last day")
    void art67_art53_art54_dueDatesCountedFromTheRecordedService() {
        ProcessInstance instance = servedPenalty("执行期限当事人", 1000, 200);
        LocalDate servedOn = TODAY.minusDays(200);
        assertThat(task("recordPayment", instance).getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(servedOn.plusDays(15)));

        complete(instance, "recordPayment", Map.of("paymentOutcome", "notPaid"));
        LocalDate courtLast = servedOn.plusMonths(6).plusMonths(3);
        LocalDate reminderDue = LocalDate.parse((String) runtimeService.getVariable(instance.getId(), "reminderDueDate"));
        assertLastReminderDay(reminderDue, courtLast);
        assertThat(task("issueReminder", instance).getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(reminderDue));

        complete(instance, "issueReminder", Map.of("reminderServedOn", TODAY.minusDays(20).toString()));
        assertThat(task("applyToCourt", instance).getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(courtLast));
        complete(instance, "applyToCourt", Map.of("courtAppliedOn", TODAY.toString(), "court", "庆阳市西峰区人民法院"));
        assertThat(instance).isWaitingAt("closeCase");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 66 ¶2, 67: 暂缓或分期 asked for after the payment deadline is refused with 400 naming deferralAppliedOn and the deadline; asked for on the deadline's last day it is taken, and the head's approval is due the configured working days after the application")
    void art66_deferralAskedAfterTheDueDate_isRefused_onTheDueDate_isAllowed() {
        ProcessInstance instance = servedPenalty("逾期申请暂缓当事人", 1000, 20);
        LocalDate due = TODAY.minusDays(5);
        assertThat(payment(instance).getDueDate()).isEqualTo(due);

        ResponseEntity<String> late = submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome",
                "applyDeferral", "deferralAppliedOn", due.plusDays(1).toString(), "deferralReason", "经营困难"));
        assertRefused(late, "deferralAppliedOn");
        assertThat(late.getBody()).contains(due.toString(), "第六十六条第二款");
        assertThat(payment(instance).getDeferralAppliedOn()).isNull();
        assertThat(instance).isWaitingAt("recordPayment");

        ResponseEntity<String> inTime = submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome",
                "applyDeferral", "deferralAppliedOn", due.toString(), "deferralReason", "经营困难"));
        assertThat(inTime.getStatusCode()).as(inTime.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(payment(instance).getDeferralAppliedOn()).isEqualTo(due);
        assertThat(task("approveDeferral", instance).getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(
                calendar.addWorkingDays(due, settings.deferralApprovalWorkingDays()).date()));
        assertThat(legalDeadlines.findByProcessInstanceIdAndKindAndActiveTrue(instance.getId(), "deferralApprovalWindow"))
                .singleElement().satisfies(window -> assertThat(window.getTaskDefinitionKey()).isEqualTo("approveDeferral"));

        complete(instance, "approveDeferral", Map.of("deferralDecision", "reject"));
        assertThat(legalDeadlines.findByProcessInstanceIdAndKindAndActiveTrue(instance.getId(), "deferralApprovalWindow"))
                .isEmpty();
    }

    @Test
    @DisplayName("行政处罚法 Art. 72: an application made in time but approved 5 days after the deadline keeps the 150 yuan (3 % × 5 days of 1,000) accrued before the approval — paying only the fine is refused naming amountPaid; paying 1,150 is taken")
    void art72_surchargeAccruedBeforeALateApproval_staysOwed() {
        ProcessInstance instance = servedPenalty("批准在后当事人", 1000, 20);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.minusDays(7).toString(), "deferralReason", "家庭突遭变故"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "defer",
                "newPaymentDueDate", TODAY.plusDays(30).toString()));
        assertThat(payment(instance).getAccruedSurcharge()).isEqualByComparingTo("150.00");
        assertThat(payment(instance).getDueDate()).isEqualTo(TODAY.plusDays(30));
        assertThat(runtimeService.getVariable(instance.getId(), "accruedSurcharge")).isEqualTo(150.0);

        ResponseEntity<String> fineOnly = submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome", "paid",
                "paidOn", TODAY.toString(), "amountPaid", 1000));
        assertRefused(fineOnly, "amountPaid");
        assertThat(fineOnly.getBody()).contains("1150.00", "第七十二条");

        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 1150));
        assertThat(payment(instance).getSurcharge()).isEqualByComparingTo("150.00");
        assertThat(instance).isWaitingAt("closeCase");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 66 ¶2, 72: approved before the deadline, a payment by the new deadline owes no surcharge")
    void art72_approvalBeforeTheDueDate_owesNoSurcharge() {
        ProcessInstance instance = servedPenalty("批准在前当事人", 1000, 10);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.minusDays(2).toString(), "deferralReason", "经营困难"));
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "instalments",
                "instalmentCount", 2, "newPaymentDueDate", TODAY.plusDays(60).toString()));
        assertThat(payment(instance).getAccruedSurcharge()).isEqualByComparingTo(BigDecimal.ZERO);

        complete(instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(), "amountPaid", 1000));
        assertThat(payment(instance).getSurcharge()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(instance).isWaitingAt("closeCase");
    }

    @Test
    @DisplayName("行政处罚法 Art. 72 ¶2, 行政强制法 Arts. 53, 54: after a deferral that ends later than the litigation period, the court window and the 催告's last day run from the end of the deferral; without one, from the litigation period's end")
    void art72_courtWindowRunsFromTheEndOfTheDeferral() {
        ProcessInstance plain = servedPenalty("未暂缓当事人", 1000, 20);
        LocalDate servedOn = TODAY.minusDays(20);
        assertLastReminderDay(executionRules.lastReminderDay(payment(plain)), servedOn.plusMonths(6).plusMonths(3));

        ProcessInstance deferred = servedPenalty("长期暂缓当事人", 1000, 20);
        complete(deferred, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.minusDays(10).toString(), "deferralReason", "经营困难"));
        LocalDate deferralEnds = servedOn.plusMonths(8);
        complete(deferred, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "defer",
                "newPaymentDueDate", deferralEnds.toString()));
        assertLastReminderDay(executionRules.lastReminderDay(payment(deferred)), deferralEnds.plusMonths(3));
    }

    @Test
    @DisplayName("行政处罚法 Art. 66 ¶2 (no limit in the law), local rule deferral-longest P3Y: a 暂缓 to a mistyped far year is refused naming newPaymentDueDate and the last day allowed in words without the configuration key, and nothing changes; three years from the approval is taken")
    void art66_deferralAtMostTheLocalLongest() {
        ProcessInstance instance = servedPenalty("暂缓过长当事人", 1000, 2);
        complete(instance, "recordPayment", Map.of("paymentOutcome", "applyDeferral",
                "deferralAppliedOn", TODAY.toString(), "deferralReason", "经营困难"));
        LocalDate longest = TODAY.plusYears(3);
        ResponseEntity<String> tooLong = submit("xfhead", instance, "approveDeferral", Map.of("deferralDecision",
                "approve", "deferralKind", "defer", "newPaymentDueDate", "2962-01-01"));
        assertRefused(tooLong, "newPaymentDueDate");
        // said to the head in Tasklist: no configuration key in the sentence (found in Chromium: 本地规定 sanlian.deadlines.deferral-longest)
        assertThat(tooLong.getBody()).contains("3 年", longest.toString()).doesNotContain("sanlian.deadlines", "deferral-longest");
        assertRefused(submit("xfhead", instance, "approveDeferral", Map.of("deferralDecision", "approve",
                "deferralKind", "defer", "newPaymentDueDate", longest.plusDays(1).toString())), "newPaymentDueDate");
        assertThat(payment(instance).getDeferralApprovedOn()).isNull();
        complete(instance, "approveDeferral", Map.of("deferralDecision", "approve", "deferralKind", "defer",
                "newPaymentDueDate", longest.toString()));
        assertThat(payment(instance).getDueDate()).isEqualTo(longest);
    }
}
