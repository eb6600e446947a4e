/**
 * Case sources (案源) from every channel: registration, verification within the working-day limit, the filing
 * decision. Publishes LeadDecided.
 */
@ApplicationModule(displayName = "案源 Lead",
        allowedDependencies = { "platform", "platform :: forms", "platform :: identifiers", "security", "deadline", "organisation" })
package org.sanlian.lead;

import org.springframework.modulith.ApplicationModule;
