package org.sanlian.inspection;

import org.sanlian.platform.Json;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.Inputs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.DrawRandom;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.platform.forms.FormValues;
import org.sanlian.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint inspections (联合双随机抽查, domain.md §5): plan, draw, approval and publication, visits with their
 * combined checklist split back per department, follow-ups, results publication and statistics. The
 * jointInspection process calls it; it owns the data.
 */
@Service
@Transactional
public class JointInspections {

    /** Canonical JSON of the draw record: sorted properties, ISO dates, so the stored text is stable. */
    static final ObjectMapper DRAW_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();


    private final InspectionPlanRepository plans;
    private final InspectionDrawRepository draws;
    private final InspectionVisitRepository visits;
    private final InspectionFindingRepository findings;
    private final InspectionItemRepository items;
    private final RegulatedEnterpriseRepository enterprises;
    private final Organisations organisations;
    private final PlanningBodies planningBodies;
    private final InspectionRegisters registers;
    private final InspectionSettings settings;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public JointInspections(InspectionPlanRepository plans, InspectionDrawRepository draws,
            InspectionVisitRepository visits, InspectionFindingRepository findings, InspectionItemRepository items,
            RegulatedEnterpriseRepository enterprises, Organisations organisations, PlanningBodies planningBodies,
            InspectionRegisters registers, InspectionSettings settings, WorkingDayCalendar calendar,
            Optional<Clock> clock) {
        this.plans = plans;
        this.draws = draws;
        this.visits = visits;
        this.findings = findings;
        this.items = items;
        this.enterprises = enterprises;
        this.organisations = organisations;
        this.planningBodies = planningBodies;
        this.registers = registers;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    // ---- plan and draw -------------------------------------------------------------------------------

    /** The plan as the start form sends it; variables by name. */
    public InspectionPlan createPlan(Function<String, Object> form, String actor, String processInstanceId) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = Inputs.stripped(form.apply("planName"));
        if (name == null || name.length() > 200) {
            violations.add(new FieldViolation("planName", "必填，不超过 200 字"));
        }
        String lead = Inputs.stripped(form.apply("leadOrganisation"));
        Optional<Organisation> leadBody = lead == null ? Optional.empty() : organisations.byCode(lead);
        if (leadBody.isEmpty() || !leadBody.get().isEnforcementBody()
                || !BodyChoices.offers(planningBodies.leadsFor(actor), lead)) {
            violations.add(new FieldViolation("leadOrganisation", "牵头单位应为制定计划人员所在的执法队伍（只能以本单位名义；市执法队可由本市执法网络中的执法队伍牵头），国发〔2019〕5号"));
        }
        String partner = Inputs.stripped(form.apply("partnerOrganisation"));
        if (partner == null || !organisations.exists(partner)
                || !BodyChoices.offers(planningBodies.partnersFor(actor), partner)) {
            violations.add(new FieldViolation("partnerOrganisation", "必须选择本市执法网络中联合检查的另一单位"));
        } else if (partner.equals(lead)) {
            violations.add(new FieldViolation("partnerOrganisation", "联合检查须由两个单位参加"));
        }
        List<String> itemCodes = FormValues.list(form.apply("itemCodes"));
        Set<String> departments = new LinkedHashSet<>();
        for (String code : itemCodes) {
            items.findById(code).ifPresentOrElse(item -> departments.add(item.getDepartmentCode()),
                    () -> violations.add(new FieldViolation("itemCodes", "没有这个抽查事项: " + code)));
        }
        if (departments.size() < 2) {
            violations.add(new FieldViolation("itemCodes", "联合检查应包含至少两个部门的抽查事项（进一次门查多项事）"));
        }
        List<String> segments = FormValues.list(form.apply("marketSegments"));
        if (segments.isEmpty() || !settings.getMarketSegments().keySet().containsAll(segments)) {
            violations.add(new FieldViolation("marketSegments", "至少选择一个运输市场，取值 " + settings.getMarketSegments().keySet()));
        }
        Integer percent = integer(form.apply("samplingPercent"));
        Integer count = integer(form.apply("sampleCount"));
        if ((percent == null) == (count == null)) {
            violations.add(new FieldViolation("samplingPercent", "抽查比例和抽查数量须填且只填一项"));
        } else if (percent != null && (percent < 1 || percent > 100)) {
            violations.add(new FieldViolation("samplingPercent", "抽查比例应在 1–100 之间"));
        } else if (count != null && count < 1) {
            violations.add(new FieldViolation("sampleCount", "抽查数量至少为 1"));
        }
        Integer perTarget = integer(form.apply("inspectorsPerTarget"));
        if (perTarget == null) {
            perTarget = DoubleRandomDraw.MINIMUM_INSPECTORS;
        } else if (perTarget < DoubleRandomDraw.MINIMUM_INSPECTORS || perTarget > 10) {
            violations.add(new FieldViolation("inspectorsPerTarget", "每个对象至少 2 名检查人员（道路运输条例第五十九条），至多 10 名"));
        }
        LocalDate start = Inputs.requiredDate("periodStart", form.apply("periodStart"), violations);
        LocalDate end = Inputs.requiredDate("periodEnd", form.apply("periodEnd"), violations);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new FieldViolation("periodEnd", "结束日期不能早于开始日期"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        InspectionPlan plan = plans.save(new InspectionPlan(name, lead, partner, itemCodes, segments,
                Boolean.TRUE.equals(form.apply("keySupervisionOnly")), percent, count, perTarget, start, end, actor,
                Instant.now(clock), processInstanceId));
        plan.assignNumber(String.format("JC%d%06d", LocalDate.now(clock).getYear(), plan.getId()));
        return plan;
    }

    /** Draws targets and inspectors for the plan, stores the record and one visit per drawn target. */
    public DoubleRandomDraw.Result draw(String planNumber, String requestedSeed, String actor) {
        InspectionPlan plan = plan(planNumber);
        String seed = requestedSeed == null || requestedSeed.isBlank() ? DrawRandom.newSeed() : requestedSeed.strip();
        if (seed.length() > 128) {
            throw new InvalidInputException("drawSeed", "不超过 128 个字符");
        }
        DoubleRandomDraw.Criteria criteria = new DoubleRandomDraw.Criteria(plan.marketSegmentList(),
                plan.isKeySupervisionOnly(), settings.getRecentWindowDays(), plan.getSamplingPercent(),
                plan.getSampleCount(), plan.getInspectorsPerTarget(), plan.bodies());
        DoubleRandomDraw.Input input = new DoubleRandomDraw.Input(seed, LocalDate.now(clock), criteria,
                registers.targetPool(), registers.inspectorPool());
        DoubleRandomDraw.Result result = DoubleRandomDraw.run(input);
        draws.save(new InspectionDraw(plan.getId(), result.algorithmVersion(), seed, input.drawnOn(),
                Json.write(DRAW_JSON, criteria), Json.write(DRAW_JSON, input.targets()), Json.write(DRAW_JSON, input.inspectorPool()), Json.write(DRAW_JSON, result), actor,
                Instant.now(clock)));
        int index = 1;
        for (DoubleRandomDraw.DrawnTarget target : result.targets()) {
            visits.save(new InspectionVisit(String.format("%s-%02d", planNumber, index++), plan.getId(),
                    target.uscc(), target.name(), target.inspectors()));
        }
        return result;
    }

    /** The auditor's re-run: the stored seed, pools and criteria through the stored algorithm version. */
    public record Verification(String planNumber, String algorithmVersion, String seed, LocalDate drawnOn,
            boolean reproduced, String storedResultSha256, String recomputedResultSha256,
            DoubleRandomDraw.Result recomputed) {
    }

    @Transactional(readOnly = true)
    public Verification verifyDraw(String planNumber) {
        InspectionDraw record = drawOf(planNumber);
        if (!DoubleRandomDraw.ALGORITHM_VERSION.equals(record.getAlgorithmVersion())) {
            throw new InvalidInputException("algorithmVersion", "本系统只能重演 " + DoubleRandomDraw.ALGORITHM_VERSION
                    + " 的抽取，记录为 " + record.getAlgorithmVersion());
        }
        try {
            DoubleRandomDraw.Input input = new DoubleRandomDraw.Input(record.getSeed(), record.getDrawnOn(),
                    DRAW_JSON.readValue(record.getCriteriaJson(), DoubleRandomDraw.Criteria.class),
                    List.of(DRAW_JSON.readValue(record.getTargetPoolJson(), DoubleRandomDraw.Target[].class)),
                    DRAW_JSON.readValue(record.getInspectorPoolJson(), DoubleRandomDraw.InspectorPool.class));
            DoubleRandomDraw.Result recomputed = DoubleRandomDraw.run(input);
            String recomputedHash = DrawRandom.sha256Hex(Json.write(DRAW_JSON, recomputed));
            DoubleRandomDraw.Result stored = DRAW_JSON.readValue(record.getResultJson(), DoubleRandomDraw.Result.class);
            boolean same = recomputed.equals(stored) && recomputedHash.equals(record.getResultSha256());
            return new Verification(planNumber, record.getAlgorithmVersion(), record.getSeed(), record.getDrawnOn(),
                    same, record.getResultSha256(), recomputedHash, recomputed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the draw record of " + planNumber + " cannot be read", e);
        }
    }

    /** 审批: the head approves the plan and its draw, or rejects it with a reason (no re-draw: a new plan). */
    public InspectionPlan decide(String planNumber, String decision, String note, String actor) {
        String reason = Inputs.stripped(note);
        boolean approved = "approve".equals(decision);
        if (!approved && !"reject".equals(decision)) {
            throw new InvalidInputException("approvalDecision", "必须选择：批准或不予批准");
        }
        if (!approved && reason == null) {
            throw new InvalidInputException("approvalNote", "不予批准时必须写明理由");
        }
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("approvalNote", "不能超过 1000 字");
        }
        InspectionPlan plan = plan(planNumber);
        plan.decide(approved, actor, reason);
        return plan;
    }

    /** 一公开: the approved plan and its draw become a public record. */
    public InspectionPlan publishPlan(String planNumber) {
        InspectionPlan plan = plan(planNumber);
        plan.publish(Instant.now(clock));
        return plan;
    }

    @Transactional(readOnly = true)
    public List<String> visitNumbers(String planNumber) {
        return visits.findByPlanIdOrderById(plan(planNumber).getId()).stream()
                .map(InspectionVisit::getVisitNumber).toList();
    }

    // ---- visits --------------------------------------------------------------------------------------

    /** Names of the checklist variables of one item, as the conductVisit form names them. */
    public static String resultField(String itemCode) {
        return "item_" + itemCode + "_result";
    }

    public static String followUpField(String itemCode) {
        return "item_" + itemCode + "_followUp";
    }

    public static String noteField(String itemCode) {
        return "item_" + itemCode + "_note";
    }

    public static String evidenceField(String itemCode) {
        return "item_" + itemCode + "_evidence";
    }

    /**
     * What a recorded visit asks of the process when something must be corrected: the end of the correction period
     * (when the re-check opens) and the day the 整改复查 is due (sanlian.inspection.recheck-working-days after it).
     */
    public record VisitOutcome(boolean correctionOrdered, LocalDate correctionDue, LocalDate recheckDue) {
    }

    /**
     * Records the combined checklist of a visit, one finding per item of the plan filed under the item's
     * department. Every item needs a result; a failed one a note and a follow-up.
     */
    public VisitOutcome recordVisit(String visitNumber, Function<String, Object> form, String actor) {
        InspectionVisit visit = visit(visitNumber);
        // 双随机: the officers drawn for this enterprise inspect it — not another officer of their bodies, nor one
        // the draw left out for a conflict of interest (found in Chromium: both could record the visit)
        if (actor != null && !visit.inspectors().contains(actor)) {
            throw new InvalidInputException("visitNumber", "本次检查由随机抽中的检查人员（" + visit.inspectors().size()
                    + " 名）实施并记录，您不在其中（国办发〔2015〕58号：随机选派执法检查人员）");
        }
        InspectionPlan plan = plans.findById(visit.getPlanId()).orElseThrow();
        List<FieldViolation> violations = new ArrayList<>();
        List<InspectionFinding> recorded = new ArrayList<>();
        for (String code : plan.itemCodeList()) {
            InspectionItem item = items.findById(code).orElseThrow();
            ItemResult result = parse(ItemResult.class, Inputs.stripped(form.apply(resultField(code))));
            if (result == null) {
                violations.add(new FieldViolation(resultField(code), item.getName() + "：必须选择合格、不合格或不适用"));
                continue;
            }
            String note = Inputs.stripped(form.apply(noteField(code)));
            String evidence = Inputs.stripped(form.apply(evidenceField(code)));
            FollowUp followUp = null;
            if (result == ItemResult.FAIL) {
                followUp = parse(FollowUp.class, Inputs.stripped(form.apply(followUpField(code))));
                if (followUp == null) {
                    violations.add(new FieldViolation(followUpField(code), item.getName() + "：不合格项须选择移交案源或责令改正"));
                }
                if (note == null) {
                    violations.add(new FieldViolation(noteField(code), item.getName() + "：不合格项须写明检查情况"));
                }
            }
            if (note != null && note.length() > 1000) {
                violations.add(new FieldViolation(noteField(code), "不能超过 1000 字"));
            }
            if (evidence != null && evidence.length() > 500) {
                violations.add(new FieldViolation(evidenceField(code), "不能超过 500 字"));
            }
            recorded.add(new InspectionFinding(visit.getId(), code, item.getDepartmentCode(), result, note, evidence,
                    followUp));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        findings.saveAll(recorded);
        boolean correction = recorded.stream().anyMatch(f -> f.getFollowUp() == FollowUp.CORRECTION);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = correction ? today.plus(settings.getCorrectionPeriod()) : null;
        visit.visited(actor, Instant.now(clock), due);
        enterprises.findById(visit.getEnterpriseUscc()).ifPresent(e -> e.inspectedOn(today));
        return new VisitOutcome(correction, due,
                due == null ? null : calendar.addWorkingDays(due, settings.getRecheckWorkingDays()).date());
    }

    /** A failed item to be handed to the competent body as a lead (source 双随机抽查发现). */
    public record HandOver(long findingId, String organisationCode, String partyName, String summary,
            String evidenceLink, String visitNumber, String registrant, LocalDate occurredOn) {
    }

    /** Failed items of the visit still to be handed over: the LEAD ones, and after a failed re-check the rest. */
    @Transactional(readOnly = true)
    public List<HandOver> pendingHandOvers(String visitNumber) {
        InspectionVisit visit = visit(visitNumber);
        InspectionPlan plan = plans.findById(visit.getPlanId()).orElseThrow();
        boolean uncorrected = Boolean.FALSE.equals(visit.getRecheckCorrected());
        List<HandOver> pending = new ArrayList<>();
        for (InspectionFinding finding : findings.findByVisitIdOrderById(visit.getId())) {
            boolean due = finding.getResult() == ItemResult.FAIL && finding.getLeadNumber() == null
                    && (finding.getFollowUp() == FollowUp.LEAD || uncorrected);
            if (!due) {
                continue;
            }
            InspectionItem item = items.findById(finding.getItemCode()).orElseThrow();
            String summary = String.format("联合双随机抽查 %s（%s），检查单 %s：%s 不合格（%s）。%s检查情况：%s%s",
                    plan.getPlanNumber(), plan.getName(), visit.getVisitNumber(), item.getName(), item.getLegalBasis(),
                    finding.getFollowUp() == FollowUp.CORRECTION ? "责令改正逾期未改正。" : "",
                    finding.getNote(),
                    finding.getEvidenceLink() == null ? "" : "。证据：" + finding.getEvidenceLink());
            String registrant = uncorrected && finding.getFollowUp() == FollowUp.CORRECTION
                    ? visit.getRecheckedBy() : visit.getVisitedBy();
            pending.add(new HandOver(finding.getId(), item.getCompetentOrganisationCode(), visit.getEnterpriseName(),
                    summary, finding.getEvidenceLink(), visit.getVisitNumber(), registrant,
                    LocalDate.ofInstant(visit.getVisitedAt(), ChinaTime.CHINA)));
        }
        return pending;
    }

    public void recordHandOver(long findingId, String leadNumber) {
        findings.findById(findingId).orElseThrow().handedOverAs(leadNumber);
    }

    /** 复查: were the ordered corrections made? */
    public void recordRecheck(String visitNumber, String outcome, String note, String actor) {
        boolean corrected = "corrected".equals(outcome);
        if (!corrected && !"notCorrected".equals(outcome)) {
            throw new InvalidInputException("recheckResult", "必须选择：已改正或逾期未改正");
        }
        String text = Inputs.stripped(note);
        if (text == null || text.length() > 1000) {
            throw new InvalidInputException("recheckNote", "必须写明复查情况，不超过 1000 字");
        }
        visit(visitNumber).rechecked(actor, Instant.now(clock), corrected, text);
    }

    /** What a 整改复查 checks: the items ordered corrected, each with what was found, and by when. */
    public record CorrectionOrder(List<String> items, LocalDate due) {
    }

    /**
     * The failed items the visit ordered corrected (name, legal basis and what the inspectors found), and the
     * deadline they were given (行政处罚法第二十八条第一款), as the visit stored them.
     */
    @Transactional(readOnly = true)
    public CorrectionOrder correctionOrder(String visitNumber) {
        InspectionVisit visit = visit(visitNumber);
        List<String> ordered = new ArrayList<>();
        for (InspectionFinding finding : findings.findByVisitIdOrderById(visit.getId())) {
            if (finding.getResult() == ItemResult.FAIL && finding.getFollowUp() == FollowUp.CORRECTION) {
                InspectionItem item = items.findById(finding.getItemCode()).orElseThrow();
                ordered.add(item.getName() + "（" + item.getLegalBasis() + "）：" + finding.getNote());
            }
        }
        return new CorrectionOrder(ordered, visit.getCorrectionDue());
    }

    // ---- results -------------------------------------------------------------------------------------

    /** All visits done: the inspection ends today and its results are due within the publication period. */
    public LocalDate endInspection(String planNumber) {
        InspectionPlan plan = plan(planNumber);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = today.plus(settings.getResultsPublication());
        plan.endInspection(today, due);
        return due;
    }

    public void publishResults(String planNumber) {
        plan(planNumber).publishResults(Instant.now(clock));
    }

    public void markResultsOverdue(String planNumber) {
        plan(planNumber).markResultsOverdue();
    }

    public record DepartmentFigures(String departmentCode, long itemsChecked, long itemsFailed) {
    }

    public record Statistics(String planNumber, PlanStatus status, int targets, long visited, long itemsChecked,
            long itemsFailed, long leadsCreated, long correctionsOrdered, List<DepartmentFigures> byDepartment) {
    }

    @Transactional(readOnly = true)
    public Statistics statistics(String planNumber) {
        InspectionPlan plan = plan(planNumber);
        List<InspectionVisit> planVisits = visits.findByPlanIdOrderById(plan.getId());
        List<InspectionFinding> all = planVisits.isEmpty() ? List.of()
                : findings.findByVisitIdInOrderById(planVisits.stream().map(InspectionVisit::getId).toList());
        Map<String, List<InspectionFinding>> byDepartment = all.stream().collect(
                Collectors.groupingBy(InspectionFinding::getDepartmentCode, LinkedHashMap::new, Collectors.toList()));
        List<DepartmentFigures> departments = byDepartment.entrySet().stream()
                .map(e -> new DepartmentFigures(e.getKey(),
                        e.getValue().stream().filter(f -> f.getResult() != ItemResult.NOT_APPLICABLE).count(),
                        e.getValue().stream().filter(f -> f.getResult() == ItemResult.FAIL).count()))
                .sorted(java.util.Comparator.comparing(DepartmentFigures::departmentCode))
                .toList();
        return new Statistics(planNumber, plan.getStatus(), planVisits.size(),
                planVisits.stream().filter(InspectionVisit::isVisited).count(),
                all.stream().filter(f -> f.getResult() != ItemResult.NOT_APPLICABLE).count(),
                all.stream().filter(f -> f.getResult() == ItemResult.FAIL).count(),
                all.stream().filter(f -> f.getLeadNumber() != null).count(),
                all.stream().filter(f -> f.getFollowUp() == FollowUp.CORRECTION).count(),
                departments);
    }

    /**
     * The results to publish, as an officer reads them: the figures, then each department's, then every failed
     * item with the enterprise and what follows it; bodies by name.
     */
    @Transactional(readOnly = true)
    public String resultsText(String planNumber) {
        Statistics figures = statistics(planNumber);
        List<String> lines = new ArrayList<>();
        lines.add("检查对象 " + figures.targets() + " 户，已检查 " + figures.visited() + " 户；检查事项 "
                + figures.itemsChecked() + " 项次，不合格 " + figures.itemsFailed() + " 项次（移交案源 "
                + figures.leadsCreated() + " 项次，责令改正 " + figures.correctionsOrdered() + " 项次）。");
        for (DepartmentFigures department : figures.byDepartment()) {
            lines.add("- " + bodyName(department.departmentCode()) + "：检查 " + department.itemsChecked()
                    + " 项次，不合格 " + department.itemsFailed() + " 项次");
        }
        List<String> failed = new ArrayList<>();
        for (InspectionVisit visit : visitsOf(planNumber)) {
            for (InspectionFinding finding : findings.findByVisitIdOrderById(visit.getId())) {
                if (finding.getResult() == ItemResult.FAIL) {
                    InspectionItem item = items.findById(finding.getItemCode()).orElseThrow();
                    failed.add("- " + visit.getEnterpriseName() + "（检查单 " + visit.getVisitNumber() + "）："
                            + item.getName() + "不合格，" + finding.getFollowUp().chineseName()
                            + recheckOutcome(visit, finding)
                            + (finding.getNote() == null ? "" : "；" + finding.getNote()));
                }
            }
        }
        if (!failed.isEmpty()) {
            lines.add("");
            lines.add("不合格事项：");
            lines.addAll(failed);
        }
        return String.join("\n", lines);
    }

    /** After an order to correct: what the re-check found, once it was made. */
    private static String recheckOutcome(InspectionVisit visit, InspectionFinding finding) {
        if (finding.getFollowUp() != FollowUp.CORRECTION || visit.getRecheckCorrected() == null) {
            return "";
        }
        return visit.getRecheckCorrected() ? "（复查已改正）" : "（逾期未改正，已移交案源）";
    }

    private String bodyName(String code) {
        return organisations.byCode(code).map(Organisation::getName).orElse(code);
    }

    // ---- reading -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public InspectionPlan plan(String planNumber) {
        return plans.findByPlanNumber(planNumber).orElseThrow(() -> new NotFoundException("inspection plan", planNumber));
    }

    @Transactional(readOnly = true)
    public InspectionDraw drawOf(String planNumber) {
        return draws.findByPlanId(plan(planNumber).getId())
                .orElseThrow(() -> new NotFoundException("draw of", planNumber));
    }

    @Transactional(readOnly = true)
    public InspectionVisit visit(String visitNumber) {
        return visits.findByVisitNumber(visitNumber).orElseThrow(() -> new NotFoundException("visit", visitNumber));
    }

    @Transactional(readOnly = true)
    public List<InspectionVisit> visitsOf(String planNumber) {
        return visits.findByPlanIdOrderById(plan(planNumber).getId());
    }

    @Transactional(readOnly = true)
    public List<InspectionFinding> findingsOf(InspectionVisit visit) {
        return findings.findByVisitIdOrderById(visit.getId());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Integer integer(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        String text = Inputs.stripped(value);
        if (text == null) {
            return null;
        }
        try {
            return (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
