package org.sanlian.network;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every request from one body to another in the network records alike: who asked, when, the process that
 * carries it, and the latest answer to it (who gave it, when, in what words; each entity keeps its own column names,
 * see its {@code @AttributeOverride}s). A jurisdiction transfer and an assistance request stay two entities: in law they are different acts
 * (行政处罚法 Arts. 22–25 and Art. 26), with their own numbers, parties and outcomes.
 */
@MappedSuperclass
public abstract class RequestBetweenBodies {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

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

    RequestBetweenBodies(String requestedBy, Instant requestedAt) {
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A body answered the request: a reply or refusal, an acceptance, a designation of jurisdiction. */
    void recordAnswer(String answeredBy, Instant answeredAt, String answer) {
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.answer = answer;
    }

    public Long getId() {
        return id;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
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
