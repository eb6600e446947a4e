package org.sanlian.casefile.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.sanlian.casefile.procedure.HearingRules;
import org.sanlian.casefile.procedure.InvestigationRules;
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

    private final InvestigationRules investigation;
    private final HearingRules hearing;

    OfficerChoicesOffered(InvestigationRules investigation, HearingRules hearing) {
        this.investigation = investigation;
        this.hearing = hearing;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        Rule rule = StepRules.ruleOf(task);
        List<Officers.Choice> choices = switch (rule) {
            case investigation -> investigation.investigatorChoices(caseNumber);
            case hearingSchedule -> hearing.presiderChoices(caseNumber);
            // the officer who educated a party not punished (行政处罚法 Art. 33 ¶3): any certified officer of the body
            case noPenaltyDecision -> investigation.investigatorChoices(caseNumber);
            default -> throw new IllegalStateException("步骤 " + task.getName() + " 不选择执法人员");
        };
        try {
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
