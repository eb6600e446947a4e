package org.sanlian.linkage.process;

import static org.sanlian.platform.ProcessActors.text;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.linkage.HandOvers;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * The hand-over's forms name the body that sent it (移交机关) as officers know it — 西峰区道路运输管理局, not its code
 * {@code xfbureau}: {@code senderName}, worked out when the form is opened (not stored).
 */
@Component("handOverSenderShown")
class HandOverSenderShown implements ShownOnForm {

    static final String VARIABLE = "senderName";

    private final HandOvers handOvers;

    HandOverSenderShown(HandOvers handOvers) {
        this.handOvers = handOvers;
    }

    @Override
    public Set<String> names() {
        return Set.of(VARIABLE);
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        return Map.of(VARIABLE, handOvers.nameOf(text(task, "senderCode")));
    }
}
