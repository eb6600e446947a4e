package org.sanlian.penalty.process;

import org.sanlian.platform.ProcessActors;
import org.sanlian.platform.ProcessVariables;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.penalty.NoPenaltyGrounds;
import org.sanlian.penalty.PenaltyProposal;
import org.sanlian.penalty.DecisionRules;
import org.sanlian.penalty.ViolationCatalogue;
import org.sanlian.casefile.CaseActDates;
import org.sanlian.platform.forms.FormValues;
import org.sanlian.penalty.PenaltyFacts;
import org.sanlian.penalty.PenaltyRecords;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.springframework.stereotype.Component;

/**
 * Thin adapters between generalProcedure's discretion steps and {@link PenaltyProposal}: the report's facts for
 * the DMN tables discretion and noPenalty, and the check of the stored proposal against their results (the head's
 * approval of a deviation is the rule deviationDecision).
 */
final class PenaltyProposalListeners {

    private PenaltyProposalListeners() {
    }

    /** On completing 案件调查报告, after its own rule: the inputs of the tables (Art. 29 checked here). */
    @Component("penaltyProposalFacts")
    static class PenaltyProposalFacts implements TaskListener {
        private final PenaltyProposal proposal;
        private final ViolationCatalogue catalogue;
        private final CaseActDates actDates;

        PenaltyProposalFacts(PenaltyProposal proposal, ViolationCatalogue catalogue,
                CaseActDates actDates) {
            this.proposal = proposal;
            this.catalogue = catalogue;
            this.actDates = actDates;
        }

        @Override
        public void notify(DelegateTask task) {
            // 行政处罚法 Art. 37: the other norms of the act (Art. 29) are those valid on its date too
            catalogue.requireValidOn("otherViolationCodes",
                    FormValues.list(task.getVariable("otherViolationCodes")),
                    actDates.of(task.getExecution().getProcessBusinessKey()).orElse(null));
            ProcessVariables.setChanged(task.getExecution(), proposal.facts(task::getVariable));
        }
    }

    /**
     * 裁量基准审查: the proposal held against the results of noPenalty and discretion — noPenalty for every proposed
     * outcome (Art. 33), so a no-penalty proposal the table would punish needs the head's approval of its reason.
     */
    @Component("checkProposedPenalty")
    static class CheckProposedPenalty implements JavaDelegate {
        private final PenaltyProposal proposal;
        private final PenaltyRecords penalties;
        private final DecisionRules decisions;
        private final CaseFiles cases;
        private final NoPenaltyGrounds noPenalty;
        private final ProcedureFacts facts;

        CheckProposedPenalty(PenaltyProposal proposal, PenaltyRecords penalties, DecisionRules decisions, CaseFiles cases,
                NoPenaltyGrounds noPenalty, ProcedureFacts facts) {
            this.facts = facts;
            this.proposal = proposal;
            this.noPenalty = noPenalty;
            this.cases = cases;
            this.penalties = penalties;
            this.decisions = decisions;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void execute(DelegateExecution execution) {
            String caseNumber = execution.getProcessBusinessKey();
            PenaltyFacts stored = penalties.penalty(caseNumber).orElseThrow();
            // the proposal as stored by the report's rule; the deviation reason is the report's own form field,
            // submitted in this same transaction; the tables' results were just written by the engine
            Function<String, Object> proposed = name -> switch (name) {
                case "proposedOutcome" -> stored.getProposedOutcome();
                case "proposedFine" -> stored.getProposedFine();
                case "revocation" -> stored.isRevocation();
                case "suspension" -> stored.isSuspension();
                default -> execution.getVariable(name);
            };
            Map<String, Object> discretion = (Map<String, Object>) execution.getVariable("discretion");
            String actor = ProcessActors.currentUser(execution.getProcessEngineServices());
            Map<String, Object> noPenaltyRule = (Map<String, Object>) execution.getVariable("noPenaltyRule");
            Map<String, Object> produced = new java.util.LinkedHashMap<>(proposal.check(proposed, noPenaltyRule,
                    discretion, (step, note) -> cases.record(caseNumber, step, actor, note)));
            Map<String, Object> ground = noPenalty.proposed(caseNumber, proposed, noPenaltyRule, facts.now(),
                    (step, note) -> cases.record(caseNumber, step, actor, note));
            boolean deviationRequired = Boolean.TRUE.equals(produced.get("deviationRequired"))
                    || Boolean.TRUE.equals(ground.get("deviationRequired"));
            produced.putAll(ground);
            produced.put("deviationRequired", deviationRequired);
            boolean withRange = discretion != null && discretion.get("maxFine") != null;
            decisions.benchmarkChecked(caseNumber,
                    withRange ? (discretion.get("minFine") == null ? BigDecimal.ZERO
                            : new BigDecimal(String.valueOf(discretion.get("minFine")))) : null,
                    withRange ? new BigDecimal(String.valueOf(discretion.get("maxFine"))) : null,
                    withRange ? (String) discretion.get("basis") : null,
                    withRange ? (String) discretion.get("note") : null,
                    Boolean.TRUE.equals(produced.get("deviationRequired")));
            ProcessVariables.setChanged(execution, produced);
        }
    }
}
