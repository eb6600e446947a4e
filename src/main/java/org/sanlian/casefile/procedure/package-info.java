/**
 * The step-rule contract of the case procedures (StepRule, PhaseRules, Rule, FormFields), the stored facts they
 * reach (ProcedureFacts) and the case's own phases; the penalty module adds its phases through this interface.
 */
@org.springframework.modulith.NamedInterface("procedure")
package org.sanlian.casefile.procedure;
