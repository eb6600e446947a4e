package org.sanlian.document;

import static org.sanlian.platform.ChinaTime.CHINA;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * A date as a document writes it, 2026年12月7日, whatever it was kept as — a LocalDate of the domain, an ISO text a
 * form submitted (2026-12-18, or a date-time), a Camunda date variable. The documents printed ISO dates beside the
 * Chinese ones (found reading the 听证通知书: "定于 2026-12-18 … 2026年12月7日"). Templates call {@code dates.of(…)}.
 */
public final class DocumentDates {

    static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The date in words of the Chinese calendar, or the value as it is when it is no date (never a guess). */
    public String of(Object value) {
        LocalDate date = date(value);
        return date != null ? date.format(CHINESE_DATE) : value == null ? "" : value.toString();
    }

    private static final java.util.regex.Pattern ISO_DAY = java.util.regex.Pattern.compile(
            "(?<![0-9])(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])");

    /**
     * A recorded note as a document prints it: each ISO day in it (送达于 2026-11-25) written as the document writes
     * its dates (2026年11月25日); a text that is no valid day stays as it is. The full-process record on the 结案报告
     * printed its notes' ISO days beside the report's Chinese ones (found in Chromium).
     */
    public String inText(Object value) {
        if (value == null) {
            return "";
        }
        java.util.regex.Matcher matcher = ISO_DAY.matcher(value.toString());
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String day;
            try {
                day = LocalDate.parse(matcher.group()).format(CHINESE_DATE);
            } catch (DateTimeParseException notADay) {
                day = matcher.group();
            }
            matcher.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(day));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** A time of day as a notice writes it: 09:30 → 9时30分, 14:00 → 14时; nothing for none. */
    public String time(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        try {
            LocalTime time = LocalTime.parse(value.toString().strip());
            return time.getHour() + "时" + (time.getMinute() == 0 ? "" : time.getMinute() + "分");
        } catch (DateTimeParseException notATime) {
            return value.toString();
        }
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.withZoneSameInstant(CHINA).toLocalDate();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.atZoneSameInstant(CHINA).toLocalDate();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(CHINA).toLocalDate();
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(CHINA).toLocalDate();
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
        return null;
    }
}
