package org.sanlian.casefile.procedure;

import java.util.Map;

/** The rules of one legal phase of the procedure, by the name a model gives them. */
public interface PhaseRules {

    Map<Rule, StepRule> rules();
}
