/**
 * The case: filing, case numbers, parties (named interface party), evidence (named interface evidence), the
 * general and summary procedures' step rules. Publishes CaseStepCompleted, CaseArchiving, PenaltyDecided and
 * CaseConcluded; asks the document module to serve decisions through ServiceOfDecision.
 */
@ApplicationModule(displayName = "案件 Case file",
        allowedDependencies = { "platform", "platform :: forms", "platform :: identifiers", "security", "calendar", "deadline", "lead", "organisation" })
package org.sanlian.casefile;

import org.springframework.modulith.ApplicationModule;
