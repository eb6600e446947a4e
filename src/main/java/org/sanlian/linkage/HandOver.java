package org.sanlian.linkage;

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

/**
 * One hand-over (移交) from one body to another: a bureau lead to a brigade, or a matter between the transport
 * brigade and the traffic police. Each body still decides under its own law (执法主体不变, domain.md §1).
 */
@Entity
@Table(name = "linkage_handover")
public class HandOver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "handover_number", unique = true)
    private String handOverNumber;

    @Column(name = "sender_code", nullable = false)
    private String senderCode;

    @Column(name = "receiver_code", nullable = false)
    private String receiverCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Matter matter;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Column(name = "credit_code")
    private String creditCode;

    @Column(name = "licence_number")
    private String licenceNumber;

    @Column(name = "plate_number")
    private String plateNumber;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    private String place;

    @Column(nullable = false)
    private String summary;

    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HandOverStatus status;

    @Column(name = "return_reason")
    private String returnReason;

    @Column(name = "lead_number")
    private String leadNumber;

    private String outcome;

    @Column(name = "outcome_summary")
    private String outcomeSummary;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected HandOver() {
    }

    HandOver(String senderCode, String receiverCode, Matter matter, String partyName, String creditCode,
            String licenceNumber, String plateNumber, LocalDate occurredOn, String place, String summary,
            String evidence, String registeredBy, Instant registeredAt) {
        this.senderCode = senderCode;
        this.receiverCode = receiverCode;
        this.matter = matter;
        this.partyName = partyName;
        this.creditCode = creditCode;
        this.licenceNumber = licenceNumber;
        this.plateNumber = plateNumber;
        this.occurredOn = occurredOn;
        this.place = place;
        this.summary = summary;
        this.evidence = evidence;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.status = HandOverStatus.HANDED_OVER;
    }

    void assignNumber(String number) {
        this.handOverNumber = number;
    }

    void accepted() {
        this.status = HandOverStatus.ACCEPTED;
        this.returnReason = null;
    }

    void leadRegistered(String leadNumber) {
        this.leadNumber = leadNumber;
    }

    void returned(String reason) {
        this.status = HandOverStatus.RETURNED;
        this.returnReason = reason;
    }

    void handedOverAgain(String summary, String evidence) {
        this.status = HandOverStatus.HANDED_OVER;
        this.summary = summary;
        this.evidence = evidence;
    }

    void withdrawn() {
        this.status = HandOverStatus.WITHDRAWN;
    }

    void concluded(String outcome, String outcomeSummary) {
        this.status = HandOverStatus.CONCLUDED;
        this.outcome = outcome;
        this.outcomeSummary = outcomeSummary;
    }

    public Long getId() {
        return id;
    }

    public String getHandOverNumber() {
        return handOverNumber;
    }

    public String getSenderCode() {
        return senderCode;
    }

    public String getReceiverCode() {
        return receiverCode;
    }

    public Matter getMatter() {
        return matter;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getLicenceNumber() {
        return licenceNumber;
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

    public String getEvidence() {
        return evidence;
    }

    public HandOverStatus getStatus() {
        return status;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public String getLeadNumber() {
        return leadNumber;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeSummary() {
        return outcomeSummary;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
