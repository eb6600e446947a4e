package org.sanlian.network;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 协查: the body holding a case asks another body to investigate something for it (行政处罚法 Art. 26). */
@Entity
@Table(name = "assistance_request")
@AttributeOverride(name = "number", column = @Column(name = "request_number", unique = true))
@AttributeOverride(name = "answeredBy", column = @Column(name = "replied_by"))
@AttributeOverride(name = "answeredAt", column = @Column(name = "replied_at"))
@AttributeOverride(name = "answer", column = @Column(name = "reply"))
public class AssistanceRequest extends RequestBetweenBodies<AssistanceRequest.Status> {

    public enum Status {
        OPEN("协查中"),
        REPLIED("已回复"),
        REFUSED("已拒绝"),
        RECEIVED("已签收"),
        /** The requesting body no longer holds the case (移送管辖) before the assisting body answered. */
        WITHDRAWN("已撤回");

        private final String chineseName;

        Status(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "requesting_organisation", nullable = false)
    private String requestingOrganisation;

    @Column(name = "assisting_organisation", nullable = false)
    private String assistingOrganisation;

    @Column(nullable = false)
    private String matters;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "due_provisional", nullable = false)
    private boolean dueProvisional;

    protected AssistanceRequest() {
    }

    AssistanceRequest(String caseNumber, String requestingOrganisation, String assistingOrganisation, String matters,
            String requestedBy, Instant requestedAt, LocalDate dueOn, boolean dueProvisional) {
        super(requestedBy, requestedAt, Status.OPEN);
        this.caseNumber = caseNumber;
        this.requestingOrganisation = requestingOrganisation;
        this.assistingOrganisation = assistingOrganisation;
        this.matters = matters;
        this.dueOn = dueOn;
        this.dueProvisional = dueProvisional;
    }

    void received() {
        moveTo(Status.RECEIVED);
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getRequestingOrganisation() {
        return requestingOrganisation;
    }

    public String getAssistingOrganisation() {
        return assistingOrganisation;
    }

    public String getMatters() {
        return matters;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public boolean isDueProvisional() {
        return dueProvisional;
    }
}
