/**
 * Discretion, decisions and payment: the violation catalogue with its discretion benchmarks, the proposed penalty
 * held against them (PenaltyProposal), the rule that defence never makes a penalty heavier, the late-payment
 * surcharge, and the records of a case's penalty (case_penalty), its payment (case_payment) and a summary
 * decision (summary_decision). Depends on nothing of casefile: casefile's step rules use it, never the reverse.
 */
@ApplicationModule(displayName = "处罚 Penalty",
        allowedDependencies = { "platform", "platform :: forms" })
package org.sanlian.penalty;

import org.springframework.modulith.ApplicationModule;
