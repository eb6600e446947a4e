package org.sanlian.penalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 加处罚款 (行政处罚法 Art. 72 ¶1(1)): a party who does not pay by the deadline owes 3 % of the fine for every
 * day late, in calendar days, never more than the fine itself.
 */
public final class LatePaymentSurcharge {

    public static final BigDecimal DAILY_RATE = new BigDecimal("0.03");

    private LatePaymentSurcharge() {
    }

    public static BigDecimal of(BigDecimal fine, LocalDate paymentDue, LocalDate paidOn) {
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(paymentDue, paidOn));
        BigDecimal surcharge = fine.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(daysLate));
        return surcharge.min(fine).setScale(2, RoundingMode.HALF_UP);
    }
}
