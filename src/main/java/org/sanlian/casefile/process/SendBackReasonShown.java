package org.sanlian.casefile.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.casefile.procedure.LegalReview;
import org.sanlian.casefile.procedure.LegalReviews;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * Why the legal reviewer sent the case back (行政处罚法 Art. 58: no decision until the review passes), on the forms
 * of the steps that must answer it — the reopened 调查取证, the next 案件调查报告 — and on the next 法制审核, as the
 * review stored it: the conclusion, the reason, who wrote it ({@code legalReviewSendBack}). Absent once a later review
 * passed the case. Found in Chromium: the reason was asked for and then shown nowhere.
 */
@Component("sendBackReasonShown")
class SendBackReasonShown implements ShownOnForm {

    private final LegalReviews reviews;
    private final Officers officers;

    SendBackReasonShown(LegalReviews reviews, Officers officers) {
        this.reviews = reviews;
        this.officers = officers;
    }

    @Override
    public Set<String> names() {
        return Set.of("legalReviewSendBack");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Map<String, Object> shown = new HashMap<>();
        shown.put("legalReviewSendBack", reviews.unansweredSendBack(task.getExecution().getProcessBusinessKey())
                .map(this::reason).orElse(null));
        return shown;
    }

    private String reason(LegalReview review) {
        return (review.getKind() == LegalReview.Kind.AFTER_HEARING ? "听证后法制审核" : "法制审核")
                + review.getOutcome().chineseName()
                + (review.getOpinion() == null ? "" : "：" + review.getOpinion())
                + (review.getReviewedBy() == null ? "" : "（" + officers.name(review.getReviewedBy()) + "）");
    }
}
