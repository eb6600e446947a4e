package org.sanlian.casefile.process;

import org.sanlian.platform.ProcessActors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.lead.LeadService;
import org.sanlian.platform.Inputs;
import org.springframework.stereotype.Component;

/**
 * 立案: opens the case with its number; from now on the case number is the business key, and the case goes on
 * in its own generalProcedure instance, opened to the body that holds it.
 */
@Component("fileCase")
public class FileCaseDelegate implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final GeneralProcedureStart generalProcedure;
    private final LeadService leads;

    public FileCaseDelegate(CaseFiles caseFiles, GeneralProcedureStart generalProcedure, LeadService leads) {
        this.leads = leads;
        this.caseFiles = caseFiles;
        this.generalProcedure = generalProcedure;
    }

    /** What an on-the-spot case moved to the general procedure found on the spot (行政处罚法 Art. 54). */
    static final List<String> FOUND_ON_THE_SPOT = List.of("facts", "partyType", "violationCode", "evidenceSummary",
            "place", "proposedFine", "summaryProcedureInstanceId");

    /**
     * The plate and the party's ID number the lead was registered with, for the investigation form to start from;
     * for a lead that came from the summary procedure, also what was found on the spot, so that the handler does not
     * enter it again.
     */
    private static Map<String, Object> carriedForward(DelegateExecution lead) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : List.of("plateNumber", "partyIdNumber")) {
            if (lead.getVariable(name) instanceof String value && !value.isBlank()) {
                variables.put(name, value);
            }
        }
        if (fromTheSpot(lead)) {
            for (String name : FOUND_ON_THE_SPOT) {
                Object value = lead.getVariable(name);
                if (value != null) {
                    variables.put(name, value);
                }
            }
        }
        return variables;
    }

    private static boolean fromTheSpot(DelegateExecution lead) {
        return lead.getVariable("summaryProcedureInstanceId") != null;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String user = ProcessActors.currentUser(execution.getProcessEngineServices());
        // 行政处罚法 Art. 36, checked again here for an instance moved to this step past 立案审批's rule
        leads.requireFileable((String) execution.getVariable("leadNumber"));
        CaseFile caseFile = caseFiles.file((String) execution.getVariable("leadNumber"),
                (String) execution.getVariable("organisationCode"), Inputs.text("partyName", execution.getVariable("partyName")),
                user, execution.getProcessInstanceId());
        execution.setVariable("caseNumber", caseFile.getCaseNumber());
        if (fromTheSpot(execution)) {
            caseFiles.recordSummaryStep(caseFile.getCaseNumber(), "movedFromSummaryProcedure", user,
                    "由当场处罚（" + caseFile.getLeadNumber() + "）转入普通程序：不符合《行政处罚法》第五十一条规定的简易程序条件，"
                            + "经负责人批准立案");
        }
        execution.setProcessBusinessKey(caseFile.getCaseNumber());
        ProcessInstance procedure = generalProcedure.start(execution.getProcessEngineServices(), caseFile,
                carriedForward(execution));
        execution.setVariable("generalProcedureInstanceId", procedure.getId());
    }
}
