package org.sanlian.platform;

import java.util.List;

/**
 * Input that breaks a required-field, format or legal rule. Thrown by services and Camunda delegates alike;
 * the domain API and /engine-rest both answer it with 400 and a Problem Details body naming the fields,
 * and the transaction rolls back so nothing is half-saved.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        StringBuilder text = new StringBuilder();
        for (FieldViolation violation : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(violation.field()).append(": ").append(violation.message());
        }
        return text.toString();
    }
}
