package org.sanlian.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joint inspections in the domain API: the registers (read by every signed-in user, changed by the
 * administrator), the published plans with their draw, the auditor's re-run, results and statistics.
 * Plans, draws and results are public records (一公开), so every signed-in user may read them.
 */
@RestController
@RequestMapping("/api/inspection")
@Tag(name = "inspection", description = "联合双随机抽查（一单两库、抽查计划、抽取复核、结果公示）")
class InspectionController {

    private final InspectionRegisters registers;
    private final JointInspections inspections;
    private final InspectionSettings settings;

    public InspectionController(InspectionRegisters registers, JointInspections inspections,
            InspectionSettings settings) {
        this.registers = registers;
        this.inspections = inspections;
        this.settings = settings;
    }

    public record VehicleView(String plateNumber, String vehicleKind, boolean demo) {
    }

    public record EnterpriseView(String uscc, String name, String areaCode, String marketSegment,
            String marketSegmentName, boolean keyPassengerDangerous, boolean keyCruisingTaxi, boolean keyEnterprise,
            RiskGrade riskGrade, String creditGrade, LocalDate lastInspectedOn, boolean demo,
            List<VehicleView> vehicles) {
    }

    public record InspectorView(String userId, String displayName, String organisationCode, String certificateNumber,
            List<String> areaCodes, boolean demo) {
    }

    public record ConflictView(long id, String userId, String uscc, String reason, String recordedBy,
            Instant recordedAt) {
    }

    public record ItemView(String code, String departmentCode, String name, String legalBasis,
            String competentOrganisationCode, boolean demo) {
    }

    public record NewConflict(String userId, String uscc, String reason) {
    }

    @GetMapping("/market-segments")
    @Operation(summary = "运输市场（可配置：sanlian.inspection.market-segments）")
    public Map<String, String> marketSegments() {
        return settings.getMarketSegments();
    }

    @GetMapping("/enterprises")
    @Operation(summary = "检查对象名录库：监管企业及其车辆")
    public List<EnterpriseView> enterprises() {
        return registers.enterprises().stream().map(this::view).toList();
    }

    @PostMapping("/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    @Operation(summary = "登记监管企业（管理员；统一社会信用代码按 GB 32100-2015 校验）")
    public EnterpriseView addEnterprise(@RequestBody InspectionRegisters.NewEnterprise input) {
        return view(registers.addEnterprise(input));
    }

    @GetMapping("/inspectors")
    @Operation(summary = "执法检查人员名录库")
    public List<InspectorView> inspectors() {
        return registers.inspectors().stream().map(i -> new InspectorView(i.getUserId(), i.getDisplayName(),
                i.getOrganisationCode(), i.getCertificateNumber(), i.areaCodeList(), i.isDemo())).toList();
    }

    @GetMapping("/conflicts")
    @Operation(summary = "已登记的回避关系（检查人员 × 企业）")
    public List<ConflictView> conflicts() {
        return registers.conflicts().stream().map(c -> new ConflictView(c.getId(), c.getUserId(),
                c.getEnterpriseUscc(), c.getReason(), c.getRecordedBy(), c.getRecordedAt())).toList();
    }

    @PostMapping("/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    @Operation(summary = "登记回避关系（管理员）")
    public ConflictView addConflict(@RequestBody NewConflict input, Authentication user) {
        InspectorConflict c = registers.recordConflict(input.userId(), input.uscc(), input.reason(), user.getName());
        return new ConflictView(c.getId(), c.getUserId(), c.getEnterpriseUscc(), c.getReason(), c.getRecordedBy(),
                c.getRecordedAt());
    }

    @GetMapping("/items")
    @Operation(summary = "各部门抽查事项清单及法律依据")
    public List<ItemView> items() {
        return registers.items().stream().map(i -> new ItemView(i.getCode(), i.getDepartmentCode(), i.getName(),
                i.getLegalBasis(), i.getCompetentOrganisationCode(), i.isDemo())).toList();
    }

    public record PlanView(String planNumber, String name, String leadOrganisationCode,
            String partnerOrganisationCode, List<String> itemCodes, List<String> marketSegments,
            boolean keySupervisionOnly, Integer samplingPercent, Integer sampleCount, int inspectorsPerTarget,
            LocalDate periodStart, LocalDate periodEnd, PlanStatus status, String statusName, String plannedBy,
            String approvedBy, String approvalNote, Instant publishedAt, LocalDate inspectionEndedOn,
            LocalDate resultsDue, Instant resultsPublishedAt, boolean resultsOverdue, String processInstanceId) {

        static PlanView of(InspectionPlan p) {
            return new PlanView(p.getPlanNumber(), p.getName(), p.getLeadOrganisationCode(),
                    p.getPartnerOrganisationCode(), p.itemCodeList(), p.marketSegmentList(), p.isKeySupervisionOnly(),
                    p.getSamplingPercent(), p.getSampleCount(), p.getInspectorsPerTarget(), p.getPeriodStart(),
                    p.getPeriodEnd(), p.getStatus(), p.getStatus().chineseName(), p.getPlannedBy(), p.getApprovedBy(),
                    p.getApprovalNote(), p.getPublishedAt(), p.getInspectionEndedOn(), p.getResultsDue(),
                    p.getResultsPublishedAt(), p.isResultsOverdue(), p.getProcessInstanceId());
        }
    }

    public record DrawView(String planNumber, String algorithmVersion, String seed, LocalDate drawnOn,
            String drawnBy, Instant drawnAt, String resultSha256, String criteria, String targetPool,
            String inspectorPool, String result) {
    }

    @GetMapping("/plans/{planNumber}")
    @Operation(summary = "抽查计划（公示记录）")
    public PlanView plan(@PathVariable String planNumber) {
        return PlanView.of(inspections.plan(planNumber));
    }

    @GetMapping("/plans/{planNumber}/draw")
    @Operation(summary = "抽取记录：种子、两库快照、算法版本、结果及其 SHA-256")
    public DrawView draw(@PathVariable String planNumber) {
        InspectionDraw d = inspections.drawOf(planNumber);
        return new DrawView(planNumber, d.getAlgorithmVersion(), d.getSeed(), d.getDrawnOn(), d.getDrawnBy(),
                d.getDrawnAt(), d.getResultSha256(), d.getCriteriaJson(), d.getTargetPoolJson(),
                d.getInspectorPoolJson(), d.getResultJson());
    }

    @GetMapping("/plans/{planNumber}/draw/verification")
    @Operation(summary = "审计复核：按存档的种子和快照重演抽取，与存档结果比对")
    public JointInspections.Verification verify(@PathVariable String planNumber) {
        return inspections.verifyDraw(planNumber);
    }

    public record FindingView(String itemCode, String departmentCode, ItemResult result, String resultName,
            String note, String evidenceLink, FollowUp followUp, String leadNumber) {
    }

    public record VisitView(String visitNumber, String uscc, String enterpriseName, List<String> inspectors,
            String status, String visitedBy, Instant visitedAt, LocalDate correctionDue, Boolean recheckCorrected,
            List<FindingView> findings) {
    }

    public record DepartmentResults(String departmentCode, List<DepartmentFinding> findings) {
    }

    public record DepartmentFinding(String visitNumber, String uscc, String enterpriseName, String itemCode,
            ItemResult result, String note, String evidenceLink, FollowUp followUp, String leadNumber) {
    }

    public record Results(String planNumber, PlanStatus status, List<VisitView> visits,
            List<DepartmentResults> byDepartment) {
    }

    @GetMapping("/plans/{planNumber}/results")
    @Operation(summary = "检查结果：按检查对象和按部门分送")
    public Results results(@PathVariable String planNumber) {
        InspectionPlan plan = inspections.plan(planNumber);
        List<VisitView> visits = inspections.visitsOf(planNumber).stream().map(v -> new VisitView(v.getVisitNumber(),
                v.getEnterpriseUscc(), v.getEnterpriseName(), v.inspectors(), v.getStatus(), v.getVisitedBy(),
                v.getVisitedAt(), v.getCorrectionDue(), v.getRecheckCorrected(),
                inspections.findingsOf(v).stream().map(f -> new FindingView(f.getItemCode(), f.getDepartmentCode(),
                        f.getResult(), f.getResult().chineseName(), f.getNote(), f.getEvidenceLink(), f.getFollowUp(),
                        f.getLeadNumber())).toList())).toList();
        Map<String, List<DepartmentFinding>> byDepartment = new java.util.TreeMap<>();
        for (VisitView visit : visits) {
            for (FindingView f : visit.findings()) {
                byDepartment.computeIfAbsent(f.departmentCode(), d -> new java.util.ArrayList<>())
                        .add(new DepartmentFinding(visit.visitNumber(), visit.uscc(), visit.enterpriseName(),
                                f.itemCode(), f.result(), f.note(), f.evidenceLink(), f.followUp(), f.leadNumber()));
            }
        }
        return new Results(planNumber, plan.getStatus(), visits, byDepartment.entrySet().stream()
                .map(e -> new DepartmentResults(e.getKey(), e.getValue())).toList());
    }

    @GetMapping("/plans/{planNumber}/statistics")
    @Operation(summary = "计划统计：对象数、已检查、不合格项、移交案源")
    public JointInspections.Statistics statistics(@PathVariable String planNumber) {
        return inspections.statistics(planNumber);
    }

    private EnterpriseView view(RegulatedEnterprise e) {
        return new EnterpriseView(e.getUscc(), e.getName(), e.getAreaCode(), e.getMarketSegment(),
                settings.getMarketSegments().get(e.getMarketSegment()), e.isKeyPassengerDangerous(),
                e.isKeyCruisingTaxi(), e.isKeyEnterprise(), e.getRiskGrade(), e.getCreditGrade(),
                e.getLastInspectedOn(), e.isDemo(), registers.vehiclesOf(e.getUscc()).stream()
                        .map(v -> new VehicleView(v.getPlateNumber(), v.getVehicleKind(), v.isDemo())).toList());
    }
}
