package org.sanlian.casefile.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.forms.FormValues;

/**
 * The one place where a step's submitted form fields become typed values (text, dates, amounts, flags, lists):
 * every problem is collected under the field's name, and {@link #valid()} throws them all at once, so one answer
 * names every field that is wrong. A command record of a step reads only the fields its form declares.
 */
public final class FormFields {

    /** The words the form shows for one of a field's option values, or null where the form names none. */
    @FunctionalInterface
    public interface OptionLabels {
        String labelOf(String field, String value);
    }

    private final Function<String, Object> submitted;
    private final LocalDate today;
    private final OptionLabels optionLabels;
    private final List<FieldViolation> violations = new ArrayList<>();

    public FormFields(Function<String, Object> submitted, LocalDate today) {
        this(submitted, today, (field, value) -> null);
    }

    /** With the deployed form's option labels, so a record names a choice as the officer saw it. */
    public FormFields(Function<String, Object> submitted, LocalDate today, OptionLabels optionLabels) {
        this.submitted = submitted;
        this.today = today;
        this.optionLabels = optionLabels;
    }

    /**
     * The submitted values as they came, for a module that parses its own form with the same field names (the
     * document module's rules of service, 送达回证).
     */
    public Function<String, Object> submitted() {
        return submitted;
    }

    public LocalDate today() {
        return today;
    }

    public String text(String field) {
        Object value = submitted.apply(field);
        return value == null ? null : Inputs.blankToNull(value.toString());
    }

    public String required(String field, String message) {
        String text = text(field);
        if (text == null) {
            reject(field, message);
        }
        return text;
    }

    /** One of the form's radio values; anything else is refused with the message. */
    public String choice(String field, List<String> allowed, String message) {
        String text = text(field);
        if (text == null || !allowed.contains(text)) {
            reject(field, message);
            return null;
        }
        return text;
    }

    /**
     * The approver's 同意 or 退回 (the form's radio "approve" or "reject") and comment; sending back must say why,
     * so the comment is required then.
     */
    public Approval approval(String decisionField, String commentField, String message) {
        String decision = choice(decisionField, List.of("approve", "reject"), message);
        String comment = "reject".equals(decision) ? required(commentField, "退回时须写明理由") : text(commentField);
        return new Approval("approve".equals(decision), comment);
    }

    public record Approval(boolean approved, String comment) {
    }

    public boolean flag(String field) {
        Object value = submitted.apply(field);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A date that has happened (not after today); {@code null} and a violation when absent. */
    public LocalDate pastDate(String field) {
        return date(field, true);
    }

    /** A date that has happened, if given; {@code null} when blank. */
    public LocalDate optionalPastDate(String field) {
        return text(field) == null ? null : date(field, true);
    }

    /** A date that may lie ahead (a hearing day, an approved due date). */
    public LocalDate anyDate(String field) {
        return date(field, false);
    }

    private LocalDate date(String field, boolean notInFuture) {
        String text = text(field);
        if (text == null) {
            reject(field, "日期必填");
            return null;
        }
        return Inputs.dateNotAfter(field, text, notInFuture ? today : LocalDate.MAX, violations);
    }

    /** An amount in yuan, not negative; {@code null} when blank. */
    public BigDecimal amount(String field) {
        Object value = submitted.apply(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.toString().strip());
            if (amount.signum() < 0) {
                reject(field, "金额不能为负");
            } else if (amount.scale() > 2) {
                reject(field, "金额最多保留两位小数（元、角、分）");
            }
            return amount;
        } catch (NumberFormatException e) {
            reject(field, "金额应为数字（元）");
            return null;
        }
    }

    public Integer count(String field) {
        Object value = submitted.apply(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            reject(field, "应为整数");
            return null;
        }
    }

    public List<String> list(String field) {
        return FormValues.list(submitted.apply(field));
    }

    /**
     * An option of a select, radio, checklist or tag list as the deployed form labels it (an analyst's new option
     * in Modeler reads as the officer saw it); the value itself where the form names none.
     */
    public String optionLabel(String field, String value) {
        String label = optionLabels.labelOf(field, value);
        return label == null || label.isBlank() ? value : label;
    }

    public void reject(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    public boolean hasProblems() {
        return !violations.isEmpty();
    }

    /** Throws every problem found so far (400 naming the fields); the step records nothing. */
    public void valid() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(List.copyOf(violations));
        }
    }
}
