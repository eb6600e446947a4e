package org.sanlian.casefile.process;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.supervision.DecisionDeadline;
import org.sanlian.supervision.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/**
 * 立案: opens the case with its number; from now on the case number is the business key, and the case goes on
 * in its own generalProcedure instance, opened to the body that holds it.
 */
@Component("fileCase")
public class FileCaseDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseAccess caseAccess;
    private final DecisionDeadline decisionDeadline;

    public FileCaseDelegate(CaseFiles caseFiles, CaseAccess caseAccess, DecisionDeadline decisionDeadline) {
        this.caseFiles = caseFiles;
        this.caseAccess = caseAccess;
        this.decisionDeadline = decisionDeadline;
    }

    private Map<String, Object> startVariables(CaseFile caseFile) {
        Map<String, Object> variables = new HashMap<>(decisionDeadline.startingFrom(
                LocalDate.ofInstant(caseFile.getFiledAt(), WorkingDayDeadlines.CHINA)));
        variables.put("caseNumber", caseFile.getCaseNumber());
        variables.put("leadNumber", caseFile.getLeadNumber());
        variables.put("organisationCode", caseFile.getOrganisationCode());
        variables.put("partyName", caseFile.getPartyName());
        return variables;
    }

    /** The plate the lead was registered with, for the investigation form to start from. */
    private static Map<String, Object> withPlate(Map<String, Object> variables, Object plateNumber) {
        if (plateNumber instanceof String plate && !plate.isBlank()) {
            variables.put("plateNumber", plate);
        }
        return variables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        CaseFile caseFile = caseFiles.file((String) execution.getVariable("leadNumber"),
                (String) execution.getVariable("organisationCode"), (String) execution.getVariable("partyName"),
                user == null ? null : user.getUserId(), execution.getProcessInstanceId());
        execution.setVariable("caseNumber", caseFile.getCaseNumber());
        execution.setProcessBusinessKey(caseFile.getCaseNumber());
        ProcessInstance procedure = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey("generalProcedure", caseFile.getCaseNumber(),
                        withPlate(startVariables(caseFile), execution.getVariable("plateNumber")));
        caseAccess.openTo(procedure.getId(), caseFile.getOrganisationCode());
        execution.setVariable("generalProcedureInstanceId", procedure.getId());
    }
}
