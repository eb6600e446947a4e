package org.sanlian.casefile.procedure;

import java.time.Period;
import org.sanlian.platform.ChinaTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation (domain.md §2.3–2.6): 调查取证 with its side measures (先行登记保存, 扣押, 回避), the
 * investigation report with the proposal, and 法制审核.
 */
@Service
@Transactional
public class InvestigationRules implements PhaseRules {

    /** The outcome the report proposes (Art. 57). */
    public enum Outcome {
        penalty("拟给予行政处罚"), noPenalty("违法行为轻微，拟不予处罚"), notEstablished("违法事实不能成立，不予处罚"),
        crimeTransfer("涉嫌犯罪，拟移送司法机关");

        private final String chineseName;

        Outcome(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    private final ProcedureFacts facts;
    private final Officers officers;
    private final CaseParties parties;
    private final ProposalKeeper proposals;
    private final LegalReviews legalReviews;
    private final CaseBodies caseBodies;
    private final Period seizurePeriod;

    InvestigationRules(ProcedureFacts facts, Officers officers, CaseParties parties,
            ProposalKeeper proposals, LegalReviews legalReviews, CaseBodies caseBodies,
            DeadlineSettings deadlineSettings) {
        this.facts = facts;
        this.officers = officers;
        this.parties = parties;
        this.proposals = proposals;
        this.legalReviews = legalReviews;
        this.caseBodies = caseBodies;
        this.seizurePeriod = deadlineSettings.seizure();
    }

    @Override
    public Map<Rule, StepRule> rules() {
        return Map.of(
                Rule.investigation, (caseNumber, form, actor) -> investigate(caseNumber, Investigation.from(form), actor),
                Rule.preservationDecision, (caseNumber, form, actor) -> preservationDecided(caseNumber,
                        form.choice("preservationOutcome", List.of("release", "appraisal", "seizure", "confiscation"),
                                "须选择：解除保存、送检鉴定、转为扣押或依法没收"), form, actor),
                Rule.seizureReview, (caseNumber, form, actor) -> seizureReviewed(caseNumber, SeizureReview.from(form), actor),
                Rule.recusalDecision, (caseNumber, form, actor) -> recusalDecided(caseNumber, RecusalDecision.from(form), actor),
                Rule.investigationReport, (caseNumber, form, actor) -> report(caseNumber, Report.from(form), actor),
                Rule.legalReview, (caseNumber, form, actor) -> {
                    ApproveOrSendBack review = ApproveOrSendBack.from(form, "reviewOpinion", "reviewComment");
                    return legalReview(caseNumber, review, form.optionLabel("reviewOpinion", review.decision()), actor,
                            "legalReview");
                },
                Rule.hearingLegalReview, (caseNumber, form, actor) -> hearingLegalReview(caseNumber,
                        HearingReview.from(form), actor));
    }

    /** 调查取证: the investigators (Art. 42), the party (domain.md §2.2), preservation, seizure, a recusal request. */
    public record Investigation(List<String> investigatorFields, List<String> investigators, String findings,
            CaseParties.PartyDetails party, LocalDate preservedOn, String preservedItems, LocalDate seizedOn,
            String seizedItems, String recusalOfficer, String recusalReason, boolean recusalRequested) {

        static Investigation from(FormFields form) {
            List<String> fields = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (String field : List.of("investigator1", "investigator2", "investigator3")) {
                String userId = form.text(field);
                if (userId != null) {
                    fields.add(field);
                    ids.add(userId);
                }
            }
            boolean preserved = form.flag("evidencePreserved");
            boolean seized = form.flag("seizureApplied");
            boolean recusal = form.flag("recusalRequested");
            Investigation command = new Investigation(fields, ids, form.text("investigationFindings"),
                    new CaseParties.PartyDetails(null, form.text("partyIdNumber"), form.text("partyAddress"),
                            form.text("partyPhone"), form.text("plateNumber")),
                    preserved ? form.pastDate("preservedOn") : null,
                    preserved ? form.required("preservedItems", "先行登记保存须列明证据登记保存清单") : null,
                    seized ? form.pastDate("seizedOn") : null,
                    seized ? form.required("seizedItems", "扣押须列明扣押物品清单（行政强制法第二十四条）") : null,
                    recusal ? form.text("recusalOfficer") : null,
                    recusal ? form.required("recusalReason", "须写明申请回避的理由") : null, recusal);
            form.valid();
            return command;
        }

        boolean preserved() {
            return preservedOn != null;
        }

        boolean seized() {
            return seizedOn != null;
        }
    }

    public Map<String, Object> investigate(String caseNumber, Investigation command, String actor) {
        CaseParties.PartyDetails party = new CaseParties.PartyDetails(facts.caseFile(caseNumber).getPartyName(),
                command.party().idNumber(), command.party().address(), command.party().phone(),
                command.party().plateNumber());
        List<FieldViolation> violations = new ArrayList<>(CaseParties.check(party));
        Set<String> investigators = new LinkedHashSet<>();
        List<String> bodies = investigatingBodies(caseNumber);
        for (int i = 0; i < command.investigators().size(); i++) {
            String field = command.investigatorFields().get(i);
            String userId = command.investigators().get(i);
            // only the officers the form offered: certified officers of the case's body, or of a body assisting
            // it through an accepted request (Arts. 42, 26)
            if (!officers.isCertifiedOfficerOf(bodies, userId)) {
                violations.add(new FieldViolation(field, "所选人员“" + officers.name(userId) + "”不是" + CaseBodies.WHO
                        + "，请从列表中选择（行政处罚法第四十二条、第二十六条）"));
            } else if (!investigators.add(userId)) {
                violations.add(new FieldViolation(field, officers.name(userId) + " 已选过：须为不同的执法人员"));
            }
        }
        if (violations.isEmpty() && investigators.size() < 2) {
            violations.add(new FieldViolation("investigator2", "执法人员不得少于两人（行政处罚法第四十二条）"));
        }
        if (command.recusalRequested() && (command.recusalOfficer() == null
                || !investigators.contains(command.recusalOfficer()))) {
            violations.add(new FieldViolation("recusalOfficer", "须写明被申请回避的本案调查人员（行政处罚法第四十三条）"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        parties.record(caseNumber, party, actor);
        facts.replaceOfficers(caseNumber, CaseOfficer.Role.INVESTIGATOR, List.copyOf(investigators),
                command.recusalOfficer(), actor);
        facts.record(caseNumber, "investigate", actor, "调查人员: " + names(investigators) + "；"
                + command.findings()
                + (command.preserved() ? "；" + command.preservedOn() + " 先行登记保存：" + command.preservedItems() : "")
                + (command.seized() ? "；" + command.seizedOn() + " 扣押：" + command.seizedItems() : ""));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("investigators", String.join(",", investigators));
        produced.put("evidencePreserved", command.preserved());
        if (command.preserved()) {
            produced.put("preservedOn", command.preservedOn().toString());
        }
        produced.put("recusalRequested", command.recusalRequested());
        produced.put("seizureApplied", command.seized());
        if (command.seized()) {
            // 行政强制法 Art. 25: a seizure lasts at most 30 days
            produced.put("seizureDue", ProcedureFacts.endOfDay(command.seizedOn().plus(seizurePeriod)));
            produced.put("seizureExtended", false);
        }
        return produced;
    }

    /**
     * The bodies whose certified officers the investigation form offers (Art. 42): the case's own, and a body that
     * assists it through an accepted assistance request (Art. 26).
     */
    public List<String> investigatingBodies(String caseNumber) {
        return caseBodies.of(caseNumber);
    }

    /** The officers the 调查取证 form offers: by name and certificate number, the username as the value. */
    public List<Officers.Choice> investigatorChoices(String caseNumber) {
        return officers.choices(investigatingBodies(caseNumber));
    }

    @Override
    public Optional<List<Officers.Choice>> officerChoices(Rule rule, String caseNumber) {
        // investigators; and the officer who educated a party not punished (行政处罚法 Art. 33 ¶3)
        return rule == Rule.investigation || rule == Rule.noPenaltyDecision
                ? Optional.of(investigatorChoices(caseNumber)) : Optional.empty();
    }

    private String names(Collection<String> userIds) {
        return String.join("、", userIds.stream().map(officers::name).toList());
    }

    /** 回避决定 (行政处罚法 Art. 43): the head grants or refuses the party's recusal request, with reasons. */
    public record RecusalDecision(String decision, String reason) {
        static RecusalDecision from(FormFields form) {
            RecusalDecision command = new RecusalDecision(
                    form.choice("recusalDecision", List.of("grant", "refuse"), "须选择：决定回避或驳回申请"),
                    form.required("recusalDecisionReason", "须写明决定理由"));
            form.valid();
            return command;
        }
    }

    public Map<String, Object> recusalDecided(String caseNumber, RecusalDecision command, String actor) {
        String officer = facts.recusalRequestedOf(caseNumber).orElse("");
        facts.record(caseNumber, "decideRecusal", actor, ("grant".equals(command.decision()) ? "决定 " : "驳回对 ")
                + officers.name(officer) + " 的回避申请：" + command.reason());
        return Map.of();
    }

    /** The record is read on documents: each outcome in words, never the form's value. */
    private static final Map<String, String> SEIZURE_OUTCOMES = Map.of("release", "解除扣押", "decided",
            "依法作出处理决定", "extend", "延长扣押期限");
    private static final Map<String, String> PRESERVATION_OUTCOMES = Map.of("release", "解除保存", "appraisal",
            "送检鉴定", "seizure", "转为扣押", "confiscation", "依法没收");

    /** 扣押期限内处理 (行政强制法 Arts. 25, 27, 28): release, decide, or extend once by the head. */
    public record SeizureReview(String outcome, String comment) {
        static SeizureReview from(FormFields form) {
            String outcome = form.choice("seizureOutcome", List.of("release", "decided", "extend"),
                    "须选择：解除扣押、依法作出处理决定或延长扣押期限");
            SeizureReview command = new SeizureReview(outcome, "extend".equals(outcome)
                    ? form.required("seizureComment", "延长扣押期限须写明理由") : form.text("seizureComment"));
            form.valid();
            return command;
        }
    }

    public Map<String, Object> seizureReviewed(String caseNumber, SeizureReview command, String actor) {
        if ("extend".equals(command.outcome()) && facts.recorded(caseNumber, "extendSeizure")) {
            throw new InvalidInputException("seizureOutcome", "扣押期限只能延长一次（行政强制法第二十五条）");
        }
        facts.record(caseNumber, "reviewSeizure", actor, SEIZURE_OUTCOMES.get(command.outcome())
                + Optional.ofNullable(command.comment()).map(comment -> "：" + comment).orElse(""));
        return Map.of();
    }

    /** The one extension of a seizure: at most 30 more days (行政强制法 Art. 25). */
    public Map<String, Object> seizureExtended(String caseNumber, java.util.Date due) {
        java.util.Date extended = java.util.Date.from(due.toInstant().atZone(ChinaTime.CHINA).plus(seizurePeriod).toInstant());
        facts.record(caseNumber, "extendSeizure", null, "扣押期限延长至 "
                + extended.toInstant().atZone(ChinaTime.CHINA).toLocalDate());
        return Map.of("seizureDue", extended, "seizureExtended", true);
    }

    public void seizureLapsed(String caseNumber) {
        facts.record(caseNumber, "liftSeizure", null, "扣押期限届满未作出处理决定，解除扣押，退还物品（行政强制法第二十八条）");
    }

    /**
     * 先行登记保存处理决定 within 7 working days (行政处罚法 Art. 56). 转为扣押 is a seizure from that day (行政强制法
     * Art. 24): its 30 days (Art. 25) run from it, and the seizure's review, timer and documents follow as for one
     * taken at 调查取证.
     */
    Map<String, Object> preservationDecided(String caseNumber, String outcome, FormFields form, String actor) {
        form.valid();
        facts.record(caseNumber, "decidePreservation", actor, "先行登记保存处理决定：" + PRESERVATION_OUTCOMES.get(outcome));
        if (!"seizure".equals(outcome)) {
            return Map.of();
        }
        LocalDate seizedOn = facts.today();
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("seizureApplied", true);
        produced.put("seizedOn", seizedOn.toString());
        produced.put("seizureDue", ProcedureFacts.endOfDay(seizedOn.plus(seizurePeriod)));
        produced.put("seizureExtended", false);
        return produced;
    }

    /** No decision within the 7 working days: the preservation is lifted and the items go back. */
    public void preservationLapsed(String caseNumber) {
        facts.record(caseNumber, "liftPreservation", null, "7 个工作日内未作出处理决定，解除先行登记保存，退还物品");
    }

    /** A period the 90-day decision limit does not count. */
    public record ExcludedPeriod(LocalDate from, LocalDate to) {
    }

    /** 案件调查报告: the proposed outcome (Art. 57); a proposed penalty names its fine; an appraisal period. */
    public record Report(Outcome outcome, BigDecimal fine, String violationCode, String partyType, String legalBasis,
            boolean revocation, boolean suspension, Map<String, Boolean> flags, ExcludedPeriod appraisal) {

        static Report from(FormFields form) {
            Outcome outcome = null;
            try {
                outcome = Outcome.valueOf(String.valueOf(form.text("proposedOutcome")));
            } catch (IllegalArgumentException e) {
                form.reject("proposedOutcome", "须选择：拟处罚、拟不予处罚、违法事实不成立或涉嫌犯罪移送");
            }
            BigDecimal fine = form.amount("proposedFine");
            if (outcome == Outcome.penalty && fine == null && !form.hasProblems()) {
                form.reject("proposedFine", "拟处罚时须写明拟罚款金额（元）");
            }
            String partyType = form.text("partyType");
            if (partyType != null && !List.of("citizen", "organisation").contains(partyType)) {
                form.reject("partyType", "当事人类型应为公民（citizen）或法人、其他组织（organisation）");
            }
            Map<String, Boolean> flags = new LinkedHashMap<>();
            for (String flag : List.of("majorPublicInterest", "complexCase", "lawRequiresReview", "revocation",
                    "suspension")) {
                flags.put(flag, form.flag(flag));
            }
            ExcludedPeriod appraisal = null;
            if (form.text("appraisalCommissionedOn") != null || form.text("appraisalOpinionOn") != null) {
                LocalDate from = form.pastDate("appraisalCommissionedOn");
                LocalDate to = form.pastDate("appraisalOpinionOn");
                if (from != null && to != null && to.isBefore(from)) {
                    form.reject("appraisalOpinionOn", "取得鉴定意见的日期不能早于委托日期");
                }
                appraisal = new ExcludedPeriod(from, to);
            }
            form.valid();
            return new Report(outcome, fine, form.text("violationCode"), partyType, form.text("legalBasis"),
                    flags.get("revocation"), flags.get("suspension"), flags, appraisal);
        }
    }

    public Map<String, Object> report(String caseNumber, Report command, String actor) {
        proposals.proposed(caseNumber, command);
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("partyType", command.partyType());
        if (command.violationCode() != null) {
            produced.put("violationCode", command.violationCode());
        }
        produced.putAll(command.flags());
        // a hearing held before a supplementary investigation still counts (collective discussion, DMN)
        produced.put("hearingHeld", facts.hearing(caseNumber).map(h -> Boolean.TRUE.equals(h.getPartyAttended()))
                .orElse(false));
        if (command.outcome() == Outcome.crimeTransfer) {
            // 移送规定 Art. 5: the head decides on the transfer report within 3 days
            produced.put("crimeTransferDue", ProcedureFacts.endOfDay(facts.today().plusDays(3)));
        }
        // the reviewer's and the head's forms show the proposal as officers write it
        produced.put("proposedOutcomeText", command.outcome().chineseName());
        facts.record(caseNumber, "investigationReport", actor, "拟处理意见: " + command.outcome().chineseName()
                + (command.fine() == null ? "" : "，拟罚款 " + command.fine() + " 元"));
        if (command.appraisal() != null) {
            facts.record(caseNumber, "investigationReport", null, "检测、检验、鉴定期间 " + command.appraisal().from()
                    + " 至 " + command.appraisal().to() + "，不计入办案期限");
            produced.put("appraisalExcludedFrom", command.appraisal().from().toString());
            produced.put("appraisalExcludedTo", command.appraisal().to().toString());
        }
        return produced;
    }

    /** 法制审核 (Art. 58) and the like: approve, or send back for supplementary investigation with a reason. */
    public record ApproveOrSendBack(String decision, String comment) {
        public static ApproveOrSendBack from(FormFields form, String field, String commentField) {
            String decision = form.choice(field, List.of("approve", "sendBack"), "须选择同意或退回补充调查");
            String comment = "sendBack".equals(decision)
                    ? form.required(commentField, "退回补充调查须写明理由") : form.text(commentField);
            form.valid();
            return new ApproveOrSendBack(decision, comment);
        }

        public boolean approved() {
            return "approve".equals(decision);
        }
    }

    /**
     * What the 法制审核意见书 of a review prints, whichever review it is: the option the reviewer chose, as the form
     * labels it, and that review's own written opinion — never a value of an earlier review (the first review's
     * comment stays a variable of the process when the case comes back for a review after the hearing).
     */
    static Map<String, Object> reviewOpinionDocument(String conclusion, String opinion) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("legalReviewConclusion", conclusion);
        shown.put("legalReviewOpinionText", opinion);
        return shown;
    }

    Map<String, Object> legalReview(String caseNumber, ApproveOrSendBack command, String conclusion, String actor,
            String step) {
        legalReviews.reviewed(caseNumber, LegalReview.Kind.BEFORE_NOTICE, command.approved()
                ? LegalReview.Outcome.PASSED : LegalReview.Outcome.SENT_BACK, command.comment(),
                command.approved() ? null : LegalReviews.ReturnStage.investigate, actor);
        // the record is read on documents: the opinion in words, never the form's value (approve, sendBack)
        facts.record(caseNumber, step, actor, (command.approved() ? "同意" : "退回补充调查")
                + Optional.ofNullable(command.comment()).map(comment -> "：" + comment).orElse(""));
        return reviewOpinionDocument(conclusion, command.comment());
    }

    /**
     * 听证后法制审核 (行政处罚法 Art. 58 ¶1(2), Art. 65): the reviewer passes the case, sends it back for supplementary
     * investigation, or fails it and names the stage it returns to; the opinion is always written.
     */
    public record HearingReview(LegalReview.Outcome outcome, String conclusion, String opinion,
            LegalReviews.ReturnStage returnStage) {
        static HearingReview from(FormFields form) {
            String outcome = form.choice("hearingReviewOutcome", List.of("pass", "sendBack", "fail"),
                    "须选择审核结论：通过、退回补充调查或审核不通过");
            String opinion = form.required("hearingReviewOpinion", "须写明审核意见（行政处罚法第五十八条）");
            LegalReviews.ReturnStage stage = null;
            if ("sendBack".equals(outcome)) {
                stage = LegalReviews.ReturnStage.investigate;
            } else if ("fail".equals(outcome)) {
                String named = form.choice("hearingReviewReturnTo", LegalReviews.ReturnStage.names(),
                        "审核不通过的，须选择案件退回的环节：调查取证或案件调查报告");
                stage = named == null ? null : LegalReviews.ReturnStage.valueOf(named);
            }
            form.valid();
            return new HearingReview(switch (outcome) {
                case "pass" -> LegalReview.Outcome.PASSED;
                case "sendBack" -> LegalReview.Outcome.SENT_BACK;
                default -> LegalReview.Outcome.FAILED;
            }, form.optionLabel("hearingReviewOutcome", outcome), opinion, stage);
        }
    }

    public Map<String, Object> hearingLegalReview(String caseNumber, HearingReview command, String actor) {
        legalReviews.reviewed(caseNumber, LegalReview.Kind.AFTER_HEARING, command.outcome(), command.opinion(),
                command.returnStage(), actor);
        facts.record(caseNumber, "legalReviewAfterHearing", actor, command.outcome().chineseName() + "："
                + command.opinion() + (command.returnStage() == null ? ""
                        : "；退回" + command.returnStage().chineseName() + "（行政处罚法第五十八条）"));
        Map<String, Object> produced = new LinkedHashMap<>(reviewOpinionDocument(command.conclusion(),
                command.opinion() + (command.returnStage() == null ? ""
                        : "；退回" + command.returnStage().chineseName())));
        produced.put("hearingReviewPassed", command.outcome() == LegalReview.Outcome.PASSED);
        if (command.returnStage() != null) {
            produced.put("returnStage", command.returnStage().name());
        }
        return produced;
    }
}
