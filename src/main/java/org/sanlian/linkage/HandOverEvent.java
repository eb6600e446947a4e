package org.sanlian.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sanlian.platform.AuditEntry;

/** One step of a hand-over's record (全过程记录, 行政处罚法 Art. 47), seen by sender and receiver alike. */
@Entity
@Table(name = "linkage_handover_event")
public class HandOverEvent extends AuditEntry {

    @Column(name = "handover_id", nullable = false)
    private Long handOverId;

    @Column(nullable = false)
    private String step;

    protected HandOverEvent() {
    }

    HandOverEvent(Long handOverId, String step, String actor, String note, Instant occurredAt) {
        super(actor, note, occurredAt);
        this.handOverId = handOverId;
        this.step = step;
    }

    public String getStep() {
        return step;
    }
}
