package org.sanlian.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a hand-over's record (全过程记录, 行政处罚法 Art. 47), seen by sender and receiver alike. */
@Entity
@Table(name = "linkage_handover_event")
public class HandOverEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "handover_id", nullable = false)
    private Long handOverId;

    @Column(nullable = false)
    private String step;

    private String actor;

    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected HandOverEvent() {
    }

    HandOverEvent(Long handOverId, String step, String actor, String note, Instant occurredAt) {
        this.handOverId = handOverId;
        this.step = step;
        this.actor = actor;
        this.note = note;
        this.occurredAt = occurredAt;
    }

    public String getStep() {
        return step;
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
