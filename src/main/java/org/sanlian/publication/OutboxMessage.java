package org.sanlian.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One message of the publication outbox: what to deliver, where it stands, and why it last failed. */
@Entity
@Table(name = "publication_outbox")
public class OutboxMessage {

    public enum Kind {
        PUBLISH("公示"),
        CREDIT_PUSH("推送信用平台");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum Status {
        PENDING("待发送"),
        SENT("已发送"),
        FAILED("发送失败");

        private final String chineseName;

        Status(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "decision_number", nullable = false)
    private String decisionNumber;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    OutboxMessage(Kind kind, String decisionNumber, String organisationCode, String payload, int maxAttempts,
            LocalDate dueOn, Instant now) {
        this.kind = kind;
        this.decisionNumber = decisionNumber;
        this.organisationCode = organisationCode;
        this.payload = payload;
        this.status = Status.PENDING;
        this.maxAttempts = maxAttempts;
        this.dueOn = dueOn;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(Instant at) {
        attempts++;
        status = Status.SENT;
        sentAt = at;
        lockedUntil = null;
        lastError = null;
    }

    /** A failed attempt: retried after the backoff, or given up (visible as failed) after the last attempt. */
    void failed(String error, Instant at, Duration backoff) {
        attempts++;
        lastError = error == null ? "未知错误" : error.length() > 1000 ? error.substring(0, 1000) : error;
        lockedUntil = null;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = at.plus(backoff);
        }
    }

    /** An administrator's or supervisor's retry of a failed message: a fresh round of attempts from now. */
    void retry(Instant at, int moreAttempts) {
        status = Status.PENDING;
        maxAttempts = attempts + moreAttempts;
        nextAttemptAt = at;
        lockedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getPayload() {
        return payload;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
