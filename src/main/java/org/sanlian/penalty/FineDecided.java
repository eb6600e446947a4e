package org.sanlian.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A fine about to be decided, in any procedure: the head's penalty decision (general procedure) or the on-the-spot
 * decision handed to the party (summary procedure). Published inside the step's transaction before the decision
 * stands; the fine register (linkage) enters it or refuses a second fine for the same act (行政处罚法 Art. 29), and
 * its refusal rolls the step back, naming {@code field}. {@code reference} is the case or on-the-spot (lead) number,
 * {@code partyId} the party's ID number or unified social credit code, {@code actDate} the day of the act.
 */
public record FineDecided(String reference, String organisationCode, String decisionNumber, String partyName,
        String partyId, String plateNumber, String violationCode, LocalDate actDate, BigDecimal fine, String actor,
        String field) {
}
