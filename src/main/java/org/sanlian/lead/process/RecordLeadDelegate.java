package org.sanlian.lead.process;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.CaseAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 案源入库: stores the registered lead, makes its number the process's business key and opens the instance to
 * the receiving body.
 */
@Component("recordLead")
public class RecordLeadDelegate implements JavaDelegate {

    private final LeadService leadService;
    private final CaseAccess caseAccess;
    private final Duration verificationPeriod;

    public RecordLeadDelegate(LeadService leadService, CaseAccess caseAccess,
            @Value("${sanlian.deadlines.lead-verification}") Duration verificationPeriod) {
        this.leadService = leadService;
        this.caseAccess = caseAccess;
        this.verificationPeriod = verificationPeriod;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Lead lead = leadService.register(new LeadService.Registration(
                text(execution, "source"), text(execution, "partyName"), text(execution, "plateNumber"),
                text(execution, "occurredOn"), text(execution, "place"), text(execution, "summary"),
                text(execution, "organisationCode"), text(execution, "registrant"),
                execution.getProcessInstanceId()));
        execution.setProcessBusinessKey(lead.getLeadNumber());
        caseAccess.openTo(execution.getProcessInstanceId(), lead.getOrganisationCode());
        execution.setVariable("leadNumber", lead.getLeadNumber());
        execution.setVariable("organisationCode", lead.getOrganisationCode());
        execution.setVariable("partyName", lead.getPartyName());
        execution.setVariable("verificationDue", Date.from(lead.getRegisteredAt().plus(verificationPeriod)));
    }

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
