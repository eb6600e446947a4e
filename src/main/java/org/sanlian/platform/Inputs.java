package org.sanlian.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.identifiers.ChineseIdentifiers;

/**
 * The checks every form-like input shares: blank is absent, required fields and lengths (counted in characters,
 * so 𠮷 is one), dates not in the future, plates. Each problem is added to the caller's list under the field's
 * name, so one answer names every field that is wrong.
 */
public final class Inputs {

    private Inputs() {
    }

    /** What a refused date tells the officer: the forms of a date that are read. */
    public static final String DATE_EXPECTED = ChineseDates.EXPECTED;

    /** Whether the text is a day in a form {@link ChineseDates} reads, as every date rule reads it. */
    public static boolean isDate(String text) {
        return ChineseDates.parse(text).isPresent();
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String required(String field, String value, int maxLength, List<FieldViolation> violations) {
        String text = blankToNull(value);
        if (text == null) {
            violations.add(new FieldViolation(field, "必填"));
        }
        return optional(field, text, maxLength, violations);
    }

    public static String optional(String field, String value, int maxLength, List<FieldViolation> violations) {
        String text = blankToNull(value);
        if (text != null && text.codePointCount(0, text.length()) > maxLength) {
            violations.add(new FieldViolation(field, "不能超过 " + maxLength + " 字"));
        }
        return text;
    }

    /** A date as forms send it (YYYY-MM-DD, possibly with a time), not after {@code today}; absent when blank. */
    public static LocalDate dateNotAfter(String field, String value, LocalDate today, List<FieldViolation> violations) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        Optional<LocalDate> date = ChineseDates.parse(text);
        if (date.isEmpty()) {
            violations.add(new FieldViolation(field, ChineseDates.EXPECTED));
            return null;
        }
        if (date.get().isAfter(today)) {
            violations.add(new FieldViolation(field, "日期不能晚于今天"));
        }
        return date.get();
    }

    /**
     * A required submitted date: Camunda's date type, or text in any form {@link ChineseDates} reads (a time after
     * the date is ignored); missing or unreadable, it is a violation naming the field.
     */
    public static LocalDate requiredDate(String field, Object value, List<FieldViolation> violations) {
        if (value instanceof java.util.Date date) {
            return LocalDate.ofInstant(date.toInstant(), ChinaTime.CHINA);
        }
        String text = stripped(value);
        if (text == null) {
            violations.add(new FieldViolation(field, "必填"));
            return null;
        }
        Optional<LocalDate> date = ChineseDates.parse(text);
        if (date.isEmpty()) {
            violations.add(new FieldViolation(field, ChineseDates.EXPECTED));
        }
        return date.orElse(null);
    }

    /** A value's text without surrounding white space; absent when blank. */
    public static String stripped(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /**
     * A submitted value read as text, whatever type the client gave it: a number or a boolean as written, a Json
     * string as its text; a Json object or list, a date or a file is not text and is refused naming the field.
     * Listeners read form fields through this, never with a cast, so a wrong type is a 400 and not a
     * ClassCastException.
     */
    public static String text(String field, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isString()) {
            return json.stringValue();
        }
        throw new InvalidInputException(field, "应为文本");
    }

    /** A submitted date (YYYY-MM-DD, possibly with a time) of any type, refused naming the field when it is none. */
    public static LocalDate date(String field, Object value) {
        String text = blankToNull(text(field, value));
        if (text == null) {
            throw new InvalidInputException(field, "必填");
        }
        return ChineseDates.parse(text).orElseThrow(() -> new InvalidInputException(field, ChineseDates.EXPECTED));
    }

    /** A mainland plate, upper-cased; absent when blank. */
    public static String plate(String field, String value, List<FieldViolation> violations) {
        String plate = ChineseIdentifiers.normalise(blankToNull(value));
        if (plate != null && !ChineseIdentifiers.isPlate(plate)) {
            violations.add(new FieldViolation(field, "车牌号格式不正确，例如 甘M12345"));
        }
        return plate;
    }
}
