package org.sanlian.penalty;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * 送达 of a case's decision (行政处罚法 Art. 61), as the document module's rules of service make it: the case's
 * rules ask for it through this interface, the document module answers, so neither module reaches into the other.
 */
public interface ServiceOfDecision {

    /**
     * Serves the latest penalty decision ({@code penalty}) or no-penalty decision of the case with the method,
     * recipient and receipt the form gives, and returns the record's day the decision counts as served.
     */
    Served serveLatestDecision(String caseNumber, boolean penalty, Function<String, Object> input, String actor);

    /** The stored service: the day it takes effect, the method's Chinese name, the recipient. */
    record Served(LocalDate effectiveOn, String method, String recipient) {
    }
}
