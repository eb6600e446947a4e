package org.sanlian.casefile.procedure;

/**
 * Who keeps the penalty an investigation report proposes (Art. 57): the penalty module, which holds it against the
 * violation catalogue and the notified fine (Art. 45) and stores it. The case's rules hand the proposal over
 * through this interface and so depend on nothing of the penalty module.
 */
public interface ProposalKeeper {

    /** Checks the report's proposal and keeps it with the case's penalty record; a broken rule names the field. */
    void proposed(String caseNumber, InvestigationRules.Report report);
}
