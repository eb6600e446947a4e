package org.sanlian.platform.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The options of a start form's select that depend on who asks (e.g. the bodies a bureau may hand a lead to). The
 * form names them by {@code valuesKey}, as a task form names a variable its task listener fills; Tasklist gives a
 * start form no variables, so {@link StartFormOptions} writes them into the form it serves.
 */
public interface FormOptions {

    /** One option: the text shown and the value submitted. */
    record Option(String label, String value) {
    }

    /** Options as the Json variable a task form's {@code valuesKey} reads: [{label, value}, …]. */
    static TypedValue variable(List<Option> options) {
        try {
            return SpinValues.jsonValue(new ObjectMapper().writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options named {@code valuesKey}, as {@code offered} gives them for a user. */
    static FormOptions of(String valuesKey, Function<String, List<Option>> offered) {
        return new FormOptions() {
            @Override
            public String valuesKey() {
                return valuesKey;
            }

            @Override
            public List<Option> offeredTo(String userId) {
                return offered.apply(userId);
            }
        };
    }

    /** The {@code valuesKey} the forms use for these options. */
    String valuesKey();

    /** The options offered to this user. */
    List<Option> offeredTo(String userId);
}
