package org.sanlian.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sanlian.platform.AuditEntry;

/** One entry of a case's full-process record (全过程记录, 行政处罚法 Art. 47). */
@Entity
@Table(name = "case_event")
public class CaseEvent extends AuditEntry {

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(nullable = false)
    private String step;

    protected CaseEvent() {
    }

    CaseEvent(String caseNumber, String step, String actor, String note, Instant occurredAt) {
        super(actor, note, occurredAt);
        this.caseNumber = caseNumber;
        this.step = step;
    }

    public String getStep() {
        return step;
    }
}
