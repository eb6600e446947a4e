package org.sanlian.platform;

/** One broken rule on one input field: what Problem Details bodies list under {@code errors}. */
public record FieldViolation(String field, String message) {
}
