/**
 * Hand-overs between enforcement, industry management and police, joint operations, the fine register and
 * watchlist; listens to LeadDecided, FineDecided (penalty) and CaseConcluded.
 */
@ApplicationModule(displayName = "部门联动 Linkage",
        allowedDependencies = { "platform", "platform :: forms", "platform :: identifiers", "security", "calendar", "deadline", "lead", "casefile", "organisation", "penalty" })
package org.sanlian.linkage;

import org.springframework.modulith.ApplicationModule;
