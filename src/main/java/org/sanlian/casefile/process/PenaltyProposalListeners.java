package org.sanlian.casefile.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.sanlian.casefile.PenaltyProposal;
import org.springframework.stereotype.Component;

/**
 * Thin adapters between generalProcedure's discretion steps and {@link PenaltyProposal}: the report's facts for
 * the DMN tables discretion and noPenalty, the check of the proposal against their results, and the head's
 * approval of a deviation.
 */
public final class PenaltyProposalListeners {

    private PenaltyProposalListeners() {
    }

    private static String actor(org.camunda.bpm.engine.ProcessEngineServices engine, String fallback) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        return user != null ? user.getUserId() : fallback;
    }

    /** On completing 案件调查报告, after its own rule: the inputs of the tables (Art. 29 checked here). */
    @Component("penaltyProposalFacts")
    static class PenaltyProposalFacts implements TaskListener {
        private final PenaltyProposal proposal;

        PenaltyProposalFacts(PenaltyProposal proposal) {
            this.proposal = proposal;
        }

        @Override
        public void notify(DelegateTask task) {
            task.getExecution().setVariables(proposal.facts(task::getVariable));
        }
    }

    /** 裁量基准审查: the proposal held against the results of noPenalty and discretion. */
    @Component("checkProposedPenalty")
    static class CheckProposedPenalty implements JavaDelegate {
        private final PenaltyProposal proposal;

        CheckProposedPenalty(PenaltyProposal proposal) {
            this.proposal = proposal;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void execute(DelegateExecution execution) {
            execution.setVariables(proposal.check((String) execution.getVariable("caseNumber"), execution::getVariable,
                    (Map<String, Object>) execution.getVariable("noPenaltyRule"),
                    (Map<String, Object>) execution.getVariable("discretion"),
                    actor(execution.getProcessEngineServices(), null)));
        }
    }

    /** 偏离裁量基准审批: the head's decision, recorded. */
    @Component("deviationDecided")
    static class DeviationDecided implements TaskListener {
        private final PenaltyProposal proposal;

        DeviationDecided(PenaltyProposal proposal) {
            this.proposal = proposal;
        }

        @Override
        public void notify(DelegateTask task) {
            task.getExecution().setVariables(proposal.deviationDecided((String) task.getVariable("caseNumber"),
                    task::getVariable, actor(task.getProcessEngineServices(), task.getAssignee())));
        }
    }
}
