package org.sanlian.network.process;

import static org.sanlian.platform.ProcessActors.text;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.network.Transfers;
import org.sanlian.platform.forms.FormOptions;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * 指定管辖 (行政处罚法 Art. 25): the bodies the city team may designate, given to the form as {@code designatableBodies}
 * when it is opened (the task's {@code shows}; issue 16: not stored in the task), which the form's select reads
 * through {@code valuesKey}; {@link Transfers#designated} refuses any other.
 */
@Component("designatableBodiesOffered")
class DesignatableBodiesOffered implements ShownOnForm {

    static final String VARIABLE = "designatableBodies";

    private final Transfers transfers;

    DesignatableBodiesOffered(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public Set<String> names() {
        return Set.of(VARIABLE);
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        return Map.of(VARIABLE, FormOptions.variable(transfers.designatable(text(task, "transferNumber")).stream()
                .map(body -> new FormOptions.Option(body.label(), body.value())).toList()));
    }
}
