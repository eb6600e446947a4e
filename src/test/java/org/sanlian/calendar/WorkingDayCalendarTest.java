package org.sanlian.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("行政处罚法 Art. 85: 2/3/5/7-day periods are working days — counted on the State Council's arrangements (domain.md §11)")
class WorkingDayCalendarTest extends SanlianSpringTest {

    @Autowired
    WorkingDayCalendar calendar;

    @ParameterizedTest(name = "{3}: {0} + {1} working days → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-09-26 | 7 | 2025-10-13 | 国办发明电〔2024〕12号: 国庆中秋 Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked
            2025-01-24 | 3 | 2025-02-05 | 国办发明电〔2024〕12号: 春节 Jan 28–Feb 4 off, Sun Jan 26 worked
            2025-02-07 | 1 | 2025-02-08 | 国办发明电〔2024〕12号: Sat Feb 8 is a make-up working day
            2025-04-25 | 5 | 2025-05-06 | 国办发明电〔2024〕12号: 劳动节 May 1–5 off, Sun Apr 27 worked
            2026-02-12 | 7 | 2026-02-28 | 2026 notice (2025-11-04): 春节 Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked
            2026-09-30 | 5 | 2026-10-13 | 2026 notice (2025-11-04): 国庆 Oct 1–7 off, Sat Oct 10 worked
            2026-12-31 | 0 | 2026-12-31 | a period of 0 days ends on the day of the event
            """)
    void countsAcrossHolidaysAndMakeUpDays(LocalDate event, int workingDays, LocalDate lastDay, String basis) {
        WorkingDayCalendar.CountedDate counted = calendar.addWorkingDays(event, workingDays);
        assertThat(counted.date()).isEqualTo(lastDay);
        assertThat(counted.provisional()).isFalse();
    }

    @Test
    @DisplayName("the day of the event is not counted: a notice served on Friday 2025-03-07 with 3 working days runs to Wednesday 2025-03-12")
    void eventDayNotCounted() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 3, 7), 3).date()).isEqualTo(LocalDate.of(2025, 3, 12));
    }

    @Test
    @DisplayName("a year without a notice (2027) is counted provisionally from 全国年节及纪念日放假办法: 元旦 Jan 1 is off, so 2026-12-28 + 7 → 2027-01-07, marked provisional")
    void provisionalYear() {
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isProvisional(2026)).isFalse();
        WorkingDayCalendar.CountedDate counted = calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 7);
        assertThat(counted.date()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(counted.provisional()).isTrue();
    }

    @Test
    @DisplayName("provisional 2027: Spring Festival is lunar New Year's Eve to the 3rd day (Feb 5–8, 2027), 清明 Apr 5, 端午 Jun 9, 中秋 Sep 15; 2030's 春节 is Feb 3")
    void provisionalHolidaysFollowTheLunarCalendar() {
        assertThat(StatutoryHolidays.of(2027)).containsKeys(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6),
                LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 4, 5),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2), LocalDate.of(2027, 6, 9),
                LocalDate.of(2027, 9, 15), LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 3));
        assertThat(StatutoryHolidays.of(2030)).containsKeys(LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 3))
                .doesNotContainKey(LocalDate.of(2030, 2, 1));
        // the same rule reproduces the fixed days inside the 2025 and 2026 arrangements
        assertThat(StatutoryHolidays.lunar(2025, 1, 1)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(StatutoryHolidays.lunar(2026, 1, 1)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(StatutoryHolidays.lunar(2026, 5, 5)).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(StatutoryHolidays.lunar(2026, 8, 15)).isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(StatutoryHolidays.qingming(2025)).isEqualTo(LocalDate.of(2025, 4, 4));
        assertThat(StatutoryHolidays.qingming(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    }
}
