package org.sanlian.casefile;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A step of a case has been done (a task completed, the case filed): published inside the step's transaction,
 * after the step's rule ran, with the process variables as they now stand. Listeners that throw make the step
 * fail, and its task stays open.
 */
public record CaseStepCompleted(String caseNumber, String step, String actor, Map<String, Object> variables) {

    /**
     * The variables read from the engine only when a listener asks for them: most steps make no document, and
     * reading every variable deserializes the Json and decision-result values from their byte arrays (issue 16:
     * three statements a step that nothing used, docs/benchmark-report.md).
     */
    public static CaseStepCompleted readingVariablesWhenAsked(String caseNumber, String step, String actor,
            VariableScope variables) {
        return new CaseStepCompleted(caseNumber, step, actor, new ReadWhenAsked(variables::getVariables,
                variables::getVariable));
    }

    /**
     * One value asked for by name is read alone (a step that makes a document only when a flag is set reads that
     * flag); every value is read only when a listener asks for all of them, e.g. to keep a document's snapshot.
     */
    private static final class ReadWhenAsked extends AbstractMap<String, Object> {
        private final Supplier<Map<String, Object>> source;
        private final Function<String, Object> one;
        private Map<String, Object> read;

        private ReadWhenAsked(Supplier<Map<String, Object>> source, Function<String, Object> one) {
            this.source = source;
            this.one = one;
        }

        private Map<String, Object> read() {
            if (read == null) {
                read = source.get();
            }
            return read;
        }

        @Override
        public Object get(Object key) {
            return read != null || !(key instanceof String name) ? read().get(key) : one.apply(name);
        }

        @Override
        public boolean containsKey(Object key) {
            return read().containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return read().entrySet();
        }
    }
}
