package org.sanlian.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as Chinese officers write it: 2026-12-05, 2026/12/05, 2026.12.5, 2026年12月5日, 20261205 (and the ISO
 * date-time forms send, of which the date counts). Full-width digits are read as digits. Nothing is guessed: a
 * day that does not exist (2026-02-30) or an order that cannot be told (12/05/2026: 5 December or 12 May?) is
 * no date, so the caller refuses it instead of storing another day. The same rules as the Tasklist script
 * (webjars/camunda/app/tasklist/scripts/sanlian/dates.js).
 */
final class ChineseDates {

    /** What a refusal tells the handler. */
    public static final String EXPECTED = "日期无法识别，请按 2026-12-05、2026/12/05 或 2026年12月5日 填写";

    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T\\s].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4})");

    private ChineseDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = halfWidth(text).strip();
        Matcher yearFirst = YEAR_FIRST.matcher(value);
        if (yearFirst.matches()) {
            return date(yearFirst.group(1), yearFirst.group(2), yearFirst.group(3));
        }
        Matcher compact = COMPACT.matcher(value);
        if (compact.matches()) {
            return date(compact.group(1), compact.group(2), compact.group(3));
        }
        Matcher yearLast = YEAR_LAST.matcher(value);
        if (yearLast.matches()) {
            int first = Integer.parseInt(yearLast.group(1));
            int second = Integer.parseInt(yearLast.group(2));
            if (first <= 12 && second <= 12 && first != second) {
                return Optional.empty();
            }
            return first > 12 ? date(yearLast.group(3), yearLast.group(2), yearLast.group(1))
                    : date(yearLast.group(3), yearLast.group(1), yearLast.group(2));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }

    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c >= '０' && c <= '９' ? c - '０' + '0'
                : c == '／' ? '/' : c == '－' ? '-' : c == '．' ? '.' : c == '\u3000' ? ' ' : c));
        return out.toString();
    }
}
