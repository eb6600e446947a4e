package org.sanlian.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A case source (案源). Names and free text live here, in utf8mb4 tables, not only in process variables. */
@Entity
@Table(name = "case_lead")
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_number", unique = true)
    private String leadNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadSource source;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Column(name = "plate_number")
    private String plateNumber;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    private String place;

    @Column(nullable = false)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Lead() {
    }

    Lead(LeadSource source, String organisationCode, String partyName, String plateNumber, LocalDate occurredOn,
            String place, String summary, String registeredBy, Instant registeredAt, String processInstanceId) {
        this.source = source;
        this.organisationCode = organisationCode;
        this.partyName = partyName;
        this.plateNumber = plateNumber;
        this.occurredOn = occurredOn;
        this.place = place;
        this.summary = summary;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.processInstanceId = processInstanceId;
        this.status = LeadStatus.REGISTERED;
    }

    void assignNumber(String leadNumber) {
        this.leadNumber = leadNumber;
    }

    void moveTo(LeadStatus status) {
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public String getLeadNumber() {
        return leadNumber;
    }

    public LeadSource getSource() {
        return source;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getPlace() {
        return place;
    }

    public String getSummary() {
        return summary;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
