package org.sanlian.casefile.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.springframework.stereotype.Component;

/** 立案: opens the case with its number; from now on the case number is the process's business key. */
@Component("fileCase")
public class FileCaseDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;

    public FileCaseDelegate(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        CaseFile caseFile = caseFiles.file((String) execution.getVariable("leadNumber"),
                (String) execution.getVariable("organisationCode"), (String) execution.getVariable("partyName"),
                user == null ? null : user.getUserId(), execution.getProcessInstanceId());
        execution.setVariable("caseNumber", caseFile.getCaseNumber());
        execution.setProcessBusinessKey(caseFile.getCaseNumber());
    }
}
