package org.sanlian.review.process;

import static org.sanlian.platform.ProcessActors.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.platform.forms.ShownOnForm;
import org.sanlian.review.CaseReviews;
import org.springframework.stereotype.Component;

/**
 * Why the supervisor's 整改复核 sent the rectification back, on the 案卷整改 form that must answer it, as the review
 * stored it: the reason and who wrote it ({@code rectificationSendBack}). Absent in the first round. Found in
 * Chromium: the reason was asked for and then shown nowhere.
 */
@Component("rectificationSendBackShown")
class RectificationSendBackShown implements ShownOnForm {

    private final CaseReviews reviews;

    RectificationSendBackShown(CaseReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public Set<String> names() {
        return Set.of("rectificationSendBack");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Map<String, Object> shown = new HashMap<>();
        shown.put("rectificationSendBack", reviews.sendBackReason(text(task, "reviewNumber"), text(task, "caseNumber"))
                .orElse(null));
        return shown;
    }
}
