package org.sanlian.platform;

import java.util.List;
import java.util.Map;

/**
 * A request that is well-formed but collides with something already decided (e.g. 行政处罚法 Art. 29: the same
 * act fined a second time). Answered with 409 and Problem Details naming the field and, under
 * {@code conflictsWith}, what it collides with; the transaction rolls back.
 */
public class ConflictException extends RuntimeException {

    private final transient List<FieldViolation> violations;
    private final transient Map<String, Object> conflictsWith;

    public ConflictException(String field, String message, Map<String, Object> conflictsWith) {
        super(field + ": " + message);
        this.violations = List.of(new FieldViolation(field, message));
        this.conflictsWith = Map.copyOf(conflictsWith);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Map<String, Object> conflictsWith() {
        return conflictsWith;
    }
}
