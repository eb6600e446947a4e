package org.sanlian.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sanlian.platform.AuditEntry;

/** One entry of a lead's full-process record (全过程记录, 行政处罚法 Art. 47): what happened, who, when. */
@Entity
@Table(name = "case_lead_event")
public class LeadEvent extends AuditEntry {

    @Column(name = "lead_id", nullable = false)
    private Long leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    protected LeadEvent() {
    }

    LeadEvent(Long leadId, LeadStatus status, String actor, String note, Instant occurredAt) {
        super(actor, note, occurredAt);
        this.leadId = leadId;
        this.status = status;
    }

    public LeadStatus getStatus() {
        return status;
    }
}
