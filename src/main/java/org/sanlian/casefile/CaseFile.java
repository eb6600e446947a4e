package org.sanlian.casefile;

import jakarta.persistence.Column;
import org.hibernate.annotations.NaturalId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A filed case (案件), opened from a lead when the head approves filing (9号令 Art. 63). */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The 案号: the case's natural id, never changed once allocated. */
    @NaturalId
    @Column(name = "case_number", nullable = false, unique = true)
    private String caseNumber;

    @Column(name = "lead_number", nullable = false)
    private String leadNumber;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "filed_by")
    private String filedBy;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** The sender's case number when this case was received by transfer (移送管辖). */
    @Column(name = "transferred_from")
    private String transferredFrom;

    protected CaseFile() {
    }

    CaseFile(String caseNumber, String leadNumber, String organisationCode, String partyName, String filedBy,
            Instant filedAt, String processInstanceId) {
        this.caseNumber = caseNumber;
        this.leadNumber = leadNumber;
        this.organisationCode = organisationCode;
        this.partyName = partyName;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        this.processInstanceId = processInstanceId;
        this.status = CaseStatus.FILED;
    }

    void moveTo(CaseStatus status) {
        this.status = status;
    }

    void receivedFrom(String caseNumber) {
        this.transferredFrom = caseNumber;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public String getTransferredFrom() {
        return transferredFrom;
    }

    /** The row's id: the order in which cases were filed (newest last). */
    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getLeadNumber() {
        return leadNumber;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getPartyName() {
        return partyName;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
