package org.sanlian.linkage;

import org.sanlian.platform.ProcessActors;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What one body's process does to another body's process: send a message, start an instance. It is the
 * process's doing, not the clicking officer's, who has no rights on the other body's instances — so it runs
 * without the caller's engine authorizations (the way {@link org.sanlian.organisation.CaseAccess} grants).
 */
@Component
public class LinkageEngine {

    /** Messages between the bodies' processes (bpmn/bureauLinkage.bpmn, bpmn/policeLinkage.bpmn). */
    public static final String BUREAU_LEAD_HANDED_OVER = "BureauLeadHandedOver";
    public static final String LEAD_CONCLUDED = "LeadConcluded";

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public LinkageEngine(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** The message to the instance whose business key is given; returns the instance it reached or started. */
    public ProcessInstance send(String message, String businessKey, Map<String, Object> variables) {
        MessageCorrelationResult result = asSystem(() -> runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(businessKey).setVariables(variables).correlateWithResult());
        return result.getProcessInstance() != null ? result.getProcessInstance()
                : runtimeService.createProcessInstanceQuery().processInstanceId(result.getExecution().getProcessInstanceId())
                        .singleResult();
    }

    /** The message to every instance waiting for news of this lead (none is fine: most leads are not handed over). */
    public void leadConcluded(String leadNumber, Map<String, Object> variables) {
        asSystem(() -> {
            runtimeService.createMessageCorrelation(LEAD_CONCLUDED).processInstanceVariableEquals("leadNumber", leadNumber)
                    .setVariables(variables).correlateAll();
            return null;
        });
    }

    public ProcessInstance start(String processKey, Map<String, Object> variables) {
        return asSystem(() -> runtimeService.startProcessInstanceByKey(processKey, variables));
    }

    public Object variable(String processInstanceId, String name) {
        return asSystem(() -> runtimeService.getVariable(processInstanceId, name));
    }

    /** Who is acting now (the officer completing a task), for the records. */
    public String currentUser() {
        return ProcessActors.currentUser(identityService);
    }

    private static <T> T asSystem(Supplier<T> action) {
        CommandContext commandContext = Context.getCommandContext();
        return commandContext == null ? action.get() : commandContext.runWithoutAuthorization(action::get);
    }
}
