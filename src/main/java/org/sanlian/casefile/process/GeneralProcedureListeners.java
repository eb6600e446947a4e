package org.sanlian.casefile.process;

import org.sanlian.platform.ChinaTime;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.sanlian.platform.DeadlineSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sanlian.platform.ProcessActors;
import org.sanlian.platform.ProcessVariables;
import org.sanlian.casefile.CaseArchiving;
import org.sanlian.casefile.procedure.ClosureRules;
import org.sanlian.casefile.procedure.FormFields;
import org.sanlian.casefile.procedure.HearingFacts;
import org.sanlian.casefile.procedure.InvestigationRules;
import org.sanlian.casefile.procedure.LegalReview;
import org.sanlian.casefile.procedure.LegalReviews;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.casefile.procedure.StepRule;
import org.sanlian.deadline.DecisionDeadline;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Thin adapters between generalProcedure and the rules of its phases (casefile.procedure). One task listener
 * serves every user task: when a task completes it checks the case's stored status, runs the rule the task names
 * in the model on the fields its form declares, and writes back the copies the rule produces; a few rules then
 * count the next legal deadline.
 */
final class GeneralProcedureListeners {

    private GeneralProcedureListeners() {
    }

    @Component("caseStepCompleted")
    static class CaseStepCompleted implements TaskListener {

        private final Map<Rule, StepRule> rules = new EnumMap<>(Rule.class);
        /** Whether a crime transfer's sending waits for the police's filing decision in the case's model. */
        static final String AWAITS_POLICE_FILING = "awaitsPoliceFiling";
        private final Map<Rule, BiConsumer<DelegateTask, Map<String, Object>>> afterwards = new EnumMap<>(Rule.class);
        private final ProcedureFacts facts;
        private final WorkingDayDeadlines deadlines;
        private final ApplicationEventPublisher events;

        CaseStepCompleted(List<PhaseRules> phases, ProcedureFacts facts, WorkingDayDeadlines deadlines,
                DecisionDeadline decisionDeadline, ApplicationEventPublisher events,
                DeadlineSettings deadlineSettings) {
            this.facts = facts;
            this.deadlines = deadlines;
            this.events = events;
            for (PhaseRules phase : phases) {
                phase.rules().forEach((rule, step) -> {
                    if (rules.put(rule, step) != null) {
                        throw new IllegalStateException("two phases define the rule " + rule);
                    }
                });
            }
            for (Rule rule : Rule.values()) {
                if (!rule.ofSummaryProcedure() && !rules.containsKey(rule)) {
                    throw new IllegalStateException("no phase defines the rule " + rule);
                }
            }
            BiConsumer<DelegateTask, Map<String, Object>> serviceWindow = (task, produced) -> {
                if (produced.containsKey("decisionNumber")) {
                    // a decision is served within 7 working days when the party is absent (Art. 61)
                    count(task, "serviceWindow", facts.today(), deadlineSettings.serviceWorkingDays(), "serviceDue", "serveDecision");
                }
            };
            // evidence preservation must be decided on within 7 working days (Art. 56, Art. 85)
            afterwards.put(Rule.investigation, (task, produced) -> {
                if (produced.get("preservedOn") instanceof String preservedOn) {
                    count(task, "preservationWindow", LocalDate.parse(preservedOn), deadlineSettings.preservationWorkingDays(),
                            "preservationDue", "decidePreservation");
                }
            });
            afterwards.put(Rule.preservationDecision, (task, produced) -> {
                deadlines.close(task.getProcessInstanceId(), "preservationWindow");
                if (produced.containsKey("seizedOn")) {
                    // 转为扣押: what is seized is what was preserved, as 调查取证 listed it
                    task.getExecution().setVariable("seizedItems", task.getVariable("preservedItems"));
                }
            });
            // testing, inspection or appraisal time does not count towards the decision limit (domain.md §2.9)
            afterwards.put(Rule.investigationReport, (task, produced) -> {
                if (produced.get("appraisalExcludedFrom") instanceof String from) {
                    decisionDeadline.exclude(task.getExecution(), LocalDate.parse(from),
                            LocalDate.parse((String) produced.get("appraisalExcludedTo")));
                }
            });
            // the hearing, from the party's request to the hearing day, does not count towards the decision
            // limit (domain.md §2.9: excluded periods pause the clock) — both dates as stored
            afterwards.put(Rule.hearingHeld, (task, produced) -> {
                HearingFacts hearing = facts.hearing(caseNumber(task)).orElseThrow();
                decisionDeadline.exclude(task.getExecution(), hearing.getRequestedOn(), hearing.getScheduledFor());
            });
            // the statement window (domain.md §2.7, §2.17) runs from the notice's service, as the rule stored it
            afterwards.put(Rule.noticeService, (task, produced) -> count(task, "statementWindow",
                    LocalDate.parse((String) produced.get("noticeCountsAsServedOn")), deadlineSettings.statementWorkingDays(),
                    "statementDue", "statementAndRecheck"));
            afterwards.put(Rule.statementRecheck,
                    (task, produced) -> deadlines.close(task.getProcessInstanceId(), "statementWindow"));
            afterwards.put(Rule.legalReview,
                    (task, produced) -> deadlines.close(task.getProcessInstanceId(), "legalReviewWindow"));
            afterwards.put(Rule.hearingLegalReview,
                    (task, produced) -> deadlines.close(task.getProcessInstanceId(), "legalReviewWindow"));
            afterwards.put(Rule.penaltyDecision, serviceWindow);
            afterwards.put(Rule.noPenaltyDecision, serviceWindow);
            afterwards.put(Rule.decisionService,
                    (task, produced) -> deadlines.close(task.getProcessInstanceId(), "serviceWindow"));
            // the head decides on a deferral or instalments (Art. 66 ¶2) within a local period from the stored
            // application: the law sets none, and a surcharge accrues once the payment period has run out (Art. 72)
            afterwards.put(Rule.payment, (task, produced) -> {
                if ("applyDeferral".equals(produced.get("paymentOutcome"))) {
                    count(task, "deferralApprovalWindow", LocalDate.parse((String) produced.get("deferralAppliedOn")),
                            deadlineSettings.deferralApprovalWorkingDays(), "deferralApprovalDue", "approveDeferral");
                }
            });
            afterwards.put(Rule.deferral,
                    (task, produced) -> deadlines.close(task.getProcessInstanceId(), "deferralApprovalWindow"));
            // no statutory period for the head's closure approval: a local choice (domain.md §2.14)
            afterwards.put(Rule.closureReport, (task, produced) -> {
                deadlines.close(task.getProcessInstanceId(), "closureWindow");
                count(task, "closureApprovalWindow", facts.today(), deadlineSettings.closureApprovalWorkingDays(),
                        "closureApprovalDue", "approveClosure");
            });
            // 移送规定 Art. 8: a model with 公安机关立案审查结果 concludes the transfer when the police file it; a model
            // without it (deployed before, or from Modeler) ends at the sending, so the case is concluded there, and
            // archived (DocumentSteps reads the flag)
            afterwards.put(Rule.crimeTransferSent, (task, produced) -> {
                boolean awaitsPolice = StepRules.modelNames(task, Rule.policeFilingDecision);
                task.getExecution().setVariable(AWAITS_POLICE_FILING, awaitsPolice);
                if (awaitsPolice) {
                    // the case is the police's to decide on: the 90-day limit's timers wait for its return
                    decisionDeadline.pause(task.getExecution());
                } else {
                    facts.concluded(caseNumber(task));
                }
            });
            // 移送规定 Arts. 10, 13: a case the police did not file is the body's again, its limit moved by the days
            // it was away, and its timers running
            afterwards.put(Rule.policeFilingDecision, (task, produced) -> {
                if (produced.get("policeExcludedFrom") instanceof String from) {
                    decisionDeadline.resume(task.getExecution(), LocalDate.parse(from),
                            LocalDate.parse((String) produced.get("policeExcludedTo")));
                }
            });
            // 行政处罚法 Art. 27 ¶1: a case the judicial organs send back after the police filed it is the body's
            // again in the same way — its limit moved by the days it was away, its timers running
            afterwards.put(Rule.judicialOutcome, afterwards.get(Rule.policeFilingDecision));
            afterwards.put(Rule.closureApproval,
                    (task, produced) -> deadlines.close(task.getProcessInstanceId(), "closureApprovalWindow"));
        }

        @Override
        public void notify(DelegateTask task) {
            Rule rule = StepRules.ruleOf(task);
            StepRule step = rules.get(rule);
            if (step == null) {
                throw new IllegalStateException("规则 " + rule + " 不属于普通程序");
            }
            String actor = ProcessActors.actor(task);
            String caseNumber = caseNumber(task);
            facts.requireStatusAllows(caseNumber, rule, task.getName());
            if (rule == Rule.preservationDecision && "seizure".equals(task.getVariable("preservationOutcome"))
                    && Boolean.TRUE.equals(task.getVariable("seizureApplied"))) {
                // the case's model follows one seizure, its period and its review: a second would run unwatched
                throw new org.sanlian.platform.InvalidInputException("preservationOutcome",
                        "本案已实施扣押，其期限和处理正在进行：登记保存的证据须转为扣押的，请在扣押期限内处理中一并决定");
            }
            Map<String, Object> produced = step.complete(caseNumber,
                    new FormFields(StepRules.declaredFields(task), facts.today(), StepRules.optionLabels(task)), actor);
            ProcessVariables.setChanged(task.getExecution(), produced);
            afterwards.getOrDefault(rule, (t, p) -> { }).accept(task, produced);
            events.publishEvent(org.sanlian.casefile.CaseStepCompleted.readingVariablesWhenAsked(caseNumber,
                    rule.name(), actor, task));
        }

        private static String caseNumber(DelegateTask task) {
            // the business key is the case number, set by the server when the case was filed
            return task.getExecution().getProcessBusinessKey();
        }

        private void count(DelegateTask task, String kind, LocalDate from, int workingDays, String variable,
                String nextTask) {
            deadlines.schedule(task.getProcessInstanceId(), kind, from, workingDays, variable, nextTask)
                    .writeTo(task.getExecution());
        }
    }

    /**
     * Before the decision-limit warning and the overdue escalation choose their way, the process's copy of
     * "decided" is rewritten from the domain: a submitted {@code decisionMade} cannot make the escalation vanish.
     */
    @Component("decisionStateCopied")
    static class DecisionStateCopied implements ExecutionListener {
        private final ProcedureFacts facts;

        DecisionStateCopied(ProcedureFacts facts) {
            this.facts = facts;
        }

        @Override
        public void notify(DelegateExecution execution) {
            execution.setVariable("decisionMade", facts.decided(execution.getProcessBusinessKey()));
        }
    }

    /**
     * The stage a review that did not pass, or a refused crime transfer, named for the case's return is used once:
     * the next send-back (Art. 57, Art. 58) starts again at 调查取证 unless it names a stage itself.
     */
    @Component("returnStageUsed")
    static class ReturnStageUsed implements ExecutionListener {
        @Override
        public void notify(DelegateExecution execution) {
            execution.removeVariable("returnStage");
        }
    }

    /**
     * 行政处罚法 Art. 58: what the table legalReviewRequired decided is kept with the case, so the decision can be
     * refused while a required review has not passed.
     */
    record ReviewRequirementRecorded(LegalReviews reviews, LegalReview.Kind kind) implements ExecutionListener {
        @Override
        public void notify(DelegateExecution execution) {
            reviews.requirementDecided(execution.getProcessBusinessKey(), kind,
                    Boolean.TRUE.equals(execution.getVariable("legalReviewRequired")));
        }
    }

    /**
     * A period a local choice sets where the law sets none, counted on the working-day calendar from the day the
     * model enters the element: the deadline {@code kind} is kept and its due date written to {@code dueVariable}.
     */
    record WindowOpened(WorkingDayDeadlines deadlines, String kind, int workingDays, String dueVariable,
            String nextTask) implements ExecutionListener {
        @Override
        public void notify(DelegateExecution execution) {
            deadlines.schedule(execution.getProcessInstanceId(), kind, LocalDate.now(ChinaTime.CHINA), workingDays,
                    dueVariable, nextTask != null ? nextTask : execution.getCurrentActivityId()).writeTo(execution);
        }
    }

    /** The listeners above, a bean for each use under the name the model calls. */
    @Configuration(proxyBeanMethods = false)
    static class ListenerUses {

        /** Before the notice (Art. 58 ¶1). */
        @Bean
        ReviewRequirementRecorded legalReviewRequirementRecorded(LegalReviews reviews) {
            return new ReviewRequirementRecorded(reviews, LegalReview.Kind.BEFORE_NOTICE);
        }

        /** Art. 58 ¶1(2): after a hearing the party attended. */
        @Bean
        ReviewRequirementRecorded hearingReviewRequirementRecorded(LegalReviews reviews) {
            return new ReviewRequirementRecorded(reviews, LegalReview.Kind.AFTER_HEARING);
        }

        /**
         * 结案报告 due: the law sets no period for closure once execution ends, so the due date is a local choice
         * (sanlian.deadlines.closure-working-days in application.yaml).
         */
        @Bean
        WindowOpened closureWindowOpened(WorkingDayDeadlines deadlines, DeadlineSettings deadlineSettings) {
            return new WindowOpened(deadlines, "closureWindow", deadlineSettings.closureWorkingDays(), "closureDue",
                    "closeCase");
        }

        /**
         * 法制审核 and 听证后法制审核 due, from the day the review opens (the task the listener runs on): the law sets
         * no period for the legal review of a transport penalty; domain.md §2.5 takes the market-regulation analogue
         * of 10 working days, a local choice (L) in sanlian.deadlines.legal-review-working-days. The window closes
         * when the review is submitted.
         */
        @Bean
        WindowOpened legalReviewWindowOpened(WorkingDayDeadlines deadlines, DeadlineSettings deadlineSettings) {
            return new WindowOpened(deadlines, "legalReviewWindow", deadlineSettings.legalReviewWorkingDays(),
                    "legalReviewDue", null);
        }
    }

    /** 延长办案期限: the approved extension moves the limit (Art. 60; extension rules domain.md §2.9, L). */
    @Component("extendDecisionDeadline")
    static class ExtendDecisionDeadline implements JavaDelegate {
        private final DecisionDeadline decisionDeadline;
        private final ClosureRules procedure;

        ExtendDecisionDeadline(DecisionDeadline decisionDeadline, ClosureRules procedure) {
            this.decisionDeadline = decisionDeadline;
            this.procedure = procedure;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.extended(execution.getProcessBusinessKey(), decisionDeadline.extend(execution));
        }
    }

    /**
     * A step the engine takes itself (a timer's lapse, the head's approved extension) that makes a document for the
     * party: published as the completed tasks' steps are, under the delegate's name, with no officer as its actor.
     */
    private static void stepTaken(ApplicationEventPublisher events, DelegateExecution execution, String step,
            String actor) {
        events.publishEvent(org.sanlian.casefile.CaseStepCompleted.readingVariablesWhenAsked(
                execution.getProcessBusinessKey(), step, actor, execution));
    }

    /** 延长扣押期限: the one extension (行政强制法 Art. 25), told to the party in writing. */
    @Component("extendSeizure")
    static class ExtendSeizure implements JavaDelegate {
        private final InvestigationRules procedure;
        private final ApplicationEventPublisher events;

        ExtendSeizure(InvestigationRules procedure, ApplicationEventPublisher events) {
            this.procedure = procedure;
            this.events = events;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(procedure.seizureExtended(execution.getProcessBusinessKey(),
                    (java.util.Date) execution.getVariable("seizureDue")));
            // the head who approved it in 扣押期限内处理 (taken at once after that task, in its call)
            stepTaken(events, execution, "extendSeizure",
                    ProcessActors.currentUser(execution.getProcessEngineServices()));
            // the reason stays in the case's record and on the notice (its snapshot is taken): the next 扣押期限内处理
            // opens without it, so a release is not given the extension's reason (found in Chromium)
            execution.removeVariable("seizureComment");
        }
    }

    /** 期满解除扣押: the seizure period passed with no decision; the items go back (行政强制法 Art. 28). */
    @Component("liftSeizure")
    static class LiftSeizure implements JavaDelegate {
        private final InvestigationRules procedure;
        private final ApplicationEventPublisher events;

        LiftSeizure(InvestigationRules procedure, ApplicationEventPublisher events) {
            this.procedure = procedure;
            this.events = events;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.seizureLapsed(execution.getProcessBusinessKey());
            stepTaken(events, execution, "liftSeizure", null);
        }
    }

    /** 期满解除保存: the 7-working-day limit passed with no decision; the items go back (行政处罚法 Art. 56). */
    @Component("liftPreservation")
    static class LiftPreservation implements JavaDelegate {
        private final InvestigationRules procedure;
        private final WorkingDayDeadlines deadlines;
        private final ApplicationEventPublisher events;

        LiftPreservation(InvestigationRules procedure, WorkingDayDeadlines deadlines,
                ApplicationEventPublisher events) {
            this.procedure = procedure;
            this.deadlines = deadlines;
            this.events = events;
        }

        @Override
        public void execute(DelegateExecution execution) {
            procedure.preservationLapsed(execution.getProcessBusinessKey());
            deadlines.close(execution.getProcessInstanceId(), "preservationWindow");
            stepTaken(events, execution, "liftPreservation", null);
        }
    }

    /** 归档: the case file is archived (Art. 47). */
    @Component("archiveCase")
    static class Archive implements JavaDelegate {
        private final ClosureRules procedure;
        private final ApplicationEventPublisher events;

        Archive(ClosureRules procedure, ApplicationEventPublisher events) {
            this.procedure = procedure;
            this.events = events;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String caseNumber = execution.getProcessBusinessKey();
            events.publishEvent(new CaseArchiving(caseNumber, execution.getVariables()));
            procedure.archive(caseNumber);
        }
    }
}
