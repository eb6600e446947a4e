package org.sanlian.casefile.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.sanlian.casefile.CaseProcedure;
import org.sanlian.document.CaseArchives;
import org.sanlian.document.DocumentKind;
import org.sanlian.document.ServiceRecord;
import org.sanlian.document.ServiceRecords;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.supervision.DecisionDeadline;
import org.sanlian.supervision.LegalDeadline;
import org.sanlian.supervision.WorkingDayDeadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Thin adapters between generalProcedure and {@link CaseProcedure}. One task listener serves every user task of
 * the procedure: when a task completes it hands the submitted values to that step's rule (found by the task's
 * id in the model) and writes back what the step produces; a few steps then count the next legal deadline.
 */
public final class GeneralProcedureListeners {

    private GeneralProcedureListeners() {
    }

    /** One step: the rule gets the case number, the submitted values and who completes the task. */
    interface Step {
        Map<String, Object> apply(String caseNumber, Function<String, Object> input, String actor);
    }

    @Component("caseStepCompleted")
    static class CaseStepCompleted implements TaskListener {

        private final Map<String, Step> steps;
        private final Map<String, Consumer<DelegateTask>> afterwards;
        private final WorkingDayDeadlines deadlines;
        private final ApplicationEventPublisher events;

        CaseStepCompleted(CaseProcedure procedure, CaseParties parties, WorkingDayDeadlines deadlines,
                DecisionDeadline decisionDeadline, ServiceRecords services, ApplicationEventPublisher events,
                @Value("${sanlian.deadlines.statement-working-days:3}") int statementWorkingDays,
                @Value("${sanlian.deadlines.service-working-days:7}") int serviceWorkingDays,
                @Value("${sanlian.deadlines.preservation-working-days:7}") int preservationWorkingDays,
                @Value("${sanlian.deadlines.closure-approval-working-days:3}") int closureApprovalWorkingDays) {
            this.deadlines = deadlines;
            this.events = events;
            this.steps = Map.ofEntries(
                    Map.entry("investigate", (caseNumber, input, actor) -> {
                        // the party and vehicle the investigation establishes (domain.md §2.2), checked first
                        CaseParties.PartyDetails party = new CaseParties.PartyDetails(
                                Inputs.text("partyName", input.apply("partyName")), Inputs.text("partyIdNumber", input.apply("partyIdNumber")),
                                Inputs.text("partyAddress", input.apply("partyAddress")), Inputs.text("partyPhone", input.apply("partyPhone")),
                                Inputs.text("plateNumber", input.apply("plateNumber")));
                        List<FieldViolation> violations = CaseParties.check(party);
                        if (!violations.isEmpty()) {
                            throw new InvalidInputException(violations);
                        }
                        Map<String, Object> produced = procedure.investigate(caseNumber, input, actor);
                        parties.record(caseNumber, party, actor);
                        return produced;
                    }),
                    Map.entry("decidePreservation", procedure::preservationDecided),
                    Map.entry("reviewSeizure", procedure::seizureReviewed),
                    Map.entry("decideRecusal", procedure::recusalDecided),
                    Map.entry("investigationReport", procedure::report),
                    Map.entry("legalReview", procedure::legalReview),
                    Map.entry("issueNotice", (caseNumber, input, actor) ->
                            Map.of("noticeServedOn", procedure.noticeServed(caseNumber, input, actor).toString())),
                    Map.entry("statementAndRecheck", procedure::recheck),
                    Map.entry("scheduleHearing", procedure::scheduleHearing),
                    Map.entry("holdHearing", procedure::holdHearing),
                    Map.entry("legalReviewAfterHearing", procedure::reviewAfterHearing),
                    Map.entry("collectiveDiscussion", procedure::collectiveDiscussion),
                    Map.entry("decidePenalty", (caseNumber, input, actor) -> procedure.decide(caseNumber, input, actor, true)),
                    Map.entry("decideNoPenalty", (caseNumber, input, actor) -> procedure.decide(caseNumber, input, actor, false)),
                    Map.entry("decideCrimeTransfer", procedure::crimeTransfer),
                    Map.entry("sendCrimeTransfer", procedure::crimeTransferSent),
                    // the service is recorded (送达回证) and the periods that run from it read the record
                    Map.entry("serveDecision", (caseNumber, input, actor) -> {
                        ServiceRecord served = services.serveLatest(caseNumber, decisionKind(input), input,
                                Map.of(), actor);
                        return procedure.decisionServed(caseNumber, served.getEffectiveOn(),
                                served.getMethod().chineseName(), served.getRecipient(), actor);
                    }),
                    Map.entry("recordPayment", procedure::payment),
                    Map.entry("approveDeferral", procedure::deferral),
                    Map.entry("issueReminder", procedure::reminder),
                    Map.entry("applyToCourt", procedure::courtApplication),
                    Map.entry("closeCase", (caseNumber, input, actor) -> {
                        procedure.closureDrafted(caseNumber, input, actor);
                        return Map.of();
                    }),
                    Map.entry("approveClosure", procedure::closureDecided),
                    Map.entry("decisionDeadlineWarning", procedure::deadlineWarning),
                    Map.entry("approveExtension", procedure::extensionDecided),
                    Map.entry("superviseOverdueCase", procedure::supervised));
            Consumer<DelegateTask> serviceWindow = task -> {
                if ("approve".equals(task.getVariable("headDecision"))) {
                    // a decision is served within 7 working days when the party is absent (Art. 61)
                    count(task, "serviceWindow", LocalDate.now(WorkingDayDeadlines.CHINA), serviceWorkingDays,
                            "serviceDue", "serveDecision");
                }
            };
            this.afterwards = Map.ofEntries(
                    // evidence preservation must be decided on within 7 working days (Art. 56, Art. 85)
                    Map.entry("investigate", task -> {
                        if (Boolean.TRUE.equals(task.getVariable("evidencePreserved"))) {
                            count(task, "preservationWindow", Inputs.date("preservedOn", task.getVariable("preservedOn")),
                                    preservationWorkingDays, "preservationDue", "decidePreservation");
                        }
                    }),
                    Map.entry("decidePreservation", task -> deadlines.close(task.getProcessInstanceId(), "preservationWindow")),
                    // testing, inspection or appraisal time does not count towards the decision limit (domain.md §2.9)
                    Map.entry("investigationReport", task -> procedure.appraisalPeriod(
                            (String) task.getVariable("caseNumber"), task::getVariable)
                            .ifPresent(period -> decisionDeadline.exclude(task.getExecution(), period.from(), period.to()))),
                    // the hearing, from the party's request to the hearing day, does not count towards the
                    // decision limit (domain.md §2.9: excluded periods pause the clock)
                    Map.entry("holdHearing", task -> decisionDeadline.exclude(task.getExecution(),
                            Inputs.date("hearingRequestedOn", task.getVariable("hearingRequestedOn")),
                            Inputs.date("hearingDate", task.getVariable("hearingDate")))),
                    // the statement window (domain.md §2.7, §2.17) runs from the notice's service
                    Map.entry("issueNotice", task -> count(task, "statementWindow",
                            Inputs.date("noticeServedOn", task.getVariable("noticeServedOn")), statementWorkingDays,
                            "statementDue", "statementAndRecheck")),
                    Map.entry("statementAndRecheck", task -> deadlines.close(task.getProcessInstanceId(), "statementWindow")),
                    Map.entry("decidePenalty", serviceWindow),
                    Map.entry("decideNoPenalty", serviceWindow),
                    Map.entry("serveDecision", task -> deadlines.close(task.getProcessInstanceId(), "serviceWindow")),
                    // no statutory period for the head's closure approval: a local choice (domain.md §2.14)
                    Map.entry("closeCase", task -> {
                        deadlines.close(task.getProcessInstanceId(), "closureWindow");
                        count(task, "closureApprovalWindow", LocalDate.now(WorkingDayDeadlines.CHINA),
                                closureApprovalWorkingDays, "closureApprovalDue", "approveClosure");
                    }),
                    Map.entry("approveClosure", task -> deadlines.close(task.getProcessInstanceId(), "closureApprovalWindow")));
        }

        @Override
        public void notify(DelegateTask task) {
            Step step = steps.get(task.getTaskDefinitionKey());
            if (step == null) {
                throw new IllegalStateException("no rule for the step " + task.getTaskDefinitionKey());
            }
            Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            String actor = user != null ? user.getUserId() : task.getAssignee();
            String caseNumber = (String) task.getVariable("caseNumber");
            task.getExecution().setVariables(step.apply(caseNumber, task::getVariable, actor));
            afterwards.getOrDefault(task.getTaskDefinitionKey(), t -> { }).accept(task);
            events.publishEvent(new org.sanlian.casefile.CaseStepCompleted(caseNumber, task.getTaskDefinitionKey(),
                    actor, task.getVariables()));
        }

        private static DocumentKind decisionKind(Function<String, Object> input) {
            return "penalty".equals(input.apply("proposedOutcome")) ? DocumentKind.PENALTY_DECISION
                    : DocumentKind.NO_PENALTY_DECISION;
        }

        private void count(DelegateTask task, String kind, LocalDate from, int workingDays, String variable,
                String nextTask) {
            LegalDeadline due = deadlines.schedule(task.getProcessInstanceId(), kind, from, workingDays, variable, nextTask);
            task.getExecution().setVariable(variable, WorkingDayDeadlines.endOfDay(due.getDueDate()));
            task.getExecution().setVariable(variable + "Provisional", due.isProvisional());
        }
    }

    /**
     * 结案报告 due: the law sets no period for closure once execution ends, so the due date is a local choice
     * (sanlian.deadlines.closure-working-days, default 10 working days), counted on the working-day calendar.
     */
    @Component("closureWindowOpened")
    static class ClosureWindowOpened implements ExecutionListener {
        private final WorkingDayDeadlines deadlines;
        private final int closureWorkingDays;

        ClosureWindowOpened(WorkingDayDeadlines deadlines,
                @Value("${sanlian.deadlines.closure-working-days:10}") int closureWorkingDays) {
            this.deadlines = deadlines;
            this.closureWorkingDays = closureWorkingDays;
        }

        @Override
        public void notify(DelegateExecution execution) {
            LegalDeadline due = deadlines.schedule(execution.getProcessInstanceId(), "closureWindow",
                    LocalDate.now(WorkingDayDeadlines.CHINA), closureWorkingDays, "closureDue", "closeCase");
            execution.setVariable("closureDue", WorkingDayDeadlines.endOfDay(due.getDueDate()));
            execution.setVariable("closureDueProvisional", due.isProvisional());
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

    /** 延长扣押期限: the one extension (行政强制法 Art. 25). */
    @Component("extendSeizure")
    static class ExtendSeizure implements JavaDelegate {
        private final CaseProcedure procedure;

        ExtendSeizure(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(procedure.seizureExtended((String) execution.getVariable("caseNumber"),
                    (java.util.Date) execution.getVariable("seizureDue")));
        }
    }

    /** 期满解除扣押: the seizure period passed with no decision. */
    @Component("liftSeizure")
    static class LiftSeizure implements JavaDelegate {
        private final CaseProcedure procedure;

        LiftSeizure(CaseProcedure procedure) {
            this.procedure = procedure;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.seizureLapsed((String) execution.getVariable("caseNumber"));
        }
    }

    /** 期满解除保存: the 7-working-day limit passed with no decision. */
    @Component("liftPreservation")
    static class LiftPreservation implements JavaDelegate {
        private final CaseProcedure procedure;
        private final WorkingDayDeadlines deadlines;

        LiftPreservation(CaseProcedure procedure, WorkingDayDeadlines deadlines) {
            this.procedure = procedure;
            this.deadlines = deadlines;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.preservationLapsed((String) execution.getVariable("caseNumber"));
            deadlines.close(execution.getProcessInstanceId(), "preservationWindow");
        }
    }

    /** 归档: the case file is archived (Art. 47). */
    @Component("archiveCase")
    static class Archive implements JavaDelegate {
        private final CaseProcedure procedure;
        private final CaseArchives archives;

        Archive(CaseProcedure procedure, CaseArchives archives) {
            this.procedure = procedure;
            this.archives = archives;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String caseNumber = (String) execution.getVariable("caseNumber");
            archives.archive(caseNumber, execution.getVariables());
            procedure.archive(caseNumber);
        }
    }
}
