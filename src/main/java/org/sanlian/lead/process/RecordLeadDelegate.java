package org.sanlian.lead.process;

import org.sanlian.platform.ChinaTime;
import static org.sanlian.platform.ProcessActors.text;

import java.time.LocalDate;
import org.sanlian.platform.DeadlineSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/**
 * 案源入库: stores the registered lead, makes its number the process's business key and opens the instance to
 * the receiving body.
 */
@Component("recordLead")
class RecordLeadDelegate implements JavaDelegate {

    static final String VERIFICATION_DEADLINE = "leadVerification";

    private final LeadService leadService;
    private final CaseAccess caseAccess;
    private final WorkingDayDeadlines deadlines;
    private final int verificationWorkingDays;

    public RecordLeadDelegate(LeadService leadService, CaseAccess caseAccess, WorkingDayDeadlines deadlines,
            DeadlineSettings deadlineSettings) {
        this.leadService = leadService;
        this.caseAccess = caseAccess;
        this.deadlines = deadlines;
        this.verificationWorkingDays = deadlineSettings.leadVerificationWorkingDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadService.Registered registered = leadService.registerInPool(new LeadService.Registration(
                text(execution, "source"), text(execution, "partyName"), text(execution, "partyIdNumber"),
                text(execution, "plateNumber"), text(execution, "occurredOn"), text(execution, "areaCode"),
                text(execution, "place"), text(execution, "summary"), text(execution, "organisationCode"),
                text(execution, "registrant"), execution.getProcessInstanceId()), LeadTaskListeners.actDetails(execution));
        Lead lead = registered.lead();
        execution.setProcessBusinessKey(lead.getLeadNumber());
        execution.setVariable("duplicateRegistration", registered.merged());
        execution.setVariable("leadHolder", lead.getOrganisationCode());
        execution.setVariable("leadHolderName", leadService.nameOf(lead.getOrganisationCode()));
        if (registered.merged()) {
            // the registrant's body reads its own (short) instance, which tells it who holds the lead
            caseAccess.openTo(execution.getProcessInstanceId(), registered.registeringOrganisation());
            execution.setVariable("leadNumber", lead.getLeadNumber());
            // the notice tells a body its own lead apart from another body's (案源已在本单位登记 / 已由他单位持有)
            execution.setVariable("registeringOrganisation", registered.registeringOrganisation());
            return;
        }
        caseAccess.openTo(execution.getProcessInstanceId(), lead.getOrganisationCode());
        execution.setVariable("leadNumber", lead.getLeadNumber());
        execution.setVariable("organisationCode", lead.getOrganisationCode());
        execution.setVariable("partyName", lead.getPartyName());
        deadlines.schedule(execution.getProcessInstanceId(), VERIFICATION_DEADLINE,
                LocalDate.ofInstant(lead.getRegisteredAt(), ChinaTime.CHINA), verificationWorkingDays,
                "verificationDue", "verifyLead").writeTo(execution);
    }
}
