package org.sanlian.penalty;

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

/**
 * What the police did with a case transferred to them as a suspected crime, as the transferring body recorded it
 * (《行政执法机关移送涉嫌犯罪案件的规定》Arts. 8, 9, 10, 12, 13). One row each time: a request for reconsideration is
 * followed by the police's answer to it.
 */
@Entity
@Table(name = "case_police_filing")
public class PoliceFiling {

    /** The police's answer as the form's radio names it. */
    public enum Outcome {
        /** 立案 (Art. 8): the case is with the police; seized items go over within 3 days (Art. 12). */
        filed("公安机关决定立案"),
        /** 不予立案, and the body asked the police to reconsider within 3 days of the notice (Art. 9). */
        reconsiderationRequested("公安机关不予立案，已提请复议"),
        /** Not filed (after any reconsideration), or sent back as no crime: the body handles it (Arts. 10, 13). */
        handledAdministratively("公安机关不予立案或退回，依法作出行政处理"),
        /**
         * After the police filed it: the judicial organs found no criminal liability to pursue, or exempted it, but an
         * administrative penalty due, and sent the case back (行政处罚法 Art. 27 ¶1): the body decides on it.
         */
        judicialReturn("司法机关移回，依法给予行政处罚"),
        /** After the police filed it: the criminal proceedings ended with nothing left for the body to decide. */
        criminalConcluded("刑事程序终结");

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
    @Column(nullable = false)
    private Outcome outcome;
    @Column(name = "police_decided_on", nullable = false)
    private LocalDate policeDecidedOn;
    @Column(name = "police_document_number")
    private String policeDocumentNumber;
    @Column(name = "police_reason")
    private String policeReason;
    @Column(name = "reconsideration_requested_on")
    private LocalDate reconsiderationRequestedOn;
    @Column(name = "items_handed_over_on")
    private LocalDate itemsHandedOverOn;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PoliceFiling() {
    }

    PoliceFiling(String caseNumber, Outcome outcome, LocalDate policeDecidedOn, String policeDocumentNumber,
            String policeReason, LocalDate reconsiderationRequestedOn, LocalDate itemsHandedOverOn, String recordedBy,
            Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.outcome = outcome;
        this.policeDecidedOn = policeDecidedOn;
        this.policeDocumentNumber = policeDocumentNumber;
        this.policeReason = policeReason;
        this.reconsiderationRequestedOn = reconsiderationRequestedOn;
        this.itemsHandedOverOn = itemsHandedOverOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public LocalDate getPoliceDecidedOn() {
        return policeDecidedOn;
    }

    public String getPoliceDocumentNumber() {
        return policeDocumentNumber;
    }

    public String getPoliceReason() {
        return policeReason;
    }

    public LocalDate getReconsiderationRequestedOn() {
        return reconsiderationRequestedOn;
    }

    public LocalDate getItemsHandedOverOn() {
        return itemsHandedOverOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
