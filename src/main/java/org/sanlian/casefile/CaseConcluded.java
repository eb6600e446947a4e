package org.sanlian.casefile;

/**
 * Published when a case ends — archived, or transferred to the judicial organs — so that the bodies that
 * handed its lead over learn the outcome (抄告) without anyone typing it again. {@code outcome} is the last
 * decision step and {@code summary} what the case's record says of it.
 */
public record CaseConcluded(String caseNumber, String leadNumber, String organisationCode, CaseStatus status,
        String outcome, String summary) {
}
