/**
 * Legal deadlines of leads and cases counted in working or calendar days, recounted when the calendar changes; the
 * 90-day decision limit and its extensions.
 */
@ApplicationModule(displayName = "法定期限 Deadlines",
        allowedDependencies = { "platform", "calendar" })
package org.sanlian.deadline;

import org.springframework.modulith.ApplicationModule;
