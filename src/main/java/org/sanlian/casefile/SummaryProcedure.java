package org.sanlian.casefile;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.penalty.LatePaymentSurcharge;
import org.sanlian.penalty.NoHeavierPenaltyForDefence;
import org.sanlian.supervision.WorkingDayDeadlines;
import org.sanlian.penalty.Violation;
import org.sanlian.penalty.ViolationCatalogue;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the summary procedure (简易程序, 当场处罚; domain.md §2.15): the eight steps of 9号令 (2021) Art. 61,
 * the pre-numbered on-the-spot decision (行政处罚法 Art. 52), on-the-spot collection only within Art. 68, the
 * officer handing the cash over within 2 working days (Art. 71), bank payment within 15 days (Art. 67), and the
 * copy filed with the department within 5 days (Art. 61 ⑧ of the MOT rule). Every step is recorded in the full-
 * process record (Art. 47) under the lead number, the on-the-spot case's reference. A broken rule throws
 * {@link InvalidInputException} naming the field.
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
    private final CaseEventRepository events;
    private final int paymentPeriodDays;
    private final Clock clock;

    public SummaryProcedure(LeadService leads, CaseFiles caseFiles, ViolationCatalogue catalogue, CaseNumbers caseNumbers,
            CaseEventRepository events,
            @Value("${sanlian.deadlines.payment-calendar-days:15}") int paymentPeriodDays, Optional<Clock> clock) {
        this.leads = leads;
        this.caseFiles = caseFiles;
        this.catalogue = catalogue;
        this.caseNumbers = caseNumbers;
        this.events = events;
        this.paymentPeriodDays = paymentPeriodDays;
        this.clock = clock.orElse(Clock.system(ProcedureFacts.CHINA));
    }

    /**
     * Steps ① and ②: the officers showed their certificates and identified the party (行政处罚法 Art. 52;
     * 9号令 Art. 61 ①), collected the necessary evidence (②) and name the provision and the proposed penalty,
     * which must lie in its statutory range. The case is registered as a lead found in inspection, so that a
     * case moved to the general procedure is filed from it like every other.
     */
    public Map<String, Object> register(Function<String, Object> input, String officer, String processInstanceId) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!Boolean.TRUE.equals(input.apply("credentialsShown"))) {
            violations.add(new FieldViolation("credentialsShown", "当场处罚须向当事人出示执法证件（行政处罚法第五十二条）"));
        }
        String partyType = text(input.apply("partyType"));
        if (!List.of("citizen", "organisation").contains(String.valueOf(partyType))) {
            violations.add(new FieldViolation("partyType", "当事人类型应为公民（citizen）或法人、其他组织（organisation）"));
        }
        for (String field : List.of("partyIdNumber", "evidenceSummary", "facts")) {
            if (text(input.apply(field)) == null) {
                violations.add(new FieldViolation(field, "必填（交通运输行政执法程序规定第六十一条）"));
            }
        }
        boolean warningOnly = Boolean.TRUE.equals(input.apply("warningOnly"));
        BigDecimal fine = amount("proposedFine", input.apply("proposedFine"), violations);
        if (!warningOnly && fine == null && violations.stream().noneMatch(v -> v.field().equals("proposedFine"))) {
            violations.add(new FieldViolation("proposedFine", "不是仅给予警告的，须写明拟罚款金额（元）"));
        }
        throwIfAny(violations);
        String violationCode = text(input.apply("violationCode"));
        Violation violation = catalogue.checkFine("proposedFine", violationCode, warningOnly ? null : fine);
        if (warningOnly && !violation.getPenaltyKinds().contains("警告")) {
            throw new InvalidInputException("warningOnly", violation.getName() + " 的处罚种类不含警告："
                    + violation.getPenaltyKinds() + "（" + violation.getPenaltyClause() + "）");
        }
        Lead lead = leads.register(new LeadService.Registration("INSPECTION", text(input.apply("partyName")), null,
                text(input.apply("plateNumber")), today().toString(), null, text(input.apply("place")),
                text(input.apply("facts")), text(input.apply("organisationCode")), officer, processInstanceId));
        record(lead.getLeadNumber(), "registerOnTheSpot", officer, "出示执法证件，当事人 " + lead.getPartyName()
                + "（证件号 " + text(input.apply("partyIdNumber")) + "）；证据：" + text(input.apply("evidenceSummary"))
                + "；" + violation.getName() + "，拟" + (warningOnly ? "警告" : "罚款 " + fine.toPlainString() + " 元"));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("leadNumber", lead.getLeadNumber());
        produced.put("organisationCode", lead.getOrganisationCode());
        produced.put("partyName", lead.getPartyName());
        produced.put("warningOnly", warningOnly);
        produced.put("factsCertain", Boolean.TRUE.equals(input.apply("factsCertain")));
        // procedureChoice reads a number even for a warning
        produced.put("proposedFine", warningOnly ? 0L : ProcedureFacts.variableAmount(fine));
        produced.put("onTheSpotDue", WorkingDayDeadlines.endOfDay(today()));
        return produced;
    }

    /**
     * Steps ③–⑤: the party was told the facts, reasons and basis and its rights (行政处罚法 Art. 44; 9号令 Art. 61
     * ③④), its statement was heard and re-checked (⑤), and the fine is never raised because of it (Art. 45).
     * The pre-numbered decision form (当场行政处罚决定书, 行政处罚法 Art. 52) is then taken from the organisation's
     * on-the-spot series.
     */
    public Map<String, Object> partyInformed(String leadNumber, Function<String, Object> input, String officer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!Boolean.TRUE.equals(input.apply("toldFactsAndBasis"))) {
            violations.add(new FieldViolation("toldFactsAndBasis", "须当场口头告知违法事实、处罚理由和依据（交通运输行政执法程序规定第六十一条第三项）"));
        }
        if (!Boolean.TRUE.equals(input.apply("toldRights"))) {
            violations.add(new FieldViolation("toldRights", "须当场口头告知当事人享有的权利与义务（第六十一条第四项）"));
        }
        if (text(input.apply("recheckConclusion")) == null) {
            violations.add(new FieldViolation("recheckConclusion", "须记录对当事人陈述、申辩的复核意见（第六十一条第五项）"));
        }
        boolean warningOnly = Boolean.TRUE.equals(input.apply("warningOnly"));
        BigDecimal proposed = amount("proposedFine", input.apply("proposedFine"), violations);
        BigDecimal finalFine = warningOnly ? BigDecimal.ZERO : amount("finalFine", input.apply("finalFine"), violations);
        if (finalFine == null && violations.stream().noneMatch(v -> v.field().equals("finalFine"))) {
            violations.add(new FieldViolation("finalFine", "复核后的罚款金额必填"));
        }
        throwIfAny(violations);
        NoHeavierPenaltyForDefence.requireNotAbove("finalFine", finalFine, proposed);
        if (!warningOnly) {
            catalogue.checkFine("finalFine", text(input.apply("violationCode")), finalFine);
        }
        String organisationCode = text(input.apply("organisationCode"));
        CaseNumber decisionNumber = caseNumbers.allocate(organisationCode, NumberType.ON_THE_SPOT_DECISION,
                today().getYear(), leadNumber, officer);
        record(leadNumber, "informParty", officer, "已告知事实、理由、依据及权利；陈述申辩："
                + Optional.ofNullable(text(input.apply("partyStatement"))).orElse("无") + "；复核："
                + text(input.apply("recheckConclusion")) + "；决定书编号 " + decisionNumber.getFormatted());
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("finalFine", ProcedureFacts.variableAmount(finalFine));
        produced.put("decisionNumber", decisionNumber.getFormatted());
        return produced;
    }

    /**
     * Steps ⑥ and ⑦: the decision is filled in and handed over, the party signs or the refusal is noted.
     * Payment: cash on the spot only for a fine of at most 100 yuan, or where later collection would be hard
     * (行政处罚法 Art. 68), with the official receipt (Art. 70); otherwise at the bank within 15 days (Art. 67).
     * A warning is not paid.
     */
    public Map<String, Object> decisionHandedOver(String leadNumber, Function<String, Object> input, String officer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!Boolean.TRUE.equals(input.apply("decisionHandedOver"))) {
            violations.add(new FieldViolation("decisionHandedOver", "当场处罚决定书须当场交付当事人（行政处罚法第五十二条）"));
        }
        String signature = text(input.apply("partySignature"));
        if (!"signed".equals(signature) && !"refused".equals(signature)) {
            violations.add(new FieldViolation("partySignature", "须选择：当事人签收或拒绝签收（第六十一条第七项）"));
        } else if ("refused".equals(signature) && text(input.apply("refusalNote")) == null) {
            violations.add(new FieldViolation("refusalNote", "当事人拒绝签收的，须在决定书上注明（第六十一条第七项）"));
        }
        boolean warningOnly = Boolean.TRUE.equals(input.apply("warningOnly"));
        BigDecimal fine = amount("finalFine", input.apply("finalFine"), violations);
        String method = text(input.apply("paymentMethod"));
        if (warningOnly) {
            if (!"none".equals(method)) {
                violations.add(new FieldViolation("paymentMethod", "仅给予警告的，无须缴纳罚款"));
            }
        } else if ("cash".equals(method)) {
            boolean hardToCollect = Boolean.TRUE.equals(input.apply("collectionHard"));
            if (fine != null && fine.compareTo(CASH_LIMIT) > 0 && !hardToCollect) {
                violations.add(new FieldViolation("paymentMethod", "当场收缴罚款仅限 100 元以下，或不当场收缴事后难以执行的（行政处罚法第六十八条）；罚款 "
                        + fine.toPlainString() + " 元应到指定银行缴纳（第六十七条）"));
            } else if (hardToCollect && text(input.apply("collectionHardReason")) == null) {
                violations.add(new FieldViolation("collectionHardReason", "须写明不当场收缴事后难以执行的情形（行政处罚法第六十八条）"));
            }
            if (text(input.apply("receiptNumber")) == null) {
                violations.add(new FieldViolation("receiptNumber", "当场收缴罚款须出具专用票据并记录其编号（行政处罚法第七十条）"));
            }
        } else if (!"bank".equals(method)) {
            violations.add(new FieldViolation("paymentMethod", "须选择：当场收缴或到指定银行缴纳"));
        }
        throwIfAny(violations);
        LocalDate decidedOn = today();
        record(leadNumber, "issueOnTheSpotDecision", officer, "当场处罚决定书 " + text(input.apply("decisionNumber"))
                + " 已交付，" + ("signed".equals(signature) ? "当事人签收" : "当事人拒绝签收：" + text(input.apply("refusalNote")))
                + (warningOnly ? "；警告" : "；罚款 " + fine.toPlainString() + " 元，" + ("cash".equals(method)
                        ? "当场收缴，票据 " + text(input.apply("receiptNumber")) : "到指定银行缴纳")));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("decidedOn", decidedOn.toString());
        produced.put("paymentMethod", warningOnly ? "none" : method);
        if ("bank".equals(method)) {
            produced.put("paymentDue", WorkingDayDeadlines.endOfDay(decidedOn.plusDays(paymentPeriodDays)));
        }
        return produced;
    }

    /** Step ⑧: the copy is filed with the department within 5 days (9号令 Art. 61 ⑧). */
    public Map<String, Object> copyFiled(String leadNumber, Function<String, Object> input, String officer) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate filedOn = date("copyFiledOn", input.apply("copyFiledOn"), violations);
        LocalDate decidedOn = date("decidedOn", input.apply("decidedOn"), violations);
        if (filedOn != null && decidedOn != null && filedOn.isBefore(decidedOn)) {
            violations.add(new FieldViolation("copyFiledOn", "备案日期不能早于作出决定的日期 " + decidedOn));
        }
        Object due = input.apply("copyFilingDue");
        boolean late = filedOn != null && due instanceof java.util.Date dueDate
                && filedOn.isAfter(LocalDate.ofInstant(dueDate.toInstant(), ProcedureFacts.CHINA));
        if (late && text(input.apply("lateFilingReason")) == null) {
            violations.add(new FieldViolation("lateFilingReason", "超过 5 日备案的，须写明原因（交通运输行政执法程序规定第六十一条第八项）"));
        }
        throwIfAny(violations);
        record(leadNumber, "fileDecisionCopy", officer, "决定书副本 " + filedOn + " 报所属部门备案"
                + (late ? "（逾期：" + text(input.apply("lateFilingReason")) + "）" : ""));
        return Map.of("copyFiledOn", filedOn.toString());
    }

    /** 罚款交回: the officer hands the cash to the agency within 2 working days (行政处罚法 Art. 71). */
    public Map<String, Object> cashHandedOver(String leadNumber, Function<String, Object> input, String officer) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate handedOverOn = date("cashHandedOverOn", input.apply("cashHandedOverOn"), violations);
        LocalDate decidedOn = date("decidedOn", input.apply("decidedOn"), violations);
        if (handedOverOn != null && decidedOn != null && handedOverOn.isBefore(decidedOn)) {
            violations.add(new FieldViolation("cashHandedOverOn", "交回日期不能早于收缴日期 " + decidedOn));
        }
        throwIfAny(violations);
        record(leadNumber, "handOverCash", officer, "当场收缴的罚款于 " + handedOverOn + " 交至行政机关（行政处罚法第七十一条）");
        return Map.of();
    }

    /** Bank payment within 15 days (Art. 67); paid late, the 3 % daily surcharge is owed too (Art. 72). */
    public Map<String, Object> bankPayment(String leadNumber, Function<String, Object> input, String officer) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate paidOn = date("paidOn", input.apply("paidOn"), violations);
        BigDecimal paid = amount("amountPaid", input.apply("amountPaid"), violations);
        BigDecimal fine = amount("finalFine", input.apply("finalFine"), violations);
        if (paid == null && violations.isEmpty()) {
            violations.add(new FieldViolation("amountPaid", "缴纳金额必填"));
        }
        throwIfAny(violations);
        Object due = input.apply("paymentDue");
        LocalDate dueOn = due instanceof java.util.Date dueDate
                ? LocalDate.ofInstant(dueDate.toInstant(), ProcedureFacts.CHINA) : paidOn;
        BigDecimal owed = fine.add(LatePaymentSurcharge.of(fine, dueOn, paidOn));
        if (paid.compareTo(owed) < 0) {
            throw new InvalidInputException("amountPaid", "应缴 " + owed.stripTrailingZeros().toPlainString()
                    + " 元（罚款 " + fine.stripTrailingZeros().toPlainString() + " 元，逾期每日加处百分之三，行政处罚法第七十二条）");
        }
        record(leadNumber, "recordBankPayment", officer, paidOn + " 银行缴纳 " + paid.toPlainString() + " 元");
        return Map.of();
    }

    /**
     * A case that does not qualify for the summary procedure (procedureChoice → general; 行政处罚法 Arts. 51, 54)
     * is filed from its lead with the on-the-spot findings and goes on in the general procedure. Both the lead's
     * record and the new case's record say where it came from.
     */
    public CaseFile moveToGeneral(String leadNumber, String organisationCode, String partyName, String officer,
            String processInstanceId) {
        leads.recordFilingDecision(leadNumber, "file", "不符合简易程序条件（行政处罚法第五十一条），转普通程序立案", officer);
        CaseFile caseFile = caseFiles.file(leadNumber, organisationCode, partyName, officer, processInstanceId);
        record(leadNumber, "moveToGeneralProcedure", officer, "不符合简易程序条件，转普通程序，案号 " + caseFile.getCaseNumber());
        record(caseFile.getCaseNumber(), "movedFromSummaryProcedure", officer,
                "由当场处罚（" + leadNumber + "）转入普通程序：不符合行政处罚法第五十一条的简易程序条件");
        return caseFile;
    }

    private void record(String reference, String step, String actor, String note) {
        events.save(new CaseEvent(reference, step, actor, note, Instant.now(clock)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ProcedureFacts.CHINA));
    }

    private static LocalDate date(String field, Object value, List<FieldViolation> violations) {
        String text = text(value);
        if (text == null) {
            violations.add(new FieldViolation(field, "日期必填"));
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static BigDecimal amount(String field, Object value, List<FieldViolation> violations) {
        String text = text(value);
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

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
