/**
 * Joint inspections, double-random draws, checklists and findings handed over as leads.
 */
@ApplicationModule(displayName = "联合检查 Inspection",
        allowedDependencies = { "platform", "platform :: forms", "platform :: identifiers", "calendar", "deadline", "organisation" })
package org.sanlian.inspection;

import org.springframework.modulith.ApplicationModule;
