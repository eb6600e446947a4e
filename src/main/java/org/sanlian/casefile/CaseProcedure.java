package org.sanlian.casefile;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.OfficerRepository;
import org.sanlian.penalty.LatePaymentSurcharge;
import org.sanlian.penalty.ViolationCatalogue;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.forms.FormValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal rules of each step of the general procedure (domain.md §2.3–2.14), checked on the server when the
 * step's task completes, and the step recorded in the case's full-process record (Art. 47). Each method
 * reads the submitted values and returns the process variables the step produces; a broken rule throws
 * {@link InvalidInputException} naming the field, and the task stays open.
 */
@Service
@Transactional
public class CaseProcedure {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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

    private final CaseFileRepository cases;
    private final CaseEventRepository events;
    private final OfficerRepository officers;
    private final CaseNumbers caseNumbers;
    private final ViolationCatalogue catalogue;
    private final WorkingDayCalendar calendar;
    private final int hearingRequestWorkingDays;
    private final int hearingNoticeWorkingDays;
    private final int paymentPeriodDays;
    private final int reminderWorkingDays;
    private final int seizureDays;
    private final int litigationMonths;
    private final int courtWindowMonths;
    private final int publicNoticeDays;
    private final Duration crimeTransferSend;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public CaseProcedure(CaseFileRepository cases, CaseEventRepository events, OfficerRepository officers,
            CaseNumbers caseNumbers, ViolationCatalogue catalogue, WorkingDayCalendar calendar,
            @Value("${sanlian.deadlines.hearing-request-working-days:5}") int hearingRequestWorkingDays,
            @Value("${sanlian.deadlines.hearing-notice-working-days:7}") int hearingNoticeWorkingDays,
            @Value("${sanlian.deadlines.payment-calendar-days:15}") int paymentPeriodDays,
            @Value("${sanlian.deadlines.reminder-working-days:10}") int reminderWorkingDays,
            @Value("${sanlian.deadlines.seizure-calendar-days:30}") int seizureDays,
            @Value("${sanlian.deadlines.litigation-months:6}") int litigationMonths,
            @Value("${sanlian.deadlines.court-application-months:3}") int courtWindowMonths,
            @Value("${sanlian.deadlines.public-notice-calendar-days:30}") int publicNoticeDays,
            @Value("${sanlian.deadlines.crime-transfer-send:PT24H}") Duration crimeTransferSend,
            Optional<Clock> clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.cases = cases;
        this.events = events;
        this.officers = officers;
        this.caseNumbers = caseNumbers;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.hearingRequestWorkingDays = hearingRequestWorkingDays;
        this.hearingNoticeWorkingDays = hearingNoticeWorkingDays;
        this.paymentPeriodDays = paymentPeriodDays;
        this.reminderWorkingDays = reminderWorkingDays;
        this.seizureDays = seizureDays;
        this.litigationMonths = litigationMonths;
        this.courtWindowMonths = courtWindowMonths;
        this.publicNoticeDays = publicNoticeDays;
        this.crimeTransferSend = crimeTransferSend;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /** 调查取证: not fewer than two officers, each holding an enforcement certificate (行政处罚法 Art. 42). */
    public Map<String, Object> investigate(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> investigators = new LinkedHashSet<>();
        for (String field : List.of("investigator1", "investigator2", "investigator3")) {
            String userId = text(input.apply(field));
            if (userId == null) {
                continue;
            }
            Optional<Officer> officer = officers.findById(userId);
            if (officer.isEmpty() || officer.get().getCertificateNumber() == null
                    || officer.get().getCertificateNumber().isBlank()) {
                violations.add(new FieldViolation(field, userId + " 不是持有执法证件的执法人员（行政处罚法第四十二条）"));
            } else if (!investigators.add(userId)) {
                violations.add(new FieldViolation(field, userId + " 重复：须为不同的执法人员"));
            }
        }
        if (violations.isEmpty() && investigators.size() < 2) {
            violations.add(new FieldViolation("investigator2", "执法人员不得少于两人（行政处罚法第四十二条）"));
        }
        boolean preserved = Boolean.TRUE.equals(input.apply("evidencePreserved"));
        LocalDate preservedOn = null;
        if (preserved) {
            preservedOn = date("preservedOn", input.apply("preservedOn"), true, violations);
            if (text(input.apply("preservedItems")) == null) {
                violations.add(new FieldViolation("preservedItems", "先行登记保存须列明证据登记保存清单"));
            }
        }
        boolean recusal = Boolean.TRUE.equals(input.apply("recusalRequested"));
        if (recusal) {
            String officer = text(input.apply("recusalOfficer"));
            if (officer == null || !investigators.contains(officer)) {
                violations.add(new FieldViolation("recusalOfficer", "须写明被申请回避的本案调查人员（行政处罚法第四十三条）"));
            }
            if (text(input.apply("recusalReason")) == null) {
                violations.add(new FieldViolation("recusalReason", "须写明申请回避的理由"));
            }
        }
        boolean seized = Boolean.TRUE.equals(input.apply("seizureApplied"));
        LocalDate seizedOn = null;
        if (seized) {
            seizedOn = date("seizedOn", input.apply("seizedOn"), true, violations);
            if (text(input.apply("seizedItems")) == null) {
                violations.add(new FieldViolation("seizedItems", "扣押须列明扣押物品清单（行政强制法第二十四条）"));
            }
        }
        throwIfAny(violations);
        record(caseNumber, "investigate", actor, "调查人员: " + String.join("、", investigators) + "；"
                + text(input.apply("investigationFindings"))
                + (preserved ? "；" + preservedOn + " 先行登记保存：" + text(input.apply("preservedItems")) : "")
                + (seized ? "；" + seizedOn + " 扣押：" + text(input.apply("seizedItems")) : ""));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("investigators", String.join(",", investigators));
        produced.put("evidencePreserved", preserved);
        if (preserved) {
            produced.put("preservedOn", preservedOn.toString());
        }
        produced.put("recusalRequested", recusal);
        produced.put("seizureApplied", seized);
        if (seized) {
            // 行政强制法 Art. 25: a seizure lasts at most 30 days
            produced.put("seizureDue", endOfDay(seizedOn.plusDays(seizureDays)));
            produced.put("seizureExtended", false);
        }
        return produced;
    }

    /** 回避决定 (行政处罚法 Art. 43): the head grants or refuses the party's recusal request, with reasons. */
    public Map<String, Object> recusalDecided(String caseNumber, Function<String, Object> input, String actor) {
        String decision = text(input.apply("recusalDecision"));
        if (!"grant".equals(decision) && !"refuse".equals(decision)) {
            throw new InvalidInputException("recusalDecision", "须选择：决定回避或驳回申请");
        }
        if (text(input.apply("recusalDecisionReason")) == null) {
            throw new InvalidInputException("recusalDecisionReason", "须写明决定理由");
        }
        record(caseNumber, "decideRecusal", actor, ("grant".equals(decision) ? "决定 " : "驳回对 ")
                + text(input.apply("recusalOfficer")) + " 的回避申请：" + text(input.apply("recusalDecisionReason")));
        return Map.of();
    }

    /** 扣押期限内处理 (行政强制法 Arts. 25, 27, 28): release, decide, or extend once by the head. */
    public Map<String, Object> seizureReviewed(String caseNumber, Function<String, Object> input, String actor) {
        String outcome = text(input.apply("seizureOutcome"));
        if (outcome == null || !List.of("release", "decided", "extend").contains(outcome)) {
            throw new InvalidInputException("seizureOutcome", "须选择：解除扣押、依法作出处理决定或延长扣押期限");
        }
        if ("extend".equals(outcome) && Boolean.TRUE.equals(input.apply("seizureExtended"))) {
            throw new InvalidInputException("seizureOutcome", "扣押期限只能延长一次（行政强制法第二十五条）");
        }
        if ("extend".equals(outcome) && text(input.apply("seizureComment")) == null) {
            throw new InvalidInputException("seizureComment", "延长扣押期限须写明理由");
        }
        record(caseNumber, "reviewSeizure", actor, outcome + "：" + Optional.ofNullable(text(input.apply("seizureComment"))).orElse(""));
        return Map.of();
    }

    /** The one extension of a seizure: at most 30 more days (行政强制法 Art. 25). */
    public Map<String, Object> seizureExtended(String caseNumber, java.util.Date due) {
        java.util.Date extended = java.util.Date.from(due.toInstant().plus(java.time.Duration.ofDays(seizureDays)));
        record(caseNumber, "extendSeizure", null, "扣押期限延长至 " + extended.toInstant().atZone(CHINA).toLocalDate());
        return Map.of("seizureDue", extended, "seizureExtended", true);
    }

    public void seizureLapsed(String caseNumber) {
        record(caseNumber, "liftSeizure", null, "扣押期限届满未作出处理决定，解除扣押，退还物品（行政强制法第二十八条）");
    }

    /** 先行登记保存处理决定 within 7 working days (行政处罚法 Art. 56). */
    public Map<String, Object> preservationDecided(String caseNumber, Function<String, Object> input, String actor) {
        String outcome = text(input.apply("preservationOutcome"));
        if (outcome == null || !List.of("release", "appraisal", "seizure", "confiscation").contains(outcome)) {
            throw new InvalidInputException("preservationOutcome", "须选择：解除保存、送检鉴定、转为扣押或依法没收");
        }
        record(caseNumber, "decidePreservation", actor, "先行登记保存处理决定：" + outcome);
        return Map.of();
    }

    /** No decision within the 7 working days: the preservation is lifted and the items go back. */
    public void preservationLapsed(String caseNumber) {
        record(caseNumber, "liftPreservation", null, "7 个工作日内未作出处理决定，解除先行登记保存，退还物品");
    }

    /** 案件调查报告: the proposed outcome (Art. 57); a proposed penalty names its fine. */
    public Map<String, Object> report(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        Outcome outcome = outcome(text(input.apply("proposedOutcome")), violations);
        BigDecimal fine = amount("proposedFine", input.apply("proposedFine"), violations);
        if (outcome == Outcome.penalty && fine == null && violations.isEmpty()) {
            violations.add(new FieldViolation("proposedFine", "拟处罚时须写明拟罚款金额（元）"));
        }
        throwIfAny(violations);
        String violationCode = text(input.apply("violationCode"));
        if (outcome == Outcome.penalty) {
            catalogue.checkFine("proposedFine", violationCode, fine);
        }
        Map<String, Object> produced = new LinkedHashMap<>();
        String partyType = text(input.apply("partyType"));
        if (partyType != null && !List.of("citizen", "organisation").contains(partyType)) {
            throw new InvalidInputException("partyType", "当事人类型应为公民（citizen）或法人、其他组织（organisation）");
        }
        produced.put("partyType", partyType);
        if (violationCode != null) {
            produced.put("violationCode", violationCode);
        }
        for (String flag : List.of("majorPublicInterest", "complexCase", "lawRequiresReview", "hearingHeld",
                "revocation", "suspension")) {
            produced.put(flag, Boolean.TRUE.equals(input.apply(flag)));
        }
        if (outcome == Outcome.crimeTransfer) {
            // 移送规定 Art. 5: the head decides on the transfer report within 3 days
            produced.put("crimeTransferDue", endOfDay(today().plusDays(3)));
        }
        // the reviewer's and the head's forms show the proposal as officers write it
        produced.put("proposedOutcomeText", outcome.chineseName());
        record(caseNumber, "investigationReport", actor, "拟处理意见: " + outcome.chineseName()
                + (fine == null ? "" : "，拟罚款 " + fine + " 元"));
        return produced;
    }

    /** A period the 90-day decision limit does not count. */
    public record ExcludedPeriod(LocalDate from, LocalDate to) {
    }

    /**
     * Testing, inspection or appraisal time (检测、检验、鉴定) reported with the investigation report: both dates or
     * neither, the opinion not before the commission and not in the future; it pauses the 90-day decision limit
     * (domain.md §2.9) and is recorded with the case.
     */
    public Optional<ExcludedPeriod> appraisalPeriod(String caseNumber, Function<String, Object> input) {
        if (text(input.apply("appraisalCommissionedOn")) == null && text(input.apply("appraisalOpinionOn")) == null) {
            return Optional.empty();
        }
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate from = date("appraisalCommissionedOn", input.apply("appraisalCommissionedOn"), true, violations);
        LocalDate to = date("appraisalOpinionOn", input.apply("appraisalOpinionOn"), true, violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("appraisalOpinionOn", "取得鉴定意见的日期不能早于委托日期"));
        }
        throwIfAny(violations);
        record(caseNumber, "investigationReport", null, "检测、检验、鉴定期间 " + from + " 至 " + to + "，不计入办案期限");
        return Optional.of(new ExcludedPeriod(from, to));
    }

    /** 法制审核 (Art. 58): approve, or send back for supplementary investigation with a reason. */
    public Map<String, Object> legalReview(String caseNumber, Function<String, Object> input, String actor) {
        String opinion = approveOrSendBack("reviewOpinion", input, "reviewComment");
        record(caseNumber, "legalReview", actor, opinion + "：" + Optional.ofNullable(text(input.apply("reviewComment"))).orElse(""));
        return Map.of();
    }

    /** 违法行为通知书 served: the statement window is counted from the day of service (domain.md §2.7). */
    public LocalDate noticeServed(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate servedOn = date("noticeServedOn", input.apply("noticeServedOn"), true, violations);
        throwIfAny(violations);
        record(caseNumber, "issueNotice", actor, "违法行为通知书送达于 " + servedOn);
        return servedOn;
    }

    /** 陈述申辩与复核: the penalty is never raised because of the party's defence (行政处罚法 Art. 45). */
    public Map<String, Object> recheck(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        BigDecimal proposed = amount("proposedFine", input.apply("proposedFine"), violations);
        BigDecimal finalFine = amount("finalFine", input.apply("finalFine"), violations);
        if (finalFine == null && violations.isEmpty()) {
            violations.add(new FieldViolation("finalFine", "复核后的罚款金额必填"));
        } else if (finalFine != null && proposed != null && finalFine.compareTo(proposed) > 0) {
            violations.add(new FieldViolation("finalFine", "不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）：不能高于拟罚款 "
                    + proposed.toPlainString() + " 元"));
        }
        boolean hearingRequested = Boolean.TRUE.equals(input.apply("hearingRequested"));
        if (hearingRequested) {
            if (!Boolean.TRUE.equals(input.apply("hearingRight"))) {
                violations.add(new FieldViolation("hearingRequested", "本案拟作出的处罚不属于行政处罚法第六十三条规定的听证范围"));
            }
            LocalDate noticeServedOn = date("noticeServedOn", input.apply("noticeServedOn"), false, violations);
            LocalDate requestedOn = date("hearingRequestedOn", input.apply("hearingRequestedOn"), true, violations);
            if (noticeServedOn != null && requestedOn != null) {
                LocalDate lastDay = calendar.addWorkingDays(noticeServedOn, hearingRequestWorkingDays).date();
                if (requestedOn.isAfter(lastDay)) {
                    violations.add(new FieldViolation("hearingRequestedOn", "当事人应在告知后 " + hearingRequestWorkingDays
                            + " 个工作日内（" + lastDay + " 前）提出听证要求（行政处罚法第六十四条第一项）"));
                }
            }
        }
        throwIfAny(violations);
        record(caseNumber, "statementAndRecheck", actor, "复核后罚款 " + finalFine + " 元；" + text(input.apply("recheckConclusion"))
                + (hearingRequested ? "；当事人要求听证" : ""));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("finalFine", variableAmount(finalFine));
        produced.put("hearingRequested", hearingRequested);
        if (hearingRequested) {
            produced.put("hearingRequestedOn", date("hearingRequestedOn", input.apply("hearingRequestedOn"), true,
                    new ArrayList<>()).toString());
        }
        return produced;
    }

    /**
     * 听证通知 (行政处罚法 Art. 64): the party is told at least 7 working days before the hearing; the presider is
     * designated by the agency and is not one of the investigators.
     */
    public Map<String, Object> scheduleHearing(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate noticeOn = date("hearingNoticeServedOn", input.apply("hearingNoticeServedOn"), true, violations);
        LocalDate hearingOn = date("hearingDate", input.apply("hearingDate"), false, violations);
        if (noticeOn != null && hearingOn != null) {
            LocalDate earliest = calendar.addWorkingDays(noticeOn, hearingNoticeWorkingDays).date();
            if (hearingOn.isBefore(earliest)) {
                violations.add(new FieldViolation("hearingDate", "应在举行听证 " + hearingNoticeWorkingDays
                        + " 个工作日前通知当事人：听证日期不得早于 " + earliest + "（行政处罚法第六十四条第二项）"));
            }
        }
        String presider = text(input.apply("hearingPresider"));
        String investigators = Optional.ofNullable(text(input.apply("investigators"))).orElse("");
        if (presider != null && List.of(investigators.split(",")).contains(presider)) {
            violations.add(new FieldViolation("hearingPresider", "听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第四项）"));
        } else if (presider != null && officers.findById(presider).isEmpty()) {
            violations.add(new FieldViolation("hearingPresider", presider + " 不是本系统的执法人员"));
        }
        throwIfAny(violations);
        record(caseNumber, "scheduleHearing", actor, "听证定于 " + hearingOn + "，主持人 " + presider + "，通知送达于 " + noticeOn);
        return Map.of("hearingDue", endOfDay(hearingOn));
    }

    /** 举行听证: a party who does not come without good reason, or leaves, waives the hearing (Art. 64(8)). */
    public Map<String, Object> holdHearing(String caseNumber, Function<String, Object> input, String actor) {
        boolean attended = Boolean.TRUE.equals(input.apply("partyAttended"));
        if (attended && text(input.apply("hearingRecord")) == null) {
            throw new InvalidInputException("hearingRecord", "当事人到场的，须制作听证笔录（行政处罚法第六十四条第十项）");
        }
        record(caseNumber, "holdHearing", actor, attended ? "举行听证：" + text(input.apply("hearingRecord"))
                : "当事人无正当理由未到场，视为放弃听证权利");
        return Map.of("partyAttended", attended, "hearingHeld", attended);
    }

    /** 集体讨论 (行政处罚法 Art. 57 ¶2): the heads who took part and what they concluded. */
    public Map<String, Object> collectiveDiscussion(String caseNumber, Function<String, Object> input, String actor) {
        String participants = text(input.apply("discussionParticipants"));
        if (participants == null || participants.split("[,，、\\s]+").length < 2) {
            throw new InvalidInputException("discussionParticipants", "集体讨论须由行政机关负责人集体进行：至少列明两名参加的负责人");
        }
        record(caseNumber, "collectiveDiscussion", actor, "参加人：" + participants + "；结论：" + text(input.apply("discussionConclusion")));
        return Map.of();
    }

    public Map<String, Object> reviewAfterHearing(String caseNumber, Function<String, Object> input, String actor) {
        record(caseNumber, "legalReviewAfterHearing", actor, text(input.apply("hearingReviewOpinion")));
        return Map.of();
    }

    /** The head's decision on a penalty or no penalty (Art. 57): approving numbers the decision document. */
    public Map<String, Object> decide(String caseNumber, Function<String, Object> input, String actor, boolean penalty) {
        String decision = approveOrSendBack("headDecision", input, "headComment");
        Map<String, Object> produced = new LinkedHashMap<>();
        if ("approve".equals(decision)) {
            CaseFile caseFile = byNumber(caseNumber);
            CaseNumber number = caseNumbers.allocate(caseFile.getOrganisationCode(),
                    penalty ? NumberType.PENALTY_DECISION : NumberType.NO_PENALTY_DECISION, today().getYear(),
                    caseNumber, actor);
            caseFile.moveTo(CaseStatus.DECIDED);
            BigDecimal fine = penalty ? amount("finalFine", input.apply("finalFine"), new ArrayList<>()) : null;
            produced.put("decisionNumber", number.getFormatted());
            produced.put("decisionMade", true);
            produced.put("fineDue", fine != null && fine.signum() > 0);
            if (penalty) {
                publisher.publishEvent(new PenaltyDecided(caseNumber, caseFile.getLeadNumber(),
                        caseFile.getOrganisationCode(), caseFile.getPartyName(), number.getFormatted(), fine, actor));
            }
            record(caseNumber, penalty ? "decidePenalty" : "decideNoPenalty", actor, "决定书 " + number.getFormatted());
        } else {
            record(caseNumber, penalty ? "decidePenalty" : "decideNoPenalty", actor, "退回补充调查：" + text(input.apply("headComment")));
        }
        return produced;
    }

    /**
     * 涉嫌犯罪移送 approved (行政处罚法 Art. 27; 移送规定 Art. 5): the case must reach the public security organ
     * within 24 hours of the approval, counted in clock hours.
     */
    public Map<String, Object> crimeTransfer(String caseNumber, Function<String, Object> input, String actor) {
        String receiver = text(input.apply("receivingOrgan"));
        if (receiver == null) {
            throw new InvalidInputException("receivingOrgan", "须写明接收移送的公安机关");
        }
        Instant sendBy = clock.instant().plus(crimeTransferSend);
        record(caseNumber, "decideCrimeTransfer", actor, "批准移送 " + receiver + "，应于 "
                + LocalDateTime.ofInstant(sendBy, CHINA).withNano(0) + " 前移送（移送规定第五条）");
        return Map.of("decisionMade", true, "crimeTransferSendDue", Date.from(sendBy));
    }

    /**
     * 移送公安机关 (移送规定 Arts. 5, 6): the package holds at least the transfer letter and the investigation report,
     * the police sign a receipt, and a transfer later than the 24 hours must say why.
     */
    public Map<String, Object> crimeTransferSent(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate sentOn = date("transferSentOn", input.apply("transferSentOn"), true, violations);
        List<String> materials = FormValues.list(input.apply("transferMaterials"));
        if (!materials.containsAll(List.of("transferLetter", "investigationReport"))) {
            violations.add(new FieldViolation("transferMaterials",
                    "移送材料须包括涉嫌犯罪案件移送书和涉嫌犯罪案件调查报告（移送规定第六条）"));
        }
        String receipt = text(input.apply("receiptSignedBy"));
        if (receipt == null) {
            violations.add(new FieldViolation("receiptSignedBy", "须记录公安机关在移送回执上签收的人员（移送规定第八条）"));
        }
        Date due = (Date) input.apply("crimeTransferSendDue");
        boolean late = due != null && clock.instant().isAfter(due.toInstant());
        if (late && text(input.apply("lateReason")) == null) {
            violations.add(new FieldViolation("lateReason", "已超过批准后 24 小时的移送期限，须写明迟延原因"));
        }
        throwIfAny(violations);
        byNumber(caseNumber).moveTo(CaseStatus.CRIME_TRANSFERRED);
        record(caseNumber, "sendCrimeTransfer", actor, sentOn + " 移送 " + text(input.apply("receivingOrgan"))
                + "，签收人 " + receipt + "，材料 " + String.join("、", materials) + (late ? "；迟延原因：" + text(input.apply("lateReason")) : ""));
        concluded(caseNumber);
        return Map.of("crimeTransferLate", late);
    }

    /** 办案期限预警: the handler may ask for an extension, and must say why. */
    public Map<String, Object> deadlineWarning(String caseNumber, Function<String, Object> input, String actor) {
        boolean requested = Boolean.TRUE.equals(input.apply("requestExtension"));
        if (requested && text(input.apply("extensionReason")) == null) {
            throw new InvalidInputException("extensionReason", "申请延长办案期限须写明理由");
        }
        record(caseNumber, "decisionDeadlineWarning", actor, requested ? "申请延期：" + text(input.apply("extensionReason")) : "知悉期限，不申请延期");
        return Map.of("requestExtension", requested);
    }

    public Map<String, Object> extensionDecided(String caseNumber, Function<String, Object> input, String actor) {
        record(caseNumber, "approveExtension", actor, text(input.apply("extensionDecision")) + "："
                + Optional.ofNullable(text(input.apply("extensionComment"))).orElse(""));
        return Map.of();
    }

    public void extended(String caseNumber, java.util.Date newDeadline) {
        record(caseNumber, "extendDecisionDeadline", null, "办案期限延长至 " + newDeadline.toInstant().atZone(CHINA).toLocalDate());
    }

    public Map<String, Object> supervised(String caseNumber, Function<String, Object> input, String actor) {
        record(caseNumber, "superviseOverdueCase", actor, text(input.apply("supervisionOpinion")));
        return Map.of();
    }

    /**
     * 送达 (Art. 61; 民事诉讼法 Art. 95): electronic service only with the party's signed consent; a public notice is
     * deemed served after 30 days. The payment period of 15 calendar days (Art. 67) runs from the service date.
     */
    public Map<String, Object> serve(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        String method = text(input.apply("serviceMethod"));
        LocalDate servedOn = date("servedOn", input.apply("servedOn"), true, violations);
        if (method == null || !List.of("direct", "leftAtResidence", "entrusted", "post", "forwarded", "electronic",
                "publicNotice").contains(method)) {
            violations.add(new FieldViolation("serviceMethod", "送达方式不在民事诉讼法规定的方式之内"));
        } else if (method.equals("electronic") && !Boolean.TRUE.equals(input.apply("electronicConsent"))) {
            violations.add(new FieldViolation("electronicConsent", "电子送达须经当事人同意并签订确认书（行政处罚法第六十一条第二款）"));
        }
        throwIfAny(violations);
        LocalDate effective = "publicNotice".equals(method) ? servedOn.plusDays(publicNoticeDays) : servedOn;
        LocalDate paymentDue = effective.plusDays(paymentPeriodDays);
        record(caseNumber, "serveDecision", actor, method + " 送达 " + text(input.apply("recipient")) + "，送达日 " + effective);
        return Map.of("servedOn", effective.toString(), "paymentDue", endOfDay(paymentDue),
                "paymentDueDate", paymentDue.toString());
    }

    /**
     * 缴纳罚款: what was paid must cover the fine and the Art. 72 surcharge for every day late. The party may
     * instead apply for deferral or instalments (Art. 66 ¶2); "not paid" can be recorded only once the deadline
     * has passed, and leads to the reminder.
     */
    public Map<String, Object> payment(String caseNumber, Function<String, Object> input, String actor) {
        String outcome = text(input.apply("paymentOutcome"));
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate due = date("paymentDueDate", input.apply("paymentDueDate"), false, violations);
        throwIfAny(violations);
        if ("applyDeferral".equals(outcome)) {
            if (text(input.apply("deferralReason")) == null) {
                throw new InvalidInputException("deferralReason", "申请暂缓或分期缴纳须写明确有经济困难的理由（行政处罚法第六十六条第二款）");
            }
            record(caseNumber, "recordPayment", actor, "当事人申请暂缓或分期缴纳：" + text(input.apply("deferralReason")));
            return Map.of("paymentOutcome", outcome);
        }
        if ("notPaid".equals(outcome)) {
            if (!today().isAfter(due)) {
                throw new InvalidInputException("paymentOutcome", "缴款期限（" + due + "）尚未届满，不能记为逾期未缴");
            }
            record(caseNumber, "recordPayment", actor, "逾期未缴纳罚款（期限 " + due + "）");
            return Map.of("paymentOutcome", outcome);
        }
        if (!"paid".equals(outcome)) {
            throw new InvalidInputException("paymentOutcome", "须选择：已缴纳、申请暂缓或分期、逾期未缴");
        }
        LocalDate paidOn = date("paidOn", input.apply("paidOn"), true, violations);
        BigDecimal paid = amount("amountPaid", input.apply("amountPaid"), violations);
        BigDecimal fine = amount("finalFine", input.apply("finalFine"), violations);
        throwIfAny(violations);
        BigDecimal surcharge = LatePaymentSurcharge.of(fine, due, paidOn);
        BigDecimal owed = fine.add(surcharge);
        if (paid == null || paid.compareTo(owed) < 0) {
            throw new InvalidInputException("amountPaid", "应缴 " + owed.toPlainString() + " 元（罚款 " + fine.toPlainString()
                    + " 元，加处罚款 " + surcharge.toPlainString() + " 元，行政处罚法第七十二条）");
        }
        record(caseNumber, "recordPayment", actor, paidOn + " 缴纳 " + paid.toPlainString() + " 元，其中加处罚款 " + surcharge.toPlainString() + " 元");
        return Map.of("paymentOutcome", outcome, "surcharge", surcharge.doubleValue());
    }

    /** 暂缓或分期缴纳 approved by the head (Art. 66 ¶2): the payment deadline becomes the approved (last) date. */
    public Map<String, Object> deferral(String caseNumber, Function<String, Object> input, String actor) {
        String decision = text(input.apply("deferralDecision"));
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidInputException("deferralDecision", "须选择同意或不同意");
        }
        if ("reject".equals(decision)) {
            record(caseNumber, "approveDeferral", actor, "不同意暂缓或分期缴纳");
            return Map.of();
        }
        List<FieldViolation> violations = new ArrayList<>();
        String kind = text(input.apply("deferralKind"));
        if (!"defer".equals(kind) && !"instalments".equals(kind)) {
            violations.add(new FieldViolation("deferralKind", "须选择暂缓缴纳或分期缴纳"));
        }
        LocalDate newDue = date("newPaymentDueDate", input.apply("newPaymentDueDate"), false, violations);
        LocalDate oldDue = date("paymentDueDate", input.apply("paymentDueDate"), false, violations);
        if (newDue != null && oldDue != null && !newDue.isAfter(oldDue)) {
            violations.add(new FieldViolation("newPaymentDueDate", "批准的缴款期限应晚于原期限 " + oldDue));
        }
        Object instalments = input.apply("instalmentCount");
        if ("instalments".equals(kind) && (!(instalments instanceof Number n) || n.intValue() < 2)) {
            violations.add(new FieldViolation("instalmentCount", "分期缴纳至少分两期"));
        }
        throwIfAny(violations);
        record(caseNumber, "approveDeferral", actor, ("instalments".equals(kind) ? "同意分 " + instalments + " 期缴纳" : "同意暂缓缴纳")
                + "，最后期限 " + newDue);
        return Map.of("paymentDueDate", newDue.toString(), "paymentDue", endOfDay(newDue));
    }

    /**
     * 催告书 served (行政强制法 Art. 54): the court may be applied to 10 working days after its service, once the
     * litigation period (6 months from service, 行政诉讼法 Art. 46) has passed, and within 3 months after that
     * (行政强制法 Art. 53).
     */
    public Map<String, Object> reminder(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate remindedOn = date("reminderServedOn", input.apply("reminderServedOn"), true, violations);
        LocalDate servedOn = date("servedOn", input.apply("servedOn"), false, violations);
        throwIfAny(violations);
        LocalDate afterReminder = calendar.addWorkingDays(remindedOn, reminderWorkingDays).date();
        LocalDate periodsEnd = servedOn.plusMonths(litigationMonths);
        LocalDate earliest = afterReminder.isAfter(periodsEnd) ? afterReminder : periodsEnd;
        LocalDate last = periodsEnd.plusMonths(courtWindowMonths);
        record(caseNumber, "issueReminder", actor, "催告书送达于 " + remindedOn + "；可申请法院强制执行的期间 " + earliest + " 至 " + last);
        return Map.of("courtApplicationEarliest", earliest.toString(), "courtApplicationLast", last.toString(),
                "courtApplicationDue", endOfDay(last));
    }

    public Map<String, Object> courtApplication(String caseNumber, Function<String, Object> input, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate appliedOn = date("courtAppliedOn", input.apply("courtAppliedOn"), true, violations);
        LocalDate earliest = date("courtApplicationEarliest", input.apply("courtApplicationEarliest"), false, violations);
        LocalDate last = date("courtApplicationLast", input.apply("courtApplicationLast"), false, violations);
        throwIfAny(violations);
        if (appliedOn.isBefore(earliest) || appliedOn.isAfter(last)) {
            throw new InvalidInputException("courtAppliedOn", "申请法院强制执行应在 " + earliest + " 至 " + last
                    + " 之间（催告书送达满 10 个工作日、复议诉讼期限届满后 3 个月内，行政强制法第五十三条、第五十四条）");
        }
        record(caseNumber, "applyToCourt", actor, appliedOn + " 向 " + text(input.apply("court")) + " 申请强制执行");
        return Map.of();
    }

    public void closureDrafted(String caseNumber, Function<String, Object> input, String actor) {
        record(caseNumber, "closeCase", actor, text(input.apply("closureReport")));
    }

    public Map<String, Object> closureDecided(String caseNumber, Function<String, Object> input, String actor) {
        String decision = text(input.apply("closureDecision"));
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidInputException("closureDecision", "须选择同意结案或退回");
        }
        if ("reject".equals(decision) && text(input.apply("closureComment")) == null) {
            throw new InvalidInputException("closureComment", "退回时须写明理由");
        }
        if ("approve".equals(decision)) {
            byNumber(caseNumber).moveTo(CaseStatus.CLOSED);
        }
        record(caseNumber, "approveClosure", actor, decision + "：" + Optional.ofNullable(text(input.apply("closureComment"))).orElse(""));
        return Map.of();
    }

    public void archive(String caseNumber) {
        byNumber(caseNumber).moveTo(CaseStatus.ARCHIVED);
        record(caseNumber, "archiveCase", null, "归档");
        concluded(caseNumber);
    }

    /** Tells the other bodies how the case ended: its last decision as the case's record states it. */
    private void concluded(String caseNumber) {
        CaseFile caseFile = byNumber(caseNumber);
        List<String> decisions = List.of("decidePenalty", "decideNoPenalty", "decideCrimeTransfer");
        CaseEvent decision = events.findByCaseNumberOrderById(caseNumber).stream()
                .filter(e -> decisions.contains(e.getStep()) && e.getNote() != null && !e.getNote().startsWith("退回"))
                .reduce((first, second) -> second).orElse(null);
        publisher.publishEvent(new CaseConcluded(caseNumber, caseFile.getLeadNumber(), caseFile.getOrganisationCode(),
                caseFile.getStatus(), decision == null ? null : decision.getStep(),
                decision == null ? null : decision.getNote()));
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> history(String caseNumber) {
        return events.findByCaseNumberOrderById(caseNumber);
    }

    private CaseFile byNumber(String caseNumber) {
        return cases.findByCaseNumber(caseNumber)
                .orElseThrow(() -> new IllegalStateException("no case " + caseNumber));
    }

    private void record(String caseNumber, String step, String actor, String note) {
        events.save(new CaseEvent(caseNumber, step, actor, note, Instant.now(clock)));
    }

    private String approveOrSendBack(String field, Function<String, Object> input, String commentField) {
        String decision = text(input.apply(field));
        if (!"approve".equals(decision) && !"sendBack".equals(decision)) {
            throw new InvalidInputException(field, "须选择同意或退回补充调查");
        }
        if ("sendBack".equals(decision) && text(input.apply(commentField)) == null) {
            throw new InvalidInputException(commentField, "退回补充调查须写明理由");
        }
        return decision;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    static java.util.Date endOfDay(LocalDate date) {
        return java.util.Date.from(date.atTime(23, 59, 59).atZone(CHINA).toInstant());
    }

    private static Outcome outcome(String value, List<FieldViolation> violations) {
        try {
            return Outcome.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(new FieldViolation("proposedOutcome", "须选择：拟处罚、拟不予处罚、违法事实不成立或涉嫌犯罪移送"));
            return null;
        }
    }

    private LocalDate date(String field, Object value, boolean notInFuture, List<FieldViolation> violations) {
        String text = text(value);
        if (text == null) {
            violations.add(new FieldViolation(field, "日期必填"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (notInFuture && date.isAfter(today())) {
                violations.add(new FieldViolation(field, "日期不能晚于今天"));
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    private static BigDecimal amount(String field, Object value, List<FieldViolation> violations) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.toString().strip());
            if (amount.signum() < 0) {
                violations.add(new FieldViolation(field, "金额不能为负"));
            }
            return amount;
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(field, "金额应为数字（元）"));
            return null;
        }
    }

    /**
     * An amount as a plain number variable (Long when whole yuan, else Double), never a serialized BigDecimal,
     * so forms, Cockpit and the REST API show it as a number.
     */
    static Number variableAmount(BigDecimal amount) {
        BigDecimal normalised = amount.stripTrailingZeros();
        return normalised.scale() <= 0 ? (Number) normalised.longValueExact() : (Number) amount.doubleValue();
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
