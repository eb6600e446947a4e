package org.sanlian.penalty;

/**
 * Published inside the transaction in which the officers hand the pre-numbered 当场行政处罚决定书 to the party
 * (行政处罚法 Art. 52; 9号令 Art. 61 ⑥ ⑦): the decision's facts are stored in {@link SummaryDecision} under
 * {@code leadNumber}, the on-the-spot case's reference (it has no case file). The document module makes the PDF from
 * them once the step has committed.
 */
public record OnTheSpotDecisionHandedOver(String leadNumber, String organisationCode, String decisionNumber,
        String actor) {
}
