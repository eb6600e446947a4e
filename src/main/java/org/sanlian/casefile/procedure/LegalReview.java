package org.sanlian.casefile.procedure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One 法制审核 of a case (行政处罚法 Art. 58): whether the rule table required it, and the reviewer's outcome with the
 * opinion. "未经法制审核或者审核未通过的，不得作出决定": the latest required review must have passed before the head
 * decides.
 */
@Entity
@Table(name = "case_legal_review")
public class LegalReview {

    /** Before the 违法行为通知书 (Art. 58 ¶1), or after a hearing the party attended (Art. 58 ¶1(2), Art. 65). */
    public enum Kind { BEFORE_NOTICE, AFTER_HEARING }

    public enum Outcome {
        PASSED("审核通过"), SENT_BACK("退回补充调查"), FAILED("审核不通过");

        private final String chineseName;

        Outcome(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number", nullable = false)
    private String caseNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_kind", nullable = false)
    private Kind kind;
    @Column(name = "review_required", nullable = false)
    private boolean required;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String opinion;
    @Column(name = "return_stage")
    private String returnStage;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LegalReview() {
    }

    LegalReview(String caseNumber, Kind kind, boolean required, Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.required = required;
        this.recordedAt = recordedAt;
    }

    void reviewed(Outcome outcome, String opinion, String returnStage, String reviewedBy, Instant reviewedAt) {
        this.outcome = outcome;
        this.opinion = opinion;
        this.returnStage = returnStage;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }

    /** Whether this review, if the table required it, lets the head decide. */
    boolean allowsDecision() {
        return !required || outcome == Outcome.PASSED;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Kind getKind() {
        return kind;
    }

    public boolean isRequired() {
        return required;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getOpinion() {
        return opinion;
    }

    public String getReturnStage() {
        return returnStage;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }
}
