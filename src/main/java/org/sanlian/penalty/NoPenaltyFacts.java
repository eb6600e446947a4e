package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the table noPenalty said about a case's proposal, the ground a no-penalty decision rests on, and the
 * education given (行政处罚法 Art. 33; domain.md §2.13). Written only by {@link NoPenaltyGrounds}.
 */
@Entity
@Table(name = "case_no_penalty")
public class NoPenaltyFacts {

    @Id
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "proposed_outcome")
    private String proposedOutcome;
    /** mustNot, may or punish, as the table noPenalty gave it. */
    private String verdict;
    @Column(name = "verdict_basis")
    private String verdictBasis;
    @Column(name = "circumstance_tier")
    private String circumstanceTier;
    @Column(name = "repeat_count")
    private Integer repeatCount;
    private String harm;
    @Column(name = "corrected_promptly", nullable = false)
    private boolean correctedPromptly;
    @Column(name = "no_subjective_fault", nullable = false)
    private boolean noSubjectiveFault;
    @Enumerated(EnumType.STRING)
    private NoPenaltyGround ground;
    @Column(name = "deviation_reason")
    private String deviationReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "education_form")
    private EducationForm educationForm;
    @Column(name = "educated_on")
    private LocalDate educatedOn;
    @Column(name = "educated_by")
    private String educatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NoPenaltyFacts() {
    }

    NoPenaltyFacts(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    void proposed(String outcome, String verdict, String basis, String tier, Integer repeatCount, String harm,
            boolean corrected, boolean noFault, NoPenaltyGround ground, String deviationReason, Instant now) {
        this.proposedOutcome = outcome;
        this.verdict = verdict;
        this.verdictBasis = basis;
        this.circumstanceTier = tier;
        this.repeatCount = repeatCount;
        this.harm = harm;
        this.correctedPromptly = corrected;
        this.noSubjectiveFault = noFault;
        this.ground = ground;
        this.deviationReason = deviationReason;
        this.educationForm = null;
        this.educatedOn = null;
        this.educatedBy = null;
        this.updatedAt = now;
    }

    void educated(EducationForm form, LocalDate on, String by, Instant now) {
        this.educationForm = form;
        this.educatedOn = on;
        this.educatedBy = by;
        this.updatedAt = now;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getProposedOutcome() {
        return proposedOutcome;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getVerdictBasis() {
        return verdictBasis;
    }

    public String getCircumstanceTier() {
        return circumstanceTier;
    }

    public Integer getRepeatCount() {
        return repeatCount;
    }

    public String getHarm() {
        return harm;
    }

    public boolean isCorrectedPromptly() {
        return correctedPromptly;
    }

    public boolean isNoSubjectiveFault() {
        return noSubjectiveFault;
    }

    public NoPenaltyGround getGround() {
        return ground;
    }

    public String getDeviationReason() {
        return deviationReason;
    }

    public EducationForm getEducationForm() {
        return educationForm;
    }

    public LocalDate getEducatedOn() {
        return educatedOn;
    }

    public String getEducatedBy() {
        return educatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
