package org.sanlian.casefile.procedure;

import java.util.EnumSet;
import java.util.Set;
import org.sanlian.casefile.CaseStatus;

/**
 * The rules a user task of generalProcedure or summaryProcedure may name in the model (extension property
 * {@code rule}, shown in Modeler's properties panel under 扩展属性 / Extension properties). The rule, not the task's
 * id, decides what the step checks, records and which documents it makes, so renaming a task keeps its rule.
 * Each rule of the general procedure also says in which case statuses (read from the domain) it may run.
 */
public enum Rule {
    investigation(Phase.BEFORE_DECISION),
    preservationDecision(Phase.ALONGSIDE),
    seizureReview(Phase.ALONGSIDE),
    recusalDecision(Phase.ALONGSIDE),
    investigationReport(Phase.BEFORE_DECISION),
    deviationDecision(Phase.BEFORE_DECISION),
    legalReview(Phase.BEFORE_DECISION),
    noticeService(Phase.BEFORE_DECISION),
    statementRecheck(Phase.BEFORE_DECISION),
    hearingSchedule(Phase.BEFORE_DECISION),
    hearingHeld(Phase.BEFORE_DECISION),
    hearingLegalReview(Phase.BEFORE_DECISION),
    collectiveDiscussion(Phase.BEFORE_DECISION),
    penaltyDecision(Phase.BEFORE_DECISION),
    noPenaltyDecision(Phase.BEFORE_DECISION),
    crimeTransferDecision(Phase.BEFORE_DECISION),
    crimeTransferSent(Phase.BEFORE_DECISION),
    /** The police's answer on filing a transferred case (移送规定 Arts. 8, 9, 13): only while the case is with them. */
    policeFilingDecision(Phase.WITH_THE_POLICE),
    /**
     * After the police filed it, what the judicial organs did in the end (行政处罚法 Art. 27 ¶1): sent back for an
     * administrative penalty, or concluded. Only while the case is with them.
     */
    judicialOutcome(Phase.WITH_THE_POLICE),
    decisionService(Phase.AFTER_DECISION),
    payment(Phase.AFTER_DECISION),
    deferral(Phase.AFTER_DECISION),
    reminder(Phase.AFTER_DECISION),
    courtApplication(Phase.AFTER_DECISION),
    closureReport(Phase.AFTER_DECISION),
    closureApproval(Phase.AFTER_DECISION),
    deadlineWarning(Phase.ALONGSIDE),
    extensionDecision(Phase.ALONGSIDE),
    overdueSupervision(Phase.ALONGSIDE),
    /** The summary procedure's steps: on the spot, before any case is filed (keyed by the lead). */
    onTheSpotStatement(Phase.SUMMARY),
    onTheSpotDecision(Phase.SUMMARY),
    decisionCopyFiling(Phase.SUMMARY),
    cashHandOver(Phase.SUMMARY),
    bankPayment(Phase.SUMMARY);

    /** The extension property a user task names its rule with. */
    public static final String PROPERTY = "rule";

    enum Phase {
        /** Investigation up to the decision: only while the case is open and undecided. */
        BEFORE_DECISION(EnumSet.of(CaseStatus.FILED)),
        /** Side measures and deadline steps that run alongside: before or after the decision. */
        ALONGSIDE(EnumSet.of(CaseStatus.FILED, CaseStatus.DECIDED)),
        /** Service, payment, enforcement and closure: only once decided. */
        AFTER_DECISION(EnumSet.of(CaseStatus.DECIDED)),
        /** Sent to the police as a suspected crime, awaiting their decision on filing. */
        WITH_THE_POLICE(EnumSet.of(CaseStatus.CRIME_TRANSFERRED)),
        SUMMARY(EnumSet.noneOf(CaseStatus.class));

        private final Set<CaseStatus> statuses;

        Phase(Set<CaseStatus> statuses) {
            this.statuses = statuses;
        }
    }

    private final Phase phase;

    Rule(Phase phase) {
        this.phase = phase;
    }

    /** Whether the rule may run in a case with this status; a crime-transferred, transferred, closed or archived case allows none. */
    public boolean allows(CaseStatus status) {
        return phase.statuses.contains(status);
    }

    public boolean ofSummaryProcedure() {
        return phase == Phase.SUMMARY;
    }

    /** The rule a model names, or {@code null} when there is no such rule. */
    public static Rule named(String name) {
        for (Rule rule : values()) {
            if (rule.name().equals(name)) {
                return rule;
            }
        }
        return null;
    }
}
