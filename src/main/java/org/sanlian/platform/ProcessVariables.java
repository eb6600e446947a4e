package org.sanlian.platform;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Writes to a process what a step produced, leaving out each value the process already holds (issue 16): the form
 * has just submitted most of them, and Camunda versions every write in history (a detail row and an update of the
 * variable's history) even when the value is the same. A value of another type (20000 as a whole number where a
 * long is held) is written, as before.
 */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static void setChanged(VariableScope scope, Map<String, ?> values) {
        values.forEach((name, value) -> {
            if (!scope.hasVariable(name) || !sameValue(scope.getVariable(name), value)) {
                scope.setVariable(name, value);
            }
        });
    }

    private static boolean sameValue(Object held, Object value) {
        return Objects.equals(held, value) && (held == null || held.getClass() == value.getClass());
    }
}
