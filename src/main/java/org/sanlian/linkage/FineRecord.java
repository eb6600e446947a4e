package org.sanlian.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fine one body decided on one act: party (by name and by ID number or unified social credit code), plate, the
 * violation and the day of the act (行政处罚法 Art. 29).
 */
@Entity
@Table(name = "linkage_fine")
public class FineRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "decision_number", nullable = false, unique = true)
    private String decisionNumber;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Column(name = "party_id")
    private String partyId;

    @Column(name = "plate_number")
    private String plateNumber;

    @Column(name = "violation_code")
    private String violationCode;

    @Column(name = "act_date", nullable = false)
    private LocalDate actDate;

    @Column(nullable = false)
    private BigDecimal fine;

    private String reference;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected FineRecord() {
    }

    FineRecord(String organisationCode, String decisionNumber, String partyName, String partyId, String plateNumber,
            String violationCode, LocalDate actDate, BigDecimal fine, String reference, String recordedBy,
            Instant recordedAt) {
        this.organisationCode = organisationCode;
        this.decisionNumber = decisionNumber;
        this.partyName = partyName;
        this.partyId = partyId;
        this.plateNumber = plateNumber;
        this.violationCode = violationCode;
        this.actDate = actDate;
        this.fine = fine;
        this.reference = reference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getPartyId() {
        return partyId;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public String getViolationCode() {
        return violationCode;
    }

    public LocalDate getActDate() {
        return actDate;
    }

    public BigDecimal getFine() {
        return fine;
    }

    public String getReference() {
        return reference;
    }
}
