package org.sanlian.platform.forms;

import org.sanlian.platform.PreParseListeners;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task (and start event) with a Camunda Form gets the form's own checks on the server: a task
 * listener on {@code complete}, an execution listener on the start event. No model has to declare it, so a
 * form an analyst changes in Modeler is enforced as soon as it is deployed.
 */
@Component
class FormRulesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PreParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    if (definition.getFormDefinition() != null
                            && definition.getFormDefinition().getCamundaFormDefinitionKey() != null) {
                        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TASK_FORM_RULES);
                    }
                }
            }

            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (scope instanceof ProcessDefinitionEntity
                        && element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, START_FORM_RULES);
                }
            }
        });
    }

    /**
     * Forms bound to their deployment ({@code formRefBinding="deployment"}) never change for a process definition:
     * each is read from the database and parsed once per definition and step (issue 16), not at every submit.
     */
    private static final Map<String, JsonNode> DEPLOYED_FORMS = new ConcurrentHashMap<>();

    static final TaskListener TASK_FORM_RULES = task -> {
        Supplier<InputStream> form = () -> Context.getCommandContext().runWithoutAuthorization(
                () -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()));
        TaskDefinition definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
        boolean fixed = definition != null && definition.getFormDefinition() != null
                && "deployment".equals(definition.getFormDefinition().getCamundaFormDefinitionBinding());
        FormRules.check(fixed ? DEPLOYED_FORMS.computeIfAbsent(task.getProcessDefinitionId() + "#"
                + task.getTaskDefinitionKey(), key -> FormRules.read(form.get())) : FormRules.read(form.get()),
                task::getVariable);
    };

    static final ExecutionListener START_FORM_RULES = (DelegateExecution execution) -> {
        Supplier<InputStream> form = () -> Context.getCommandContext().runWithoutAuthorization(
                () -> execution.getProcessEngineServices().getFormService()
                        .getDeployedStartForm(execution.getProcessDefinitionId()));
        ProcessDefinitionEntity definition = execution instanceof ExecutionEntity entity
                ? entity.getProcessDefinition() : null;
        boolean fixed = definition != null && definition.getStartFormDefinition() != null
                && "deployment".equals(definition.getStartFormDefinition().getCamundaFormDefinitionBinding());
        FormRules.check(fixed ? DEPLOYED_FORMS.computeIfAbsent(
                execution.getProcessDefinitionId() + "#start", key -> FormRules.read(form.get()))
                : FormRules.read(form.get()), execution::getVariable);
    };

}
