package org.sanlian.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entering a year's official holiday arrangement (published by the State Council each November). Replaces
 * what the year had and announces {@link ArrangementEntered}, so open deadlines are counted again.
 */
@Service
@Transactional
public class CalendarAdministration {

    private final CalendarYearRepository years;
    private final CalendarDayRepository days;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CalendarAdministration(CalendarYearRepository years, CalendarDayRepository days,
            ApplicationEventPublisher events, Optional<Clock> clock) {
        this.years = years;
        this.days = days;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A year's arrangement was entered or replaced. */
    public record ArrangementEntered(int year) {
    }

    public record Day(LocalDate date, CalendarDay.Kind kind, String name) {
    }

    public void enter(int year, String notice, List<Day> arrangement, String enteredBy) {
        List<FieldViolation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(new FieldViolation("year", "年份应在 2000–2100 之间"));
        }
        if (notice == null || notice.isBlank()) {
            violations.add(new FieldViolation("notice", "必须写明国务院办公厅通知的名称和文号"));
        } else {
            Inputs.optional("notice", notice, 255, violations);
        }
        if (arrangement == null || arrangement.isEmpty()) {
            violations.add(new FieldViolation("days", "至少要有一个放假日"));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < arrangement.size(); i++) {
                Day day = arrangement.get(i);
                String field = "days[" + i + "]";
                if (day == null) {
                    violations.add(new FieldViolation(field, "日期、类型（HOLIDAY/WORKDAY）和名称都必填"));
                } else if (day.date() == null || day.kind() == null || day.name() == null || day.name().isBlank()) {
                    violations.add(new FieldViolation(field, "日期、类型（HOLIDAY/WORKDAY）和名称都必填"));
                } else if (day.name().strip().codePointCount(0, day.name().strip().length()) > 64) {
                    violations.add(new FieldViolation(field + ".name", "名称不能超过 64 字"));
                } else if (day.date().getYear() != year) {
                    violations.add(new FieldViolation(field + ".date", day.date() + " 不在 " + year + " 年"));
                } else if (!seen.add(day.date())) {
                    violations.add(new FieldViolation(field + ".date", day.date() + " 重复"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = Instant.now(clock);
        years.findById(year).ifPresentOrElse(existing -> existing.replace(notice.strip(), enteredBy, now),
                () -> years.save(new CalendarYear(year, notice.strip(), enteredBy, now)));
        days.deleteByYear(year);
        days.flush();
        for (Day day : arrangement) {
            days.save(new CalendarDay(day.date(), day.kind(), day.name().strip()));
        }
        events.publishEvent(new ArrangementEntered(year));
    }

    @Transactional(readOnly = true)
    public Optional<CalendarYear> year(int year) {
        return years.findById(year);
    }

    @Transactional(readOnly = true)
    public List<CalendarDay> days(int year) {
        return days.findByYear(year);
    }
}
