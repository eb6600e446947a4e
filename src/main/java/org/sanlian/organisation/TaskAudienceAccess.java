package org.sanlian.organisation;

import org.sanlian.platform.PreParseListeners;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Whoever a task of a case is offered to may read that case: when a user task is created, its candidate groups
 * get read access to the process instance, so the city's legal reviewer sees the case number, the party and the
 * history of a brigade's case in Tasklist — and no other case of that brigade. Applies to every model, including
 * those an analyst deploys from Modeler.
 */
@Component
class TaskAudienceAccess extends AbstractProcessEnginePlugin {

    private final CaseAccess caseAccess;

    public TaskAudienceAccess(@Lazy CaseAccess caseAccess) {
        this.caseAccess = caseAccess;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener openToCandidates = task -> {
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : task.getCandidates()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            if (!groups.isEmpty() && task.getProcessInstanceId() != null) {
                caseAccess.openToCandidates(task.getProcessInstanceId(), groups);
            }
        };
        PreParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, openToCandidates);
                }
            }
        });
    }
}
