package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The payment of a decided fine (行政处罚法 Arts. 66, 67, 72) and its enforcement (行政强制法 Arts. 53, 54): the
 * fine, the decision's service, the due date (moved only by an approved deferral), what was paid and when, the
 * surcharge, the reminder and the court application.
 */
@Entity
@Table(name = "case_payment")
public class PaymentFacts {

    @Id
    @Column(name = "case_number")
    private String caseNumber;
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal fine;
    @Column(name = "served_on", nullable = false)
    private LocalDate servedOn;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "paid_on")
    private LocalDate paidOn;
    @Column(name = "amount_paid", precision = 12, scale = 2)
    private BigDecimal amountPaid;
    @Column(precision = 12, scale = 2)
    private BigDecimal surcharge;
    @Column(name = "deferral_kind")
    private String deferralKind;
    @Column(name = "instalment_count")
    private Integer instalmentCount;
    @Column(name = "deferral_applied_on")
    private LocalDate deferralAppliedOn;
    @Column(name = "deferral_approved_on")
    private LocalDate deferralApprovedOn;
    @Column(name = "due_before_deferral")
    private LocalDate dueBeforeDeferral;
    @Column(name = "accrued_surcharge", precision = 12, scale = 2)
    private BigDecimal accruedSurcharge;
    /** 部分缴纳: paid so far towards the fine without an approved schedule, short of what was owed. */
    @Column(precision = 12, scale = 2)
    private BigDecimal received;
    @Column(name = "last_received_on")
    private LocalDate lastReceivedOn;
    @Column(name = "reminder_served_on")
    private LocalDate reminderServedOn;
    @Column(name = "court_applied_on")
    private LocalDate courtAppliedOn;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentFacts() {
    }

    public PaymentFacts(String caseNumber, BigDecimal fine, LocalDate servedOn, LocalDate dueDate, Instant now) {
        this.caseNumber = caseNumber;
        served(fine, servedOn, dueDate, now);
    }

    /** The decision served (again): the fine and the due date counted from the service (Art. 67). */
    public void served(BigDecimal fine, LocalDate servedOn, LocalDate dueDate, Instant now) {
        this.fine = fine;
        this.servedOn = servedOn;
        this.dueDate = dueDate;
        this.updatedAt = now;
    }

    public void paid(LocalDate on, BigDecimal amount, BigDecimal surcharge, Instant now) {
        this.paidOn = on;
        this.amountPaid = amount;
        this.surcharge = surcharge;
        this.updatedAt = now;
    }

    /** 部分缴纳: a payment short of what was owed is kept, and what is still owed is counted without it. */
    public void partlyPaid(LocalDate on, BigDecimal amount, Instant now) {
        this.received = getReceived().add(amount);
        this.lastReceivedOn = on;
        this.updatedAt = now;
    }

    /** Paid so far in part payments (zero when none). */
    public BigDecimal getReceived() {
        return received == null ? BigDecimal.ZERO : received;
    }

    public LocalDate getLastReceivedOn() {
        return lastReceivedOn;
    }

    /** The party's application for deferral or instalments (Art. 66 ¶2), dated as the application is. */
    public void deferralApplied(LocalDate on, Instant now) {
        this.deferralAppliedOn = on;
        this.updatedAt = now;
    }

    /**
     * An approved deferral or instalments (Art. 66 ¶2) moves the deadline from the day of the approval on: the
     * surcharge accrued up to that day under the old deadline (Art. 72) stays owed.
     */
    public void deferred(String kind, Integer instalments, LocalDate newDue, LocalDate approvedOn, Instant now) {
        this.accruedSurcharge = surchargeOwedOn(approvedOn);
        this.dueBeforeDeferral = dueDate;
        this.deferralApprovedOn = approvedOn;
        this.deferralKind = kind;
        this.instalmentCount = instalments;
        this.dueDate = newDue;
        this.updatedAt = now;
    }

    /**
     * 加处罚款 owed for a payment on {@code day} (Art. 72): 3 % of the fine a day after the deadline in force on that
     * day, plus what accrued before an approved deferral, never more than the fine. A payment made before the
     * approval owes what had accrued by then under the old deadline.
     */
    public BigDecimal surchargeOwedOn(LocalDate day) {
        BigDecimal accrued = accruedSurcharge == null ? BigDecimal.ZERO : accruedSurcharge;
        if (deferralApprovedOn != null && day.isBefore(deferralApprovedOn)) {
            return LatePaymentSurcharge.of(fine, dueBeforeDeferral, day).min(accrued);
        }
        return LatePaymentSurcharge.of(fine, accrued, dueDate, day);
    }

    public void reminded(LocalDate on, Instant now) {
        this.reminderServedOn = on;
        this.updatedAt = now;
    }

    public void appliedToCourt(LocalDate on, Instant now) {
        this.courtAppliedOn = on;
        this.updatedAt = now;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public BigDecimal getFine() {
        return fine;
    }

    public LocalDate getServedOn() {
        return servedOn;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public BigDecimal getSurcharge() {
        return surcharge;
    }

    public String getDeferralKind() {
        return deferralKind;
    }

    public Integer getInstalmentCount() {
        return instalmentCount;
    }

    public LocalDate getDeferralAppliedOn() {
        return deferralAppliedOn;
    }

    public LocalDate getDeferralApprovedOn() {
        return deferralApprovedOn;
    }

    public BigDecimal getAccruedSurcharge() {
        return accruedSurcharge;
    }

    public LocalDate getReminderServedOn() {
        return reminderServedOn;
    }

    public LocalDate getCourtAppliedOn() {
        return courtAppliedOn;
    }
}
