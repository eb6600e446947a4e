package org.sanlian.inspection.process;

import static org.sanlian.platform.ProcessActors.actor;

import static org.sanlian.platform.ProcessActors.text;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sanlian.inspection.InspectionRegisters;
import org.sanlian.inspection.InspectionVisit;
import org.sanlian.inspection.JointInspections;
import org.sanlian.inspection.RegulatedEnterprise;
import org.springframework.stereotype.Component;

/** Task listeners of jointInspection: they check what the forms check, on the server, and record the step. */
final class JointInspectionTaskListeners {

    private JointInspectionTaskListeners() {
    }

    /** 计划审批 completed. */
    @Component("approveInspectionPlanCompleted")
    public static class ApprovePlanCompleted implements TaskListener {

        private final JointInspections inspections;

        public ApprovePlanCompleted(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void notify(DelegateTask task) {
            inspections.decide(text(task, "planNumber"), text(task, "approvalDecision"), text(task, "approvalNote"),
                    actor(task));
        }
    }

    /**
     * 联合检查 created: the visit's own checklist variables live in its scope, so parallel visits never
     * share or pre-fill each other's answers; the target and the drawn inspectors are shown on the form.
     */
    @Component("conductVisitCreated")
    public static class ConductVisitCreated implements TaskListener {

        private final JointInspections inspections;
        private final InspectionRegisters registers;
        private final org.sanlian.organisation.Officers officers;

        public ConductVisitCreated(JointInspections inspections, InspectionRegisters registers,
                org.sanlian.organisation.Officers officers) {
            this.inspections = inspections;
            this.registers = registers;
            this.officers = officers;
        }

        @Override
        public void notify(DelegateTask task) {
            DelegateExecution scope = task.getExecution();
            InspectionVisit visit = inspections.visit(text(task, "visitNumber"));
            RegulatedEnterprise enterprise = registers.enterprise(visit.getEnterpriseUscc());
            for (String code : inspections.plan(text(task, "planNumber")).itemCodeList()) {
                scope.setVariableLocal(JointInspections.resultField(code), null);
                scope.setVariableLocal(JointInspections.followUpField(code), null);
                scope.setVariableLocal(JointInspections.noteField(code), null);
                scope.setVariableLocal(JointInspections.evidenceField(code), null);
            }
            // the drawn inspectors work it, whatever group of their body they are in: they alone record the visit
            task.addCandidateUsers(visit.inspectors());
            scope.setVariableLocal("partyName", visit.getEnterpriseName());
            scope.setVariableLocal("visitTarget", enterprise.getName() + "（统一社会信用代码 " + enterprise.getUscc()
                    + "）；检查人员：" + String.join("、", visit.inspectors().stream().map(officers::name).toList())
                    + "（仅抽中的检查人员可以记录本次检查）");
            scope.setVariableLocal("correctionOrdered", false);
            scope.setVariableLocal("correctionDue", null);
            scope.setVariableLocal("recheckDue", null);
            scope.setVariableLocal("recheckResult", null);
            scope.setVariableLocal("recheckNote", null);
        }
    }

    /** 联合检查 completed: the combined checklist is recorded and split per department. */
    @Component("conductVisitCompleted")
    public static class ConductVisitCompleted implements TaskListener {

        private final JointInspections inspections;

        public ConductVisitCompleted(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void notify(DelegateTask task) {
            JointInspections.VisitOutcome outcome = inspections.recordVisit(text(task, "visitNumber"),
                    task::getVariable, actor(task));
            task.getExecution().setVariableLocal("correctionOrdered", outcome.correctionOrdered());
            LocalDate due = outcome.correctionDue();
            task.getExecution().setVariableLocal("correctionDue",
                    due == null ? null : JointInspectionDelegates.endOfDay(due));
            LocalDate recheckDue = outcome.recheckDue();
            task.getExecution().setVariableLocal("recheckDue",
                    recheckDue == null ? null : JointInspectionDelegates.endOfDay(recheckDue));
        }
    }

    /** 整改复查 completed. */
    @Component("recheckCorrectionCompleted")
    public static class RecheckCompleted implements TaskListener {

        private final JointInspections inspections;

        public RecheckCompleted(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void notify(DelegateTask task) {
            inspections.recordRecheck(text(task, "visitNumber"), text(task, "recheckResult"), text(task, "recheckNote"),
                    actor(task));
        }
    }

    /** 公示超期提醒 created: the missed deadline is recorded on the plan. */
    @Component("resultsOverdueWarningCreated")
    public static class ResultsOverdue implements TaskListener {

        private final JointInspections inspections;

        public ResultsOverdue(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void notify(DelegateTask task) {
            inspections.markResultsOverdue(text(task, "planNumber"));
        }
    }
}
