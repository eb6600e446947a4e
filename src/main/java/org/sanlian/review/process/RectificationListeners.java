package org.sanlian.review.process;

import static org.sanlian.platform.ProcessActors.actor;

import static org.sanlian.platform.ProcessActors.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.sanlian.review.CaseReviews;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/** Task listeners of caseFileRectification: they check on the server what the forms ask, and record the step. */
final class RectificationListeners {

    private RectificationListeners() {
    }

    /** 案卷整改 completed: the report is recorded and the supervisor's check falls due. */
    @Component("rectifyCaseFileCompleted")
    public static class RectifyCompleted implements TaskListener {

        private final CaseReviews reviews;

        public RectifyCompleted(CaseReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariable("verificationDue", WorkingDayDeadlines.endOfDay(reviews.rectified(
                    text(task, "reviewNumber"), text(task, "caseNumber"), text(task, "rectificationReport"), actor(task))));
        }
    }

    /** 整改复核 completed: accepted, or sent back with the reason and a new rectification period. */
    @Component("verifyRectificationCompleted")
    public static class VerifyCompleted implements TaskListener {

        private final CaseReviews reviews;

        public VerifyCompleted(CaseReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void notify(DelegateTask task) {
            CaseReviews.RectificationChecked verification = reviews.verified(text(task, "reviewNumber"),
                    text(task, "caseNumber"), task.getVariable("verificationDecision"), text(task, "verificationNote"),
                    actor(task));
            task.setVariable("rectificationAccepted", verification.accepted());
            if (!verification.accepted()) {
                // 案卷整改 again: its due date is the new period's, not the first round's (usually past by now)
                task.setVariable("rectificationDue", WorkingDayDeadlines.endOfDay(verification.rectificationDue()));
            }
        }
    }
}
