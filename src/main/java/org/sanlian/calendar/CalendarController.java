package org.sanlian.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "calendar", description = "工作日历：法定节假日与调休")
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final CalendarAdministration administration;
    /** The calendar counts days where the law applies (China's), whatever the server's zone. */
    private final Clock clock;

    public CalendarController(WorkingDayCalendar calendar, CalendarAdministration administration,
            Optional<Clock> clock) {
        this.calendar = calendar;
        this.administration = administration;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    public record YearView(int year, boolean provisional, String notice, List<CalendarAdministration.Day> days) {
    }

    public record ArrangementInput(String notice, List<CalendarAdministration.Day> days) {
    }

    @GetMapping("/{year}")
    @Operation(summary = "一年的放假安排；没有国务院通知的年份为暂定（只含周末和法定节日）")
    public YearView year(@PathVariable int year) {
        // the years an arrangement may be entered for (PUT): the holidays of year 99999 or of -5 are nobody's
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "年份应在 2000–2100 之间");
        }
        return administration.year(year)
                .map(y -> new YearView(year, false, y.getNotice(), administration.days(year).stream()
                        .map(d -> new CalendarAdministration.Day(d.getDate(), d.getKind(), d.getName())).toList()))
                .orElseGet(() -> new YearView(year, true, "暂定：按《全国年节及纪念日放假办法》的法定节日计算，无调休",
                        StatutoryHolidays.of(year).entrySet().stream()
                                .map(e -> new CalendarAdministration.Day(e.getKey(), CalendarDay.Kind.HOLIDAY, e.getValue()))
                                .toList()));
    }

    @PutMapping("/{year}")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    @Operation(summary = "录入或更正一年的放假安排（管理员）；未结的暂定期限随即重算")
    public YearView enter(@PathVariable int year, @RequestBody ArrangementInput input, Authentication user) {
        administration.enter(year, input.notice(), input.days(), user.getName());
        return year(year);
    }

    @GetMapping("/working-days")
    @Operation(summary = "从某日（不计当日）起算若干工作日的最后一日（行政处罚法第八十五条）")
    public Map<String, Object> count(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam int days) {
        if (days < 0 || days > 366) {
            throw new InvalidInputException("days", "应在 0–366 之间");
        }
        if (from.getYear() < 1900 || from.getYear() > 2100) {
            throw new InvalidInputException("from", "起算日应在 1900–2100 年之间");
        }
        WorkingDayCalendar.CountedDate counted = calendar.addWorkingDays(from, days);
        return Map.of("from", from, "workingDays", days, "lastDay", counted.date(), "provisional", counted.provisional());
    }

    @GetMapping("/working-days-left")
    @Operation(summary = "今天（不计当日）到期限日（含当日）之间还有几个工作日：任务列表在到期日旁显示")
    public Map<String, Object> left(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due) {
        LocalDate today = LocalDate.now(clock);
        if (due.getYear() < 1900) {
            throw new InvalidInputException("due", "期限日应在 1900 年之后");
        }
        if (due.isAfter(today.plusYears(2))) {
            throw new InvalidInputException("due", "期限日不能晚于两年之后");
        }
        WorkingDayCalendar.CountedDays left = calendar.workingDaysBetween(today, due);
        return Map.of("today", today, "due", due, "overdue", due.isBefore(today),
                "workingDaysLeft", left.workingDays(), "provisional", left.provisional());
    }
}
