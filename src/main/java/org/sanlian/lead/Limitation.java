package org.sanlian.lead;

import static org.sanlian.platform.ChinaTime.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 追责期限 (行政处罚法 Art. 36): an act undiscovered for two years is no longer punished; five years where it harmed
 * citizens' life and health or financial security; the period runs from the act, or from the end of a continuing or
 * repeated act. Sanlian counts it up to 立案, the moment the body takes the act up as a case: a lead is filed only
 * within its period, and verification warns when the end is near. The periods are configuration
 * ({@code sanlian.deadlines.limitation}, {@code limitation-harm}, {@code limitation-warning}).
 */
@Component
public class Limitation {

    static final String ARTICLE = "《行政处罚法》第三十六条";

    private final Period ordinary;
    private final Period harm;
    private final Period warning;
    private final Clock clock;

    public Limitation(DeadlineSettings settings, Optional<Clock> clock) {
        this.ordinary = settings.limitation();
        this.harm = settings.limitationHarm();
        this.warning = settings.limitationWarning();
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /**
     * Where a lead stands in its period today: from when it runs, how long it is, its last day (the act's date plus
     * the period: an act of 2024-03-01 may be filed up to 2026-03-01), the days left, whether it has passed and
     * whether its end is within the warning threshold.
     */
    public record Status(LocalDate runsFrom, boolean fromEndOfContinuingAct, boolean lifeOrFinanceHarm,
            Period period, LocalDate lastDay, long daysLeft, boolean expired, boolean nearEnd) {

        /** "二年" or "五年", as the law writes the period. */
        public String periodText() {
            return chinese(period);
        }

        /** The status as the forms and the lead show it, naming the period, its start and its last day. */
        public String text() {
            String period = ARTICLE + "规定的" + periodText() + "追责期限（"
                    + (lifeOrFinanceHarm ? "涉及公民生命健康安全、金融安全且有危害后果；" : "")
                    + (fromEndOfContinuingAct ? "自连续或继续状态终了之日 " : "自违法行为发生之日 ") + runsFrom
                    + " 起计算，至 " + lastDay + " 届满）";
            if (expired) {
                return "违法行为已超过" + period + "，不得立案给予行政处罚";
            }
            return period + "，剩余 " + daysLeft + " 天" + (nearEnd ? "，即将届满，请及时立案" : "");
        }
    }

    /** The status of the lead's act, when its date is known. */
    public Optional<Status> of(Lead lead) {
        if (lead.getOccurredOn() == null) {
            return Optional.empty();
        }
        boolean fromEnd = lead.isActContinuing() && lead.getActEndedOn() != null;
        LocalDate runsFrom = fromEnd ? lead.getActEndedOn() : lead.getOccurredOn();
        Period period = lead.isLifeOrFinanceHarm() ? harm : ordinary;
        LocalDate lastDay = runsFrom.plus(period);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, lastDay));
        boolean expired = today.isAfter(lastDay);
        boolean nearEnd = !expired && !today.plus(warning).isBefore(lastDay);
        return Optional.of(new Status(runsFrom, fromEnd, lead.isLifeOrFinanceHarm(), period, lastDay, daysLeft,
                expired, nearEnd));
    }

    /**
     * 立案 needs the act's date, and an act past its period is not filed (Art. 36): the refusal names the period, the
     * article, and when the period started and ended.
     */
    public void requireFileable(Lead lead) {
        Status status = of(lead).orElseThrow(() -> new InvalidInputException("occurredOn",
                "立案前须查明违法行为发生日期：" + ARTICLE + "的追责期限自违法行为发生之日起计算"));
        if (status.expired()) {
            throw new InvalidInputException("filingDecision", status.text() + "；请选择不予立案并写明理由");
        }
    }

    /** A period in words: P2Y → 二年, P18M → 一年六个月, P30D → 三十日. */
    static String chinese(Period period) {
        Period normal = period.normalized();
        StringBuilder text = new StringBuilder();
        if (normal.getYears() != 0) {
            text.append(number(normal.getYears())).append("年");
        }
        if (normal.getMonths() != 0) {
            text.append(number(normal.getMonths())).append("个月");
        }
        if (normal.getDays() != 0 || text.isEmpty()) {
            text.append(number(normal.getDays())).append("日");
        }
        return text.toString();
    }

    private static String number(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
                + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }
}
