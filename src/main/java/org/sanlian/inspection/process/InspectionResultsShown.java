package org.sanlian.inspection.process;

import static org.sanlian.platform.ProcessActors.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.inspection.JointInspections;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * The results to publish, on the 公示检查结果 form ({@code inspectionResults}): the figures, each department's, and
 * the failed items, bodies by name. Found in Chromium: the form pointed the officer at an API path instead.
 */
@Component("inspectionResultsShown")
class InspectionResultsShown implements ShownOnForm {

    private final JointInspections inspections;

    InspectionResultsShown(JointInspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public Set<String> names() {
        return Set.of("inspectionResults");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Map<String, Object> shown = new HashMap<>();
        shown.put("inspectionResults", inspections.resultsText(text(task, "planNumber")));
        return shown;
    }
}
