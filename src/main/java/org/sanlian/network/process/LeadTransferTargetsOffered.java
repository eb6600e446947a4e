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
 * 立案审批's 移送有管辖权的机关 (行政处罚法 Art. 25): the bodies the holder may send the lead to, given to the form as
 * {@code transferTargets} when it is opened (not stored), which the select 移送至 reads through {@code valuesKey};
 * {@link Transfers#requestedAtFiling} refuses any other.
 */
@Component("leadTransferTargetsOffered")
class LeadTransferTargetsOffered implements ShownOnForm {

    static final String VARIABLE = "transferTargets";

    private final Transfers transfers;

    LeadTransferTargetsOffered(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public Set<String> names() {
        return Set.of(VARIABLE);
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        return Map.of(VARIABLE, FormOptions.variable(transfers.transferTargetsOf(text(task, "organisationCode"))
                .stream().map(body -> new FormOptions.Option(body.label(), body.value())).toList()));
    }
}
