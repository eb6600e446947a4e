package org.sanlian.casefile;

import java.util.Map;

/**
 * A step of a case has been done (a task completed, the case filed): published inside the step's transaction,
 * after the step's rule ran, with the process variables as they now stand. Listeners that throw make the step
 * fail, and its task stays open.
 */
public record CaseStepCompleted(String caseNumber, String step, String actor, Map<String, Object> variables) {
}
