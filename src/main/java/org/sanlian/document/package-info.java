/**
 * Enforcement documents (文书), their service (送达) and the archive volume; listens to CaseStepCompleted and
 * CaseArchiving, answers ServiceOfDecision.
 */
@ApplicationModule(displayName = "文书 Documents",
        allowedDependencies = { "platform", "security", "casefile", "casefile :: evidence", "casefile :: party", "lead",
                "organisation", "penalty" })
package org.sanlian.document;

import org.springframework.modulith.ApplicationModule;
