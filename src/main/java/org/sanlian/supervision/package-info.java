/**
 * Supervisors' views across modules: deadline watch, case records and timelines, statistics, unstaffed tasks.
 * Reads other modules; none depends on it.
 */
@ApplicationModule(displayName = "执法监督 Supervision",
        allowedDependencies = { "platform", "security", "calendar", "deadline", "organisation", "lead", "casefile", "casefile :: evidence", "document" })
package org.sanlian.supervision;

import org.springframework.modulith.ApplicationModule;
