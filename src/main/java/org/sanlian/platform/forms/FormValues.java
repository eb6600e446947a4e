package org.sanlian.platform.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** Reads the values a Camunda Form submits for a checklist or tag list: a Json variable, a list, or one string. */
public final class FormValues {

    private FormValues() {
    }

    public static List<String> list(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof SpinJsonNode json) {
            if (json.isArray()) {
                json.elements().forEach(element -> values.add(element.isString() ? element.stringValue() : element.toString()));
            } else if (json.isString()) {
                values.add(json.stringValue());
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> values.add(String.valueOf(element)));
        } else if (value instanceof String text && !text.isBlank()) {
            values.add(text);
        }
        return values;
    }

    /** A checklist with nothing ticked counts as not filled in. */
    static boolean isEmptyList(Object value) {
        return (value instanceof SpinJsonNode json && json.isArray() && json.elements().isEmpty())
                || (value instanceof Collection<?> collection && collection.isEmpty());
    }
}
