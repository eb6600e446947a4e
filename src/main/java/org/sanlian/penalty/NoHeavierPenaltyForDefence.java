package org.sanlian.penalty;

import java.math.BigDecimal;
import org.sanlian.platform.InvalidInputException;

/**
 * 行政处罚法 Art. 45 ¶2: 行政机关不得因当事人陈述、申辩而给予更重的处罚. Once the party has been told the fine
 * (违法行为通知书, or on the spot in the summary procedure), neither the re-checked fine nor the decided fine may
 * exceed it, and a later proposal may not raise it. The one place both procedures check this.
 */
final class NoHeavierPenaltyForDefence {

    private NoHeavierPenaltyForDefence() {
    }

    /** Refuses {@code fine} in {@code field} when it exceeds the fine the party was told; nothing told, nothing to hold. */
    public static void requireNotAbove(String field, BigDecimal fine, BigDecimal notifiedFine) {
        if (fine != null && notifiedFine != null && fine.compareTo(notifiedFine) > 0) {
            throw new InvalidInputException(field, "不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）：不能高于已告知的罚款 "
                    + Yuan.text(notifiedFine) + " 元");
        }
    }
}
