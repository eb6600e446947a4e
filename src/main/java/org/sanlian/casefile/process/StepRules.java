package org.sanlian.casefile.process;


import com.fasterxml.jackson.databind.JsonNode;
import org.sanlian.platform.forms.DeployedForms;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.sanlian.casefile.procedure.Rule;
import org.springframework.modulith.NamedInterface;

/**
 * How a completing task finds its rule and its form: the rule is the one the model names in the task's extension
 * property {@code rule} (checked at deployment by {@link StepRulesPlugin}); the submitted values a rule may read
 * are only the fields the task's deployed Camunda Form declares.
 */
@NamedInterface("process")
public final class StepRules {


    private StepRules() {
    }

    public static Rule ruleOf(DelegateTask task) {
        String name = ruleName(task.getBpmnModelElementInstance());
        Rule rule = Rule.named(name);
        if (rule == null) {
            // deployment refuses such a model; an instance of an older model must not run without its rule
            throw new IllegalStateException("任务 " + task.getTaskDefinitionKey() + " 未指定有效的规则（rule=" + name + "）");
        }
        return rule;
    }

    /** Whether the task's model has a user task that names this rule (a model from Modeler may lack a step). */
    public static boolean modelNames(DelegateTask task, Rule rule) {
        org.camunda.bpm.model.bpmn.BpmnModelInstance model = task.getBpmnModelInstance();
        return model != null && model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
                .stream().anyMatch(userTask -> rule.name().equals(ruleName(userTask)));
    }

    public static String ruleName(BaseElement element) {
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (Rule.PROPERTY.equals(property.getCamundaName())) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }

    /** The submitted values of the fields the task's form declares; any other name reads as absent. */
    public static Function<String, Object> declaredFields(DelegateTask task) {
        Set<String> declared = new HashSet<>();
        collectKeys(DeployedForms.of(task).path("components"), declared);
        return name -> declared.contains(name) ? task.getVariable(name) : null;
    }

    /** The option labels of the task's deployed form (its select, radio, checklist and tag list fields). */
    public static org.sanlian.casefile.procedure.FormFields.OptionLabels optionLabels(DelegateTask task) {
        return (field, value) -> optionLabel(DeployedForms.of(task).path("components"), field, value);
    }

    private static String optionLabel(JsonNode components, String field, String value) {
        for (JsonNode component : components) {
            if (field.equals(component.path("key").asText(null))) {
                for (JsonNode option : component.path("values")) {
                    if (value.equals(option.path("value").asText(null))) {
                        return option.path("label").asText(null);
                    }
                }
                return null;
            }
            String nested = optionLabel(component.path("components"), field, value);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static void collectKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }
}
