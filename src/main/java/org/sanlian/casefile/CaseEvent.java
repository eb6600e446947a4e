package org.sanlian.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a case's full-process record (全过程记录, 行政处罚法 Art. 47). */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(nullable = false)
    private String step;

    private String actor;

    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected CaseEvent() {
    }

    CaseEvent(String caseNumber, String step, String actor, String note, Instant occurredAt) {
        this.caseNumber = caseNumber;
        this.step = step;
        this.actor = actor;
        this.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
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
