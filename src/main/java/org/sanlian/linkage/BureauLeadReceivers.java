package org.sanlian.linkage;

import java.util.List;
import org.sanlian.platform.forms.FormOptions;
import org.springframework.stereotype.Component;

/**
 * 登记行业管理案源 (registerBureauLead): the 移交给 select offers the enforcement bodies competent for the registrant's
 * bureau's area (行政处罚法 Arts. 22, 23), from the configured bodies; {@link HandOvers#register} refuses any other.
 */
@Component
class BureauLeadReceivers implements FormOptions {

    static final String VALUES_KEY = "bureauLeadReceivers";

    private final HandOvers handOvers;

    BureauLeadReceivers(HandOvers handOvers) {
        this.handOvers = handOvers;
    }

    @Override
    public String valuesKey() {
        return VALUES_KEY;
    }

    @Override
    public List<Option> offeredTo(String userId) {
        return handOvers.bureauOf(userId).map(handOvers::receiversOfBureauLead).orElse(List.of()).stream()
                .map(body -> new Option(body.label(), body.value())).toList();
    }
}
