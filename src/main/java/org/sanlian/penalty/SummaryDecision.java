package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The facts of an on-the-spot decision (简易程序; 行政处罚法 Arts. 51–52, 67–71; 9号令 Art. 61), keyed by the lead
 * number: what the officers proposed on the spot, when the party was informed and heard, the decided fine and its
 * pre-numbered 简 decision, who decided, how and when it was paid, and when the copy was filed. Only the rules of
 * {@link SummaryProcedure} write it, each step the facts it establishes; later steps read them from here, never from
 * a process variable.
 */
@Entity
@Table(name = "summary_decision")
public class SummaryDecision {

    @Id
    @Column(name = "lead_number")
    private String leadNumber;
    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;
    @Column(name = "violation_code", nullable = false)
    private String violationCode;
    @Column(name = "party_type", nullable = false)
    private String partyType;
    @Column(name = "warning_only", nullable = false)
    private boolean warningOnly;
    @Column(name = "proposed_fine", precision = 12, scale = 2)
    private BigDecimal proposedFine;
    @Column(name = "registered_by", nullable = false)
    private String registeredBy;
    /** The other certified officer of the body on the spot (行政处罚法 Art. 42: not fewer than two). */
    @Column(name = "second_officer")
    private String secondOfficer;
    @Column(name = "informed_on")
    private LocalDate informedOn;
    @Column(name = "statement_summary", length = 2000)
    private String statementSummary;
    @Column(precision = 12, scale = 2)
    private BigDecimal fine;
    @Column(name = "decision_number")
    private String decisionNumber;
    @Column(name = "decided_on")
    private LocalDate decidedOn;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "payment_method")
    private String paymentMethod;
    @Column(name = "collection_hard", nullable = false)
    private boolean collectionHard;
    @Column(name = "receipt_number")
    private String receiptNumber;
    /** signed or refused (9号令 Art. 61 ⑦). */
    @Column(name = "party_signature")
    private String partySignature;
    @Column(name = "refusal_note")
    private String refusalNote;
    @Column(name = "payment_due")
    private LocalDate paymentDue;
    @Column(name = "copy_filing_due")
    private LocalDate copyFilingDue;
    @Column(name = "cash_handed_over_on")
    private LocalDate cashHandedOverOn;
    @Column(name = "paid_on")
    private LocalDate paidOn;
    @Column(name = "amount_paid", precision = 12, scale = 2)
    private BigDecimal amountPaid;
    @Column(name = "copy_filed_on")
    private LocalDate copyFiledOn;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SummaryDecision() {
    }

    public SummaryDecision(String leadNumber, String organisationCode, String violationCode, String partyType,
            boolean warningOnly, BigDecimal proposedFine, String registeredBy, String secondOfficer, Instant now) {
        this.leadNumber = leadNumber;
        this.organisationCode = organisationCode;
        this.violationCode = violationCode;
        this.partyType = partyType;
        this.warningOnly = warningOnly;
        this.proposedFine = proposedFine;
        this.registeredBy = registeredBy;
        this.secondOfficer = secondOfficer;
        this.updatedAt = now;
    }

    public void informed(LocalDate on, String statement, BigDecimal fine, String decisionNumber, Instant now) {
        this.informedOn = on;
        this.statementSummary = statement;
        this.fine = fine;
        this.decisionNumber = decisionNumber;
        this.updatedAt = now;
    }

    public void decided(LocalDate on, String by, String partySignature, String refusalNote, String method,
            boolean collectionHard, String receiptNumber, LocalDate paymentDue, Instant now) {
        this.decidedOn = on;
        this.decidedBy = by;
        this.partySignature = partySignature;
        this.refusalNote = "refused".equals(partySignature) ? refusalNote : null;
        this.paymentMethod = method;
        this.collectionHard = collectionHard;
        this.receiptNumber = receiptNumber;
        this.paymentDue = paymentDue;
        this.updatedAt = now;
    }

    public void copyFilingDue(LocalDate due, Instant now) {
        this.copyFilingDue = due;
        this.updatedAt = now;
    }

    public void copyFiled(LocalDate on, Instant now) {
        this.copyFiledOn = on;
        this.updatedAt = now;
    }

    public void cashHandedOver(LocalDate on, Instant now) {
        this.cashHandedOverOn = on;
        this.updatedAt = now;
    }

    public void paid(LocalDate on, BigDecimal amount, Instant now) {
        this.paidOn = on;
        this.amountPaid = amount;
        this.updatedAt = now;
    }

    public String getLeadNumber() {
        return leadNumber;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getViolationCode() {
        return violationCode;
    }

    public String getPartyType() {
        return partyType;
    }

    public boolean isWarningOnly() {
        return warningOnly;
    }

    public BigDecimal getProposedFine() {
        return proposedFine;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public String getSecondOfficer() {
        return secondOfficer;
    }

    public LocalDate getInformedOn() {
        return informedOn;
    }

    public String getStatementSummary() {
        return statementSummary;
    }

    public BigDecimal getFine() {
        return fine;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public boolean isCollectionHard() {
        return collectionHard;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public String getPartySignature() {
        return partySignature;
    }

    public String getRefusalNote() {
        return refusalNote;
    }

    public LocalDate getPaymentDue() {
        return paymentDue;
    }

    public LocalDate getCopyFilingDue() {
        return copyFilingDue;
    }

    public LocalDate getCashHandedOverOn() {
        return cashHandedOverOn;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public LocalDate getCopyFiledOn() {
        return copyFiledOn;
    }
}
