package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One checked item of a visit, filed under the department whose item it is. */
@Entity
@Table(name = "inspection_finding")
public class InspectionFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "visit_id", nullable = false)
    private Long visitId;

    @Column(name = "item_code", nullable = false)
    private String itemCode;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemResult result;

    private String note;

    @Column(name = "evidence_link")
    private String evidenceLink;

    @Enumerated(EnumType.STRING)
    @Column(name = "follow_up")
    private FollowUp followUp;

    @Column(name = "lead_number")
    private String leadNumber;

    protected InspectionFinding() {
    }

    InspectionFinding(Long visitId, String itemCode, String departmentCode, ItemResult result, String note,
            String evidenceLink, FollowUp followUp) {
        this.visitId = visitId;
        this.itemCode = itemCode;
        this.departmentCode = departmentCode;
        this.result = result;
        this.note = note;
        this.evidenceLink = evidenceLink;
        this.followUp = followUp;
    }

    void handedOverAs(String leadNumber) {
        this.leadNumber = leadNumber;
    }

    public Long getId() {
        return id;
    }

    public Long getVisitId() {
        return visitId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public ItemResult getResult() {
        return result;
    }

    public String getNote() {
        return note;
    }

    public String getEvidenceLink() {
        return evidenceLink;
    }

    public FollowUp getFollowUp() {
        return followUp;
    }

    public String getLeadNumber() {
        return leadNumber;
    }
}
