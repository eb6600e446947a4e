/**
 * Discretion, decisions and payment: the violation catalogue with its discretion benchmarks, the proposed penalty
 * held against them (PenaltyProposal), the notice, statement and hearing (HearingRules), the decision
 * (DecisionRules), service, payment and enforcement (ExecutionRules), the summary procedure's on-the-spot decision
 * (SummaryProcedure), and the records they keep (PenaltyRecords: case_penalty, case_payment; summary_decision).
 * Builds on casefile: its phases join the case procedures through casefile's step-rule interface (named interface
 * procedure) and casefile depends on nothing here — the investigation report hands its proposal over through
 * casefile's ProposalKeeper, which PenaltyRecords implements. Publishes PenaltyDecided and, when the on-the-spot
 * decision is handed over, OnTheSpotDecisionHandedOver; asks the document module to serve decisions through
 * ServiceOfDecision.
 */
@ApplicationModule(displayName = "处罚 Penalty",
        allowedDependencies = { "platform", "platform :: forms", "security", "calendar", "deadline", "lead", "organisation",
                "casefile", "casefile :: procedure", "casefile :: process", "casefile :: evidence", "casefile :: party",
                "platform :: identifiers" })
package org.sanlian.penalty;

import org.springframework.modulith.ApplicationModule;
