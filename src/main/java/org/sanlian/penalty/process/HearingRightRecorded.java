package org.sanlian.penalty.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.sanlian.penalty.HearingRules;
import org.springframework.stereotype.Component;

/** The table hearingRight's result, just evaluated by the engine, kept with the case's penalty record (Art. 63). */
@Component("hearingRightRecorded")
class HearingRightRecorded implements ExecutionListener {
    private final HearingRules hearing;

    HearingRightRecorded(HearingRules hearing) {
        this.hearing = hearing;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        Map<String, Object> result = (Map<String, Object>) execution.getVariable("hearingRightResult");
        boolean right = result != null && Boolean.TRUE.equals(result.get("hearingRight"));
        String ground = result == null || result.get("hearingGround") == null
                ? null : String.valueOf(result.get("hearingGround"));
        hearing.hearingRightDecided(execution.getProcessBusinessKey(), right, ground);
        execution.setVariable("hearingRight", right);
        // the notice and the statement form name the ground the party's right rests on (issue 13)
        execution.setVariable("hearingGround", ground);
    }
}
