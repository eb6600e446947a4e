package org.sanlian.casefile.process;

import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.ProcessActors;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseStepCompleted;
import org.sanlian.organisation.CaseAccess;
import org.sanlian.organisation.EnforcementNetworks;
import org.sanlian.deadline.DecisionDeadline;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.modulith.NamedInterface;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Starts a filed case's generalProcedure instance: business key = case number, the 90-day decision limit
 * counted from filing (行政处罚法 Art. 60), opened to the body that holds the case. What the case already
 * knows (e.g. from an on-the-spot procedure it left) is carried over as variables.
 */
@Component
@NamedInterface("process")
public class GeneralProcedureStart {

    private final CaseAccess caseAccess;
    private final DecisionDeadline decisionDeadline;
    private final ApplicationEventPublisher events;
    private final EnforcementNetworks networks;

    public GeneralProcedureStart(CaseAccess caseAccess, DecisionDeadline decisionDeadline,
            ApplicationEventPublisher events, EnforcementNetworks networks) {
        this.caseAccess = caseAccess;
        this.networks = networks;
        this.decisionDeadline = decisionDeadline;
        this.events = events;
    }

    public ProcessInstance start(ProcessEngineServices engine, CaseFile caseFile, Map<String, Object> carried) {
        Map<String, Object> variables = new HashMap<>(carried);
        variables.putAll(decisionDeadline.startingFrom(
                LocalDate.ofInstant(caseFile.getFiledAt(), ChinaTime.CHINA)));
        variables.put("caseNumber", caseFile.getCaseNumber());
        variables.put("leadNumber", caseFile.getLeadNumber());
        variables.put("organisationCode", caseFile.getOrganisationCode());
        variables.put("partyName", caseFile.getPartyName());
        // 法制审核 and 超期督办 go to the groups configured for the city of the holding body
        variables.putAll(networks.caseGroupsOf(caseFile.getOrganisationCode()));
        ProcessInstance procedure = engine.getRuntimeService()
                .startProcessInstanceByKey("generalProcedure", caseFile.getCaseNumber(), variables);
        caseAccess.openTo(procedure.getId(), caseFile.getOrganisationCode());
        // the filed case's 立案登记表 (9号令 Art. 63), whichever way it was filed
        Map<String, Object> known = new HashMap<>(variables);
        events.publishEvent(new CaseStepCompleted(caseFile.getCaseNumber(), "fileCase",
                ProcessActors.currentUser(engine), known));
        return procedure;
    }
}
