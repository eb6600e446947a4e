package org.sanlian.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One allocated number; a voided number keeps its row and its reason and is never handed out again. */
@Entity
@Table(name = "case_number")
public class CaseNumber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String formatted;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "number_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "number_type", nullable = false)
    private NumberType type;

    @Column(name = "sequence_value", nullable = false)
    private long sequenceValue;

    private String reference;

    /** Which of the reference's documents of this series the number is: the measure it belongs to; null for one of a kind. */
    private String subject;

    @Column(name = "allocated_by")
    private String allocatedBy;

    @Column(name = "allocated_at", nullable = false)
    private Instant allocatedAt;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason")
    private String voidReason;

    protected CaseNumber() {
    }

    CaseNumber(String formatted, String organisationCode, int year, NumberType type, long sequenceValue,
            String reference, String allocatedBy, Instant allocatedAt) {
        this.formatted = formatted;
        this.organisationCode = organisationCode;
        this.year = year;
        this.type = type;
        this.sequenceValue = sequenceValue;
        this.reference = reference;
        this.allocatedBy = allocatedBy;
        this.allocatedAt = allocatedAt;
    }

    void about(String subject) {
        this.subject = subject;
    }

    public String getSubject() {
        return subject;
    }

    void voidWith(String reason) {
        this.voided = true;
        this.voidReason = reason;
    }

    public String getFormatted() {
        return formatted;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public int getYear() {
        return year;
    }

    public NumberType getType() {
        return type;
    }

    public long getSequenceValue() {
        return sequenceValue;
    }

    public String getReference() {
        return reference;
    }

    public boolean isVoided() {
        return voided;
    }

    public String getVoidReason() {
        return voidReason;
    }
}
