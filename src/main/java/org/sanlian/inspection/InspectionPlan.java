package org.sanlian.inspection;

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
import java.util.Arrays;
import java.util.List;

/** A joint inspection plan (抽查计划): bodies, items, target criteria, sample and period. */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_number", unique = true)
    private String planNumber;

    @Column(nullable = false)
    private String name;

    @Column(name = "lead_organisation_code", nullable = false)
    private String leadOrganisationCode;

    @Column(name = "partner_organisation_code", nullable = false)
    private String partnerOrganisationCode;

    @Column(name = "item_codes", nullable = false)
    private String itemCodes;

    @Column(name = "market_segments", nullable = false)
    private String marketSegments;

    @Column(name = "key_supervision_only", nullable = false)
    private boolean keySupervisionOnly;

    @Column(name = "sampling_percent")
    private Integer samplingPercent;

    @Column(name = "sample_count")
    private Integer sampleCount;

    @Column(name = "inspectors_per_target", nullable = false)
    private int inspectorsPerTarget;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "planned_by")
    private String plannedBy;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approval_note")
    private String approvalNote;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "inspection_ended_on")
    private LocalDate inspectionEndedOn;

    @Column(name = "results_due")
    private LocalDate resultsDue;

    @Column(name = "results_published_at")
    private Instant resultsPublishedAt;

    @Column(name = "results_overdue", nullable = false)
    private boolean resultsOverdue;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected InspectionPlan() {
    }

    InspectionPlan(String name, String leadOrganisationCode, String partnerOrganisationCode, List<String> itemCodes,
            List<String> marketSegments, boolean keySupervisionOnly, Integer samplingPercent, Integer sampleCount,
            int inspectorsPerTarget, LocalDate periodStart, LocalDate periodEnd, String plannedBy, Instant plannedAt,
            String processInstanceId) {
        this.name = name;
        this.leadOrganisationCode = leadOrganisationCode;
        this.partnerOrganisationCode = partnerOrganisationCode;
        this.itemCodes = String.join(",", itemCodes);
        this.marketSegments = String.join(",", marketSegments);
        this.keySupervisionOnly = keySupervisionOnly;
        this.samplingPercent = samplingPercent;
        this.sampleCount = sampleCount;
        this.inspectorsPerTarget = inspectorsPerTarget;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        this.processInstanceId = processInstanceId;
        this.status = PlanStatus.DRAWN;
    }

    void assignNumber(String planNumber) {
        this.planNumber = planNumber;
    }

    void decide(boolean approved, String approver, String note) {
        this.status = approved ? status : PlanStatus.REJECTED;
        this.approvedBy = approver;
        this.approvalNote = note;
    }

    void publish(Instant at) {
        this.status = PlanStatus.PUBLISHED;
        this.publishedAt = at;
    }

    void endInspection(LocalDate endedOn, LocalDate resultsDue) {
        this.status = PlanStatus.INSPECTED;
        this.inspectionEndedOn = endedOn;
        this.resultsDue = resultsDue;
    }

    void publishResults(Instant at) {
        this.status = PlanStatus.RESULTS_PUBLISHED;
        this.resultsPublishedAt = at;
    }

    void markResultsOverdue() {
        this.resultsOverdue = true;
    }

    /** The bodies involved, lead first: their inspectors form the pool of the draw. */
    public List<String> bodies() {
        return List.of(leadOrganisationCode, partnerOrganisationCode);
    }

    public List<String> itemCodeList() {
        return split(itemCodes);
    }

    public List<String> marketSegmentList() {
        return split(marketSegments);
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public Long getId() {
        return id;
    }

    public String getPlanNumber() {
        return planNumber;
    }

    public String getName() {
        return name;
    }

    public String getLeadOrganisationCode() {
        return leadOrganisationCode;
    }

    public String getPartnerOrganisationCode() {
        return partnerOrganisationCode;
    }

    public boolean isKeySupervisionOnly() {
        return keySupervisionOnly;
    }

    public Integer getSamplingPercent() {
        return samplingPercent;
    }

    public Integer getSampleCount() {
        return sampleCount;
    }

    public int getInspectorsPerTarget() {
        return inspectorsPerTarget;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getApprovalNote() {
        return approvalNote;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public LocalDate getInspectionEndedOn() {
        return inspectionEndedOn;
    }

    public LocalDate getResultsDue() {
        return resultsDue;
    }

    public Instant getResultsPublishedAt() {
        return resultsPublishedAt;
    }

    public boolean isResultsOverdue() {
        return resultsOverdue;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
