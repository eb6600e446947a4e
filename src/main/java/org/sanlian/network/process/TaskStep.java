package org.sanlian.network.process;

import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A step a network model runs when one of its user tasks is completed. */
record TaskStep(Consumer<DelegateTask> work) implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        work.accept(task);
    }
}
