package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One instalment of an approved 分期缴纳 (行政处罚法 Art. 66 ¶2): its last day and amount, and once paid, when, how
 * much and the surcharge for paying it late (Art. 72, on the instalment). The first also carries what accrued
 * before the approval.
 */
@Entity
@Table(name = "case_payment_instalment")
public class PaymentInstalment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number", nullable = false)
    private String caseNumber;
    @Column(nullable = false)
    private int seq;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(name = "paid_on")
    private LocalDate paidOn;
    @Column(name = "amount_paid")
    private BigDecimal amountPaid;
    private BigDecimal surcharge;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected PaymentInstalment() {
    }

    PaymentInstalment(String caseNumber, int seq, LocalDate dueDate, BigDecimal amount) {
        this.caseNumber = caseNumber;
        this.seq = seq;
        this.dueDate = dueDate;
        this.amount = amount;
    }

    /**
     * The schedule of {@code count} instalments from the approval to the approved last day: the days spread evenly
     * (the last on the approved day), the fine in equal parts to the fen, the remainder with the last. The law
     * fixes neither; an even schedule is what the head's count and last day give.
     */
    static List<PaymentInstalment> schedule(String caseNumber, BigDecimal fine, LocalDate approvedOn, LocalDate last,
            int count) {
        long span = ChronoUnit.DAYS.between(approvedOn, last);
        BigDecimal part = fine.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        List<PaymentInstalment> schedule = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            LocalDate due = i == count ? last : approvedOn.plusDays((span * i + count - 1) / count);
            BigDecimal amount = i == count ? fine.subtract(part.multiply(BigDecimal.valueOf(count - 1))) : part;
            schedule.add(new PaymentInstalment(caseNumber, i, due, amount));
        }
        return schedule;
    }

    /**
     * 加处罚款 for paying this instalment on {@code day}: 3 % a day after its last day of what is still unpaid of it
     * (what an earlier payment already credited to it is not late), never more than that.
     */
    BigDecimal surchargeOn(LocalDate day) {
        return LatePaymentSurcharge.of(amount.subtract(applied()), dueDate, day);
    }

    /** Money applied to this instalment so far (a surplus of an earlier payment, or the payment that settled it). */
    BigDecimal applied() {
        return amountPaid == null ? BigDecimal.ZERO : amountPaid;
    }

    /** Settled on {@code on} by {@code money} more, its surcharge for lateness being {@code lateSurcharge}. */
    void settled(LocalDate on, BigDecimal money, BigDecimal lateSurcharge, String actor, Instant now) {
        this.paidOn = on;
        this.amountPaid = applied().add(money);
        this.surcharge = lateSurcharge;
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    /** A payment's surplus credited to it: not settled yet, it owes that much less. */
    void credited(BigDecimal money, String actor, Instant now) {
        this.amountPaid = applied().add(money);
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    public boolean isPaid() {
        return paidOn != null;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public int getSeq() {
        return seq;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
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

    public String getRecordedBy() {
        return recordedBy;
    }
}
