package org.sanlian.platform.identifiers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifiers a case names its party and vehicle by, each checked the way its standard defines it:
 * 公民身份号码 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015) and the mainland motor-vehicle plate (GA 36).
 * One place for the whole application, so a lead, a case, a hand-over and an inspection register agree.
 */
public final class ChineseIdentifiers {

    /** What kind of identifier a value is, by its shape. */
    public enum Kind { RESIDENT_ID, CREDIT_CODE }

    private static final Pattern RESIDENT_ID = Pattern.compile("^\\d{17}[\\dX]$");
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern CREDIT_CODE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Province, issuing-authority letter, five characters (six for new-energy plates); 挂/学/警 suffixes. */
    private static final Pattern PLATE = Pattern.compile(
            "^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警]$");

    private ChineseIdentifiers() {
    }

    /** Upper-case and without spaces, as officers copy them from documents. */
    public static String normalise(String value) {
        return value == null ? null : value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * 公民身份号码: 17 digits, of which 7–14 are a real birth date, and a check character
     * (Σ digit × 2^(17−i) mod 11 mapped through 1 0 X 9 8 7 6 5 4 3 2).
     */
    public static boolean isResidentId(String value) {
        String id = normalise(value);
        if (id == null || !RESIDENT_ID.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate born = LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
            if (born.getYear() < 1900 || born.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        return id.charAt(17) == RESIDENT_ID_CHECK.charAt(sum % 11);
    }

    /**
     * 统一社会信用代码: 18 characters from 0–9 and the capitals without I, O, S, V, Z; the last one is the check
     * character 31 − (Σ value × 3^(i−1) mod 31 mod 31), with 31 written as 0.
     */
    public static boolean isCreditCode(String value) {
        String code = normalise(value);
        if (code == null || !CREDIT_CODE.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARACTERS.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return code.charAt(17) == CREDIT_CODE_CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    public static boolean isPlate(String value) {
        String plate = normalise(value);
        return plate != null && PLATE.matcher(plate).matches();
    }

    /**
     * A party identifier of either kind: a resident ID number when it has that shape, else a credit code. A credit
     * code may be all digits too (916210027100028526: registration authority 9, type 1, area code, organisation
     * code, check digit), so a value of both shapes that is a valid credit code and no valid ID number is a credit code.
     */
    public static Kind kindOf(String value) {
        String id = normalise(value);
        if (id == null || !RESIDENT_ID.matcher(id).matches()) {
            return Kind.CREDIT_CODE;
        }
        return !isResidentId(id) && isCreditCode(id) ? Kind.CREDIT_CODE : Kind.RESIDENT_ID;
    }

    public static boolean isPartyId(String value) {
        return kindOf(value) == Kind.RESIDENT_ID ? isResidentId(value) : isCreditCode(value);
    }

    /**
     * Why a value of the right shape is still not a 公民身份号码 or 统一社会信用代码, in words a handler understands;
     * empty when it is a valid one, or has neither shape.
     */
    public static java.util.Optional<String> checkProblem(String value) {
        String id = normalise(value);
        if (id != null && RESIDENT_ID.matcher(id).matches() && kindOf(id) == Kind.RESIDENT_ID) {
            try {
                LocalDate born = LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
                if (born.getYear() < 1900 || born.isAfter(LocalDate.now())) {
                    return java.util.Optional.of("身份证号码中的出生日期不正确");
                }
            } catch (DateTimeParseException e) {
                return java.util.Optional.of("身份证号码中的出生日期不正确");
            }
            return isResidentId(id) ? java.util.Optional.empty() : java.util.Optional.of("身份证号码校验位不正确");
        }
        if (id != null && CREDIT_CODE.matcher(id).matches()) {
            return isCreditCode(id) ? java.util.Optional.empty() : java.util.Optional.of("统一社会信用代码校验位不正确");
        }
        return java.util.Optional.empty();
    }
}
