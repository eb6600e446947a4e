package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The penalty's facts in one case, as its steps establish them: the proposal (案件调查报告), the notified fine and
 * its service (违法行为通知书), the statement and the re-checked fine (陈述申辩与复核), and the decision. Only the
 * rules in this package write it.
 */
@Entity
@Table(name = "case_penalty")
public class PenaltyFacts {

    @Id
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "proposed_outcome")
    private String proposedOutcome;
    @Column(name = "proposed_fine", precision = 12, scale = 2)
    private BigDecimal proposedFine;
    @Column(name = "violation_code")
    private String violationCode;
    @Column(name = "party_type")
    private String partyType;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Column(nullable = false)
    private boolean revocation;
    @Column(nullable = false)
    private boolean suspension;
    @Column(name = "deviation_required", nullable = false)
    private boolean deviationRequired;
    @Column(name = "deviation_approved", nullable = false)
    private boolean deviationApproved;
    @Column(name = "benchmark_min", precision = 12, scale = 2)
    private BigDecimal benchmarkMin;
    @Column(name = "benchmark_max", precision = 12, scale = 2)
    private BigDecimal benchmarkMax;
    @Column(name = "benchmark_basis")
    private String benchmarkBasis;
    @Column(name = "benchmark_note")
    private String benchmarkNote;
    @Column(name = "hearing_right", nullable = false)
    private boolean hearingRight;
    @Column(name = "hearing_ground")
    private String hearingGround;
    @Column(name = "notice_served_on")
    private LocalDate noticeServedOn;
    @Column(name = "notified_fine", precision = 12, scale = 2)
    private BigDecimal notifiedFine;
    @Column(name = "statement_made", nullable = false)
    private boolean statementMade;
    @Column(name = "statement_summary")
    private String statementSummary;
    @Column(name = "rights_waived", nullable = false)
    private boolean rightsWaived;
    @Column(name = "rights_waived_on")
    private LocalDate rightsWaivedOn;
    @Column(name = "waiver_evidence_id")
    private Long waiverEvidenceId;
    @Column(name = "rechecked_fine", precision = 12, scale = 2)
    private BigDecimal recheckedFine;
    @Column(name = "rechecked_on")
    private LocalDate recheckedOn;
    @Column(name = "decision_kind")
    private String decisionKind;
    @Column(name = "decision_number")
    private String decisionNumber;
    @Column(name = "decided_fine", precision = 12, scale = 2)
    private BigDecimal decidedFine;
    @Column(name = "decided_on")
    private LocalDate decidedOn;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "crime_transfer_approved_at")
    private Instant crimeTransferApprovedAt;
    @Column(name = "crime_transfer_sent_on")
    private LocalDate crimeTransferSentOn;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PenaltyFacts() {
    }

    public PenaltyFacts(String caseNumber, Instant now) {
        this.caseNumber = caseNumber;
        this.updatedAt = now;
    }

    public void proposed(String outcome, BigDecimal fine, String violationCode, String partyType, String legalBasis,
            boolean revocation, boolean suspension, Instant now) {
        this.proposedOutcome = outcome;
        this.partyType = partyType;
        this.proposedFine = fine;
        this.violationCode = violationCode;
        this.legalBasis = legalBasis;
        this.revocation = revocation;
        this.suspension = suspension;
        this.deviationRequired = false;
        this.deviationApproved = false;
        this.benchmarkMin = null;
        this.benchmarkMax = null;
        this.benchmarkBasis = null;
        this.benchmarkNote = null;
        this.updatedAt = now;
    }

    /**
     * The benchmark's range and its legal basis (printed on the decision), and the table's note on the row (an
     * example tier, an article still to be checked) for the reviewer and the head only.
     */
    public void benchmark(BigDecimal min, BigDecimal max, String basis, String note, Instant now) {
        this.benchmarkMin = min;
        this.benchmarkMax = max;
        this.benchmarkBasis = basis;
        this.benchmarkNote = note;
        this.updatedAt = now;
    }

    public void hearingRight(boolean right, String ground, Instant now) {
        this.hearingRight = right;
        this.hearingGround = ground;
        this.updatedAt = now;
    }

    public void deviation(boolean required, boolean approved, Instant now) {
        this.deviationRequired = required;
        this.deviationApproved = approved;
        this.updatedAt = now;
    }

    public void notified(LocalDate servedOn, BigDecimal fine, Instant now) {
        this.noticeServedOn = servedOn;
        this.notifiedFine = fine;
        this.updatedAt = now;
    }

    public void rechecked(boolean statementMade, String summary, BigDecimal fine, LocalDate on, Instant now) {
        this.statementMade = statementMade;
        this.statementSummary = summary;
        this.recheckedFine = fine;
        this.recheckedOn = on;
        this.updatedAt = now;
    }

    /**
     * 当事人书面放弃陈述、申辩和听证 (行政处罚法 Art. 62): whether, on which day, and the evidence holding the signed
     * waiver; {@code false} clears an earlier waiver.
     */
    public void rightsWaived(boolean waived, LocalDate on, Long evidenceId, Instant now) {
        this.rightsWaived = waived;
        this.rightsWaivedOn = waived ? on : null;
        this.waiverEvidenceId = waived ? evidenceId : null;
        this.updatedAt = now;
    }

    public void decided(String kind, String number, BigDecimal fine, LocalDate on, String by, Instant now) {
        this.decisionKind = kind;
        this.decisionNumber = number;
        this.decidedFine = fine;
        this.decidedOn = on;
        this.decidedBy = by;
        this.updatedAt = now;
    }

    public void crimeTransferApproved(Instant at) {
        this.crimeTransferApprovedAt = at;
        this.updatedAt = at;
    }

    /** The day the case went to the police (移送规定 Art. 5): their 3 days to decide on filing run from it (Art. 8). */
    public void crimeTransferSent(LocalDate on, Instant now) {
        this.crimeTransferSentOn = on;
        this.updatedAt = now;
    }

    public LocalDate getCrimeTransferSentOn() {
        return crimeTransferSentOn;
    }

    public boolean isRightsWaived() {
        return rightsWaived;
    }

    public LocalDate getRightsWaivedOn() {
        return rightsWaivedOn;
    }

    public Long getWaiverEvidenceId() {
        return waiverEvidenceId;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getProposedOutcome() {
        return proposedOutcome;
    }

    public BigDecimal getProposedFine() {
        return proposedFine;
    }

    public String getViolationCode() {
        return violationCode;
    }

    public String getPartyType() {
        return partyType;
    }

    public BigDecimal getBenchmarkMin() {
        return benchmarkMin;
    }

    public BigDecimal getBenchmarkMax() {
        return benchmarkMax;
    }

    public String getBenchmarkBasis() {
        return benchmarkBasis;
    }

    /** The discretion table's note on the row applied, or null: never part of the basis a document prints. */
    public String getBenchmarkNote() {
        return benchmarkNote;
    }

    public boolean isHearingRight() {
        return hearingRight;
    }

    public String getHearingGround() {
        return hearingGround;
    }

    /** The fine lies outside the stored benchmark range (Art. 34) — allowed only with the head's recorded approval. */
    public boolean outsideBenchmark(BigDecimal fine) {
        return fine != null && benchmarkMax != null
                && (fine.compareTo(benchmarkMin) < 0 || fine.compareTo(benchmarkMax) > 0);
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public boolean isRevocation() {
        return revocation;
    }

    public boolean isSuspension() {
        return suspension;
    }

    public boolean isDeviationRequired() {
        return deviationRequired;
    }

    public boolean isDeviationApproved() {
        return deviationApproved;
    }

    public LocalDate getNoticeServedOn() {
        return noticeServedOn;
    }

    public BigDecimal getNotifiedFine() {
        return notifiedFine;
    }

    public boolean isStatementMade() {
        return statementMade;
    }

    public String getStatementSummary() {
        return statementSummary;
    }

    public BigDecimal getRecheckedFine() {
        return recheckedFine;
    }

    public LocalDate getRecheckedOn() {
        return recheckedOn;
    }

    public String getDecisionKind() {
        return decisionKind;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public BigDecimal getDecidedFine() {
        return decidedFine;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getCrimeTransferApprovedAt() {
        return crimeTransferApprovedAt;
    }
}
