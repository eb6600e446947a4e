package org.sanlian.platform.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.TaskFormDataImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.BpmnParseException;
import org.sanlian.platform.PreParseListeners;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Gives each user task that names {@link ShownOnForm} beans a form handler whose form data carries their values as
 * form fields: Camunda's {@code getTaskFormVariables} (what Tasklist calls to fill a Camunda Form) evaluates form
 * fields first and then adds the task's variables, so the values reach the form without being stored. Reading the
 * form's key or submitting it is the engine's own handler, untouched; the values are worked out only when asked for.
 */
@Component
class ShownOnFormPlugin extends AbstractProcessEnginePlugin {

    /** The user task's extension property naming the beans it shows, separated by commas. */
    static final String PROPERTY = "shows";

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final ListableBeanFactory beans;

    ShownOnFormPlugin(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PreParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
                    return;
                }
                TaskDefinition definition = behavior.getTaskDefinition();
                List<String> shown = shownBy(activity, definition, element);
                if (!shown.isEmpty()) {
                    definition.setTaskFormHandler(new ShowingFormHandler(definition.getTaskFormHandler(), shown, beans));
                }
            }
        });
    }

    /** The beans the task shows: its property's, then those a model of before named as create listeners. */
    private List<String> shownBy(ActivityImpl activity, TaskDefinition definition, Element element) {
        Set<String> names = new LinkedHashSet<>();
        String declared = property(element);
        if (declared != null) {
            for (String name : declared.split(",")) {
                String bean = name.strip();
                if (bean.isEmpty()) {
                    continue;
                }
                if (!isShownOnForm(bean)) {
                    throw new BpmnParseException("用户任务 " + element.attribute("id") + "（" + element.attribute("name")
                            + "）的扩展属性 " + PROPERTY + " 指定的 " + bean + " 不是可在表单中显示的内容（可选："
                            + String.join("、", Arrays.asList(beans.getBeanNamesForType(ShownOnForm.class))) + "）",
                            element);
                }
                names.add(bean);
            }
        }
        List<TaskListener> created = definition.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE);
        if (created != null) {
            for (TaskListener listener : created) {
                if (listener instanceof DelegateExpressionTaskListener byExpression) {
                    Matcher bean = BEAN_EXPRESSION.matcher(byExpression.getExpressionText());
                    if (bean.matches() && isShownOnForm(bean.group(1))) {
                        names.add(bean.group(1));
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static String property(Element userTask) {
        Element properties = BpmnParseUtil.findCamundaExtensionElement(userTask, "properties");
        if (properties != null) {
            for (Element property : properties.elements()) {
                if (PROPERTY.equals(property.attribute("name"))) {
                    return property.attribute("value");
                }
            }
        }
        return null;
    }

    private boolean isShownOnForm(String bean) {
        return beans.containsBean(bean) && beans.isTypeMatch(bean, ShownOnForm.class);
    }

    /** The engine's handler, with the shown values added to the form data it makes. */
    static final class ShowingFormHandler implements TaskFormHandler {

        private final TaskFormHandler engines;
        private final List<String> shown;
        private final ListableBeanFactory beans;

        ShowingFormHandler(TaskFormHandler engines, List<String> shown, ListableBeanFactory beans) {
            this.engines = engines;
            this.shown = List.copyOf(shown);
            this.beans = beans;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            engines.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            engines.submitFormVariables(properties, variableScope);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData form = engines.createTaskForm(task);
            TaskFormDataImpl withShown = new TaskFormDataImpl();
            withShown.setTask(form.getTask());
            withShown.setFormKey(form.getFormKey());
            withShown.setCamundaFormRef(form.getCamundaFormRef());
            withShown.setDeploymentId(form.getDeploymentId());
            withShown.setFormProperties(form.getFormProperties());
            List<FormField> fields = new ArrayList<>(form.getFormFields());
            for (String name : shown) {
                ShownOnForm source = beans.getBean(name, ShownOnForm.class);
                Values values = new Values(source, task);
                for (String variable : source.names()) {
                    fields.add(new ShownField(variable, values));
                }
            }
            withShown.setFormFields(fields);
            return withShown;
        }
    }

    /** One bean's values for one task, worked out the first time one of them is read. */
    static final class Values {

        private final ShownOnForm source;
        private final DelegateTask task;
        private Map<String, Object> values;

        Values(ShownOnForm source, DelegateTask task) {
            this.source = source;
            this.task = task;
        }

        Object get(String name) {
            if (values == null) {
                values = source.shown(task);
            }
            return values.get(name);
        }
    }

    /** A form field whose value is one shown value, typed as the task variable it replaces was. */
    static final class ShownField extends FormFieldImpl {

        private static final StringFormType TEXT = new StringFormType();
        private final Values values;

        ShownField(String name, Values values) {
            this.values = values;
            setId(name);
            setLabel(name);
            setType(TEXT);
        }

        @Override
        public TypedValue getValue() {
            return typed(values.get(getId()));
        }

        static TypedValue typed(Object value) {
            if (value == null) {
                return Variables.untypedNullValue();
            }
            if (value instanceof TypedValue typedValue) {
                return typedValue;
            }
            if (value instanceof String text) {
                return Variables.stringValue(text);
            }
            if (value instanceof Boolean flag) {
                return Variables.booleanValue(flag);
            }
            if (value instanceof Integer number) {
                return Variables.integerValue(number);
            }
            if (value instanceof Long number) {
                return Variables.longValue(number);
            }
            throw new IllegalArgumentException("a shown value is text, a flag, a whole number or typed: " + value.getClass());
        }
    }
}
