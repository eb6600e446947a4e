package org.sanlian.calendar;

import com.ibm.icu.util.ChineseCalendar;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The fixed statutory holidays of 全国年节及纪念日放假办法 (as revised in 2024, domain.md §11): 元旦 1 day,
 * 春节 4 days (lunar New Year's Eve to the 3rd day), 清明节 1 day, 劳动节 2 days, 端午节 1 day, 中秋节 1 day,
 * 国庆节 3 days. Used only for years whose State Council arrangement is not yet known; without the
 * arrangement there are no 调休 days, so such a calendar is provisional.
 */
final class StatutoryHolidays {

    /**
     * 春节 (lunar 1/1), 端午 (5/5) and 中秋 (8/15) as published in the Chinese calendar tables (Purple Mountain
     * Observatory; the Hong Kong Observatory's conversion tables agree). ICU's astronomical approximation
     * puts a new moon that falls within minutes of Beijing midnight on the wrong day (it gives 2027-02-07 and
     * 2030-02-02 for 春节), so the published dates come first and ICU serves only years beyond this table.
     */
    private static final Map<Integer, LocalDate[]> PUBLISHED = Map.of(
            2027, dates("2027-02-06", "2027-06-09", "2027-09-15"),
            2028, dates("2028-01-26", "2028-05-28", "2028-10-03"),
            2029, dates("2029-02-13", "2029-06-16", "2029-09-22"),
            2030, dates("2030-02-03", "2030-06-05", "2030-09-12"),
            2031, dates("2031-01-23", "2031-06-24", "2031-10-01"),
            2032, dates("2032-02-11", "2032-06-12", "2032-09-19"),
            2033, dates("2033-01-31", "2033-06-01", "2033-09-08"),
            2034, dates("2034-02-19", "2034-06-20", "2034-09-27"),
            2035, dates("2035-02-08", "2035-06-10", "2035-09-16"));

    private StatutoryHolidays() {
    }

    private static LocalDate[] dates(String springFestival, String dragonBoat, String midAutumn) {
        return new LocalDate[] {LocalDate.parse(springFestival), LocalDate.parse(dragonBoat), LocalDate.parse(midAutumn)};
    }

    static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate[] published = PUBLISHED.get(year);
        LocalDate springFestival = published != null ? published[0] : lunar(year, 1, 1);
        days.put(springFestival.minusDays(1), "春节（除夕）");
        days.put(springFestival, "春节");
        days.put(springFestival.plusDays(1), "春节");
        days.put(springFestival.plusDays(2), "春节");
        days.put(qingming(year), "清明节");
        days.put(LocalDate.of(year, 5, 1), "劳动节");
        days.put(LocalDate.of(year, 5, 2), "劳动节");
        days.put(published != null ? published[1] : lunar(year, 5, 5), "端午节");
        days.put(published != null ? published[2] : lunar(year, 8, 15), "中秋节");
        days.put(LocalDate.of(year, 10, 1), "国庆节");
        days.put(LocalDate.of(year, 10, 2), "国庆节");
        days.put(LocalDate.of(year, 10, 3), "国庆节");
        return days;
    }

    /** The Gregorian date of a day of the Chinese lunar calendar whose lunar year starts in that Gregorian year. */
    static LocalDate lunar(int gregorianYear, int lunarMonth, int lunarDay) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"), ULocale.CHINA);
        calendar.setTime(Date.from(LocalDate.of(gregorianYear, 7, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(8))));
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(ChineseCalendar.MONTH, lunarMonth - 1);
        calendar.set(ChineseCalendar.DAY_OF_MONTH, lunarDay);
        return LocalDate.ofInstant(calendar.getTime().toInstant(), ZoneOffset.ofHours(8));
    }

    /** 清明 (a solar term), by the usual 21st-century formula: floor(Y × 0.2422 + 4.81) − floor(Y / 4), Y = year − 2000. */
    static LocalDate qingming(int year) {
        int y = year % 100;
        return LocalDate.of(year, 4, (int) Math.floor(y * 0.2422 + 4.81) - y / 4);
    }
}
