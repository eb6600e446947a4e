/**
 * Case file review (案卷评查): samples of closed cases and rectification.
 */
@ApplicationModule(displayName = "案卷评查 Review",
        allowedDependencies = { "platform", "platform :: forms", "calendar", "deadline", "document", "organisation", "security" })
package org.sanlian.review;

import org.springframework.modulith.ApplicationModule;
