package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One drawn target's visit (进一次门查多项事): the drawn inspectors and, once done, who recorded it. */
@Entity
@Table(name = "inspection_visit")
public class InspectionVisit {

    public static final String PLANNED = "PLANNED";
    public static final String VISITED = "VISITED";
    public static final String RECHECKED = "RECHECKED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "visit_number", nullable = false, unique = true)
    private String visitNumber;

    @Column(name = "plan_id", nullable = false)
    private Long planId;

    @Column(name = "enterprise_uscc", nullable = false)
    private String enterpriseUscc;

    @Column(name = "enterprise_name", nullable = false)
    private String enterpriseName;

    @Column(name = "inspector_ids", nullable = false)
    private String inspectorIds;

    @Column(nullable = false)
    private String status;

    @Column(name = "visited_by")
    private String visitedBy;

    @Column(name = "visited_at")
    private Instant visitedAt;

    @Column(name = "correction_due")
    private LocalDate correctionDue;

    @Column(name = "rechecked_by")
    private String recheckedBy;

    @Column(name = "rechecked_at")
    private Instant recheckedAt;

    @Column(name = "recheck_corrected")
    private Boolean recheckCorrected;

    @Column(name = "recheck_note")
    private String recheckNote;

    protected InspectionVisit() {
    }

    InspectionVisit(String visitNumber, Long planId, String enterpriseUscc, String enterpriseName,
            List<String> inspectors) {
        this.visitNumber = visitNumber;
        this.planId = planId;
        this.enterpriseUscc = enterpriseUscc;
        this.enterpriseName = enterpriseName;
        this.inspectorIds = String.join(",", inspectors);
        this.status = PLANNED;
    }

    void visited(String by, Instant at, LocalDate correctionDue) {
        this.status = VISITED;
        this.visitedBy = by;
        this.visitedAt = at;
        this.correctionDue = correctionDue;
    }

    void rechecked(String by, Instant at, boolean corrected, String note) {
        this.status = RECHECKED;
        this.recheckedBy = by;
        this.recheckedAt = at;
        this.recheckCorrected = corrected;
        this.recheckNote = note;
    }

    public List<String> inspectors() {
        return Arrays.asList(inspectorIds.split(","));
    }

    public boolean isVisited() {
        return !PLANNED.equals(status);
    }

    public Long getId() {
        return id;
    }

    public String getVisitNumber() {
        return visitNumber;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getEnterpriseUscc() {
        return enterpriseUscc;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public String getStatus() {
        return status;
    }

    public String getVisitedBy() {
        return visitedBy;
    }

    public Instant getVisitedAt() {
        return visitedAt;
    }

    public LocalDate getCorrectionDue() {
        return correctionDue;
    }

    public String getRecheckedBy() {
        return recheckedBy;
    }

    public Boolean getRecheckCorrected() {
        return recheckCorrected;
    }

    public String getRecheckNote() {
        return recheckNote;
    }
}
