package org.sanlian.penalty;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * 送达 of a case's decision (行政处罚法 Art. 61) and of its 违法行为通知书 (Art. 44), as the document module's rules of service make it: the case's
 * rules ask for it through this interface, the document module answers, so neither module reaches into the other.
 */
public interface ServiceOfDecision {

    /**
     * Serves the latest penalty decision ({@code penalty}) or no-penalty decision of the case with the method,
     * recipient and receipt the form gives, and returns the record's day the decision counts as served.
     */
    Served serveLatestDecision(String caseNumber, boolean penalty, Function<String, Object> input, String actor);

    /**
     * The day a document served on {@code servedOn} by {@code method} (a method name of the serveDecision and
     * issueNotice forms) counts as served, as the rules of service count it: the service day, or the end of the
     * public notice (民事诉讼法 Art. 95). The 违法行为通知书's periods (陈述申辩, 听证申请) run from this day.
     */
    LocalDate countsAsServedOn(String method, LocalDate servedOn);

    /**
     * The day the party could first know the case's latest 违法行为通知书: the day it was served, or for a public
     * notice the day it was published — 30 days before it counts as served. A party who reads the notice may act
     * from then on (a hearing request, Art. 64(1)), though the periods run from the later day.
     */
    java.util.Optional<LocalDate> noticeKnowableFrom(String caseNumber);

    /** The stored service: the day it takes effect, the method's Chinese name, the recipient. */
    record Served(LocalDate effectiveOn, String method, String recipient) {
    }
}
