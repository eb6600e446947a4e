package org.sanlian.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;

/**
 * The fields a Camunda Form (form-js 1.8.7 schema) declares, with the type each one submits: what a submit to
 * its task or start event may carry. A variable the form does not declare, or of another type, or a select/radio
 * value that is not one of the form's options, a changed read-only field, or a value for a field the form hides under
 * the submit's own choices ({@link FormConditions}), is refused before the engine sees it. The administrator, who
 * repairs cases, is held to the declared fields' types alone ({@link #checkTypes}).
 */
public record FormFields(Map<String, Field> fields) {

    /** Longest text a field without its own maxLength takes, in characters. */
    static final int TEXTFIELD_DEFAULT_MAX = 1_000;
    static final int TEXTAREA_DEFAULT_MAX = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a form-js component submits; DATE is a {@code datetime} of subtype {@code date}: a day as text. */
    public enum Kind { TEXT, DATE, NUMBER, BOOLEAN, LIST }

    /**
     * {@code options}: value → label of a select, radio, checklist or tag list, in the form's order;
     * {@code hiddenWhen}: the field's {@code conditional.hide} and its groups'.
     */
    public record Field(String key, String label, Kind kind, boolean readOnly, Map<String, String> options,
            int maxLength, List<FormConditions.Condition> hiddenWhen) {

        String optionList() {
            List<String> choices = new ArrayList<>();
            options.forEach((value, text) -> choices.add(value.equals(text) ? value : value + "（" + text + "）"));
            return "不是表单中的选项，可选：" + String.join("、", choices) + " (not one of the options)";
        }
    }

    /** No form: nothing may be submitted. */
    public static final FormFields NONE = new FormFields(Map.of());

    public static FormFields parse(InputStream form) {
        try (form) {
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(JSON.readTree(form).path("components"), List.of(), fields);
            return new FormFields(Map.copyOf(fields));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the form", e);
        }
    }

    private static void collect(JsonNode components, List<FormConditions.Condition> inherited, Map<String, Field> fields) {
        for (JsonNode component : components) {
            List<FormConditions.Condition> hiddenWhen = new ArrayList<>(inherited);
            FormConditions.parse(component.path("conditional").path("hide")).ifPresent(hiddenWhen::add);
            if (component.has("components")) {
                collect(component.path("components"), List.copyOf(hiddenWhen), fields);
            }
            String key = component.path("key").asText(null);
            Kind kind = kindOf(component.path("type").asText(), component.path("subtype").asText("date"));
            if (key == null || kind == null) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            if (component.has("values")) {
                component.path("values").forEach(option -> options.put(option.path("value").asText(),
                        option.path("label").asText(option.path("value").asText())));
            }
            int defaultMax = "textarea".equals(component.path("type").asText()) ? TEXTAREA_DEFAULT_MAX
                    : TEXTFIELD_DEFAULT_MAX;
            fields.put(key, new Field(key, labelOf(component, key), kind,
                    isTrue(component.path("readonly")) || isTrue(component.path("disabled")),
                    java.util.Collections.unmodifiableMap(options), component.path("validate").path("maxLength").asInt(defaultMax),
                    List.copyOf(hiddenWhen)));
        }
    }

    /**
     * The words an officer sees above the field: its {@code label}, or for a date (form-js {@code datetime}) its
     * {@code dateLabel} or {@code timeLabel}; the key only when the form gives none.
     */
    static String labelOf(JsonNode component, String key) {
        for (String name : List.of("label", "dateLabel", "timeLabel")) {
            String label = component.path(name).asText("");
            if (!label.isBlank()) {
                return label;
            }
        }
        return key;
    }

    /** {@code readonly} may also be a FEEL expression; any expression counts as read-only, the safe side. */
    private static boolean isTrue(JsonNode flag) {
        return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank();
    }

    /** form-js's {@code datetime} is a date unless its subtype says time or date and time (sent as other text). */
    private static Kind kindOf(String type, String subtype) {
        return switch (type) {
            case "textfield", "textarea", "select", "radio" -> Kind.TEXT;
            case "datetime" -> subtype.equals("date") ? Kind.DATE : Kind.TEXT;
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            case "checklist", "taglist" -> Kind.LIST;
            default -> null;
        };
    }

    /**
     * The problems of one submit, in Camunda REST form: {@code {"name": {"value": …, "type": …}}}.
     * {@code current} gives a variable's value now, for read-only fields that Tasklist sends back.
     */
    public List<FieldViolation> check(JsonNode variables, Function<String, Object> current) {
        List<FieldViolation> violations = new ArrayList<>();
        if (variables == null || variables.isNull() || variables.isMissingNode()) {
            return violations;
        }
        if (!variables.isObject()) {
            violations.add(new FieldViolation("variables", "变量格式不正确"));
            return violations;
        }
        variables.fields().forEachRemaining(entry -> {
            Field field = fields.get(entry.getKey());
            if (field == null) {
                violations.add(new FieldViolation(entry.getKey(), "本步骤的表单没有此字段，不能提交 (not a field of this form)"));
                return;
            }
            String problem = problemOf(field, entry.getValue(), true);
            if (problem == null && field.readOnly() && !sameValue(entry.getValue().path("value"), current.apply(field.key()))) {
                problem = "只读字段，不能修改 (read-only)";
            }
            if (problem == null && !field.hiddenWhen().isEmpty() && isValue(entry.getValue().path("value"))) {
                problem = FormConditions.hiding(field.hiddenWhen(), variables, current)
                        .map(condition -> "按本次填写的内容，表单不显示此项，不能填写 (the form hides this field: "
                                + condition.text() + ")")
                        .orElse(null);
            }
            if (problem != null) {
                violations.add(new FieldViolation(field.key(), field.label() + "：" + problem));
            }
        });
        return violations;
    }

    /**
     * The administrator's submit (issue 16): a variable the form declares must have the declared field's type — a
     * checkbox a Boolean, a number a number, a select or radio one of its options, a date a day, text text — as for
     * everyone, because a gateway or a rule reading it fails on another type (a 500). Nothing else of {@link #check}
     * holds for the administrator, who repairs cases: a variable the form does not declare, a read-only or hidden
     * field and a text's length are left to the engine and the step's rules as before.
     */
    public List<FieldViolation> checkTypes(JsonNode variables) {
        List<FieldViolation> violations = new ArrayList<>();
        if (variables == null || !variables.isObject()) {
            return violations;
        }
        variables.fields().forEachRemaining(entry -> {
            Field field = fields.get(entry.getKey());
            String problem = field == null ? null : problemOf(field, entry.getValue(), false);
            if (problem != null) {
                violations.add(new FieldViolation(field.key(), field.label() + "：" + problem));
            }
        });
        return violations;
    }

    /** A value form-js would have sent had it shown the field: not null, not empty text. */
    private static boolean isValue(JsonNode value) {
        return !value.isNull() && !value.isMissingNode() && !(value.isTextual() && value.asText().isEmpty());
    }

    /** The value's type and options; {@code withLength}: its text no longer than the field's maximum. */
    private static String problemOf(Field field, JsonNode variable, boolean withLength) {
        if (!variable.isObject()) {
            return "变量格式不正确";
        }
        String type = variable.path("type").asText(null);
        JsonNode value = variable.path("value");
        if (value.isNull() || value.isMissingNode()) {
            return type == null || type.equals("Null") || typeFits(field.kind(), type) ? null : wrongType(field);
        }
        if (type != null && !typeFits(field.kind(), type)) {
            return wrongType(field);
        }
        return switch (field.kind()) {
            case TEXT -> {
                String problem = textProblem(field, value, withLength);
                String text = value.asText();
                yield problem != null || field.options().isEmpty() || text.isEmpty()
                        || field.options().containsKey(text) ? problem : field.optionList();
            }
            case DATE -> {
                String problem = textProblem(field, value, withLength);
                String text = value.asText();
                yield problem != null || text.isBlank() || Inputs.isDate(text) ? problem : Inputs.DATE_EXPECTED;
            }
            case NUMBER -> value.isNumber() ? null : wrongType(field);
            case BOOLEAN -> value.isBoolean() ? null : wrongType(field);
            case LIST -> listProblem(field, value);
        };
    }

    /** A text or date field's value: text, and ({@code withLength}) not longer than the field's maximum. */
    private static String textProblem(Field field, JsonNode value, boolean withLength) {
        if (!value.isTextual()) {
            return wrongType(field);
        }
        String text = value.asText();
        return withLength && text.codePointCount(0, text.length()) > field.maxLength()
                ? "不能超过 " + field.maxLength() + " 字" : null;
    }

    private static boolean typeFits(Kind kind, String type) {
        return switch (kind) {
            case TEXT, DATE -> type.equals("String");
            case NUMBER -> type.equals("Long") || type.equals("Integer") || type.equals("Double")
                    || type.equals("Short");
            case BOOLEAN -> type.equals("Boolean");
            case LIST -> type.equals("Json") || type.equals("Object");
        };
    }

    /** Tasklist sends a list as a Json variable whose value is the array's text; REST clients may send the array. */
    private static String listProblem(Field field, JsonNode value) {
        JsonNode list = value;
        if (value.isTextual()) {
            try {
                list = JSON.readTree(value.asText());
            } catch (IOException e) {
                return wrongType(field);
            }
        }
        if (list == null || !list.isArray()) {
            return wrongType(field);
        }
        for (JsonNode element : list) {
            if (!element.isValueNode()) {
                return wrongType(field);
            }
            if (!field.options().isEmpty() && !field.options().containsKey(element.asText())) {
                return "“" + element.asText() + "”" + field.optionList();
            }
        }
        return null;
    }

    private static String wrongType(Field field) {
        return "类型不正确，应为" + switch (field.kind()) {
            case TEXT -> "文本 (String)";
            case DATE -> "日期文本 (String，如 2026-12-05)";
            case NUMBER -> "数字 (Long/Double)";
            case BOOLEAN -> "是/否 (Boolean)";
            case LIST -> "列表 (Json array)";
        };
    }

    private static boolean sameValue(JsonNode submitted, Object current) {
        if (submitted.isNull() || submitted.isMissingNode()) {
            return current == null || (current instanceof String text && text.isEmpty());
        }
        if (current == null) {
            return submitted.isTextual() && submitted.asText().isEmpty();
        }
        if (current instanceof Number number) {
            return submitted.isNumber() && new BigDecimal(number.toString()).compareTo(submitted.decimalValue()) == 0;
        }
        if (current instanceof Boolean flag) {
            return submitted.isBoolean() && submitted.asBoolean() == flag;
        }
        if (current instanceof String text) {
            return submitted.isTextual() && submitted.asText().equals(text);
        }
        return FormValues.list(current).equals(FormValues.list(submittedList(submitted)));
    }

    private static Object submittedList(JsonNode submitted) {
        try {
            JsonNode list = submitted.isTextual() ? JSON.readTree(submitted.asText()) : submitted;
            List<String> values = new ArrayList<>();
            list.forEach(element -> values.add(element.asText()));
            return values;
        } catch (IOException e) {
            return submitted.asText();
        }
    }
}
