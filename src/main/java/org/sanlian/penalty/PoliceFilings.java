package org.sanlian.penalty;

import java.time.LocalDate;
import java.time.Period;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.LegalReviews;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.casefile.procedure.StepRule;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a suspected crime is sent to the police (《行政执法机关移送涉嫌犯罪案件的规定》): the police decide within 3
 * days whether to file it (Art. 8). Filed: the case is theirs, the seized items go over within 3 days (Art. 12), and
 * only then is the transfer concluded and the file archived. Not filed: the body may ask the police to reconsider
 * within 3 days of their notice, and they answer within 3 days (Art. 9); a case the police do not file, or send
 * back as no crime but a breach of administrative law, is handled by the body itself (Arts. 10, 13) — it goes back
 * to 案件调查报告, its file open again. No case is lost between the two bodies.
 */
@Service
@Transactional
public class PoliceFilings implements PhaseRules {

    private final ProcedureFacts facts;
    private final PoliceFilingRepository filings;
    private final PenaltyRecords penalties;
    private final Period reconsiderationRequest;
    private final Period reconsiderationAnswer;
    private final Period itemsHandOver;

    PoliceFilings(ProcedureFacts facts, PoliceFilingRepository filings, PenaltyRecords penalties,
            DeadlineSettings deadlines) {
        this.facts = facts;
        this.filings = filings;
        this.penalties = penalties;
        this.reconsiderationRequest = deadlines.policeReconsiderationRequest();
        this.reconsiderationAnswer = deadlines.policeReconsiderationAnswer();
        this.itemsHandOver = deadlines.seizedItemsHandOver();
    }

    @Override
    public Map<Rule, StepRule> rules() {
        return Map.of(Rule.policeFilingDecision,
                (caseNumber, form, actor) -> record(caseNumber, Command.from(form), actor),
                Rule.judicialOutcome,
                (caseNumber, form, actor) -> judicialOutcome(caseNumber, JudicialOutcome.from(form), actor));
    }

    /** What the judicial organs did with a case the police filed, as the form gives it; every missing field named. */
    public record JudicialOutcome(boolean returned, LocalDate decidedOn, String authority, String documentNumber,
            String reason) {

        static JudicialOutcome from(FormFields form) {
            String choice = form.choice("judicialOutcome", List.of("returned", "concluded"),
                    "须选择司法机关的处理结果：移回本机关依法给予行政处罚，或刑事程序终结");
            LocalDate decidedOn = form.pastDate("judicialDecidedOn");
            String authority = form.required("judicialAuthority", "须写明作出决定的司法机关");
            boolean returned = "returned".equals(choice);
            String documentNumber = returned
                    ? form.required("judicialDocumentNumber", "移回的，须记录司法机关移送文书的文号（行政处罚法第二十七条第一款）")
                    : form.text("judicialDocumentNumber");
            String reason = returned
                    ? form.required("judicialReason", "移回的，须写明司法机关不追究刑事责任或者免予刑事处罚的理由")
                    : form.text("judicialReason");
            form.valid();
            return new JudicialOutcome(returned, decidedOn, authority, documentNumber, reason);
        }
    }

    /**
     * 行政处罚法 Art. 27 ¶1: a case the police filed may come back — "依法不需要追究刑事责任或者免予刑事处罚，但应当给予
     * 行政处罚的，司法机关应当及时将案件移送有关行政机关". It then goes back to 案件调查报告 with its file open, and the
     * days from the sending to the return do not count against the 90-day limit, as for a case the police did not
     * file. Concluded criminal proceedings end the case where the filing left it.
     */
    public Map<String, Object> judicialOutcome(String caseNumber, JudicialOutcome command, String actor) {
        List<PoliceFiling> earlier = filings.ofCase(caseNumber);
        PoliceFiling filed = earlier.stream().filter(f -> f.getOutcome() == PoliceFiling.Outcome.filed)
                .reduce((first, last) -> last).orElseThrow(() -> new InvalidInputException("judicialOutcome",
                        "公安机关尚未立案，请先登记公安机关立案审查结果"));
        if (command.decidedOn().isBefore(filed.getPoliceDecidedOn())) {
            throw new InvalidInputException("judicialDecidedOn", "司法机关决定的日期不能早于公安机关立案的日期 "
                    + filed.getPoliceDecidedOn());
        }
        Map<String, Object> produced = new LinkedHashMap<>();
        String note;
        String document = command.documentNumber() == null ? "" : "（" + command.documentNumber() + "）";
        if (command.returned()) {
            LocalDate sentOn = penalties.penalty(caseNumber).map(PenaltyFacts::getCrimeTransferSentOn).orElseThrow();
            facts.moveTo(caseNumber, CaseStatus.FILED);
            produced.put("decisionMade", false);
            produced.put("returnStage", LegalReviews.ReturnStage.investigationReport.name());
            produced.put("policeExcludedFrom", sentOn.toString());
            produced.put("policeExcludedTo", command.decidedOn().toString());
            note = command.authority() + " " + command.decidedOn() + " 将案件移回" + document + "：" + command.reason()
                    + "；本机关依法给予行政处罚，案件回到案件调查报告（行政处罚法第二十七条第一款）";
        } else {
            note = command.authority() + " " + command.decidedOn() + " 刑事程序终结" + document
                    + (command.reason() == null ? "" : "：" + command.reason());
        }
        filings.save(new PoliceFiling(caseNumber, command.returned() ? PoliceFiling.Outcome.judicialReturn
                : PoliceFiling.Outcome.criminalConcluded, command.decidedOn(), command.documentNumber(),
                command.authority() + (command.reason() == null ? "" : "：" + command.reason()), null, null, actor,
                facts.now()));
        facts.record(caseNumber, "recordJudicialOutcome", actor, note);
        return produced;
    }

    /** The police's answer as the form gives it; every missing field is named at once. */
    public record Command(PoliceFiling.Outcome outcome, LocalDate decidedOn, String documentNumber, String reason,
            LocalDate reconsiderationRequestedOn, LocalDate itemsHandedOverOn, String itemsLateReason) {

        static Command from(FormFields form) {
            String choice = form.choice("policeFilingDecision",
                    Stream.of(PoliceFiling.Outcome.filed, PoliceFiling.Outcome.reconsiderationRequested,
                            PoliceFiling.Outcome.handledAdministratively).map(Enum::name).toList(),
                    "须选择公安机关的决定：立案、不予立案并提请复议，或不予立案（退回）由本机关依法处理");
            PoliceFiling.Outcome outcome = choice == null ? null : PoliceFiling.Outcome.valueOf(choice);
            LocalDate decidedOn = form.pastDate("policeDecidedOn");
            String documentNumber = form.text("policeDocumentNumber");
            String reason = form.text("policeReason");
            LocalDate requestedOn = null;
            LocalDate itemsOn = null;
            String itemsLate = null;
            if (outcome == PoliceFiling.Outcome.filed) {
                reason = null;
                documentNumber = form.required("policeDocumentNumber", "须记录公安机关立案决定书的文号（移送规定第八条）");
                if (form.text("itemsHandedOverOn") != null) {
                    itemsOn = form.pastDate("itemsHandedOverOn");
                }
                itemsLate = form.text("itemsLateReason");
            } else if (outcome != null) {
                reason = form.required("policeReason", outcome == PoliceFiling.Outcome.reconsiderationRequested
                        ? "须写明公安机关不予立案的理由（移送规定第八条：书面通知并说明理由）"
                        : "须写明公安机关不予立案或退回的理由（移送规定第十条、第十三条）");
                if (outcome == PoliceFiling.Outcome.reconsiderationRequested) {
                    requestedOn = form.pastDate("reconsiderationRequestedOn");
                }
            }
            form.valid();
            return new Command(outcome, decidedOn, documentNumber, reason, requestedOn, itemsOn, itemsLate);
        }
    }

    public Map<String, Object> record(String caseNumber, Command command, String actor) {
        LocalDate sentOn = penalties.penalty(caseNumber).map(PenaltyFacts::getCrimeTransferSentOn).orElseThrow(
                () -> new InvalidInputException("policeFilingDecision", "案件尚未移送公安机关，不能登记公安机关的决定"));
        if (command.decidedOn().isBefore(sentOn)) {
            throw new InvalidInputException("policeDecidedOn", "公安机关决定的日期不能早于移送日期 " + sentOn);
        }
        List<PoliceFiling> earlier = filings.ofCase(caseNumber);
        PoliceFiling last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        boolean answeringReconsideration = last != null
                && last.getOutcome() == PoliceFiling.Outcome.reconsiderationRequested;
        if (answeringReconsideration && command.outcome() == PoliceFiling.Outcome.reconsiderationRequested) {
            // Art. 9 allows one reconsideration; after it the body may ask the procuratorate to supervise
            throw new InvalidInputException("policeFilingDecision", "已就不予立案提请复议一次，复议决定仍不予立案的，"
                    + "可以建议人民检察院依法进行立案监督，案件依法作出行政处理（移送规定第九条）");
        }
        if (answeringReconsideration && command.decidedOn().isBefore(last.getReconsiderationRequestedOn())) {
            throw new InvalidInputException("policeDecidedOn", "复议决定的日期不能早于提请复议的日期 "
                    + last.getReconsiderationRequestedOn());
        }
        Map<String, Object> produced = new LinkedHashMap<>();
        String note;
        switch (command.outcome()) {
            case filed -> {
                LocalDate itemsBy = command.decidedOn().plus(itemsHandOver);
                LocalDate itemsOn = command.itemsHandedOverOn();
                if (itemsOn != null && itemsOn.isBefore(command.decidedOn())) {
                    throw new InvalidInputException("itemsHandedOverOn", "涉案物品移交日期不能早于公安机关立案的日期 "
                            + command.decidedOn());
                }
                if (itemsOn != null && itemsOn.isAfter(itemsBy) && command.itemsLateReason() == null) {
                    throw new InvalidInputException("itemsLateReason", "涉案物品应于立案后 " + itemsBy
                            + " 前移交公安机关，迟延移交的须写明原因（移送规定第十二条）");
                }
                facts.moveTo(caseNumber, CaseStatus.CRIME_TRANSFERRED);
                note = "公安机关 " + command.decidedOn() + " 决定立案，立案决定书 " + command.documentNumber()
                        + (itemsOn == null ? "；无涉案物品移交" : "；涉案物品 " + itemsOn + " 移交")
                        + (command.itemsLateReason() == null ? "" : "，迟延原因：" + command.itemsLateReason())
                        + "（移送规定第八条、第十二条）";
            }
            case reconsiderationRequested -> {
                LocalDate requestBy = command.decidedOn().plus(reconsiderationRequest);
                if (command.reconsiderationRequestedOn().isBefore(command.decidedOn())
                        || command.reconsiderationRequestedOn().isAfter(requestBy)) {
                    throw new InvalidInputException("reconsiderationRequestedOn", "应在接到不予立案通知书后、"
                            + requestBy + " 前（" + command.decidedOn() + " 至 " + requestBy + "）提请复议（移送规定第九条）");
                }
                LocalDate answerBy = command.reconsiderationRequestedOn().plus(reconsiderationAnswer);
                produced.put("policeFilingDue", ProcedureFacts.endOfDay(answerBy));
                // the officer who asked for the reconsideration records the answer: the task comes back to them
                produced.put("policeFilingOfficer", actor);
                note = "公安机关 " + command.decidedOn() + " 不予立案：" + command.reason() + "；"
                        + command.reconsiderationRequestedOn() + " 提请复议，公安机关应于 " + answerBy
                        + " 前作出复议决定（移送规定第九条）";
            }
            case handledAdministratively -> {
                // the file opens again: the body decides on penalty or no penalty itself (Arts. 10, 13)
                facts.moveTo(caseNumber, CaseStatus.FILED);
                produced.put("decisionMade", false);
                produced.put("returnStage", LegalReviews.ReturnStage.investigationReport.name());
                // the days with the police, from the sending to their last answer, are not the body's: the
                // 90-day limit (行政处罚法 Art. 60) does not count them, as it does not count the hearing's
                produced.put("policeExcludedFrom", sentOn.toString());
                produced.put("policeExcludedTo", command.decidedOn().toString());
                note = "公安机关 " + command.decidedOn() + (answeringReconsideration ? " 复议决定仍不予立案：" : " 不予立案或退回：")
                        + command.reason() + "；本机关依法作出行政处理，案件回到案件调查报告（移送规定第十条、第十三条）";
            }
            default -> throw new IllegalStateException(command.outcome().name());
        }
        filings.save(new PoliceFiling(caseNumber, command.outcome(), command.decidedOn(), command.documentNumber(),
                command.reason(), command.reconsiderationRequestedOn(), command.itemsHandedOverOn(), actor, facts.now()));
        facts.record(caseNumber, "recordPoliceFilingDecision", actor, note);
        if (command.outcome() == PoliceFiling.Outcome.filed) {
            facts.concluded(caseNumber);
        }
        return produced;
    }

    /** What the police did with the case, in the order recorded. */
    @Transactional(readOnly = true)
    public List<PoliceFiling> ofCase(String caseNumber) {
        return filings.ofCase(caseNumber);
    }
}
