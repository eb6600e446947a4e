package org.sanlian.casefile;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
            Supplier<Map<String, Object>> variables) {
        return new CaseStepCompleted(caseNumber, step, actor, new ReadWhenAsked(variables));
    }

    private static final class ReadWhenAsked extends AbstractMap<String, Object> {
        private final Supplier<Map<String, Object>> source;
        private Map<String, Object> read;

        private ReadWhenAsked(Supplier<Map<String, Object>> source) {
            this.source = source;
        }

        private Map<String, Object> read() {
            if (read == null) {
                read = source.get();
            }
            return read;
        }

        @Override
        public Object get(Object key) {
            return read().get(key);
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
