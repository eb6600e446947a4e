package org.sanlian.network;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every request from one body to another in the network records alike: its number, who asked and when, where
 * it stands, the process that carries it, and the latest answer to it (who gave it, when, in what words). Each
 * entity keeps its own column names (its {@code @AttributeOverride}s) and its own statuses {@code S}. A jurisdiction
 * transfer and an assistance request stay two entities: in law they are different acts (行政处罚法 Arts. 22–25 and
 * Art. 26), with their own parties and outcomes.
 */
@MappedSuperclass
public abstract class RequestBetweenBodies<S extends Enum<S>> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "number", unique = true)
    private String number;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private S status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answer")
    private String answer;

    protected RequestBetweenBodies() {
    }

    RequestBetweenBodies(String requestedBy, Instant requestedAt, S status) {
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = status;
    }

    /** Once saved, the request is numbered by its kind's prefix, the year and its id (YS2026000012). */
    void assignNumber(String prefix, int year) {
        this.number = String.format("%s%d%06d", prefix, year, id);
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void moveTo(S status) {
        this.status = status;
    }

    /** A body answered the request (a reply or refusal, an acceptance, a designation of jurisdiction). */
    void answered(S status, String answeredBy, Instant answeredAt, String answer) {
        this.status = status;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.answer = answer;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public S getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getAnswer() {
        return answer;
    }
}
