package org.sanlian.lead.process;

import static org.sanlian.platform.ProcessActors.actor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.sanlian.platform.ProcessActors;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.lead.Limitation;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/**
 * Task listeners of leadIntake. They run when a task completes, check on the server what the form checks in
 * the browser, and record the step; a broken rule throws and the task stays open.
 */
final class LeadTaskListeners {

    private LeadTaskListeners() {
    }

    /** The form fields on the act beyond its date (行政处罚法 Art. 36), as the registration, verification and filing forms send them. */
    static LeadService.ActDetails actDetails(VariableScope scope) {
        return new LeadService.ActDetails(scope.getVariable("continuingAct"), ProcessActors.text(scope, "actEndedOn"),
                scope.getVariable("lifeOrFinanceHarm"));
    }

    /**
     * 案源核查 and 立案审批 created: the act as the lead holds it fills the form's fields, and the task shows where the
     * act stands in its limitation period (行政处罚法 Art. 36): its last day, the days left, and a warning when the end
     * is within {@code sanlian.deadlines.limitation-warning} or has passed.
     */
    @Component("leadLimitationShown")
    public static class LeadLimitationShown implements TaskListener {

        private final LeadService leadService;

        public LeadLimitationShown(LeadService leadService) {
            this.leadService = leadService;
        }

        @Override
        public void notify(DelegateTask task) {
            Lead lead = leadService.byNumber((String) task.getVariable("leadNumber"));
            task.getExecution().setVariable("occurredOn",
                    lead.getOccurredOn() == null ? null : lead.getOccurredOn().toString());
            task.getExecution().setVariable("continuingAct", lead.isActContinuing());
            task.getExecution().setVariable("actEndedOn",
                    lead.getActEndedOn() == null ? null : lead.getActEndedOn().toString());
            task.getExecution().setVariable("lifeOrFinanceHarm", lead.isLifeOrFinanceHarm());
            Limitation.Status status = leadService.limitationOf(lead).orElse(null);
            task.setVariableLocal("limitationText", status == null
                    ? "违法行为发生日期尚未查明；追责期限自违法行为发生之日起计算（《行政处罚法》第三十六条），立案前须查明" : status.text());
            task.setVariableLocal("limitationWarning", status != null && (status.nearEnd() || status.expired()));
            task.setVariableLocal("limitationExpired", status != null && status.expired());
            task.setVariableLocal("limitationLastDay", status == null ? null : status.lastDay().toString());
            task.setVariableLocal("limitationDaysLeft", status == null ? null : status.daysLeft());
        }
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
                    ProcessActors.text(task, "verificationFindings"), ProcessActors.text(task, "occurredOn"),
                    actDetails(task), actor(task));
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
                    ProcessActors.text(task, "filingDecision"), ProcessActors.text(task, "decisionReason"),
                    ProcessActors.text(task, "occurredOn"), actDetails(task), actor(task));
        }
    }
}
