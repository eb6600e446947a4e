package org.sanlian.casefile.process;

import org.sanlian.platform.PreParseListeners;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.sanlian.casefile.procedure.Rule;
import org.springframework.stereotype.Component;

/**
 * Deployment refuses a user task of the case procedures (generalProcedure, summaryProcedure) that names no rule,
 * or a rule that does not exist (issue 11, item 5): such a model would run a step without its legal checks. The
 * message names the element; /engine-rest/deployment/create answers 400.
 */
@Component
class StepRulesPlugin extends AbstractProcessEnginePlugin {

    static final Set<String> CASE_PROCEDURES = Set.of("generalProcedure", "summaryProcedure");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PreParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String process = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
                if (!CASE_PROCEDURES.contains(process)) {
                    return;
                }
                String name = ruleName(element);
                String where = "用户任务 " + element.attribute("id") + "（" + element.attribute("name") + "）";
                if (name == null) {
                    throw new BpmnParseException(where + " 未指定规则：须以扩展属性 rule 写明该步骤的规则（可选："
                            + String.join("、", ruleNames()) + "）", element);
                }
                if (Rule.named(name) == null || Rule.named(name).ofSummaryProcedure()
                        != "summaryProcedure".equals(process)) {
                    throw new BpmnParseException(where + " 指定的规则 " + name + " 不存在或不属于本流程", element);
                }
            }
        });
    }

    static String ruleName(Element userTask) {
        Element properties = BpmnParseUtil.findCamundaExtensionElement(userTask, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elements()) {
            if (Rule.PROPERTY.equals(property.attribute("name"))) {
                String value = property.attribute("value");
                return value == null || value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    private static List<String> ruleNames() {
        return java.util.Arrays.stream(Rule.values()).map(Rule::name).toList();
    }
}
