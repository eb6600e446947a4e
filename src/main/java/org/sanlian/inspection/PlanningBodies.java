package org.sanlian.inspection;

import java.util.List;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.forms.FormOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * 制定联合抽查计划 (planJointInspection): the bodies of the planner's city network, from the configured bodies — its
 * enforcement bodies may lead, any of its bodies but the legal office may take part (国办发〔2019〕5号, domain.md §5).
 * The start form's selects offer them; {@link JointInspections#createPlan} refuses any other.
 */
@Service
public class PlanningBodies {

    private final Officers officers;
    private final BodyChoices bodies;

    PlanningBodies(Officers officers, BodyChoices bodies) {
        this.officers = officers;
        this.bodies = bodies;
    }

    public List<BodyChoices.Choice> leadsFor(String plannerId) {
        return officers.byUserId(plannerId).map(Officer::getOrganisationCode)
                .map(bodies::enforcementBodiesOfNetworkOf).orElse(List.of());
    }

    public List<BodyChoices.Choice> partnersFor(String plannerId) {
        return officers.byUserId(plannerId).map(Officer::getOrganisationCode)
                .map(bodies::inspectingBodiesOfNetworkOf).orElse(List.of());
    }

    private static List<FormOptions.Option> options(List<BodyChoices.Choice> choices) {
        return choices.stream().map(choice -> new FormOptions.Option(choice.label(), choice.value())).toList();
    }

    /** 牵头单位. */
    @Bean
    FormOptions jointInspectionLeads() {
        return FormOptions.of("jointInspectionLeads", planner -> options(leadsFor(planner)));
    }

    /** 联合单位. */
    @Bean
    FormOptions jointInspectionPartners() {
        return FormOptions.of("jointInspectionPartners", planner -> options(partnersFor(planner)));
    }
}
