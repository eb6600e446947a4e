package org.sanlian.penalty.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.penalty.SummaryDecision;
import org.sanlian.penalty.SummaryProcedure;
import org.sanlian.penalty.ViolationCatalogue;
import org.sanlian.penalty.Yuan;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * The on-the-spot steps' forms name the violation and the penalty as the stored facts hold them (行政处罚法 Art. 52:
 * the decision states the violation and the penalty): the violation by its name, not its catalogue code, and a
 * warning as 警告, not as a fine of 0 yuan (found in Chromium: 违法行为 YZ-JSY · 拟罚款 0 元 for a warning).
 */
@Component("onTheSpotPenaltyShown")
class OnTheSpotPenaltyShown implements ShownOnForm {

    private final SummaryProcedure summary;
    private final ViolationCatalogue catalogue;

    OnTheSpotPenaltyShown(SummaryProcedure summary, ViolationCatalogue catalogue) {
        this.summary = summary;
        this.catalogue = catalogue;
    }

    @Override
    public Set<String> names() {
        return Set.of("violationName", "penaltyText");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Map<String, Object> shown = new HashMap<>();
        SummaryDecision facts = summary.facts(task.getExecution().getProcessBusinessKey()).orElse(null);
        shown.put("violationName", facts == null ? null
                : catalogue.byCode(facts.getViolationCode()).getName() + "（" + facts.getViolationCode() + "）");
        shown.put("penaltyText", facts == null ? null : penalty(facts));
        return shown;
    }

    private static String penalty(SummaryDecision facts) {
        boolean decided = facts.getDecisionNumber() != null;
        if (facts.isWarningOnly()) {
            return decided ? "警告" : "拟警告";
        }
        return decided && facts.getFine() != null ? "罚款 " + Yuan.text(facts.getFine()) + " 元"
                : "拟罚款 " + Yuan.text(facts.getProposedFine()) + " 元";
    }
}
