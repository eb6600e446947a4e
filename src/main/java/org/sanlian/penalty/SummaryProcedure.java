package org.sanlian.penalty;

import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseNumber;
import org.sanlian.casefile.CaseNumbers;
import org.sanlian.casefile.NumberType;
import org.sanlian.penalty.Yuan;
import org.sanlian.penalty.SummaryDecisionRepository;
import org.sanlian.penalty.SummaryDecision;
import java.time.Period;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.Inputs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.Limitation;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.forms.FormOptions;
import org.springframework.context.annotation.Bean;
import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.penalty.LatePaymentSurcharge;
import org.sanlian.penalty.NoHeavierPenaltyForDefence;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.penalty.Violation;
import org.sanlian.penalty.ViolationCatalogue;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the summary procedure (简易程序, 当场处罚; domain.md §2.15): the eight steps of 9号令 (2021) Art. 61,
 * the pre-numbered on-the-spot decision (行政处罚法 Art. 52), on-the-spot collection only within Art. 68, the
 * officer handing the cash over within 2 working days (Art. 71), bank payment within 15 days (Art. 67), and the
 * copy filed with the department within 5 days (Art. 61 ⑧ of the MOT rule). Every step is recorded in the full-
 * process record (Art. 47) under the lead number, the on-the-spot case's reference. The fine enters the fine
 * register when the decision is handed over, which refuses a second fine for the same act (Art. 29). A broken
 * rule throws {@link InvalidInputException} naming the field.
 */
@Service
@Transactional
public class SummaryProcedure {

    /** Art. 68: a summary-procedure fine up to this amount may be collected in cash on the spot. */
    static final BigDecimal CASH_LIMIT = new BigDecimal("100");

    private final LeadService leads;
    private final CaseFiles caseFiles;
    private final ViolationCatalogue catalogue;
    private final CaseNumbers caseNumbers;
    private final SummaryDecisionRepository decisions;
    private final ApplicationEventPublisher publisher;
    private final Period paymentPeriod;
    private final Officers officers;
    private final Clock clock;

    public SummaryProcedure(LeadService leads, CaseFiles caseFiles, ViolationCatalogue catalogue, CaseNumbers caseNumbers,
            SummaryDecisionRepository decisions, ApplicationEventPublisher publisher,
            DeadlineSettings deadlineSettings, Officers officers, Optional<Clock> clock) {
        this.leads = leads;
        this.officers = officers;
        this.caseFiles = caseFiles;
        this.catalogue = catalogue;
        this.caseNumbers = caseNumbers;
        this.decisions = decisions;
        this.publisher = publisher;
        this.paymentPeriod = deadlineSettings.payment();
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    /**
     * Steps ① and ②: the officers showed their certificates and identified the party (行政处罚法 Art. 52;
     * 9号令 Art. 61 ①), collected the necessary evidence (②) and name the provision and the proposed penalty,
     * which must lie in its statutory range, and the date of the act, without which the fine register cannot
     * tell a second fine for the same act (Art. 29). The case is registered as a lead found in inspection, so that
     * a case moved to the general procedure is filed from it like every other.
     */
    public Map<String, Object> register(Function<String, Object> input, String officer, String processInstanceId) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!Boolean.TRUE.equals(input.apply("credentialsShown"))) {
            violations.add(new FieldViolation("credentialsShown", "当场处罚须向当事人出示执法证件（行政处罚法第五十二条）"));
        }
        String partyType = Inputs.stripped(input.apply("partyType"));
        if (!List.of("citizen", "organisation").contains(String.valueOf(partyType))) {
            violations.add(new FieldViolation("partyType", "当事人类型应为公民（citizen）或法人、其他组织（organisation）"));
        }
        for (String field : List.of("partyIdNumber", "evidenceSummary", "facts")) {
            if (Inputs.stripped(input.apply(field)) == null) {
                violations.add(new FieldViolation(field, "必填（交通运输行政执法程序规定第六十一条）"));
            }
        }
        // the fine register and the pool find the same act again by this number (行政处罚法 Art. 29): a value that is
        // no 身份证号 or 统一社会信用代码 was kept as nothing, and the same act could be fined twice
        String givenId = Inputs.stripped(input.apply("partyIdNumber"));
        if (givenId != null && !ChineseIdentifiers.isPartyId(givenId)) {
            violations.add(new FieldViolation("partyIdNumber", ChineseIdentifiers.checkProblem(givenId)
                    .orElse("应为有效的 18 位公民身份号码 (GB 11643) 或统一社会信用代码 (GB 32100)，含校验位")));
        }
        // 行政处罚法 Art. 42: not fewer than two officers act on the spot, the one registering and one more
        String secondOfficer = Inputs.stripped(input.apply("secondOfficer"));
        if (secondOfficer == null) {
            violations.add(new FieldViolation("secondOfficer",
                    "须选择同行的另一名持执法证件的执法人员：执法人员不得少于两人（行政处罚法第四十二条）"));
        }
        LocalDate occurredOn = actDate(input.apply("occurredOn"), violations);
        boolean warningOnly = Boolean.TRUE.equals(input.apply("warningOnly"));
        BigDecimal fine = amount("proposedFine", input.apply("proposedFine"), violations);
        if (!warningOnly && fine == null && violations.stream().noneMatch(v -> v.field().equals("proposedFine"))) {
            violations.add(new FieldViolation("proposedFine", "不是仅给予警告的，须写明拟罚款金额（元）"));
        }
        throwIfAny(violations);
        String violationCode = Inputs.stripped(input.apply("violationCode"));
        Violation violation = catalogue.checkFine("proposedFine", violationCode, warningOnly ? null : fine);
        if (warningOnly && !violation.getPenaltyKinds().contains("警告")) {
            throw new InvalidInputException("warningOnly", violation.getName() + " 的处罚种类不含警告："
                    + violation.getPenaltyKinds() + "（" + violation.getPenaltyClause() + "）");
        }
        // the lead (the on-the-spot case's record) keeps a standard ID (身份证号, 统一社会信用代码) for the fine register
        String partyId = ChineseIdentifiers.normalise(Inputs.stripped(input.apply("partyIdNumber")));
        Lead lead = leads.register(new LeadService.Registration("INSPECTION", Inputs.stripped(input.apply("partyName")),
                partyId,
                Inputs.stripped(input.apply("plateNumber")), occurredOn.toString(), null, Inputs.stripped(input.apply("place")),
                Inputs.stripped(input.apply("facts")), Inputs.stripped(input.apply("organisationCode")), officer, processInstanceId));
        // 行政处罚法 Art. 36: an act past its period is not punished, on the spot no more than after filing
        leads.limitationOf(lead).filter(Limitation.Status::expired).ifPresent(status -> {
            throw new InvalidInputException("occurredOn", status.text() + "，不得给予行政处罚（行政处罚法第三十六条）");
        });
        requireCertified(officer, lead.getOrganisationCode());
        requireSecondOfficer(secondOfficer, officer, lead.getOrganisationCode());
        record(lead.getLeadNumber(), "registerOnTheSpot", officer, "执法人员 " + officers.name(officer) + "、"
                + officers.name(secondOfficer) + " 出示执法证件，当事人 " + lead.getPartyName()
                + "（证件号 " + Inputs.stripped(input.apply("partyIdNumber")) + "）；证据：" + Inputs.stripped(input.apply("evidenceSummary"))
                + "；" + violation.getName() + "，拟" + (warningOnly ? "警告" : "罚款 " + fine.toPlainString() + " 元"));
        decisions.save(new SummaryDecision(lead.getLeadNumber(), lead.getOrganisationCode(), violation.getCode(),
                partyType, warningOnly, warningOnly ? null : fine, officer, secondOfficer, now()));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("leadNumber", lead.getLeadNumber());
        produced.put("organisationCode", lead.getOrganisationCode());
        produced.put("partyName", lead.getPartyName());
        produced.put("warningOnly", warningOnly);
        produced.put("factsCertain", Boolean.TRUE.equals(input.apply("factsCertain")));
        // procedureChoice reads a number even for a warning
        produced.put("proposedFine", warningOnly ? 0L : Yuan.variable(fine));
        produced.put("onTheSpotDue", WorkingDayDeadlines.endOfDay(today()));
        return produced;
    }

    /**
     * The one registering shows his own enforcement certificate (行政处罚法 Arts. 42, 52; domain.md §2.3, §2.15 ①): only a
     * certified officer of the body the case is registered with may punish on the spot. Anyone else — an industry
     * officer, a traffic policeman, the administrator, an officer of another body — cannot have shown one.
     */
    private void requireCertified(String starter, String organisationCode) {
        if (!officers.isCertifiedOfficerOf(List.of(organisationCode), starter)) {
            throw new InvalidInputException("credentialsShown", "只有本机关持有执法证件的执法人员才能当场处罚，"
                    + officers.name(starter) + " 没有登记本机关的执法证件（行政处罚法第四十二条、第五十二条）");
        }
    }

    /**
     * The second officer on the spot (行政处罚法 Art. 42; 9号令 2019 Art. 22; domain.md §2.3): a certified officer of
     * the body the case is registered with, other than the one registering it — what the start form offered.
     */
    private void requireSecondOfficer(String secondOfficer, String starter, String organisationCode) {
        if (secondOfficer.equals(starter)) {
            throw new InvalidInputException("secondOfficer", "同行执法人员须为登记人以外的另一名执法人员："
                    + "执法人员不得少于两人（行政处罚法第四十二条）");
        }
        if (!officers.isCertifiedOfficerOf(List.of(organisationCode), secondOfficer)) {
            throw new InvalidInputException("secondOfficer", "所选人员“" + officers.name(secondOfficer)
                    + "”不是本机关持有执法证件的执法人员，请从列表中选择（行政处罚法第四十二条）");
        }
    }

    /**
     * 当场处罚's start form offers as the second officer the certified officers of the starter's body but the starter;
     * {@link #register} refuses any other.
     */
    @Bean
    static FormOptions onTheSpotOfficers(Officers officers) {
        return FormOptions.of("onTheSpotOfficers", starter -> officers.byUserId(starter)
                .map(Officer::getOrganisationCode)
                .map(body -> officers.choices(List.of(body)).stream()
                        .filter(choice -> !choice.value().equals(starter))
                        .map(choice -> new FormOptions.Option(choice.label(), choice.value())).toList())
                .orElse(List.of()));
    }

    /**
     * Steps ③–⑤: the party was told the facts, reasons and basis and its rights (行政处罚法 Art. 44; 9号令 Art. 61
     * ③④), its statement was heard and re-checked (⑤), and the fine is never raised because of it (Art. 45): the
     * re-checked fine is compared with the fine proposed on the spot as stored, never with a submitted copy. The
     * pre-numbered decision form (当场行政处罚决定书, 行政处罚法 Art. 52) is then taken from the organisation's
     * on-the-spot series.
     */
    public Map<String, Object> partyInformed(String leadNumber, FormFields form, String officer) {
        SummaryDecision facts = stored(leadNumber);
        if (facts.getDecisionNumber() != null) {
            throw new InvalidInputException("finalFine", "当场处罚决定书 " + facts.getDecisionNumber() + " 已编号，不能再次复核");
        }
        if (!form.flag("toldFactsAndBasis")) {
            form.reject("toldFactsAndBasis", "须当场口头告知违法事实、处罚理由和依据（交通运输行政执法程序规定第六十一条第三项）");
        }
        if (!form.flag("toldRights")) {
            form.reject("toldRights", "须当场口头告知当事人享有的权利与义务（第六十一条第四项）");
        }
        String recheck = form.required("recheckConclusion", "须记录对当事人陈述、申辩的复核意见（第六十一条第五项）");
        String statement = form.text("partyStatement");
        BigDecimal finalFine = facts.isWarningOnly() ? BigDecimal.ZERO : form.amount("finalFine");
        if (finalFine == null && !form.hasProblems()) {
            form.reject("finalFine", "复核后的罚款金额必填");
        }
        form.valid();
        NoHeavierPenaltyForDefence.requireNotAbove("finalFine", finalFine,
                facts.isWarningOnly() ? BigDecimal.ZERO : facts.getProposedFine());
        if (!facts.isWarningOnly()) {
            catalogue.checkFine("finalFine", facts.getViolationCode(), finalFine);
        }
        CaseNumber decisionNumber = caseNumbers.allocate(facts.getOrganisationCode(), NumberType.ON_THE_SPOT_DECISION,
                today().getYear(), leadNumber, officer);
        facts.informed(today(), statement, finalFine, decisionNumber.getFormatted(), now());
        record(leadNumber, "informParty", officer, "已告知事实、理由、依据及权利；陈述申辩："
                + Optional.ofNullable(statement).orElse("无") + "；复核：" + recheck + "；决定书编号 "
                + decisionNumber.getFormatted());
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("finalFine", Yuan.variable(finalFine));
        produced.put("decisionNumber", decisionNumber.getFormatted());
        return produced;
    }

    /**
     * Steps ⑥ and ⑦: the decision is filled in and handed over, the party signs or the refusal is noted.
     * Payment: cash on the spot only for a fine of at most 100 yuan, or where later collection would be hard
     * (行政处罚法 Art. 68), with the official receipt (Art. 70); otherwise at the bank within 15 days (Art. 67).
     * A warning is not paid. The fine is the stored decided fine.
     */
    public Map<String, Object> decisionHandedOver(String leadNumber, FormFields form, String officer) {
        SummaryDecision facts = stored(leadNumber);
        if (facts.getDecisionNumber() == null || facts.getDecidedOn() != null) {
            throw new InvalidInputException("decisionHandedOver", facts.getDecidedOn() == null
                    ? "尚未告知当事人并复核，不能交付决定书（第六十一条第三至五项）"
                    : "当场处罚决定书已于 " + facts.getDecidedOn() + " 交付");
        }
        if (!form.flag("decisionHandedOver")) {
            form.reject("decisionHandedOver", "当场处罚决定书须当场交付当事人（行政处罚法第五十二条）");
        }
        String signature = form.text("partySignature");
        String refusalNote = form.text("refusalNote");
        if (!"signed".equals(signature) && !"refused".equals(signature)) {
            form.reject("partySignature", "须选择：当事人签收或拒绝签收（第六十一条第七项）");
        } else if ("refused".equals(signature) && refusalNote == null) {
            form.reject("refusalNote", "当事人拒绝签收的，须在决定书上注明（第六十一条第七项）");
        }
        boolean warningOnly = facts.isWarningOnly();
        BigDecimal fine = facts.getFine();
        String method = form.text("paymentMethod");
        boolean hardToCollect = form.flag("collectionHard");
        String receiptNumber = form.text("receiptNumber");
        if (warningOnly) {
            if (!"none".equals(method)) {
                form.reject("paymentMethod", "仅给予警告的，无须缴纳罚款");
            }
        } else if ("cash".equals(method)) {
            if (fine.compareTo(CASH_LIMIT) > 0 && !hardToCollect) {
                form.reject("paymentMethod", "当场收缴罚款仅限 100 元以下，或不当场收缴事后难以执行的（行政处罚法第六十八条）；罚款 "
                        + Yuan.text(fine) + " 元应到指定银行缴纳（第六十七条）");
            } else if (hardToCollect && form.text("collectionHardReason") == null) {
                form.reject("collectionHardReason", "须写明不当场收缴事后难以执行的情形（行政处罚法第六十八条）");
            }
            if (receiptNumber == null) {
                form.reject("receiptNumber", "当场收缴罚款须出具专用票据并记录其编号（行政处罚法第七十条）");
            }
        } else if (!"bank".equals(method)) {
            form.reject("paymentMethod", "须选择：当场收缴或到指定银行缴纳");
        }
        form.valid();
        if (!warningOnly && fine.signum() > 0) {
            registerFine(leadNumber, facts, officer);
        }
        LocalDate decidedOn = today();
        String paymentMethod = warningOnly ? "none" : method;
        LocalDate paymentDue = "bank".equals(paymentMethod) ? decidedOn.plus(paymentPeriod) : null;
        facts.decided(decidedOn, officer, signature, refusalNote, paymentMethod, "cash".equals(paymentMethod) && hardToCollect,
                "cash".equals(paymentMethod) ? receiptNumber : null, paymentDue, now());
        publisher.publishEvent(new OnTheSpotDecisionHandedOver(leadNumber, facts.getOrganisationCode(),
                facts.getDecisionNumber(), officer));
        record(leadNumber, "issueOnTheSpotDecision", officer, "当场处罚决定书 " + facts.getDecisionNumber()
                + " 已交付，" + ("signed".equals(signature) ? "当事人签收" : "当事人拒绝签收：" + refusalNote)
                + (warningOnly ? "；警告" : "；罚款 " + Yuan.text(fine) + " 元，"
                        + ("cash".equals(method) ? "当场收缴，票据 " + receiptNumber : "到指定银行缴纳")));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("decidedOn", decidedOn.toString());
        produced.put("paymentMethod", paymentMethod);
        if (paymentDue != null) {
            produced.put("paymentDue", WorkingDayDeadlines.endOfDay(paymentDue));
        }
        return produced;
    }

    /**
     * 行政处罚法 Art. 29: before the decision stands, the fine enters the fine register, which refuses (409 on
     * decisionHandedOver, naming the earlier decision) a second fine for the same act, in whichever procedure and by
     * whichever body it was fined; an act without its date cannot be checked and is refused (400 on occurredOn).
     */
    private void registerFine(String leadNumber, SummaryDecision facts, String officer) {
        Lead lead = leads.byNumber(leadNumber);
        if (lead.getOccurredOn() == null) {
            throw new InvalidInputException("occurredOn", "当场处罚未载明违法行为发生日期，无法核对同一违法行为是否已被罚款，"
                    + "不能作出罚款决定（行政处罚法第二十九条）");
        }
        publisher.publishEvent(new FineDecided(leadNumber, facts.getOrganisationCode(), facts.getDecisionNumber(),
                lead.getPartyName(), lead.getPartyIdNumber(), lead.getPlateNumber(), facts.getViolationCode(),
                lead.getOccurredOn(), facts.getFine(), officer, "decisionHandedOver"));
    }

    /** The date the copy is due with the department (9号令 Art. 61 ⑧), as counted on the working-day calendar. */
    public void copyFilingDue(String leadNumber, LocalDate due) {
        stored(leadNumber).copyFilingDue(due, now());
    }

    /** The stored facts of an on-the-spot decision. */
    public Optional<SummaryDecision> facts(String leadNumber) {
        return decisions.findById(leadNumber);
    }

    /** Step ⑧: the copy is filed with the department within 5 days (9号令 Art. 61 ⑧). */
    public Map<String, Object> copyFiled(String leadNumber, FormFields form, String officer) {
        SummaryDecision facts = decided(leadNumber, "copyFiledOn");
        LocalDate filedOn = form.pastDate("copyFiledOn");
        LocalDate decidedOn = facts.getDecidedOn();
        if (filedOn != null && filedOn.isBefore(decidedOn)) {
            form.reject("copyFiledOn", "备案日期不能早于作出决定的日期 " + decidedOn);
        }
        LocalDate due = facts.getCopyFilingDue();
        boolean late = filedOn != null && due != null && filedOn.isAfter(due);
        String lateReason = form.text("lateFilingReason");
        if (late && lateReason == null) {
            form.reject("lateFilingReason", "超过 5 日备案的，须写明原因（交通运输行政执法程序规定第六十一条第八项）");
        }
        form.valid();
        facts.copyFiled(filedOn, now());
        record(leadNumber, "fileDecisionCopy", officer, "决定书副本 " + filedOn + " 报所属部门备案"
                + (late ? "（逾期：" + lateReason + "）" : ""));
        return Map.of("copyFiledOn", filedOn.toString());
    }

    /** 罚款交回: the officer hands the cash to the agency within 2 working days (行政处罚法 Art. 71). */
    public Map<String, Object> cashHandedOver(String leadNumber, FormFields form, String officer) {
        SummaryDecision facts = decided(leadNumber, "cashHandedOverOn");
        if (!"cash".equals(facts.getPaymentMethod())) {
            throw new InvalidInputException("cashHandedOverOn", "本案罚款未当场收缴，无须交回（行政处罚法第七十一条）");
        }
        LocalDate handedOverOn = form.pastDate("cashHandedOverOn");
        LocalDate decidedOn = facts.getDecidedOn();
        if (handedOverOn != null && handedOverOn.isBefore(decidedOn)) {
            form.reject("cashHandedOverOn", "交回日期不能早于收缴日期 " + decidedOn);
        }
        form.valid();
        facts.cashHandedOver(handedOverOn, now());
        record(leadNumber, "handOverCash", officer, "当场收缴的罚款于 " + handedOverOn + " 交至行政机关（行政处罚法第七十一条）");
        return Map.of();
    }

    /**
     * Bank payment within 15 days (Art. 67); paid late, the 3 % daily surcharge is owed too (Art. 72). The fine
     * and the due date are the stored ones.
     */
    public Map<String, Object> bankPayment(String leadNumber, FormFields form, String officer) {
        SummaryDecision facts = decided(leadNumber, "paidOn");
        if (!"bank".equals(facts.getPaymentMethod())) {
            throw new InvalidInputException("paidOn", "本案罚款不经银行缴纳");
        }
        LocalDate paidOn = form.pastDate("paidOn");
        BigDecimal paid = form.amount("amountPaid");
        if (paidOn != null && paidOn.isBefore(facts.getDecidedOn())) {
            form.reject("paidOn", "缴纳日期不能早于作出决定的日期 " + facts.getDecidedOn());
        }
        if (paid == null && !form.hasProblems()) {
            form.reject("amountPaid", "缴纳金额必填");
        }
        form.valid();
        BigDecimal fine = facts.getFine();
        BigDecimal owed = fine.add(LatePaymentSurcharge.of(fine, facts.getPaymentDue(), paidOn));
        if (paid.compareTo(owed) < 0) {
            throw new InvalidInputException("amountPaid", "应缴 " + Yuan.text(owed)
                    + " 元（罚款 " + Yuan.text(fine) + " 元，逾期每日加处百分之三，行政处罚法第七十二条）");
        }
        facts.paid(paidOn, paid, now());
        record(leadNumber, "recordBankPayment", officer, paidOn + " 银行缴纳 " + paid.toPlainString() + " 元");
        return Map.of();
    }

    private SummaryDecision stored(String leadNumber) {
        return decisions.findById(leadNumber).orElseThrow(
                () -> new IllegalStateException("当场处罚 " + leadNumber + " 没有登记记录"));
    }

    private SummaryDecision decided(String leadNumber, String field) {
        SummaryDecision facts = stored(leadNumber);
        if (facts.getDecidedOn() == null) {
            throw new InvalidInputException(field, "当场处罚决定书尚未交付");
        }
        return facts;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /**
     * A case that does not qualify for the summary procedure (procedureChoice → general; 行政处罚法 Arts. 51, 54) goes
     * to its head's 立案审批 like any lead (9号令 Art. 63: 立案由执法部门负责人批准): what the officers found and
     * collected on the spot stands as the lead's verification, and the lead is worked from now on by the leadIntake
     * instance {@code intakeInstanceId}. The case is filed, with its number, only when the head approves.
     */
    public void moveToGeneral(String leadNumber, String intakeInstanceId, boolean factsCertain, String officer) {
        leads.verifiedOnTheSpot(leadNumber, intakeInstanceId, findingsOnTheSpot(leadNumber, factsCertain), officer);
        record(leadNumber, "moveToGeneralProcedure", officer,
                "不符合简易程序条件（《行政处罚法》第五十一条），转普通程序，报请负责人立案审批");
    }

    /** What the officers found on the spot, as 立案审批 shows it to the head in place of 案源核查's findings. */
    public String findingsOnTheSpot(String leadNumber, boolean factsCertain) {
        Lead lead = leads.byNumber(leadNumber);
        SummaryDecision facts = stored(leadNumber);
        Violation violation = catalogue.byCode(facts.getViolationCode());
        String why = !factsCertain ? "违法事实尚不确凿，须立案调查"
                : "拟罚款超过当场处罚的限额（公民二百元以下、法人或者其他组织三千元以下）";
        String found = lead.getSummary() == null ? "" : lead.getSummary().strip().replaceAll("[。；;.]+$", "");
        return "执法人员当场检查发现：" + found + "。违法行为：" + violation.getName() + "（"
                + violation.getPenaltyClause() + "），拟" + (facts.isWarningOnly() ? "警告"
                        : "罚款 " + Yuan.text(facts.getProposedFine()) + " 元")
                + "。不适用简易程序：" + why + "（《行政处罚法》第五十一条），转普通程序，报请立案。";
    }

    private void record(String reference, String step, String actor, String note) {
        caseFiles.recordSummaryStep(reference, step, actor, note);
    }

    /** Today in China, by the procedure's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.CHINA));
    }

    /** The day of the act: required, and not after today (行政处罚法 Art. 29 needs it to tell the same act). */
    private LocalDate actDate(Object value, List<FieldViolation> violations) {
        String text = Inputs.stripped(value instanceof java.util.Date date
                ? date.toInstant().atZone(ChinaTime.CHINA).toLocalDate().toString() : value);
        if (text == null) {
            violations.add(new FieldViolation("occurredOn", "须填写违法行为发生日期（同一违法行为不得给予两次以上罚款，行政处罚法第二十九条）"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (date.isAfter(today())) {
                violations.add(new FieldViolation("occurredOn", "违法行为发生日期不能晚于今天 " + today()));
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(new FieldViolation("occurredOn", "日期格式应为 yyyy-MM-dd"));
            return null;
        }
    }

    private static BigDecimal amount(String field, Object value, List<FieldViolation> violations) {
        String text = Inputs.stripped(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                violations.add(new FieldViolation(field, "金额不能为负"));
            }
            return amount;
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "金额应为数字（元）"));
            return null;
        }
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
