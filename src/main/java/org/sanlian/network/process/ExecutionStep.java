package org.sanlian.network.process;

import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A step a network model runs on an execution: as a start or end listener, or as a service task. */
record ExecutionStep(Consumer<DelegateExecution> work) implements ExecutionListener, JavaDelegate {

    @Override
    public void notify(DelegateExecution execution) {
        work.accept(execution);
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.accept(execution);
    }
}
