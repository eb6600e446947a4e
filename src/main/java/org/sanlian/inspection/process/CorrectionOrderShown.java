package org.sanlian.inspection.process;

import static org.sanlian.platform.ProcessActors.text;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.inspection.JointInspections;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * What the 整改复查 re-checks, on its form, as the visit stored it: the items ordered corrected with what was found
 * ({@code correctionItems}) and the deadline given (行政处罚法第二十八条第一款, {@code correctionDeadline}). Found in
 * Chromium: the inspector re-checking saw neither.
 */
@Component("correctionOrderShown")
class CorrectionOrderShown implements ShownOnForm {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JointInspections inspections;

    CorrectionOrderShown(JointInspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public Set<String> names() {
        return Set.of("correctionItems", "correctionDeadline");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        JointInspections.CorrectionOrder order = inspections.correctionOrder(text(task, "visitNumber"));
        Map<String, Object> shown = new HashMap<>();
        shown.put("correctionItems", order.items().isEmpty() ? null
                : String.join("\n", order.items().stream().map(item -> "- " + item).toList()));
        shown.put("correctionDeadline", order.due() == null ? null : CHINESE_DATE.format(order.due()));
        return shown;
    }
}
