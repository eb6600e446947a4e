package org.sanlian.penalty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * 公安机关立案审查结果 when it comes back for the answer to a reconsideration request (移送规定 Art. 9): the form says
 * so — when the request was made and that only the answer is left to record — read from the recorded answers when
 * the form is opened. The first round shows nothing of it.
 */
@Component("policeReconsiderationShown")
class PoliceReconsiderationShown implements ShownOnForm {

    private static final Set<String> NAMES = Set.of("reconsiderationAwaited", "reconsiderationText");

    private final PoliceFilings policeFilings;

    PoliceReconsiderationShown(PoliceFilings policeFilings) {
        this.policeFilings = policeFilings;
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        List<PoliceFiling> answers = policeFilings.ofCase(task.getExecution().getProcessBusinessKey());
        PoliceFiling last = answers.isEmpty() ? null : answers.get(answers.size() - 1);
        boolean awaited = last != null && last.getOutcome() == PoliceFiling.Outcome.reconsiderationRequested;
        Map<String, Object> shown = new HashMap<>();
        shown.put("reconsiderationAwaited", awaited);
        shown.put("reconsiderationText", awaited ? "公安机关 " + last.getPoliceDecidedOn() + " 不予立案（" + last.getPoliceReason()
                + "），本机关已于 " + last.getReconsiderationRequestedOn() + " 提请复议。请登记公安机关的复议决定：复议后决定立案的选择“决定立案”，"
                + "复议决定仍不予立案的选择“不予立案或退回”（移送规定第九条：只能提请复议一次）。" : null);
        return shown;
    }
}
