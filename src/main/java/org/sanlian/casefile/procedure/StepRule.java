package org.sanlian.casefile.procedure;

import java.util.Map;

/**
 * What one step does when its task completes: parse its form's fields into its command, check it against the
 * stored facts, record the facts, and return the process variables it writes as copies for routing and display.
 */
@FunctionalInterface
public interface StepRule {

    Map<String, Object> complete(String caseNumber, FormFields form, String actor);
}
