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

/** One entry of a lead's full-process record (全过程记录, 行政处罚法 Art. 47): what happened, who, when. */
@Entity
@Table(name = "case_lead_event")
public class LeadEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private Long leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    private String actor;

    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected LeadEvent() {
    }

    LeadEvent(Long leadId, LeadStatus status, String actor, String note, Instant occurredAt) {
        this.leadId = leadId;
        this.status = status;
        this.actor = actor;
        this.note = note;
        this.occurredAt = occurredAt;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
