package org.sanlian.lead.process;

import static org.sanlian.platform.ProcessActors.actor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.sanlian.platform.ProcessActors;
import org.sanlian.platform.ProcessVariables;
import org.sanlian.platform.forms.ShownOnForm;
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
     * 案源核查 and 立案审批 created: the act as the lead holds it fills the form's fields (a value already there is
     * not written again: issue 16, each write is also versioned in history).
     */
    @Component("leadActPrefilled")
    public static class LeadActPrefilled implements TaskListener {

        private final LeadService leadService;

        public LeadActPrefilled(LeadService leadService) {
            this.leadService = leadService;
        }

        @Override
        public void notify(DelegateTask task) {
            Lead lead = leadService.byNumber((String) task.getVariable("leadNumber"));
            Map<String, Object> act = new LinkedHashMap<>();
            act.put("occurredOn", lead.getOccurredOn() == null ? null : lead.getOccurredOn().toString());
            act.put("continuingAct", lead.isActContinuing());
            act.put("actEndedOn", lead.getActEndedOn() == null ? null : lead.getActEndedOn().toString());
            act.put("lifeOrFinanceHarm", lead.isLifeOrFinanceHarm());
            ProcessVariables.setChanged(task.getExecution(), act);
        }
    }

    /**
     * 案源核查 and 立案审批 show where the act stands in its limitation period (行政处罚法 Art. 36): its last day, the
     * days left, and a warning when the end is within {@code sanlian.deadlines.limitation-warning} or has passed —
     * worked out when the form is opened, so it is today's count (issue 16: not stored in the task). Models deployed
     * before named this bean as the tasks' create listener, which also filled the act's fields: it still does.
     */
    @Component("leadLimitationShown")
    public static class LeadLimitationShown implements ShownOnForm {

        private static final Set<String> NAMES = Set.of("limitationText", "limitationWarning", "limitationExpired",
                "limitationLastDay", "limitationDaysLeft");

        private final LeadService leadService;
        private final LeadActPrefilled prefilled;

        public LeadLimitationShown(LeadService leadService, LeadActPrefilled prefilled) {
            this.leadService = leadService;
            this.prefilled = prefilled;
        }

        @Override
        public Set<String> names() {
            return NAMES;
        }

        @Override
        public Map<String, Object> shown(DelegateTask task) {
            Lead lead = leadService.byNumber((String) task.getVariable("leadNumber"));
            Limitation.Status status = leadService.limitationOf(lead).orElse(null);
            Map<String, Object> shown = new HashMap<>();
            shown.put("limitationText", status == null
                    ? "违法行为发生日期尚未查明；追责期限自违法行为发生之日起计算（《行政处罚法》第三十六条），立案前须查明" : status.text());
            shown.put("limitationWarning", status != null && (status.nearEnd() || status.expired()));
            shown.put("limitationExpired", status != null && status.expired());
            shown.put("limitationLastDay", status == null ? null : status.lastDay().toString());
            shown.put("limitationDaysLeft", status == null ? null : status.daysLeft());
            return shown;
        }

        @Override
        public void notify(DelegateTask task) {
            prefilled.notify(task);
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
