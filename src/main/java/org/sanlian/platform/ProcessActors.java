package org.sanlian.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting in a Camunda call, and a variable read as text: the few lines every feature's delegates and
 * listeners need, in one place.
 */
public final class ProcessActors {

    private ProcessActors() {
    }

    /** The signed-in user behind the engine call; null when the engine acts on its own (a timer, a job). */
    public static String currentUser(ProcessEngineServices engine) {
        return currentUser(engine.getIdentityService());
    }

    /** The signed-in user; null when the engine acts on its own. */
    public static String currentUser(IdentityService identities) {
        Authentication user = identities.getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }

    /**
     * Runs {@code query} with no user signed in, so the engine's per-user authorization does not hide what the
     * caller's own checks have already allowed, and signs the caller in again afterwards.
     */
    public static <T> T withoutCaller(IdentityService identities, Supplier<T> query) {
        Authentication caller = identities.getCurrentAuthentication();
        identities.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identities.setAuthentication(caller);
            }
        }
    }

    /** Who completes the task: the signed-in user, else the assignee (engine-level calls). */
    public static String actor(DelegateTask task) {
        String user = currentUser(task.getProcessEngineServices());
        return user != null ? user : task.getAssignee();
    }

    /** A process variable as text; null when absent. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
