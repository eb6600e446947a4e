package org.sanlian.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A penalty decision as it is published: redacted when written, so nothing unredacted can leak from here. */
@Entity
@Table(name = "published_decision")
public class PublishedDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "decision_number", nullable = false, unique = true)
    private String decisionNumber;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "organisation_name", nullable = false)
    private String organisationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind", nullable = false)
    private Redaction.PartyKind partyKind;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Column(name = "credit_code")
    private String creditCode;

    @Column(nullable = false)
    private String penalty;

    private BigDecimal fine;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "publish_due", nullable = false)
    private LocalDate publishDue;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected PublishedDecision() {
    }

    PublishedDecision(String decisionNumber, String caseNumber, String organisationCode, String organisationName,
            Redaction.PublishedParty party, String penalty, BigDecimal fine, LocalDate decidedOn, LocalDate publishDue) {
        this.decisionNumber = decisionNumber;
        this.caseNumber = caseNumber;
        this.organisationCode = organisationCode;
        this.organisationName = organisationName;
        this.partyKind = party.kind();
        this.partyName = party.name();
        this.creditCode = party.creditCode();
        this.penalty = penalty;
        this.fine = fine;
        this.decidedOn = decidedOn;
        this.publishDue = publishDue;
    }

    void published(Instant at) {
        if (publishedAt == null) {
            publishedAt = at;
        }
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public Redaction.PartyKind getPartyKind() {
        return partyKind;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getPenalty() {
        return penalty;
    }

    public BigDecimal getFine() {
        return fine;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public LocalDate getPublishDue() {
        return publishDue;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
