package org.sanlian.penalty;

import org.sanlian.casefile.procedure.CaseOfficer;
import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.HearingFacts;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.CaseBodies;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.casefile.procedure.StepRule;
import org.sanlian.penalty.Yuan;
import org.sanlian.penalty.PenaltyFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.evidence.Evidence;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.platform.NotFoundException;
import org.sanlian.organisation.Officers;
import org.sanlian.penalty.NoHeavierPenaltyForDefence;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party's rights before the decision (domain.md §2.7–2.8): the 违法行为通知书 and its service, the statement
 * and the re-check (Art. 45), the hearing (Arts. 63–65) and the heads' collective discussion (Art. 57 ¶2).
 */
@Service
@Transactional
public class HearingRules implements PhaseRules {

    private final ProcedureFacts facts;
    private final PenaltyRecords penalties;
    private final Officers officers;
    private final WorkingDayCalendar calendar;
    private final ServiceOfDecision services;
    private final NoticePeriods periods;
    private final EvidenceService evidence;
    private final CaseBodies caseBodies;
    private final int hearingRequestWorkingDays;
    private final int hearingNoticeWorkingDays;

    HearingRules(ProcedureFacts facts, PenaltyRecords penalties, Officers officers, WorkingDayCalendar calendar,
            ServiceOfDecision services, NoticePeriods periods, EvidenceService evidence, CaseBodies caseBodies,
            DeadlineSettings deadlineSettings) {
        this.facts = facts;
        this.penalties = penalties;
        this.officers = officers;
        this.calendar = calendar;
        this.services = services;
        this.periods = periods;
        this.evidence = evidence;
        this.caseBodies = caseBodies;
        this.hearingRequestWorkingDays = deadlineSettings.hearingRequestWorkingDays();
        this.hearingNoticeWorkingDays = deadlineSettings.hearingNoticeWorkingDays();
    }

    @Override
    public Map<Rule, StepRule> rules() {
        return Map.of(
                Rule.noticeService, (caseNumber, form, actor) -> noticeServed(caseNumber, NoticeService.from(form), actor),
                Rule.statementRecheck, (caseNumber, form, actor) -> recheck(caseNumber, Recheck.from(form), actor),
                Rule.hearingSchedule, (caseNumber, form, actor) -> scheduleHearing(caseNumber, HearingSchedule.from(form), actor),
                Rule.hearingHeld, (caseNumber, form, actor) -> holdHearing(caseNumber, HearingHeld.from(form), actor),
                Rule.collectiveDiscussion, (caseNumber, form, actor) -> collectiveDiscussion(caseNumber,
                        CollectiveDiscussion.from(form), actor));
    }

    /** What the table hearingRight decided for the notice (Art. 63), kept with the case's penalty facts. */
    public void hearingRightDecided(String caseNumber, boolean right, String ground) {
        penalties.penaltyFor(caseNumber).hearingRight(right, ground, facts.now());
    }

    /**
     * 违法行为通知书 served: on or after the filing, by a method of the Civil Procedure Law to a named recipient; the
     * fine it tells is the stored proposal's. The document module checks the rest of the service and makes its
     * 送达回证 in the same step (DocumentSteps); the periods of the notice run from the day it counts as served.
     */
    public record NoticeService(LocalDate servedOn, String method, String recipient, LocalDate issuedOn) {
        static NoticeService from(FormFields form) {
            NoticeService command = new NoticeService(form.pastDate("noticeServedOn"),
                    form.required("serviceMethod", "须选择违法行为通知书的送达方式（送达回证）"),
                    form.required("recipient", "须写明违法行为通知书的受送达人（送达回证）"),
                    form.optionalPastDate(NOTICE_ISSUED_ON));
            form.valid();
            return command;
        }
    }

    /** The form's field: the day a 违法行为通知书 written out before its step was recorded bears (blank: the step's day). */
    public static final String NOTICE_ISSUED_ON = "noticeIssuedOn";

    /** The same for the 听证通知书. */
    public static final String HEARING_NOTICE_ISSUED_ON = "hearingNoticeIssuedOn";

    /**
     * The day the step's notice bears, as the step decided it (null: the step's day); the document module dates the
     * notice by it. The form's field itself is cleared once read: Tasklist fills a form's fields from the case's
     * variables of the same name, and a later notice (a case notified again) would be offered the first one's day.
     */
    public static final String NOTICE_DATED_ON = "noticeDatedOn";

    /** The same for the 听证通知书. */
    public static final String HEARING_NOTICE_DATED_ON = "hearingNoticeDatedOn";

    public Map<String, Object> noticeServed(String caseNumber, NoticeService command, String actor) {
        LocalDate filedOn = facts.filedOn(caseNumber);
        FormFields checks = new FormFields(field -> null, facts.today());
        if (command.servedOn().isBefore(filedOn)) {
            checks.reject("noticeServedOn", "违法行为通知书的送达日期不能早于立案日期 " + filedOn);
        }
        // the notice is told after the case is filed (行政处罚法 Art. 44) and given before it is served
        if (command.issuedOn() != null && command.issuedOn().isBefore(filedOn)) {
            checks.reject(NOTICE_ISSUED_ON, "违法行为通知书的落款日期不能早于立案日期 " + filedOn);
        } else if (command.issuedOn() != null && command.issuedOn().isAfter(command.servedOn())) {
            checks.reject(NOTICE_ISSUED_ON, "违法行为通知书的落款日期不能晚于送达日期 " + command.servedOn());
        }
        checks.valid();
        // a public notice counts as served 30 days after it is published (民事诉讼法 Art. 95)
        LocalDate countsAsServedOn = services.countsAsServedOn(command.method(), command.servedOn());
        PenaltyFacts penalty = penalties.penaltyFor(caseNumber);
        penalty.notified(countsAsServedOn, penalty.getProposedFine(), facts.now());
        // a new notice opens new periods: a waiver of an earlier notice's rights does not carry over
        penalty.rightsWaived(false, null, null, facts.now());
        facts.record(caseNumber, "issueNotice", actor, (command.issuedOn() == null ? "" : "违法行为通知书落款于 "
                + command.issuedOn() + "，") + "违法行为通知书送达于 " + countsAsServedOn + "，受送达人 "
                + command.recipient()
                + (penalty.getProposedFine() == null ? "" : "，告知拟罚款 " + penalty.getProposedFine().toPlainString() + " 元"));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("noticeServedOn", command.servedOn().toString());
        // the day the periods run from: later than the service day for a public notice (民事诉讼法 Art. 95)
        produced.put("noticeCountsAsServedOn", countsAsServedOn.toString());
        // blank: an earlier notice's day (a case notified again) must not date this one
        produced.put(NOTICE_DATED_ON, command.issuedOn() == null ? null : command.issuedOn().toString());
        produced.put(NOTICE_ISSUED_ON, null);
        if (penalty.getProposedFine() != null) {
            produced.put("notifiedFine", Yuan.variable(penalty.getProposedFine()));
        }
        return produced;
    }

    /**
     * 陈述申辩与复核: the re-checked fine, the party's request for a hearing with its date, and the party's written
     * waiver of its rights (Art. 62) with its date and the evidence (证据编号) holding the signed waiver.
     */
    public record Recheck(boolean statementMade, String statementSummary, String conclusion, BigDecimal finalFine,
            boolean hearingRequested, LocalDate hearingRequestedOn, boolean rightsWaived, LocalDate rightsWaivedOn,
            Long waiverEvidence) {
        static Recheck from(FormFields form) {
            BigDecimal fine = form.amount("finalFine");
            if (fine == null && !form.hasProblems()) {
                form.reject("finalFine", "复核后的罚款金额必填");
            }
            boolean hearing = form.flag("hearingRequested");
            boolean waived = form.flag("rightsWaived");
            Integer waiverEvidence = waived ? form.count("waiverEvidence") : null;
            if (waived && waiverEvidence == null) {
                form.reject("waiverEvidence", "当事人放弃权利须有书面材料：请填写放弃声明的证据编号（行政处罚法第六十二条）");
            }
            if (waived && hearing) {
                form.reject("rightsWaived", "当事人已要求听证，不能同时记为放弃陈述、申辩和听证权利");
            }
            Recheck command = new Recheck(form.flag("statementMade"), form.text("statementSummary"),
                    form.text("recheckConclusion"), fine, hearing, hearing ? form.pastDate("hearingRequestedOn") : null,
                    waived, waived ? form.pastDate("rightsWaivedOn") : null,
                    waiverEvidence == null ? null : waiverEvidence.longValue());
            form.valid();
            return command;
        }
    }

    public Map<String, Object> recheck(String caseNumber, Recheck command, String actor) {
        PenaltyFacts penalty = penalties.penaltyFor(caseNumber);
        if (penalty.getNoticeServedOn() == null) {
            throw new InvalidInputException("finalFine", "尚未送达违法行为通知书，不能复核");
        }
        NoHeavierPenaltyForDefence.requireNotAbove("finalFine", command.finalFine(), penalty.getNotifiedFine());
        requireWithinBenchmark("finalFine", penalty, command.finalFine());
        if (command.hearingRequested()) {
            if (!penalty.isHearingRight()) {
                throw new InvalidInputException("hearingRequested", "本案拟作出的处罚不属于行政处罚法第六十三条规定的听证范围");
            }
            LocalDate servedOn = penalty.getNoticeServedOn();
            LocalDate lastDay = calendar.addWorkingDays(servedOn, hearingRequestWorkingDays).date();
            // a public notice counts as served 30 days after it is published, but a party who reads it may ask at once
            LocalDate knowable = services.noticeKnowableFrom(caseNumber).filter(day -> day.isBefore(servedOn))
                    .orElse(servedOn);
            if (command.hearingRequestedOn().isBefore(knowable)) {
                throw new InvalidInputException("hearingRequestedOn", "要求听证的日期不能早于违法行为通知书"
                        + (knowable.equals(servedOn) ? "送达日期 " : "公告之日 ") + knowable);
            }
            if (command.hearingRequestedOn().isAfter(lastDay)) {
                throw new InvalidInputException("hearingRequestedOn", "当事人应在告知后 " + hearingRequestWorkingDays
                        + " 个工作日内（" + lastDay + " 前）提出听证要求（行政处罚法第六十四条第一项）");
            }
            facts.hearingRequested(caseNumber, command.hearingRequestedOn());
        }
        if (command.rightsWaived()) {
            requireWaiver(caseNumber, penalty, command);
        } else if (!command.hearingRequested()) {
            if (!command.statementMade()) {
                periods.requireStatementPeriodEnded(penalty, "statementMade");
            }
            periods.requireHearingRequestPeriodEnded(penalty, "hearingRequested");
        }
        penalty.rightsWaived(command.rightsWaived(), command.rightsWaivedOn(), command.waiverEvidence(), facts.now());
        penalty.rechecked(command.statementMade(), command.statementSummary(), command.finalFine(), facts.today(),
                facts.now());
        facts.record(caseNumber, "statementAndRecheck", actor, "复核后罚款 " + command.finalFine() + " 元；"
                + command.conclusion() + (command.hearingRequested() ? "；当事人要求听证" : "")
                + (command.rightsWaived() ? "；当事人于 " + command.rightsWaivedOn() + " 书面放弃陈述、申辩和听证权利（证据 "
                        + command.waiverEvidence() + "）" : ""));
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("finalFine", Yuan.variable(command.finalFine()));
        produced.put("hearingRequested", command.hearingRequested());
        if (command.hearingRequested()) {
            produced.put("hearingRequestedOn", command.hearingRequestedOn().toString());
        }
        return produced;
    }

    /** The written waiver (Art. 62): not before the notice's service, held by an evidence record of this case. */
    private void requireWaiver(String caseNumber, PenaltyFacts penalty, Recheck command) {
        if (command.rightsWaivedOn().isBefore(penalty.getNoticeServedOn())) {
            throw new InvalidInputException("rightsWaivedOn", "放弃权利的日期不能早于违法行为通知书送达日期 "
                    + penalty.getNoticeServedOn());
        }
        Evidence waiver;
        try {
            waiver = evidence.byId(command.waiverEvidence());
        } catch (NotFoundException notFound) {
            waiver = null;
        }
        if (waiver == null || !caseNumber.equals(waiver.getCaseNumber())) {
            throw new InvalidInputException("waiverEvidence", "证据编号 " + command.waiverEvidence()
                    + " 不是本案的证据材料：请先将当事人签署的书面放弃声明作为证据上传，再填写其编号");
        }
    }

    /** Art. 34: a fine outside the stored benchmark needs the head's recorded approval of the deviation. */
    static void requireWithinBenchmark(String field, PenaltyFacts penalty, BigDecimal fine) {
        if (penalty.outsideBenchmark(fine) && !penalty.isDeviationApproved()) {
            throw new InvalidInputException(field, "罚款 " + Yuan.text(fine) + " 元超出裁量基准："
                    + Yuan.text(penalty.getBenchmarkMin()) + "–"
                    + Yuan.text(penalty.getBenchmarkMax()) + " 元（" + penalty.getBenchmarkBasis()
                    + "），且未经负责人批准偏离裁量基准（行政处罚法第三十四条）");
        }
    }

    /**
     * 听证通知 (行政处罚法 Art. 64): the party is told at least 7 working days before the hearing; the presider is
     * designated by the agency and is not one of the investigators. The notice tells the time and the place (Art.
     * 64(2)): the time of day is written as officers write it, 09:30 or 9：30.
     */
    /**
     * Set by 听证通知: whether the step recorded how the 听证通知书 was served (method, recipient, receipt), so that the
     * document module makes its 送达回证 from the step's served date.
     */
    public static final String HEARING_NOTICE_SERVICE_RECORDED = "hearingNoticeServiceRecorded";

    public record HearingSchedule(LocalDate noticeServedOn, LocalDate hearingOn, LocalTime at, String place,
            String presider, boolean serviceRecorded, LocalDate noticeIssuedOn) {
        private static final java.util.regex.Pattern TIME =
                java.util.regex.Pattern.compile("([01]?[0-9]|2[0-3])[:：]([0-5][0-9])");

        static HearingSchedule from(FormFields form) {
            String time = form.required("hearingTime", "须写明听证开始的时间（行政处罚法第六十四条第二项：通知听证的时间、地点）");
            LocalTime at = null;
            if (time != null) {
                java.util.regex.Matcher matcher = TIME.matcher(time.strip());
                if (matcher.matches()) {
                    at = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
                } else {
                    form.reject("hearingTime", "听证开始时间请按 24 小时制填写，如 09:30");
                }
            }
            // how the notice was served, where the step's form asks it: its 送达回证 is then made from the step
            // (a form of an earlier deployment asks only the day; the service is recorded on the documents page)
            String method = form.text("serviceMethod");
            if ("publicNotice".equals(method)) {
                form.reject("serviceMethod", "听证通知不采用公告送达：公告送达经过 30 日方视为送达（民事诉讼法第九十五条），"
                        + "而听证通知应在举行听证 7 个工作日前送达当事人（行政处罚法第六十四条第二项）");
            }
            HearingSchedule command = new HearingSchedule(form.pastDate("hearingNoticeServedOn"),
                    form.anyDate("hearingDate"), at, form.text("hearingPlace"),
                    form.required("hearingPresider", "须指定听证主持人"), method != null,
                    form.optionalPastDate(HEARING_NOTICE_ISSUED_ON));
            form.valid();
            return command;
        }
    }

    /**
     * The officers the 听证通知 form offers as presider: certified officers of the case's body or of a body assisting
     * it through an accepted request (Art. 26), not investigators (Art. 64(4)).
     */
    @Override
    public Optional<List<Officers.Choice>> officerChoices(Rule rule, String caseNumber) {
        return rule == Rule.hearingSchedule ? Optional.of(presiderChoices(caseNumber)) : Optional.empty();
    }

    public List<Officers.Choice> presiderChoices(String caseNumber) {
        List<String> investigators = facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR);
        return officers.choices(caseBodies.of(caseNumber)).stream()
                .filter(choice -> !investigators.contains(choice.value())).toList();
    }

    public Map<String, Object> scheduleHearing(String caseNumber, HearingSchedule command, String actor) {
        HearingFacts hearing = facts.hearing(caseNumber)
                .orElseThrow(() -> new InvalidInputException("hearingDate", "当事人未要求听证"));
        FormFields checks = new FormFields(field -> null, facts.today());
        if (command.noticeServedOn().isBefore(hearing.getRequestedOn())) {
            checks.reject("hearingNoticeServedOn", "听证通知的送达日期不能早于当事人要求听证的日期 " + hearing.getRequestedOn());
        }
        if (command.noticeIssuedOn() != null && command.noticeIssuedOn().isBefore(hearing.getRequestedOn())) {
            checks.reject(HEARING_NOTICE_ISSUED_ON, "听证通知书的落款日期不能早于当事人要求听证的日期 " + hearing.getRequestedOn());
        } else if (command.noticeIssuedOn() != null && command.noticeIssuedOn().isAfter(command.noticeServedOn())) {
            checks.reject(HEARING_NOTICE_ISSUED_ON, "听证通知书的落款日期不能晚于送达日期 " + command.noticeServedOn());
        }
        LocalDate earliest = calendar.addWorkingDays(command.noticeServedOn(), hearingNoticeWorkingDays).date();
        if (command.hearingOn().isBefore(earliest)) {
            checks.reject("hearingDate", "应在举行听证 " + hearingNoticeWorkingDays
                    + " 个工作日前通知当事人：听证日期不得早于 " + earliest + "（行政处罚法第六十四条第二项）");
        }
        if (facts.officers(caseNumber, CaseOfficer.Role.INVESTIGATOR).contains(command.presider())) {
            checks.reject("hearingPresider", "听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第四项）");
        } else if (!officers.isCertifiedOfficerOf(caseBodies.of(caseNumber), command.presider())) {
            checks.reject("hearingPresider", "所选人员“" + officers.name(command.presider()) + "”不是" + CaseBodies.WHO
                    + "，请从列表中选择（行政处罚法第六十四条第四项、第二十六条）");
        }
        checks.valid();
        hearing.scheduled(command.noticeServedOn(), command.hearingOn(), command.at(), command.place(),
                command.presider(), facts.now());
        facts.replaceOfficers(caseNumber, CaseOfficer.Role.PRESIDER, List.of(command.presider()), null, actor);
        facts.record(caseNumber, "scheduleHearing", actor, "听证定于 " + command.hearingOn() + " " + command.at()
                + "，地点 " + command.place() + "，主持人 "
                + officers.name(command.presider()) + (command.noticeIssuedOn() == null ? ""
                        : "，通知书落款于 " + command.noticeIssuedOn()) + "，通知送达于 " + command.noticeServedOn());
        // the time as the notice prints it, whatever way it was typed
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("hearingDue", ProcedureFacts.endOfDay(command.hearingOn()));
        produced.put("hearingPresider", command.presider());
        produced.put("hearingTime", command.at().toString());
        produced.put(HEARING_NOTICE_SERVICE_RECORDED, command.serviceRecorded());
        // blank: an earlier notice's day (a hearing put off and noticed again) must not date this one
        produced.put(HEARING_NOTICE_DATED_ON, command.noticeIssuedOn() == null ? null
                : command.noticeIssuedOn().toString());
        produced.put(HEARING_NOTICE_ISSUED_ON, null);
        return produced;
    }

    /** 举行听证: held on or after the day set; a party who does not come waives the hearing (Art. 64(8)). */
    public record HearingHeld(LocalDate heldOn, boolean partyAttended, String record) {
        static HearingHeld from(FormFields form) {
            boolean attended = form.flag("partyAttended");
            HearingHeld command = new HearingHeld(form.pastDate("hearingHeldOn"), attended, attended
                    ? form.required("hearingRecord", "当事人到场的，须制作听证笔录（行政处罚法第六十四条第十项）")
                    : form.text("hearingRecord"));
            form.valid();
            return command;
        }
    }

    public Map<String, Object> holdHearing(String caseNumber, HearingHeld command, String actor) {
        HearingFacts hearing = facts.hearing(caseNumber)
                .filter(h -> h.getScheduledFor() != null)
                .orElseThrow(() -> new InvalidInputException("hearingHeldOn", "尚未通知听证"));
        if (command.heldOn().isBefore(hearing.getScheduledFor())) {
            throw new InvalidInputException("hearingHeldOn", "听证举行日期不能早于通知的听证日期 " + hearing.getScheduledFor());
        }
        hearing.held(command.heldOn(), command.partyAttended(), command.record(), facts.now());
        facts.record(caseNumber, "holdHearing", actor, command.partyAttended()
                ? command.heldOn() + " 举行听证：" + command.record() : "当事人无正当理由未到场，视为放弃听证权利");
        return Map.of("partyAttended", command.partyAttended(), "hearingHeld", command.partyAttended());
    }

    /** 集体讨论 (行政处罚法 Art. 57 ¶2): the heads who took part and what they concluded. */
    public record CollectiveDiscussion(String participants, String conclusion) {
        static CollectiveDiscussion from(FormFields form) {
            String participants = form.text("discussionParticipants");
            if (participants == null || participants.split("[,，、\\s]+").length < 2) {
                form.reject("discussionParticipants", "集体讨论须由行政机关负责人集体进行：至少列明两名参加的负责人");
            }
            form.valid();
            return new CollectiveDiscussion(participants, form.text("discussionConclusion"));
        }
    }

    public Map<String, Object> collectiveDiscussion(String caseNumber, CollectiveDiscussion command, String actor) {
        // 行政机关负责人集体讨论 (Art. 57 ¶2): an officer the system knows who is not a 负责人 of the case's body — a
        // handler, the legal reviewer, another body's head — is no participant (found in Chromium: 刘婷 and 马骏 were
        // taken for 西峰's 负责人). A name the system does not know (a deputy head without a login) is taken as written.
        String body = facts.caseFile(caseNumber).getOrganisationCode();
        List<String> notHeads = new ArrayList<>();
        for (String name : command.participants().split("[,，、\\s]+")) {
            List<org.sanlian.organisation.Officer> known = officers.byUserId(name).map(List::of)
                    .orElseGet(() -> officers.named(name));
            if (!known.isEmpty() && known.stream().noneMatch(officer -> officer.getRole() == org.sanlian.organisation.Role.HEAD
                    && body.equals(officer.getOrganisationCode()))) {
                notHeads.add(name);
            }
        }
        if (!notHeads.isEmpty()) {
            throw new InvalidInputException("discussionParticipants", String.join("、", notHeads)
                    + " 不是本机关负责人：集体讨论由行政机关负责人参加（《行政处罚法》第五十七条第二款）；承办、法制审核人员可以列席，不列为参加讨论的负责人");
        }
        facts.record(caseNumber, "collectiveDiscussion", actor, "参加人：" + command.participants() + "；结论："
                + command.conclusion());
        return Map.of();
    }
}
