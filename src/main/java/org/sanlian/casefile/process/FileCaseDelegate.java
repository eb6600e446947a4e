package org.sanlian.casefile.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.organisation.CaseAccess;
import org.springframework.stereotype.Component;

/**
 * 立案: opens the case with its number; from now on the case number is the business key, and the case goes on
 * in its own generalProcedure instance, opened to the body that holds it.
 */
@Component("fileCase")
public class FileCaseDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseAccess caseAccess;

    public FileCaseDelegate(CaseFiles caseFiles, CaseAccess caseAccess) {
        this.caseFiles = caseFiles;
        this.caseAccess = caseAccess;
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
                .startProcessInstanceByKey("generalProcedure", caseFile.getCaseNumber(), Map.of(
                        "caseNumber", caseFile.getCaseNumber(),
                        "leadNumber", caseFile.getLeadNumber(),
                        "organisationCode", caseFile.getOrganisationCode(),
                        "partyName", caseFile.getPartyName()));
        caseAccess.openTo(procedure.getId(), caseFile.getOrganisationCode());
        execution.setVariable("generalProcedureInstanceId", procedure.getId());
    }
}
