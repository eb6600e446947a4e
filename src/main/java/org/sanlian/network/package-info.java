/**
 * The city–county network: jurisdiction transfers of leads and cases and assistance requests between bodies.
 */
@ApplicationModule(displayName = "市县联网 Network",
        allowedDependencies = { "platform", "platform :: forms", "security", "calendar", "deadline", "lead", "casefile", "casefile :: evidence", "organisation" })
package org.sanlian.network;

import org.springframework.modulith.ApplicationModule;
