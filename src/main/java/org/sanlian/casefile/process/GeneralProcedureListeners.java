package org.sanlian.casefile.process;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.sanlian.casefile.CaseProcedure;
import org.sanlian.supervision.DecisionDeadline;
import org.sanlian.supervision.LegalDeadline;
import org.sanlian.supervision.WorkingDayDeadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Thin adapters between generalProcedure's user tasks and {@link CaseProcedure}: each runs when its task
 * completes, hands the submitted values to the step's rule and writes back what the step produces.
 */
public final class GeneralProcedureListeners {

    private GeneralProcedureListeners() {
    }

    /** One step: the rule gets the case number, the submitted values and who completes the task. */
    interface Step {
        Map<String, Object> apply(String caseNumber, Function<String, Object> input, String actor);
    }

    abstract static class StepListener implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            String actor = user != null ? user.getUserId() : task.getAssignee();
            Map<String, Object> produced = step().apply((String) task.getVariable("caseNumber"), task::getVariable, actor);
            task.getExecution().setVariables(produced);
            after(task);
        }

        abstract Step step();

        void after(DelegateTask task) {
        }
    }

    @Component("investigateCompleted")
    static class Investigate extends StepListener {
        private final CaseProcedure procedure;

        Investigate(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::investigate;
        }
    }

    @Component("investigationReportCompleted")
    static class Report extends StepListener {
        private final CaseProcedure procedure;

        Report(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::report;
        }
    }

    @Component("legalReviewCompleted")
    static class LegalReview extends StepListener {
        private final CaseProcedure procedure;

        LegalReview(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::legalReview;
        }
    }

    /** The statement window (default 3 working days, domain.md §2.7 and §2.17) runs from the notice's service. */
    @Component("issueNoticeCompleted")
    static class IssueNotice extends StepListener {
        private final CaseProcedure procedure;
        private final WorkingDayDeadlines deadlines;
        private final int statementWorkingDays;

        IssueNotice(CaseProcedure procedure, WorkingDayDeadlines deadlines,
                @Value("${sanlian.deadlines.statement-working-days:3}") int statementWorkingDays) {
            this.procedure = procedure;
            this.deadlines = deadlines;
            this.statementWorkingDays = statementWorkingDays;
        }

        @Override
        Step step() {
            return (caseNumber, input, actor) -> {
                LocalDate servedOn = procedure.noticeServed(caseNumber, input, actor);
                return Map.of("noticeServedOn", servedOn.toString());
            };
        }

        @Override
        void after(DelegateTask task) {
            LegalDeadline due = deadlines.schedule(task.getProcessInstanceId(), "statementWindow",
                    LocalDate.parse((String) task.getVariable("noticeServedOn")), statementWorkingDays, "statementDue",
                    "statementAndRecheck");
            task.getExecution().setVariable("statementDue", WorkingDayDeadlines.endOfDay(due.getDueDate()));
            task.getExecution().setVariable("statementDueProvisional", due.isProvisional());
        }
    }

    @Component("statementAndRecheckCompleted")
    static class Recheck extends StepListener {
        private final CaseProcedure procedure;
        private final WorkingDayDeadlines deadlines;

        Recheck(CaseProcedure procedure, WorkingDayDeadlines deadlines) {
            this.procedure = procedure;
            this.deadlines = deadlines;
        }

        @Override
        Step step() {
            return procedure::recheck;
        }

        @Override
        void after(DelegateTask task) {
            deadlines.close(task.getProcessInstanceId(), "statementWindow");
        }
    }

    /** A decision document must be served within 7 working days when the party is absent (Art. 61). */
    abstract static class Decision extends StepListener {
        private final WorkingDayDeadlines deadlines;
        private final int serviceWorkingDays;

        Decision(WorkingDayDeadlines deadlines, int serviceWorkingDays) {
            this.deadlines = deadlines;
            this.serviceWorkingDays = serviceWorkingDays;
        }

        @Override
        void after(DelegateTask task) {
            if ("approve".equals(task.getVariable("headDecision"))) {
                LegalDeadline due = deadlines.schedule(task.getProcessInstanceId(), "serviceWindow",
                        LocalDate.now(WorkingDayDeadlines.CHINA), serviceWorkingDays, "serviceDue", "serveDecision");
                task.getExecution().setVariable("serviceDue", WorkingDayDeadlines.endOfDay(due.getDueDate()));
                task.getExecution().setVariable("serviceDueProvisional", due.isProvisional());
            }
        }
    }

    @Component("decidePenaltyCompleted")
    static class DecidePenalty extends Decision {
        private final CaseProcedure procedure;

        DecidePenalty(CaseProcedure procedure, WorkingDayDeadlines deadlines,
                @Value("${sanlian.deadlines.service-working-days:7}") int serviceWorkingDays) {
            super(deadlines, serviceWorkingDays);
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return (caseNumber, input, actor) -> procedure.decide(caseNumber, input, actor, true);
        }
    }

    @Component("decideNoPenaltyCompleted")
    static class DecideNoPenalty extends Decision {
        private final CaseProcedure procedure;

        DecideNoPenalty(CaseProcedure procedure, WorkingDayDeadlines deadlines,
                @Value("${sanlian.deadlines.service-working-days:7}") int serviceWorkingDays) {
            super(deadlines, serviceWorkingDays);
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return (caseNumber, input, actor) -> procedure.decide(caseNumber, input, actor, false);
        }
    }

    @Component("decideCrimeTransferCompleted")
    static class DecideCrimeTransfer extends StepListener {
        private final CaseProcedure procedure;

        DecideCrimeTransfer(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::crimeTransfer;
        }
    }

    @Component("serveDecisionCompleted")
    static class Serve extends StepListener {
        private final CaseProcedure procedure;
        private final WorkingDayDeadlines deadlines;

        Serve(CaseProcedure procedure, WorkingDayDeadlines deadlines) {
            this.procedure = procedure;
            this.deadlines = deadlines;
        }

        @Override
        Step step() {
            return procedure::serve;
        }

        @Override
        void after(DelegateTask task) {
            deadlines.close(task.getProcessInstanceId(), "serviceWindow");
        }
    }

    @Component("recordPaymentCompleted")
    static class Payment extends StepListener {
        private final CaseProcedure procedure;

        Payment(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::payment;
        }
    }

    @Component("closeCaseCompleted")
    static class CloseCase extends StepListener {
        private final CaseProcedure procedure;

        CloseCase(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return (caseNumber, input, actor) -> {
                procedure.closureDrafted(caseNumber, input, actor);
                return Map.of();
            };
        }
    }

    @Component("approveClosureCompleted")
    static class ApproveClosure extends StepListener {
        private final CaseProcedure procedure;

        ApproveClosure(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::closureDecided;
        }
    }

    @Component("decisionDeadlineWarningCompleted")
    static class DeadlineWarning extends StepListener {
        private final CaseProcedure procedure;

        DeadlineWarning(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::deadlineWarning;
        }
    }

    @Component("approveExtensionCompleted")
    static class ApproveExtension extends StepListener {
        private final CaseProcedure procedure;

        ApproveExtension(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::extensionDecided;
        }
    }

    /** 延长办案期限: the approved extension moves the limit (Art. 60; extension rules domain.md §2.9, L). */
    @Component("extendDecisionDeadline")
    static class ExtendDecisionDeadline implements JavaDelegate {
        private final DecisionDeadline decisionDeadline;
        private final CaseProcedure procedure;

        ExtendDecisionDeadline(DecisionDeadline decisionDeadline, CaseProcedure procedure) {
            this.decisionDeadline = decisionDeadline;
            this.procedure = procedure;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.extended((String) execution.getVariable("caseNumber"), decisionDeadline.extend(execution));
        }
    }

    /** 超期督办 by the city legal supervisor. */
    @Component("superviseOverdueCaseCompleted")
    static class SuperviseOverdueCase extends StepListener {
        private final CaseProcedure procedure;

        SuperviseOverdueCase(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::supervised;
        }
    }

    @Component("scheduleHearingCompleted")
    static class ScheduleHearing extends StepListener {
        private final CaseProcedure procedure;

        ScheduleHearing(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::scheduleHearing;
        }
    }

    @Component("holdHearingCompleted")
    static class HoldHearing extends StepListener {
        private final CaseProcedure procedure;

        HoldHearing(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::holdHearing;
        }
    }

    @Component("legalReviewAfterHearingCompleted")
    static class ReviewAfterHearing extends StepListener {
        private final CaseProcedure procedure;

        ReviewAfterHearing(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::reviewAfterHearing;
        }
    }

    @Component("approveDeferralCompleted")
    static class ApproveDeferral extends StepListener {
        private final CaseProcedure procedure;

        ApproveDeferral(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::deferral;
        }
    }

    @Component("issueReminderCompleted")
    static class IssueReminder extends StepListener {
        private final CaseProcedure procedure;

        IssueReminder(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::reminder;
        }
    }

    @Component("applyToCourtCompleted")
    static class ApplyToCourt extends StepListener {
        private final CaseProcedure procedure;

        ApplyToCourt(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        Step step() {
            return procedure::courtApplication;
        }
    }

    /** 归档: the case file is archived (Art. 47). */
    @Component("archiveCase")
    static class Archive implements JavaDelegate {
        private final CaseProcedure procedure;

        Archive(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.archive((String) execution.getVariable("caseNumber"));
        }
    }
}
