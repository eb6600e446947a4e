package org.sanlian.penalty;

import java.math.BigDecimal;

/** Amounts of money in yuan, as the documents and forms write them and as process variables carry them. */
public final class Yuan {

    private Yuan() {
    }

    /** 1500.00 → "1500", 12.50 → "12.5": an amount as the decisions and messages write it, without trailing zeros. */
    public static String text(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /**
     * An amount as a plain number variable (Long when whole yuan, else Double), never a serialized BigDecimal,
     * so forms, Cockpit and the REST API show it as a number.
     */
    public static Number variable(BigDecimal amount) {
        BigDecimal normalised = amount.stripTrailingZeros();
        return normalised.scale() <= 0 ? (Number) normalised.longValueExact() : (Number) amount.doubleValue();
    }
}
