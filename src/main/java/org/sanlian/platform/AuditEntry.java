package org.sanlian.platform;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The one shape of a full-process record entry (全过程记录, 行政处罚法 Art. 47) that cases, leads and hand-overs share:
 * who did it, what they noted, when. Each feature's entity adds what the entry is about and which step it records;
 * the tables keep their own names and columns {@code actor}, {@code note} (2,000 characters) and {@code occurred_at}.
 */
@MappedSuperclass
public abstract class AuditEntry {

    static final int NOTE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String actor;

    @Column(length = NOTE_LENGTH)
    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AuditEntry() {
    }

    protected AuditEntry(String actor, String note, Instant occurredAt) {
        this.actor = actor;
        this.note = note == null || note.length() <= NOTE_LENGTH ? note : note.substring(0, NOTE_LENGTH);
        this.occurredAt = occurredAt;
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
