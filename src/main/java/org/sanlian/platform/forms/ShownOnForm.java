package org.sanlian.platform.forms;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a form shows beside its own fields — facts of the case for an approver, choices for a select, a period still
 * running — worked out from the domain each time the form's variables are read (Tasklist's
 * {@code GET task/{id}/form-variables}, the same on {@code /engine-rest}), and never stored in the task (issue 16:
 * copies no one submits were inserted into the task, written to history twice and deleted again, in every step).
 *
 * <p>A user task names the beans it shows in its extension property {@value ShownOnFormPlugin#PROPERTY}, e.g.
 * {@code shows = approvalFactsShown, noticePeriodsShown}; the names must be beans of this type, or deployment fails.
 * Models deployed before named them as {@code create} task listeners; such a listener still declares what its task
 * shows, and calling it does nothing.
 */
public interface ShownOnForm extends TaskListener {

    /** The variable names this bean shows, the same for every task, known without working out their values. */
    Set<String> names();

    /** The values for the task as things stand now, by name (each of {@link #names()}; a value may be null). */
    Map<String, Object> shown(DelegateTask task);

    /** Models deployed before the property named the bean as a {@code create} listener: nothing is stored now. */
    @Override
    default void notify(DelegateTask task) {
    }
}
