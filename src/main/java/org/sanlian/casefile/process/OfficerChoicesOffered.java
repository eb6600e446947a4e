package org.sanlian.casefile.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.Map;
import java.util.Set;
import org.sanlian.platform.forms.ShownOnForm;
import org.camunda.spin.plugin.variable.SpinValues;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.organisation.Officers;
import org.springframework.stereotype.Component;

/**
 * People by name (issue 13): the form of 调查取证, 听证通知 or 不予处罚决定审批 is given the officers it may pick, when it is
 * opened (issue 16: not stored in the task), as the JSON variable {@value #VARIABLE} — [{label: "李明（执法证号 …）", value: "xfhandler1"}] — which the form's
 * selects read through {@code valuesKey}. The step's rule accepts only an offered officer.
 */
@Component("officerChoicesOffered")
class OfficerChoicesOffered implements ShownOnForm {

    static final String VARIABLE = "certifiedOfficers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PhaseRules> phases;

    OfficerChoicesOffered(List<PhaseRules> phases) {
        this.phases = phases;
    }

    @Override
    public Set<String> names() {
        return Set.of(VARIABLE);
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        Rule rule = StepRules.ruleOf(task);
        List<Officers.Choice> choices = phases.stream()
                .flatMap(phase -> phase.officerChoices(rule, caseNumber).stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("步骤 " + task.getName() + " 不选择执法人员"));
        try {
            return Map.of(VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
