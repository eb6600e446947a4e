package org.sanlian.penalty;

import java.math.BigDecimal;

/**
 * Published inside the transaction in which the head approves a penalty decision; a listener that throws
 * (e.g. the Art. 29 check: one act, one fine) rolls the approval back and the task stays open.
 */
public record PenaltyDecided(String caseNumber, String leadNumber, String organisationCode, String partyName,
        String decisionNumber, BigDecimal fine, String actor) {
}
