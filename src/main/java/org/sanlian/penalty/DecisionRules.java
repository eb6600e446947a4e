package org.sanlian.penalty;

import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.InvestigationRules;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.LegalReviews;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.casefile.procedure.StepRule;
import org.sanlian.penalty.Yuan;
import org.sanlian.penalty.PenaltyFacts;
import org.sanlian.platform.ChinaTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseNumber;
import org.sanlian.casefile.CaseNumbers;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.casefile.NumberType;
import org.sanlian.penalty.PenaltyDecided;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.penalty.EducationForm;
import org.sanlian.penalty.NoHeavierPenaltyForDefence;
import org.sanlian.penalty.NoPenaltyGrounds;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision (domain.md §2.10–2.11): the head's approval of a deviation from the discretion benchmark, of a
 * penalty or of no penalty, and the transfer of a suspected crime to the police. The decided fine comes from the
 * stored facts: never above the notified fine (Art. 45), never outside the benchmark without an approved
 * deviation (Art. 34). A fine is decided only for an act of known date, and enters the fine register, which
 * refuses a second fine for the same act (Art. 29).
 */
@Service
@Transactional
public class DecisionRules implements PhaseRules {

    private final ProcedureFacts facts;
    private final PenaltyRecords penalties;
    private final CaseNumbers caseNumbers;
    private final ApplicationEventPublisher publisher;
    private final LegalReviews legalReviews;
    private final CrimeTransferDecisionRepository crimeTransferDecisions;
    private final LeadService leads;
    private final CaseParties parties;
    private final Duration crimeTransferSend;
    private final java.time.Period policeFilingReview;
    private final NoticePeriods noticePeriods;
    private final NoPenaltyGrounds noPenaltyGrounds;
    private final Officers officers;

    DecisionRules(ProcedureFacts facts, PenaltyRecords penalties, CaseNumbers caseNumbers, ApplicationEventPublisher publisher,
            LegalReviews legalReviews, CrimeTransferDecisionRepository crimeTransferDecisions,
            DeadlineSettings deadlineSettings, NoticePeriods noticePeriods, LeadService leads, CaseParties parties,
            NoPenaltyGrounds noPenaltyGrounds, Officers officers) {
        this.facts = facts;
        this.penalties = penalties;
        this.noticePeriods = noticePeriods;
        this.noPenaltyGrounds = noPenaltyGrounds;
        this.officers = officers;
        this.caseNumbers = caseNumbers;
        this.publisher = publisher;
        this.legalReviews = legalReviews;
        this.crimeTransferDecisions = crimeTransferDecisions;
        this.leads = leads;
        this.parties = parties;
        this.crimeTransferSend = deadlineSettings.crimeTransferSend();
        this.policeFilingReview = deadlineSettings.policeFilingReview();
    }

    @Override
    public Map<Rule, StepRule> rules() {
        return Map.of(
                Rule.deviationDecision, (caseNumber, form, actor) -> {
                    FormFields.Approval approval =
                            form.approval("deviationDecision", "deviationComment", "须选择：同意偏离裁量基准或退回");
                    form.valid();
                    return deviationDecided(caseNumber, approval, actor);
                },
                Rule.penaltyDecision, (caseNumber, form, actor) -> decidePenalty(caseNumber, PenaltyDecision.from(form), actor),
                Rule.noPenaltyDecision, (caseNumber, form, actor) -> decideNoPenalty(caseNumber,
                        NoPenaltyDecision.from(form), actor),
                Rule.crimeTransferDecision, (caseNumber, form, actor) -> crimeTransfer(caseNumber,
                        CrimeTransferCommand.from(form), actor),
                Rule.crimeTransferSent, (caseNumber, form, actor) -> crimeTransferSent(caseNumber, CrimeTransferSent.from(form), actor));
    }

    /**
     * The proposal held against the benchmark (裁量审查, PenaltyProposal): the range and whether the head must
     * approve a deviation are kept with the case's penalty facts; the table's note stays apart from the basis.
     */
    public void benchmarkChecked(String caseNumber, BigDecimal min, BigDecimal max, String basis, String note,
            boolean deviationRequired) {
        PenaltyFacts penalty = penalties.penaltyFor(caseNumber);
        penalty.benchmark(min, max, basis, note, facts.now());
        penalty.deviation(deviationRequired, false, facts.now());
    }

    /** 偏离裁量基准审批: the head approves or refuses; a refusal sends the case back with a reason. */
    public Map<String, Object> deviationDecided(String caseNumber, FormFields.Approval command, String actor) {
        PenaltyFacts penalty = penalties.penaltyFor(caseNumber);
        penalty.deviation(penalty.isDeviationRequired(), command.approved(), facts.now());
        String range = penalty.getBenchmarkMax() == null ? "" : "（" + Yuan.text(penalty.getBenchmarkMin()) + "–" + Yuan.text(penalty.getBenchmarkMax()) + " 元，"
                + penalty.getBenchmarkBasis() + "）";
        // no penalty where the table noPenalty says a penalty is due is approved here too (行政处罚法 Art. 33)
        boolean noPenalty = "noPenalty".equals(penalty.getProposedOutcome());
        facts.record(caseNumber, "approveDeviation", actor, (noPenalty
                ? (command.approved() ? "同意不予处罚的书面理由（不予处罚规则表认为应当处罚）" : "不同意不予处罚，退回")
                : (command.approved() ? "同意偏离裁量基准" : "不同意偏离裁量基准，退回"))
                + range + (command.comment() == null ? "" : "：" + command.comment()));
        return Map.of();
    }

    /** 处罚决定审批: the head's opinion, and the fine decided (at most the notified fine; by default the re-checked). */
    public record PenaltyDecision(InvestigationRules.ApproveOrSendBack opinion, BigDecimal finalFine) {
        static PenaltyDecision from(FormFields form) {
            BigDecimal fine = form.amount("finalFine");
            return new PenaltyDecision(InvestigationRules.ApproveOrSendBack.from(form, "headDecision", "headComment"), fine);
        }
    }

    public Map<String, Object> decidePenalty(String caseNumber, PenaltyDecision command, String actor) {
        if (!command.opinion().approved()) {
            facts.record(caseNumber, "decidePenalty", actor, "退回补充调查：" + command.opinion().comment());
            return Map.of();
        }
        legalReviews.requirePassedBeforeDecision(caseNumber, "headDecision");
        PenaltyFacts penalty = penalties.penaltyFor(caseNumber);
        if (penalty.getRecheckedOn() == null) {
            throw new InvalidInputException("headDecision", "尚未告知当事人并复核陈述、申辩，不能作出处罚决定（行政处罚法第四十四条、第四十五条）");
        }
        noticePeriods.requireEndedBeforeDecision(caseNumber, "headDecision");
        BigDecimal fine = command.finalFine() != null ? command.finalFine() : penalty.getRecheckedFine();
        NoHeavierPenaltyForDefence.requireNotAbove("finalFine", fine, penalty.getNotifiedFine());
        HearingRules.requireWithinBenchmark("finalFine", penalty, fine);
        Optional<Lead> lead = leads.findByNumber(facts.caseFile(caseNumber).getLeadNumber());
        if (fine.signum() > 0 && lead.map(Lead::getOccurredOn).isEmpty()) {
            throw new InvalidInputException("occurredOn", "案源未载明违法行为发生日期，无法核对同一违法行为是否已被罚款，"
                    + "不能作出罚款决定（行政处罚法第二十九条）；请补录违法行为发生日期");
        }
        Map<String, Object> produced = decided(caseNumber, NumberType.PENALTY_DECISION, "decidePenalty", fine, actor);
        produced.put("finalFine", Yuan.variable(fine));
        produced.put("fineDue", fine.signum() > 0);
        return produced;
    }

    /**
     * 不予处罚决定审批: the head's opinion and, when the party is not punished under the law, the education given
     * (行政处罚法 Art. 33 ¶3) — its form, its date and the certified officer of the body who gave it, by name.
     */
    public record NoPenaltyDecision(InvestigationRules.ApproveOrSendBack opinion, EducationForm educationForm,
            LocalDate educatedOn, String educatedBy) {
        static NoPenaltyDecision from(FormFields form) {
            InvestigationRules.ApproveOrSendBack opinion = InvestigationRules.ApproveOrSendBack.from(form, "headDecision",
                    "headComment");
            EducationForm educationForm = null;
            LocalDate educatedOn = null;
            if (opinion.approved()) {
                if (form.text("educationForm") != null) {
                    String chosen = form.choice("educationForm", EducationForm.names(),
                            "教育方式应为当面批评教育、书面告诫、组织学习相关法律法规或约谈");
                    educationForm = chosen == null ? null : EducationForm.valueOf(chosen);
                }
                educatedOn = form.text("educatedOn") == null ? null : form.pastDate("educatedOn");
            }
            form.valid();
            return new NoPenaltyDecision(opinion, educationForm, educatedOn,
                    opinion.approved() ? form.text("educatedBy") : null);
        }
    }

    public Map<String, Object> decideNoPenalty(String caseNumber, NoPenaltyDecision command, String actor) {
        if (!command.opinion().approved()) {
            facts.record(caseNumber, "decideNoPenalty", actor, "退回补充调查：" + command.opinion().comment());
            return Map.of();
        }
        // a notice served in an earlier round (before a send-back) gave the party periods that also bind this decision
        noticePeriods.requireEndedBeforeDecision(caseNumber, "headDecision");
        legalReviews.requirePassedBeforeDecision(caseNumber, "headDecision");
        String educator = command.educatedBy();
        if (educator != null && !officers.isCertifiedOfficerOf(
                List.of(facts.caseFile(caseNumber).getOrganisationCode()), educator)) {
            throw new InvalidInputException("educatedBy", "所选人员“" + officers.name(educator)
                    + "”不是本机关持有执法证件的执法人员，请从列表中选择（行政处罚法第三十三条第三款）");
        }
        Map<String, Object> ground = noPenaltyGrounds.decided(caseNumber, new NoPenaltyGrounds.Education(
                command.educationForm(), command.educatedOn(), educator),
                penalties.penaltyFor(caseNumber).isDeviationApproved(), facts.now());
        facts.record(caseNumber, "decideNoPenalty", actor, "不予处罚理由：" + ground.get("noPenaltyGroundText") + "（"
                + ground.get("noPenaltyArticles") + "）" + (ground.get("educatedOn") != null
                        ? "；" + ground.get("educatedOn") + " 由 " + officers.name(educator) + " 对当事人进行"
                                + ground.get("educationFormText") : ""));
        Map<String, Object> produced = decided(caseNumber, NumberType.NO_PENALTY_DECISION, "decideNoPenalty", null, actor);
        produced.put("fineDue", false);
        produced.putAll(ground);
        return produced;
    }

    private Map<String, Object> decided(String caseNumber, NumberType type, String step, BigDecimal fine, String actor) {
        CaseFile caseFile = facts.caseFile(caseNumber);
        LocalDate today = facts.today();
        CaseNumber number = caseNumbers.allocate(caseFile.getOrganisationCode(), type, today.getYear(), caseNumber, actor);
        facts.moveTo(caseNumber, CaseStatus.DECIDED);
        penalties.penaltyFor(caseNumber).decided(type == NumberType.PENALTY_DECISION ? "penalty" : "noPenalty",
                number.getFormatted(), fine, today, actor, facts.now());
        if (type == NumberType.PENALTY_DECISION) {
            publisher.publishEvent(fineDecided(caseFile, number.getFormatted(), fine, actor));
            publisher.publishEvent(new PenaltyDecided(caseNumber, caseFile.getLeadNumber(),
                    caseFile.getOrganisationCode(), caseFile.getPartyName(), number.getFormatted(), fine, actor));
        }
        facts.record(caseNumber, step, actor, "决定书 " + number.getFormatted()
                + (fine == null ? "" : "，罚款 " + Yuan.text(fine) + " 元"));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("decisionNumber", number.getFormatted());
        produced.put("decisionMade", true);
        return produced;
    }

    /**
     * The fine for the register (Art. 29): the party's ID number or credit code as the investigation established it
     * (else as the lead gave it), the plate of the lead (else of the case's vehicles), the act's date of the lead.
     */
    private FineDecided fineDecided(CaseFile caseFile, String decisionNumber, BigDecimal fine, String actor) {
        String caseNumber = caseFile.getCaseNumber();
        Optional<Lead> lead = leads.findByNumber(caseFile.getLeadNumber());
        String partyId = parties.parties(caseNumber).stream()
                .filter(p -> p.name().equals(caseFile.getPartyName()) && p.idNumber() != null)
                .map(CaseParties.PartyView::idNumber).findFirst()
                .orElseGet(() -> lead.map(Lead::getPartyIdNumber).orElse(null));
        String plate = lead.map(Lead::getPlateNumber).orElseGet(() -> parties.vehicles(caseNumber).stream()
                .map(CaseParties.VehicleView::plateNumber).findFirst().orElse(null));
        return new FineDecided(caseNumber, caseFile.getOrganisationCode(), decisionNumber, caseFile.getPartyName(),
                partyId, plate, penalties.penaltyFor(caseNumber).getViolationCode(),
                lead.map(Lead::getOccurredOn).orElse(null), fine, actor, "headDecision");
    }

    /**
     * 涉嫌犯罪移送审批 (移送规定 Art. 5): the head approves the transfer to a named police organ, or does not approve it
     * and the reasons are recorded.
     */
    public record CrimeTransferCommand(boolean approved, String receivingOrgan, String refusalReason) {
        static CrimeTransferCommand from(FormFields form) {
            String decision = form.choice("crimeTransferDecision", List.of("approve", "refuse"),
                    "须选择：批准移送或不批准移送（移送规定第五条）");
            String organ = "approve".equals(decision) ? form.required("receivingOrgan", "批准移送的，须写明接收移送的公安机关")
                    : null;
            String reason = "refuse".equals(decision)
                    ? form.required("crimeTransferRefusalReason", "不批准移送的，须写明不予批准的理由（移送规定第五条）")
                    : null;
            form.valid();
            return new CrimeTransferCommand("approve".equals(decision), organ, reason);
        }
    }

    /**
     * 涉嫌犯罪移送 approved (行政处罚法 Art. 27; 移送规定 Art. 5): the case must reach the public security organ
     * within 24 hours of the approval, counted in clock hours. Not approved: the reasons are kept on record and the
     * case goes on in the administrative procedure from 案件调查报告, where the investigators propose the penalty or no
     * penalty the head then decides on (行政处罚法 Art. 57).
     */
    public Map<String, Object> crimeTransfer(String caseNumber, CrimeTransferCommand command, String actor) {
        crimeTransferDecisions.save(new CrimeTransferDecision(caseNumber, command.approved(), command.receivingOrgan(),
                command.refusalReason(), actor, facts.now()));
        if (!command.approved()) {
            facts.record(caseNumber, "decideCrimeTransfer", actor, "不批准移送：" + command.refusalReason()
                    + "（移送规定第五条）；案件依行政处罚程序继续办理，退回案件调查报告");
            return Map.of("crimeTransferApproved", false,
                    "returnStage", LegalReviews.ReturnStage.investigationReport.name());
        }
        String receiver = command.receivingOrgan();
        Instant approvedAt = facts.now();
        penalties.penaltyFor(caseNumber).crimeTransferApproved(approvedAt);
        Instant sendBy = approvedAt.plus(crimeTransferSend);
        facts.record(caseNumber, "decideCrimeTransfer", actor, "批准移送 " + receiver + "，应于 "
                + LocalDateTime.ofInstant(sendBy, ChinaTime.CHINA).format(MINUTE) + " 前移送（移送规定第五条）");
        return Map.of("decisionMade", true, "crimeTransferApproved", true, "crimeTransferSendDue", Date.from(sendBy));
    }

    /**
     * 移送公安机关 (移送规定 Arts. 5, 6): the package holds at least the transfer letter and the investigation report,
     * the police sign a receipt, and a transfer later than the 24 hours after the stored approval must say why.
     */
    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** {@code materialNames}: 移送规定 Art. 6's materials as the deployed form 移送公安机关 names them. */
    public record CrimeTransferSent(LocalDate sentOn, List<String> materials, List<String> materialNames,
            String receiptSignedBy, String lateReason, String receivingOrgan) {
        static CrimeTransferSent from(FormFields form) {
            LocalDate sentOn = form.pastDate("transferSentOn");
            List<String> materials = form.list("transferMaterials");
            if (!materials.containsAll(List.of("transferLetter", "investigationReport"))) {
                form.reject("transferMaterials", "移送材料须包括涉嫌犯罪案件移送书和涉嫌犯罪案件调查报告（移送规定第六条）");
            }
            String receipt = form.required("receiptSignedBy", "须记录公安机关在移送回执上签收的人员（移送规定第八条）");
            form.valid();
            return new CrimeTransferSent(sentOn, materials,
                    materials.stream().map(code -> form.optionLabel("transferMaterials", code)).toList(), receipt,
                    form.text("lateReason"), form.text("receivingOrgan"));
        }
    }

    /** The head's latest decision on the transfer of this case, as recorded. */
    @Transactional(readOnly = true)
    public Optional<CrimeTransferDecision> crimeTransferDecision(String caseNumber) {
        return crimeTransferDecisions.findByCaseNumberOrderByIdDesc(caseNumber).stream().findFirst();
    }

    public Map<String, Object> crimeTransferSent(String caseNumber, CrimeTransferSent command, String actor) {
        Instant approvedAt = penalties.penalty(caseNumber).map(PenaltyFacts::getCrimeTransferApprovedAt)
                .orElseThrow(() -> new InvalidInputException("transferSentOn", "移送尚未经负责人批准"));
        LocalDate approvedOn = LocalDate.ofInstant(approvedAt, ChinaTime.CHINA);
        if (command.sentOn().isBefore(approvedOn)) {
            throw new InvalidInputException("transferSentOn", "移送日期不能早于批准移送的日期 " + approvedOn);
        }
        boolean late = facts.now().isAfter(approvedAt.plus(crimeTransferSend));
        if (late && command.lateReason() == null) {
            throw new InvalidInputException("lateReason", "已超过批准后 24 小时的移送期限，须写明迟延原因");
        }
        facts.moveTo(caseNumber, CaseStatus.CRIME_TRANSFERRED);
        penalties.penaltyFor(caseNumber).crimeTransferSent(command.sentOn(), facts.now());
        LocalDate policeDecideBy = command.sentOn().plus(policeFilingReview);
        // the organ the head approved (decideCrimeTransfer), and the materials as the form names them
        String organ = Optional.ofNullable(command.receivingOrgan()).or(() -> crimeTransferDecision(caseNumber)
                .map(CrimeTransferDecision::getReceivingOrgan)).orElse("公安机关");
        facts.record(caseNumber, "sendCrimeTransfer", actor, command.sentOn() + " 移送 " + organ + "，签收人 "
                + command.receiptSignedBy() + "，材料 " + String.join("、", command.materialNames())
                + (late ? "；迟延原因：" + command.lateReason() : "")
                + "；公安机关应于 " + policeDecideBy + " 前作出立案或者不予立案的决定（移送规定第八条）");
        // concluded once the police file it (PoliceFilings): a case they do not file comes back to this body. The
        // officer who sent it waits for the police's answer (公安机关立案审查结果 is theirs; a colleague may take it over)
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("crimeTransferLate", late);
        produced.put("policeFilingDue", ProcedureFacts.endOfDay(policeDecideBy));
        produced.put("policeFilingOfficer", actor);
        return produced;
    }
}
