package org.sanlian.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One sampled case of a 案卷评查: its scores and findings, and the rectification the findings ask of the body. */
@Entity
@Table(name = "case_review_case")
public class ReviewedCase {

    /** Where the rectification of a case's findings stands. */
    public enum Rectification {
        NOT_SCORED("未评查"),
        NONE_NEEDED("无需整改"),
        OPEN("整改中"),
        SUBMITTED("待复核"),
        DONE("整改完成");

        private final String chineseName;

        Rectification(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "review_id", nullable = false)
    private Long reviewId;

    @Column(nullable = false)
    private int position;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    private String scores;

    @Column(name = "total_score")
    private Integer totalScore;

    @Column(name = "maximum_score")
    private Integer maximumScore;

    private String findings;

    @Column(name = "scored_by")
    private String scoredBy;

    @Column(name = "scored_at")
    private Instant scoredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rectification_status", nullable = false)
    private Rectification rectification;

    @Column(name = "rectification_due")
    private LocalDate rectificationDue;

    @Column(name = "rectification_report")
    private String rectificationReport;

    @Column(name = "rectified_by")
    private String rectifiedBy;

    @Column(name = "rectified_at")
    private Instant rectifiedAt;

    @Column(name = "verification_note")
    private String verificationNote;

    @Column(name = "verified_by")
    private String verifiedBy;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected ReviewedCase() {
    }

    ReviewedCase(Long reviewId, int position, String caseNumber) {
        this.reviewId = reviewId;
        this.position = position;
        this.caseNumber = caseNumber;
        this.rectification = Rectification.NOT_SCORED;
    }

    void score(String scores, int total, int maximum, String findings, String actor, Instant at,
            LocalDate rectificationDue) {
        this.scores = scores;
        this.totalScore = total;
        this.maximumScore = maximum;
        this.findings = findings;
        this.scoredBy = actor;
        this.scoredAt = at;
        this.rectificationDue = rectificationDue;
        this.rectification = rectificationDue == null ? Rectification.NONE_NEEDED : Rectification.OPEN;
    }

    void rectificationStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void rectified(String report, String actor, Instant at) {
        this.rectificationReport = report;
        this.rectifiedBy = actor;
        this.rectifiedAt = at;
        this.rectification = Rectification.SUBMITTED;
    }

    /** Sent back ({@code accepted} false), the rectification runs again until {@code nextDue}. */
    void verified(boolean accepted, String note, String actor, Instant at, LocalDate nextDue) {
        this.verificationNote = note;
        if (!accepted) {
            this.rectificationDue = nextDue;
        }
        this.verifiedBy = actor;
        this.verifiedAt = at;
        this.rectification = accepted ? Rectification.DONE : Rectification.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public int getPosition() {
        return position;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getScores() {
        return scores;
    }

    public Integer getTotalScore() {
        return totalScore;
    }

    public Integer getMaximumScore() {
        return maximumScore;
    }

    public String getFindings() {
        return findings;
    }

    public String getScoredBy() {
        return scoredBy;
    }

    public Instant getScoredAt() {
        return scoredAt;
    }

    public Rectification getRectification() {
        return rectification;
    }

    public LocalDate getRectificationDue() {
        return rectificationDue;
    }

    public String getRectificationReport() {
        return rectificationReport;
    }

    public String getRectifiedBy() {
        return rectifiedBy;
    }

    public String getVerificationNote() {
        return verificationNote;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
