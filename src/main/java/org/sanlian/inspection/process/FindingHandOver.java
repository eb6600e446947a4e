package org.sanlian.inspection.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.sanlian.inspection.JointInspections;
import org.springframework.stereotype.Component;

/**
 * 移交案源: each failed item still to be handed over starts leadIntake at the competent body (source
 * 双随机抽查发现), carrying the visit's note and evidence link; the lead number goes back on the finding.
 * leadIntake itself stays as it is: it receives what its start form would.
 */
@Component("handOverFindings")
class FindingHandOver implements JavaDelegate {

    private final JointInspections inspections;

    public FindingHandOver(JointInspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String visitNumber = (String) execution.getVariable("visitNumber");
        for (JointInspections.HandOver handOver : inspections.pendingHandOvers(visitNumber)) {
            Map<String, Object> variables = Variables.createVariables()
                    .putValue("source", "RANDOM_INSPECTION")
                    .putValue("partyName", handOver.partyName())
                    .putValue("summary", handOver.summary())
                    .putValue("occurredOn", handOver.occurredOn().toString())
                    .putValue("organisationCode", handOver.organisationCode())
                    .putValue("registrant", handOver.registrant())
                    .putValue("inspectionVisitNumber", handOver.visitNumber())
                    .putValue("inspectionEvidence", handOver.evidenceLink());
            // the hand-over is the process's doing: it needs no start permission of the user who completed the visit
            ProcessInstanceWithVariables lead = Context.getCommandContext().runWithoutAuthorization(() ->
                    execution.getProcessEngineServices().getRuntimeService()
                            .createProcessInstanceByKey("leadIntake")
                            .setVariables(variables)
                            .executeWithVariablesInReturn());
            inspections.recordHandOver(handOver.findingId(), lead.getVariables().getValue("leadNumber", String.class));
        }
    }
}
