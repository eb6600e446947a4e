package org.sanlian.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatePaymentSurchargeTest {

    @ParameterizedTest(name = "行政处罚法 Art. 72: fine {0} yuan paid {1} days after the deadline → surcharge {2} yuan")
    @CsvSource({
            "10000, 0, 0.00",
            "10000, 1, 300.00",
            "10000, 10, 3000.00",
            "10000, 33, 9900.00",
            "10000, 34, 10000.00",
            "10000, 40, 10000.00",
            "200, 5, 30.00"})
    void threePercentPerDayCappedAtTheFine(BigDecimal fine, int daysLate, BigDecimal surcharge) {
        LocalDate due = LocalDate.of(2026, 3, 1);
        assertThat(LatePaymentSurcharge.of(fine, due, due.plusDays(daysLate))).isEqualByComparingTo(surcharge);
    }

    @ParameterizedTest(name = "paid {0} days before the deadline → no surcharge")
    @CsvSource({"1", "15"})
    void earlyPaymentOwesNothing(int daysEarly) {
        LocalDate due = LocalDate.of(2026, 3, 1);
        assertThat(LatePaymentSurcharge.of(new BigDecimal("5000"), due, due.minusDays(daysEarly)))
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "行政处罚法 Arts. 66 ¶2, 72: {1} yuan accrued before a deferral, paid {2} days after the new deadline → surcharge {3} yuan")
    @CsvSource({
            "1000, 150, 0, 150.00",
            "1000, 150, -10, 150.00",
            "1000, 150, 2, 210.00",
            "1000, 900, 10, 1000.00"})
    void accruedBeforeADeferralStaysOwedAndTheWholeIsCappedAtTheFine(BigDecimal fine, BigDecimal accrued, int daysLate,
            BigDecimal surcharge) {
        LocalDate newDue = LocalDate.of(2026, 6, 1);
        assertThat(LatePaymentSurcharge.of(fine, accrued, newDue, newDue.plusDays(daysLate))).isEqualByComparingTo(surcharge);
    }
}
