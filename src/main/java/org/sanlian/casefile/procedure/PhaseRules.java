package org.sanlian.casefile.procedure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.organisation.Officers;

/** The rules of one legal phase of the procedure, by the name a model gives them. */
public interface PhaseRules {

    Map<Rule, StepRule> rules();

    /**
     * The certified officers a step of this phase lets its form pick from (people by name, issue 13), or empty
     * when the step picks none.
     */
    default Optional<List<Officers.Choice>> officerChoices(Rule rule, String caseNumber) {
        return Optional.empty();
    }
}
