package org.sanlian.lead;

import java.util.List;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.platform.forms.FormOptions;
import org.springframework.stereotype.Component;

/**
 * 登记案源 (registerLead): the 违法行为发生地 select offers the areas of the configured enforcement bodies
 * (行政处罚法 Art. 22); the lead goes to the body competent there, and a place no body covers is refused.
 */
@Component
class LeadAreas implements FormOptions {

    private final BodyChoices bodies;

    LeadAreas(BodyChoices bodies) {
        this.bodies = bodies;
    }

    @Override
    public String valuesKey() {
        return "leadAreas";
    }

    @Override
    public List<Option> offeredTo(String userId) {
        return bodies.areasOfEnforcementBodies().stream().map(area -> new Option(area.label(), area.value())).toList();
    }
}
