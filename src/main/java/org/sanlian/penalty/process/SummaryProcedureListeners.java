package org.sanlian.penalty.process;

import org.sanlian.casefile.process.StepRules;
import org.sanlian.penalty.Yuan;
import org.sanlian.platform.ProcessActors;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sanlian.platform.DeadlineSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.penalty.SummaryDecision;
import org.sanlian.penalty.SummaryProcedure;
import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.deadline.LegalDeadline;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/** Thin adapters between summaryProcedure (简易程序) and {@link SummaryProcedure}. */
final class SummaryProcedureListeners {

    private SummaryProcedureListeners() {
    }

    /**
     * One on-the-spot step: the rule gets the lead number, only the fields the task's form declares, and who
     * completes the task; everything else it reads from the stored facts (summary_decision).
     */
    interface Step {
        Map<String, Object> apply(String leadNumber, FormFields form, String actor);
    }

    private static String actor(VariableScope scope, org.camunda.bpm.engine.ProcessEngineServices engine) {
        String user = ProcessActors.currentUser(engine);
        return user != null ? user : (String) scope.getVariable("officer");
    }

    /** Steps ① ②: registers the on-the-spot case; its lead number is the business key until a case is filed. */
    @Component("recordOnTheSpotCase")
    static class RecordOnTheSpotCase implements JavaDelegate {
        private final SummaryProcedure summary;
        private final CaseAccess caseAccess;

        RecordOnTheSpotCase(SummaryProcedure summary, CaseAccess caseAccess) {
            this.summary = summary;
            this.caseAccess = caseAccess;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> produced = summary.register(execution::getVariable,
                    actor(execution, execution.getProcessEngineServices()), execution.getProcessInstanceId());
            execution.setVariables(produced);
            execution.setProcessBusinessKey((String) produced.get("leadNumber"));
            caseAccess.openTo(execution.getProcessInstanceId(), (String) produced.get("organisationCode"));
        }
    }

    /**
     * One listener for every user task of summaryProcedure: the step's rule on the fields its form declares, then
     * the next legal deadline counted from the stored decision date. The variables it writes are copies for
     * routing (paymentRoute) and display.
     */
    @Component("onTheSpotStepCompleted")
    static class OnTheSpotStepCompleted implements TaskListener {
        private final Map<Rule, Step> steps;
        private final Map<Rule, Consumer<DelegateTask>> afterwards;
        private final SummaryProcedure summary;

        OnTheSpotStepCompleted(SummaryProcedure summary, WorkingDayDeadlines deadlines,
                DeadlineSettings deadlineSettings) {
            this.summary = summary;
            this.steps = Map.of(
                    Rule.onTheSpotStatement, summary::partyInformed,
                    Rule.onTheSpotDecision, summary::decisionHandedOver,
                    Rule.decisionCopyFiling, summary::copyFiled,
                    Rule.cashHandOver, summary::cashHandedOver,
                    Rule.bankPayment, summary::bankPayment);
            this.afterwards = Map.of(
                    Rule.onTheSpotDecision, task -> {
                        SummaryDecision decision = summary.facts(leadNumber(task)).orElseThrow();
                        LocalDate decidedOn = decision.getDecidedOn();
                        // 9号令 Art. 61 ⑧: the copy is filed within 5 days (working days: domain.md §2.15, L)
                        LocalDate copyDue = count(deadlines, task, "onTheSpotCopy", decidedOn, deadlineSettings.onTheSpotCopyWorkingDays(),
                                "copyFilingDue", "fileDecisionCopy");
                        summary.copyFilingDue(leadNumber(task), copyDue);
                        if ("cash".equals(decision.getPaymentMethod())) {
                            // 行政处罚法 Art. 71: cash to the agency within 2 days (working days, Art. 85)
                            count(deadlines, task, "cashHandOver", decidedOn, deadlineSettings.cashHandOverWorkingDays(), "cashHandOverDue",
                                    "handOverCash");
                        }
                    },
                    Rule.decisionCopyFiling, task -> deadlines.close(task.getProcessInstanceId(), "onTheSpotCopy"),
                    Rule.cashHandOver, task -> deadlines.close(task.getProcessInstanceId(), "cashHandOver"));
        }

        @Override
        public void notify(DelegateTask task) {
            Rule rule = StepRules.ruleOf(task);
            Step step = steps.get(rule);
            if (step == null) {
                throw new IllegalStateException("规则 " + rule + " 不属于简易程序");
            }
            String actor = actor(task, task.getProcessEngineServices());
            FormFields form = new FormFields(StepRules.declaredFields(task), summary.today(),
                    StepRules.optionLabels(task));
            task.getExecution().setVariables(step.apply(leadNumber(task), form,
                    actor == null ? task.getAssignee() : actor));
            afterwards.getOrDefault(rule, t -> { }).accept(task);
        }

        private static String leadNumber(DelegateTask task) {
            // the business key is the lead number, set by the server when the on-the-spot case was registered
            return task.getExecution().getProcessBusinessKey();
        }

        private static LocalDate count(WorkingDayDeadlines deadlines, DelegateTask task, String kind, LocalDate from,
                int workingDays, String variable, String nextTask) {
            LegalDeadline due = deadlines.schedule(task.getProcessInstanceId(), kind, from, workingDays, variable,
                    nextTask);
            due.writeTo(task.getExecution());
            return due.getDueDate();
        }
    }

    /**
     * 转为普通程序: the on-the-spot case does not qualify for the summary procedure (行政处罚法 Art. 51), so it goes to
     * its head's 立案审批 like any lead (Art. 54; 9号令 Art. 63): a leadIntake instance starts at decideFiling with
     * what was found on the spot as the verification, and the facts, party type, violation, evidence and proposed
     * fine go with it, so that, once filed, the handler does not enter them again.
     */
    @Component("moveToGeneralProcedure")
    static class MoveToGeneralProcedure implements JavaDelegate {
        static final List<String> CARRIED = List.of("facts", "partyType", "violationCode", "evidenceSummary",
                "partyIdNumber", "plateNumber", "place");

        private final SummaryProcedure summary;
        private final LeadService leads;
        private final CaseAccess caseAccess;
        private final WorkingDayCalendar calendar;
        private final int verificationWorkingDays;

        MoveToGeneralProcedure(SummaryProcedure summary, LeadService leads, CaseAccess caseAccess,
                WorkingDayCalendar calendar, DeadlineSettings deadlineSettings) {
            this.summary = summary;
            this.leads = leads;
            this.caseAccess = caseAccess;
            this.calendar = calendar;
            this.verificationWorkingDays = deadlineSettings.leadVerificationWorkingDays();
        }

        @Override
        public void execute(DelegateExecution execution) {
            String leadNumber = (String) execution.getVariable("leadNumber");
            Lead lead = leads.byNumber(leadNumber);
            boolean factsCertain = !Boolean.FALSE.equals(execution.getVariable("factsCertain"));
            Map<String, Object> variables = new LinkedHashMap<>();
            for (String name : CARRIED) {
                Object value = execution.getVariable(name);
                if (value != null) {
                    variables.put(name, value);
                }
            }
            // the fine proposed on the spot as stored, not a copy
            SummaryDecision facts = summary.facts(leadNumber).orElseThrow();
            if (!facts.isWarningOnly()) {
                variables.put("proposedFine", Yuan.variable(facts.getProposedFine()));
            }
            variables.put("summaryProcedureInstanceId", execution.getProcessInstanceId());
            // what 立案审批 shows and its listeners read, as a lead verified at 案源核查 has them
            variables.put("leadNumber", leadNumber);
            variables.put("organisationCode", lead.getOrganisationCode());
            variables.put("partyName", lead.getPartyName());
            variables.put("source", lead.getSource().name());
            variables.put("summary", lead.getSummary());
            variables.put("areaCode", lead.getAreaCode());
            variables.put("occurredOn", lead.getOccurredOn() == null ? null : lead.getOccurredOn().toString());
            variables.put("registrant", lead.getRegisteredBy());
            variables.put("duplicateRegistration", false);
            variables.put("verificationFindings", summary.findingsOnTheSpot(leadNumber, factsCertain));
            // 立案审批 is due as a verification would be (Art. 54: 及时立案), counted from today
            WorkingDayCalendar.CountedDate due = calendar.addWorkingDays(summary.today(), verificationWorkingDays);
            variables.put("verificationDue", WorkingDayDeadlines.endOfDay(due.date()));
            variables.put("verificationDueProvisional", due.provisional());
            ProcessInstance intake = execution.getProcessEngineServices().getRuntimeService()
                    .createProcessInstanceByKey("leadIntake").businessKey(leadNumber).setVariables(variables)
                    .startBeforeActivity("decideFiling").execute();
            caseAccess.openTo(intake.getId(), lead.getOrganisationCode());
            summary.moveToGeneral(leadNumber, intake.getId(), factsCertain,
                    actor(execution, execution.getProcessEngineServices()));
            execution.setVariable("leadIntakeInstanceId", intake.getId());
        }
    }
}
