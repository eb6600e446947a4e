package org.sanlian.platform.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A form field's {@code conditional.hide} (and its groups'), FEEL as form-js evaluates it in Tasklist. form-js 1.8.7
 * submits only the fields it shows, so a value for a field its form hides under the submit's own choices (a fine
 * with 不予处罚, a deferral's date when payment was recorded) never comes from Tasklist: it is refused, as the
 * browser's validation does not run on the server. The condition sees the submit's values first, then the case's
 * variables, as Tasklist's form sees the task's variables and what the officer changed.
 */
final class FormConditions {

    private static final Logger LOG = LoggerFactory.getLogger(FormConditions.class);
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    /** One {@code hide} expression, parsed once with its form. */
    record Condition(String text, ParsedExpression parsed) {
    }

    private FormConditions() {
    }

    /** The expression of a {@code hide} property ("=…"); empty when there is none or it cannot be parsed. */
    static Optional<Condition> parse(JsonNode hide) {
        if (!hide.isTextual() || hide.asText().isBlank()) {
            return Optional.empty();
        }
        String text = hide.asText().strip();
        String expression = text.startsWith("=") ? text.substring(1) : text;
        ParseResult parsed = FEEL.parseExpression(expression);
        if (!parsed.isSuccess()) {
            // the form's author sees the same failure in Modeler; the field is treated as shown, as form-js does
            LOG.warn("a form's hide condition cannot be parsed, the field counts as shown: {}", text);
            return Optional.empty();
        }
        return Optional.of(new Condition(expression, parsed.parsedExpression()));
    }

    /**
     * Whether one of the conditions hides the field: true only when it evaluates to {@code true}; a condition that
     * fails or gives null leaves the field shown, as form-js does.
     */
    static Optional<Condition> hiding(List<Condition> conditions, JsonNode submitted, Function<String, Object> current) {
        CustomContext context = new CustomContext() {
            private final VariableProvider variables = new ContextVariableWrapper(new SubmitContext(submitted, current));

            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
        for (Condition condition : conditions) {
            EvaluationResult result = FEEL.evaluate(condition.parsed(), context);
            if (result.isSuccess() && Boolean.TRUE.equals(result.result())) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** The submit's values (Camunda REST form: {@code {"name": {"value": …}}}) over the variables the case has now. */
    private record SubmitContext(JsonNode submitted, Function<String, Object> current) implements VariableContext {

        @Override
        public TypedValue resolve(String name) {
            JsonNode variable = submitted.get(name);
            return Variables.untypedValue(variable != null ? javaValue(variable.path("value")) : current.apply(name));
        }

        @Override
        public boolean containsVariable(String name) {
            return submitted.has(name) || current.apply(name) != null;
        }

        @Override
        public Set<String> keySet() {
            Set<String> names = new java.util.LinkedHashSet<>();
            submitted.fieldNames().forEachRemaining(names::add);
            return names;
        }

        private static Object javaValue(JsonNode value) {
            if (value.isTextual()) {
                return value.asText();
            }
            if (value.isBoolean()) {
                return value.asBoolean();
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return value.asLong();
            }
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isArray()) {
                List<Object> list = new ArrayList<>();
                value.forEach(element -> list.add(javaValue(element)));
                return list;
            }
            return null;
        }
    }
}
