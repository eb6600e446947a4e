package org.sanlian.organisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the configured bodies ({@code sanlian.organisation.bodies}) into the organisation table at every start,
 * before their Camunda groups are made ({@link IdentityBootstrap}): a missing body is created with its number
 * prefix; an existing one takes the configured name, kind, area and parent, and keeps the numbering the
 * administrator set. A body no longer configured stays: cases and documents refer to it.
 */
@Component
@Order(5)
class OrganisationsFromConfiguration implements ApplicationRunner {

    private final OrganisationSettings settings;
    private final OrganisationRepository organisations;

    public OrganisationsFromConfiguration(OrganisationSettings settings, OrganisationRepository organisations) {
        this.settings = settings;
        this.organisations = organisations;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (String code : parentsFirst(settings.bodies())) {
            OrganisationSettings.Body body = settings.bodies().get(code);
            Organisation organisation = organisations.findById(code).orElse(null);
            if (organisation == null) {
                organisations.saveAndFlush(new Organisation(code, body.name(), body.kind(), body.areaCode(),
                        body.parent(), body.numberPrefix()));
            } else {
                organisation.configured(body.name(), body.kind(), body.areaCode(), body.parent());
                organisations.flush();
            }
        }
    }

    /** The codes ordered so that each body comes after its parent (the parent is its foreign key). */
    static List<String> parentsFirst(Map<String, OrganisationSettings.Body> bodies) {
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String code : bodies.keySet()) {
            place(code, bodies, ordered, placed, new HashSet<>());
        }
        return ordered;
    }

    private static void place(String code, Map<String, OrganisationSettings.Body> bodies, List<String> ordered,
            Set<String> placed, Set<String> path) {
        if (placed.contains(code) || !bodies.containsKey(code)) {
            return;
        }
        if (!path.add(code)) {
            throw new IllegalStateException("sanlian.organisation.bodies: the parents of " + code + " form a cycle");
        }
        place(bodies.get(code).parent(), bodies, ordered, placed, path);
        placed.add(code);
        ordered.add(code);
    }
}
