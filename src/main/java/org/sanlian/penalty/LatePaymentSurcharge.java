package org.sanlian.penalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 加处罚款 (行政处罚法 Art. 72 ¶1(1)): a party who does not pay by the deadline owes 3 % of the fine for every
 * day late, in calendar days, never more than the fine itself.
 */
final class LatePaymentSurcharge {

    public static final BigDecimal DAILY_RATE = new BigDecimal("0.03");

    private LatePaymentSurcharge() {
    }

    public static BigDecimal of(BigDecimal fine, LocalDate paymentDue, LocalDate paidOn) {
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(paymentDue, paidOn));
        BigDecimal surcharge = fine.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(daysLate));
        return surcharge.min(fine).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The surcharge owed on {@code paidOn} when {@code alreadyAccrued} accrued under an earlier schedule (before an
     * approved deferral moved the deadline, Art. 66 ¶2): what accrued stays owed, the days late under the new
     * deadline are added, and the whole never exceeds the fine.
     */
    public static BigDecimal of(BigDecimal fine, BigDecimal alreadyAccrued, LocalDate paymentDue, LocalDate paidOn) {
        return alreadyAccrued.add(of(fine, paymentDue, paidOn)).min(fine).setScale(2, RoundingMode.HALF_UP);
    }
}
