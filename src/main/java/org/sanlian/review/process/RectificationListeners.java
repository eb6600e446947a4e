package org.sanlian.review.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.sanlian.review.CaseReviews;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Component;

/** Task listeners of caseFileRectification: they check on the server what the forms ask, and record the step. */
public final class RectificationListeners {

    private RectificationListeners() {
    }

    static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
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

    /** 整改复核 completed: accepted or sent back with the reason. */
    @Component("verifyRectificationCompleted")
    public static class VerifyCompleted implements TaskListener {

        private final CaseReviews reviews;

        public VerifyCompleted(CaseReviews reviews) {
            this.reviews = reviews;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariable("rectificationAccepted", reviews.verified(text(task, "reviewNumber"),
                    text(task, "caseNumber"), task.getVariable("verificationDecision"), text(task, "verificationNote"),
                    actor(task)));
        }
    }
}
