package org.sanlian.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;

/**
 * The checks a Camunda Form (form-js schema) declares — required, pattern, minLength/maxLength, min/max —
 * applied on the server to the variables a submit carries, because form-js validates only in the browser.
 * A field shown only under a condition ({@code conditional}) is left to the step's own rule, which knows
 * the law behind the condition.
 */
final class FormRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormRules() {
    }

    public static void check(InputStream form, Function<String, Object> variables) {
        check(read(form), variables);
    }

    private static JsonNode read(InputStream form) {
        try (form) {
            return JSON.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the form", e);
        }
    }

    /** Checks the variables against a parsed schema (never changed by the check). */
    static void check(JsonNode schema, Function<String, Object> variables) {
        List<FieldViolation> violations = new ArrayList<>();
        checkComponents(schema.path("components"), variables, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static void checkComponents(JsonNode components, Function<String, Object> variables,
            List<FieldViolation> violations) {
        for (JsonNode component : components) {
            if (component.has("conditional")) {
                continue;
            }
            if (component.has("components")) {
                checkComponents(component.path("components"), variables, violations);
            }
            String key = component.path("key").asText(null);
            JsonNode validate = component.path("validate");
            if (key == null || validate.isMissingNode()) {
                continue;
            }
            checkField(key, FormFields.labelOf(component, key), validate, variables.apply(key), violations);
        }
    }

    private static void checkField(String key, String label, JsonNode validate, Object value,
            List<FieldViolation> violations) {
        boolean blank = value == null || (value instanceof String text && text.isBlank())
                || FormValues.isEmptyList(value);
        if (blank) {
            if (validate.path("required").asBoolean(false)) {
                violations.add(new FieldViolation(key, label + "：必填"));
            }
            return;
        }
        if (value instanceof String text) {
            int length = text.codePointCount(0, text.length());
            if (validate.has("maxLength") && length > validate.path("maxLength").asInt()) {
                violations.add(new FieldViolation(key, label + "：不能超过 " + validate.path("maxLength").asInt() + " 字"));
            }
            if (validate.has("minLength") && length < validate.path("minLength").asInt()) {
                violations.add(new FieldViolation(key, label + "：至少 " + validate.path("minLength").asInt() + " 字"));
            }
            if (validate.has("pattern")) {
                patternProblem(validate.path("pattern").asText(), text)
                        .ifPresent(problem -> violations.add(new FieldViolation(key, label + "：" + problem)));
            }
        }
        BigDecimal number = number(value);
        if (number != null) {
            if (validate.has("min") && number.compareTo(validate.path("min").decimalValue()) < 0) {
                violations.add(new FieldViolation(key, label + "：不能小于 " + validate.path("min").asText()));
            }
            if (validate.has("max") && number.compareTo(validate.path("max").decimalValue()) > 0) {
                violations.add(new FieldViolation(key, label + "：不能大于 " + validate.path("max").asText()));
            }
        }
    }

    /**
     * A pattern failure in words: the forms' identifier patterns (plate, party ID, credit code) say what is
     * expected, and a value of the right shape whose check character or birth date is wrong says that.
     */
    static Optional<String> patternProblem(String pattern, String text) {
        IdentifierPattern kind = IdentifierPattern.of(pattern);
        if (!matches(pattern, text)) {
            return Optional.of(kind.expected);
        }
        return kind == IdentifierPattern.OTHER || kind == IdentifierPattern.PLATE ? Optional.empty()
                : ChineseIdentifiers.checkProblem(text);
    }

    /** The identifier patterns the forms use, recognised by their character classes. */
    enum IdentifierPattern {
        PLATE("车牌号码格式不正确，应为省份简称、发证机关字母和 5 至 6 位字母或数字，如 甘M12345"),
        PARTY_ID("应为 18 位公民身份号码（末位可为 X）或 18 位统一社会信用代码"),
        CREDIT_CODE("应为 18 位统一社会信用代码（数字和大写字母，不含 I、O、S、V、Z）"),
        OTHER("格式不正确");

        final String expected;

        IdentifierPattern(String expected) {
            this.expected = expected;
        }

        static IdentifierPattern of(String pattern) {
            if (pattern.contains("京津沪")) {
                return PLATE;
            }
            if (pattern.contains("\\d{17}")) {
                return PARTY_ID;
            }
            return pattern.contains("0-9A-HJ-NPQRTUWXY") ? CREDIT_CODE : OTHER;
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    /** For tests and callers holding plain maps. */
    public static void check(InputStream form, Map<String, ?> variables) {
        check(form, variables::get);
    }
}
