package org.sanlian.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanlian.calendar.CalendarAdministration.ArrangementEntered;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts working days (工作日) the way the law counts them: 行政处罚法 Art. 85 — "2/3/5/7 日" are working days,
 * not counting statutory holidays; 行政强制法 Art. 69 — periods of 10 days or less. A working day is Monday to
 * Friday, except a statutory holiday, plus a make-up working day (调休上班). Years with an official
 * arrangement are exact; other years are provisional (weekends and the fixed statutory holidays only).
 */
@Service
@Transactional(readOnly = true)
public class WorkingDayCalendar {

    /** How long a node keeps a year's rules read (issue 16): another node's new arrangement counts here after it. */
    static final Duration KEPT = Duration.ofSeconds(60);

    private final CalendarYearRepository years;
    private final CalendarDayRepository days;
    private final Map<Integer, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(YearRules rules, long readAtNanos) {
    }

    public WorkingDayCalendar(CalendarYearRepository years, CalendarDayRepository days) {
        this.years = years;
        this.days = days;
    }

    /** A date the law's count lands on, and whether it rests on a year without an official arrangement. */
    public record CountedDate(LocalDate date, boolean provisional) {
    }

    private record YearRules(boolean official, Map<LocalDate, Boolean> exceptions) {
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, rules(date.getYear()));
    }

    public boolean isProvisional(int year) {
        return !rules(year).official();
    }

    /**
     * A year's arrangement entered on this node counts here at once: its rules are forgotten when it is entered
     * (before the open deadlines are counted again) and again when that transaction ends, committed or not.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void forget(ArrangementEntered entered) {
        kept.remove(entered.year());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    kept.remove(entered.year());
                }
            });
        }
    }

    /** The year's rules, read from the database at most once a minute per node. */
    private YearRules rules(int year) {
        long now = System.nanoTime();
        Kept known = kept.get(year);
        if (known != null && now - known.readAtNanos() < KEPT.toNanos()) {
            return known.rules();
        }
        YearRules read = load(year);
        kept.put(year, new Kept(read, now));
        return read;
    }

    /**
     * The last day of a period of {@code workingDays} working days that starts with the event on {@code eventDate}:
     * the day of the event is not counted (期间开始的日，不计算在期间内), so the count starts the next day.
     */
    public CountedDate addWorkingDays(LocalDate eventDate, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        // each year's rules as this node keeps them (a minute at most; an arrangement entered here at once)
        Map<Integer, YearRules> rules = new HashMap<>();
        LocalDate date = eventDate;
        boolean provisional = false;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            YearRules year = rules.computeIfAbsent(date.getYear(), this::rules);
            provisional |= !year.official();
            if (isWorkingDay(date, year)) {
                counted++;
            }
        }
        return new CountedDate(date, provisional);
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}: on a task due on {@code to},
     * the working days a handler has left today (today itself not counted, like the start of a period). Zero when
     * {@code to} is not after {@code from}.
     */
    public CountedDays workingDaysBetween(LocalDate from, LocalDate to) {
        Map<Integer, YearRules> rules = new HashMap<>();
        boolean provisional = false;
        int counted = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            YearRules year = rules.computeIfAbsent(date.getYear(), this::rules);
            provisional |= !year.official();
            if (isWorkingDay(date, year)) {
                counted++;
            }
        }
        return new CountedDays(counted, provisional);
    }

    /** A number of working days, and whether it rests on a year without an official arrangement. */
    public record CountedDays(int workingDays, boolean provisional) {
    }

    private static boolean isWorkingDay(LocalDate date, YearRules year) {
        Boolean exception = year.exceptions().get(date);
        if (exception != null) {
            return exception;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private YearRules load(int year) {
        if (years.existsById(year)) {
            Map<LocalDate, Boolean> exceptions = new HashMap<>();
            for (CalendarDay day : days.findByYear(year)) {
                exceptions.put(day.getDate(), day.getKind() == CalendarDay.Kind.WORKDAY);
            }
            return new YearRules(true, Map.copyOf(exceptions));
        }
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        StatutoryHolidays.of(year).keySet().forEach(date -> exceptions.put(date, false));
        return new YearRules(false, Map.copyOf(exceptions));
    }
}
