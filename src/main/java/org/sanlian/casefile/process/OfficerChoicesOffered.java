package org.sanlian.casefile.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.sanlian.casefile.procedure.PhaseRules;
import org.sanlian.casefile.procedure.Rule;
import org.sanlian.organisation.Officers;
import org.springframework.stereotype.Component;

/**
 * People by name (issue 13): when 调查取证, 听证通知 or 不予处罚决定审批 is created, the officers its form may pick go into the task
 * as the JSON variable {@value #VARIABLE} — [{label: "李明（执法证号 …）", value: "xfhandler1"}] — which the form's
 * selects read through {@code valuesKey}. The step's rule accepts only an offered officer.
 */
@Component("officerChoicesOffered")
class OfficerChoicesOffered implements TaskListener {

    static final String VARIABLE = "certifiedOfficers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PhaseRules> phases;

    OfficerChoicesOffered(List<PhaseRules> phases) {
        this.phases = phases;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        Rule rule = StepRules.ruleOf(task);
        List<Officers.Choice> choices = phases.stream()
                .flatMap(phase -> phase.officerChoices(rule, caseNumber).stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("步骤 " + task.getName() + " 不选择执法人员"));
        try {
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
