package org.sanlian.inspection.process;

import org.sanlian.platform.ProcessActors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.sanlian.inspection.DoubleRandomDraw;
import org.sanlian.inspection.InspectionPlan;
import org.sanlian.inspection.JointInspections;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.organisation.IdentityBootstrap;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Organisations;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/** Service tasks of jointInspection: each reads its variables, calls {@link JointInspections} and writes back. */
final class JointInspectionDelegates {

    private JointInspectionDelegates() {
    }

    /** The signed-in user behind the step, else the plan's initiator. */
    static String actor(DelegateExecution execution) {
        String user = ProcessActors.currentUser(execution.getProcessEngineServices());
        if (user != null) {
            return user;
        }
        Object initiator = execution.getVariable("planner");
        return initiator == null ? null : initiator.toString();
    }

    static Date endOfDay(LocalDate date) {
        return WorkingDayDeadlines.endOfDay(date);
    }

    /** 计划登记: stores the plan, makes its number the business key, opens the instance to both bodies. */
    @Component("recordInspectionPlan")
    public static class RecordPlan implements JavaDelegate {

        private final JointInspections inspections;
        private final CaseAccess caseAccess;
        private final Organisations organisations;

        public RecordPlan(JointInspections inspections, CaseAccess caseAccess, Organisations organisations) {
            this.inspections = inspections;
            this.caseAccess = caseAccess;
            this.organisations = organisations;
        }

        /** The duty group that works a body's tasks: its first duty (handlers of a team, officers of a bureau). */
        private String workerGroup(String organisationCode) {
            Organisation body = organisations.byCode(organisationCode).orElseThrow();
            return IdentityBootstrap.dutiesOf(body.getKind()).get(0).dutyGroupId(organisationCode);
        }

        @Override
        public void execute(DelegateExecution execution) {
            InspectionPlan plan = inspections.createPlan(execution::getVariable, actor(execution),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(plan.getPlanNumber());
            plan.bodies().forEach(body -> caseAccess.openTo(execution.getProcessInstanceId(), body));
            execution.setVariable("planNumber", plan.getPlanNumber());
            execution.setVariable("visitGroups", plan.bodies().stream()
                    .map(this::workerGroup).reduce((a, b) -> a + "," + b).orElseThrow());
            execution.setVariable("planItemCodes", "," + String.join(",", plan.itemCodeList()) + ",");
            execution.setVariable("periodStartDue", endOfDay(plan.getPeriodStart()));
            execution.setVariable("periodEndDue", endOfDay(plan.getPeriodEnd()));
        }
    }

    /** 双随机抽取: targets by risk stratum and inspectors per target, with the record an auditor re-runs. */
    @Component("drawInspectionTargets")
    public static class DrawTargets implements JavaDelegate {

        /** Camunda keeps a string variable in a 4,000-character column; the full result is in the draw record. */
        private static final int SUMMARY_LIMIT = 3000;

        private final JointInspections inspections;
        private final org.sanlian.organisation.Officers officers;

        public DrawTargets(JointInspections inspections, org.sanlian.organisation.Officers officers) {
            this.inspections = inspections;
            this.officers = officers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object seed = execution.getVariable("drawSeed");
            DoubleRandomDraw.Result result = inspections.draw((String) execution.getVariable("planNumber"),
                    seed == null ? null : seed.toString(), actor(execution));
            StringBuilder summary = new StringBuilder();
            for (DoubleRandomDraw.Stratum stratum : result.strata()) {
                summary.append(stratum.riskGrade().chineseName()).append("：可抽 ").append(stratum.eligible())
                        .append("，应抽 ").append(stratum.quota()).append("，抽中 ").append(stratum.drawn()).append("；");
            }
            for (DoubleRandomDraw.DrawnTarget target : result.targets()) {
                summary.append("\n").append(target.name()).append("（").append(target.uscc()).append("）— 检查人员 ")
                        .append(String.join("、", target.inspectors().stream().map(officers::name).toList()));
            }
            execution.setVariable("drawnTargets", result.targets().size());
            execution.setVariable("drawSummary", summary.length() <= SUMMARY_LIMIT ? summary.toString()
                    : summary.substring(0, SUMMARY_LIMIT) + "……（完整结果见抽取记录）");
        }
    }

    /** 公示计划与抽取结果. */
    @Component("publishInspectionPlan")
    public static class PublishPlan implements JavaDelegate {

        private final JointInspections inspections;

        public PublishPlan(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String planNumber = (String) execution.getVariable("planNumber");
            inspections.publishPlan(planNumber);
            // the visits subprocess runs once per drawn target; models reach no service, so the list is a variable
            ArrayList<String> visitNumbers = new ArrayList<>(inspections.visitNumbers(planNumber));
            execution.setVariable("visitNumbers", Variables.objectValue(visitNumbers)
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        }
    }

    /** 检查结束: results fall due within the publication period (domain.md §5: 20 days). */
    @Component("endJointInspection")
    public static class EndInspection implements JavaDelegate {

        private final JointInspections inspections;

        public EndInspection(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void execute(DelegateExecution execution) {
            LocalDate due = inspections.endInspection((String) execution.getVariable("planNumber"));
            execution.setVariable("resultsDue", endOfDay(due));
        }
    }

    /** 结果公示记录. */
    @Component("recordResultsPublication")
    public static class RecordResultsPublication implements JavaDelegate {

        private final JointInspections inspections;

        public RecordResultsPublication(JointInspections inspections) {
            this.inspections = inspections;
        }

        @Override
        public void execute(DelegateExecution execution) {
            inspections.publishResults((String) execution.getVariable("planNumber"));
        }
    }
}
