package org.sanlian.lead.process;

import static org.sanlian.platform.ProcessActors.actor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sanlian.platform.ProcessActors;
import org.sanlian.lead.LeadService;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/**
 * Task listeners of leadIntake. They run when a task completes, check on the server what the form checks in
 * the browser, and record the step; a broken rule throws and the task stays open.
 */
public final class LeadTaskListeners {

    private LeadTaskListeners() {
    }

    /** 案源核查 completed. */
    @Component("verifyLeadCompleted")
    public static class VerifyLeadCompleted implements TaskListener {

        private final LeadService leadService;
        private final WorkingDayDeadlines deadlines;

        public VerifyLeadCompleted(LeadService leadService, WorkingDayDeadlines deadlines) {
            this.leadService = leadService;
            this.deadlines = deadlines;
        }

        @Override
        public void notify(DelegateTask task) {
            leadService.recordVerification((String) task.getVariable("leadNumber"),
                    ProcessActors.text(task.getExecution(), "verificationFindings"), actor(task));
            deadlines.close(task.getProcessInstanceId(), RecordLeadDelegate.VERIFICATION_DEADLINE);
        }
    }

    /** 立案审批 completed. */
    @Component("decideFilingCompleted")
    public static class DecideFilingCompleted implements TaskListener {

        private final LeadService leadService;

        public DecideFilingCompleted(LeadService leadService) {
            this.leadService = leadService;
        }

        @Override
        public void notify(DelegateTask task) {
            leadService.recordFilingDecision((String) task.getVariable("leadNumber"),
                    ProcessActors.text(task.getExecution(), "filingDecision"),
                    ProcessActors.text(task.getExecution(), "decisionReason"), actor(task));
        }
    }
}
