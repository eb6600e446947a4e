package org.sanlian.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One body's registration of a lead in the shared pool; {@code merged} when the act was already registered. */
@Entity
@Table(name = "lead_registration")
public class LeadRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private Long leadId;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    private String registrant;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(nullable = false)
    private boolean merged;

    protected LeadRegistration() {
    }

    LeadRegistration(Long leadId, String organisationCode, String registrant, Instant registeredAt,
            String processInstanceId, boolean merged) {
        this.leadId = leadId;
        this.organisationCode = organisationCode;
        this.registrant = registrant;
        this.registeredAt = registeredAt;
        this.processInstanceId = processInstanceId;
        this.merged = merged;
    }

    public Long getLeadId() {
        return leadId;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getRegistrant() {
        return registrant;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public boolean isMerged() {
        return merged;
    }
}
