package org.sanlian.network;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One move of a lead or case between bodies of the network — 移送管辖, a claim the city team decides (指定管辖),
 * or the city team taking a case up (提级管辖) — as both the sending and the receiving body read it.
 */
@Entity
@Table(name = "jurisdiction_transfer")
@AttributeOverride(name = "number", column = @Column(name = "transfer_number", unique = true))
@AttributeOverride(name = "answeredBy", column = @Column(name = "decided_by"))
@AttributeOverride(name = "answeredAt", column = @Column(name = "decided_at"))
@AttributeOverride(name = "answer", column = @Column(name = "decision_note"))
public class JurisdictionTransfer extends RequestBetweenBodies<JurisdictionTransfer.Status> {

    /** Why the subject moves (行政处罚法 Arts. 22–25). */
    public enum Kind {
        TRANSFER("移送管辖"),
        CLAIM("管辖争议报请指定"),
        TAKE_UP("提级管辖");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum SubjectKind {
        LEAD, CASE
    }

    public enum Status {
        REQUESTED("待处理"),
        REFUSED("被拒，待指定管辖"),
        COMPLETED("已移交"),
        KEPT("指定由原机关办理");

        private final String chineseName;

        Status(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    private SubjectKind subjectKind;

    @Column(name = "subject_number", nullable = false)
    private String subjectNumber;

    @Column(name = "from_organisation", nullable = false)
    private String fromOrganisation;

    @Column(name = "to_organisation", nullable = false)
    private String toOrganisation;

    @Column(nullable = false)
    private String reason;

    @Column(name = "holder_after")
    private String holderAfter;

    @Column(name = "received_number")
    private String receivedNumber;

    protected JurisdictionTransfer() {
    }

    JurisdictionTransfer(Kind kind, SubjectKind subjectKind, String subjectNumber, String fromOrganisation,
            String toOrganisation, String reason, String requestedBy, Instant requestedAt) {
        super(requestedBy, requestedAt, Status.REQUESTED);
        this.kind = kind;
        this.subjectKind = subjectKind;
        this.subjectNumber = subjectNumber;
        this.fromOrganisation = fromOrganisation;
        this.toOrganisation = toOrganisation;
        this.reason = reason;
    }

    void completed(String holderAfter, String receivedNumber) {
        moveTo(Status.COMPLETED);
        this.holderAfter = holderAfter;
        this.receivedNumber = receivedNumber;
    }

    void kept() {
        moveTo(Status.KEPT);
        this.holderAfter = fromOrganisation;
    }

    public Kind getKind() {
        return kind;
    }

    public SubjectKind getSubjectKind() {
        return subjectKind;
    }

    public String getSubjectNumber() {
        return subjectNumber;
    }

    public String getFromOrganisation() {
        return fromOrganisation;
    }

    public String getToOrganisation() {
        return toOrganisation;
    }

    public String getReason() {
        return reason;
    }

    public String getHolderAfter() {
        return holderAfter;
    }

    public String getReceivedNumber() {
        return receivedNumber;
    }
}
