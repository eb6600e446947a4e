package org.sanlian.platform.forms;

import org.sanlian.platform.PreParseListeners;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

    static final TaskListener TASK_FORM_RULES = task -> FormRules.check(DeployedForms.of(task), task::getVariable);

    static final ExecutionListener START_FORM_RULES = (DelegateExecution execution) ->
            FormRules.check(DeployedForms.ofStart(execution), execution::getVariable);


}
