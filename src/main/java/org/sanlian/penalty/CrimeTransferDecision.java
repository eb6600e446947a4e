package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 涉嫌犯罪移送审批 (《行政执法机关移送涉嫌犯罪案件的规定》Art. 5): the head approves the transfer to a police organ, or
 * does not approve it and the reasons are kept on record.
 */
@Entity
@Table(name = "case_crime_transfer_decision")
public class CrimeTransferDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number", nullable = false)
    private String caseNumber;
    @Column(nullable = false)
    private boolean approved;
    @Column(name = "receiving_organ")
    private String receivingOrgan;
    @Column(name = "refusal_reason")
    private String refusalReason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CrimeTransferDecision() {
    }

    CrimeTransferDecision(String caseNumber, boolean approved, String receivingOrgan, String refusalReason,
            String decidedBy, Instant decidedAt) {
        this.caseNumber = caseNumber;
        this.approved = approved;
        this.receivingOrgan = receivingOrgan;
        this.refusalReason = refusalReason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public boolean isApproved() {
        return approved;
    }

    public String getReceivingOrgan() {
        return receivingOrgan;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
