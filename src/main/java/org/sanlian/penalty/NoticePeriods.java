package org.sanlian.penalty;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periods the 违法行为通知书 opens (domain.md §2.7, §2.8, §2.17): 陈述、申辩 (sanlian.deadlines.statement-working-days,
 * template practice) and, where the penalty carries the right, 要求听证 (hearing-request-working-days, 行政处罚法
 * Art. 64(1), 85), both counted on the working-day calendar from the day the stored service of the notice counts as
 * served. Without hearing the party no decision may be made (Art. 62), so the decision waits for the periods to
 * end — unless the party waived its rights in writing (recorded at 陈述申辩与复核 with the evidence holding the
 * waiver), asked for a hearing (the hearing then takes the period's place), or made its statement and has no right
 * to a hearing (table hearingRight).
 */
@Service
@Transactional(readOnly = true)
public class NoticePeriods {

    static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ProcedureFacts facts;
    private final PenaltyRecords penalties;
    private final WorkingDayCalendar calendar;
    private final int statementWorkingDays;
    private final int hearingRequestWorkingDays;

    NoticePeriods(ProcedureFacts facts, PenaltyRecords penalties, WorkingDayCalendar calendar,
            DeadlineSettings deadlineSettings) {
        this.facts = facts;
        this.penalties = penalties;
        this.calendar = calendar;
        this.statementWorkingDays = deadlineSettings.statementWorkingDays();
        this.hearingRequestWorkingDays = deadlineSettings.hearingRequestWorkingDays();
    }

    /**
     * The periods of a served notice: the last day of the statement period and, when the party has the right to a
     * hearing, of the hearing-request period ({@code null} otherwise).
     */
    public record Periods(LocalDate servedOn, LocalDate statementEnds, LocalDate hearingRequestEnds) {

        /** The last day on which the party may still use a right the notice told it of. */
        public LocalDate lastDay() {
            return hearingRequestEnds != null && hearingRequestEnds.isAfter(statementEnds)
                    ? hearingRequestEnds : statementEnds;
        }
    }

    /** The periods of the case's served notice, as stored; empty before the notice is served. */
    public Optional<Periods> of(String caseNumber) {
        return penalties.penalty(caseNumber).filter(p -> p.getNoticeServedOn() != null).map(this::periods);
    }

    Periods periods(PenaltyFacts penalty) {
        LocalDate servedOn = penalty.getNoticeServedOn();
        return new Periods(servedOn, calendar.addWorkingDays(servedOn, statementWorkingDays).date(),
                penalty.isHearingRight() ? calendar.addWorkingDays(servedOn, hearingRequestWorkingDays).date() : null);
    }

    /** Why the decision need not wait for the periods to end, or empty when it must. */
    public Optional<String> noWaitReason(String caseNumber) {
        return penalties.penalty(caseNumber).flatMap(penalty -> noWaitReason(penalty, facts.hearing(caseNumber).isPresent()));
    }

    static Optional<String> noWaitReason(PenaltyFacts penalty, boolean hearingRequested) {
        if (penalty.isRightsWaived()) {
            return Optional.of("当事人已于 " + penalty.getRightsWaivedOn().format(CHINESE_DATE)
                    + " 书面放弃陈述、申辩和听证权利（行政处罚法第六十二条）");
        }
        if (hearingRequested) {
            return Optional.of("当事人已要求听证，依听证笔录作出决定（行政处罚法第六十五条）");
        }
        if (penalty.getRecheckedOn() != null && penalty.isStatementMade() && !penalty.isHearingRight()) {
            return Optional.of("已听取当事人的陈述、申辩并复核，本案不属于听证范围（行政处罚法第四十五条、第六十三条）");
        }
        return Optional.empty();
    }

    /**
     * 行政处罚法 Art. 62: a decision ({@code field} names the head's opinion) is refused while a period of the served
     * notice runs and nothing allows an earlier decision; the refusal names the day the period ends.
     */
    public void requireEndedBeforeDecision(String caseNumber, String field) {
        PenaltyFacts penalty = penalties.penalty(caseNumber).orElse(null);
        if (penalty == null || penalty.getNoticeServedOn() == null
                || noWaitReason(penalty, facts.hearing(caseNumber).isPresent()).isPresent()) {
            return;
        }
        Periods periods = periods(penalty);
        if (!facts.today().isAfter(periods.lastDay())) {
            throw new InvalidInputException(field, "违法行为通知书于 " + periods.servedOn().format(CHINESE_DATE) + " 送达，"
                    + ends(periods) + "；期限届满前不能作出决定，当事人书面放弃权利的除外（行政处罚法第六十二条、第六十四条第一项）");
        }
    }

    /**
     * 陈述申辩与复核 recorded as "no statement" ({@code field}): only once the statement period has ended, or when the
     * party waived in writing or asked for a hearing.
     */
    void requireStatementPeriodEnded(PenaltyFacts penalty, String field) {
        LocalDate ends = periods(penalty).statementEnds();
        if (!facts.today().isAfter(ends)) {
            throw new InvalidInputException(field, "陈述申辩期限至" + ends.format(CHINESE_DATE)
                    + "届满，期限届满前不能记为当事人未提出陈述、申辩；当事人书面放弃的，请记录放弃及其书面材料（行政处罚法第六十二条）");
        }
    }

    /**
     * 陈述申辩与复核 recorded without a hearing request ({@code field}) while the party still has the right to ask for
     * one (Art. 64(1)): only once the hearing-request period has ended, or when the party waived in writing. Recorded
     * earlier, a request the party makes on a later day of its period could no longer be taken: the case would have
     * gone on to the discussion and the decision without the hearing the law gives it.
     */
    void requireHearingRequestPeriodEnded(PenaltyFacts penalty, String field) {
        LocalDate ends = periods(penalty).hearingRequestEnds();
        if (ends != null && !facts.today().isAfter(ends)) {
            throw new InvalidInputException(field, "本案当事人享有听证权利，要求听证的期限至" + ends.format(CHINESE_DATE)
                    + "届满；期限届满前不能记为当事人未要求听证，当事人在期限内要求听证的应组织听证（行政处罚法第六十四条第一项）；"
                    + "当事人书面放弃的，请记录放弃及其书面材料（行政处罚法第六十二条）");
        }
    }

    /** For the head's form: each period's last day and the working days left, or why the decision need not wait. */
    public String shown(String caseNumber) {
        Optional<PenaltyFacts> penalty = penalties.penalty(caseNumber).filter(p -> p.getNoticeServedOn() != null);
        if (penalty.isEmpty()) {
            return "尚未送达违法行为通知书";
        }
        Periods periods = periods(penalty.get());
        LocalDate today = facts.today();
        StringBuilder text = new StringBuilder(left("陈述申辩期限", periods.statementEnds(), today));
        if (periods.hearingRequestEnds() != null) {
            text.append("；").append(left("听证申请期限", periods.hearingRequestEnds(), today));
        }
        Optional<String> reason = noWaitReason(penalty.get(), facts.hearing(caseNumber).isPresent());
        if (reason.isPresent()) {
            text.append("。").append(reason.get()).append("，可以作出决定");
        } else if (today.isAfter(periods.lastDay())) {
            text.append("。期限已届满，可以作出决定");
        } else {
            text.append("。期限届满前不能作出决定（行政处罚法第六十二条）");
        }
        return text.toString();
    }

    private String left(String name, LocalDate ends, LocalDate today) {
        if (today.isAfter(ends)) {
            return name + "至" + ends.format(CHINESE_DATE) + "，已届满";
        }
        if (today.equals(ends)) {
            return name + "至" + ends.format(CHINESE_DATE) + "，今日届满";
        }
        return name + "至" + ends.format(CHINESE_DATE) + "，尚余" + calendar.workingDaysBetween(today, ends).workingDays()
                + "个工作日";
    }

    private static String ends(Periods periods) {
        String text = "陈述申辩期限至" + periods.statementEnds().format(CHINESE_DATE);
        if (periods.hearingRequestEnds() != null) {
            text += "、听证申请期限至" + periods.hearingRequestEnds().format(CHINESE_DATE);
        }
        return text + "届满";
    }
}
