package org.sanlian.support;

import java.time.LocalDate;
import java.util.Map;

/** The issueNotice form as a handler fills it in: the 违法行为通知书 with its 送达回证 (行政处罚法 Art. 44, 9号令 template 23). */
public final class Notices {

    private Notices() {
    }

    /** Served in person on {@code servedOn}, the party signing the 送达回证. */
    public static Map<String, Object> served(LocalDate servedOn) {
        return Map.of("noticeServedOn", servedOn.toString(), "serviceMethod", "direct", "recipient", "当事人本人",
                "receiptSignature", "signed");
    }
}
