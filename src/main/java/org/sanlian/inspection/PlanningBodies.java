package org.sanlian.inspection;

import java.util.List;
import org.sanlian.organisation.BodyChoices;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.forms.FormOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * 制定联合抽查计划 (planJointInspection), from the configured bodies: the planner's own body leads, or, for a planner of
 * the city team, any enforcement body of its network (an officer acts only for a body they belong to; the city team
 * leads the network, domain.md §9); any body of the planner's city network but the legal office may take part
 * (国办发〔2019〕5号, domain.md §5).
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
                .map(bodies::enforcementBodiesActedForBy).orElse(List.of());
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
