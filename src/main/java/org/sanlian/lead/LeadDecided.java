package org.sanlian.lead;

/** Published when the head decides on a lead (立案审批): filed, not filed, transferred or crime transfer. */
public record LeadDecided(String leadNumber, String organisationCode, LeadStatus status, String reason) {
}
