package org.sanlian.organisation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The city–county networks as configured ({@code sanlian.organisation}): which city team a body belongs to, and
 * that city's legal reviewers and supervisors. A body belongs to the city its parents lead to; a body outside the
 * enforcement hierarchy (an industry bureau, a police brigade) to the city of its prefecture, the first four digits
 * of its GB/T 2260 area code.
 */
@Service
public class EnforcementNetworks {

    private final OrganisationSettings settings;

    public EnforcementNetworks(OrganisationSettings settings) {
        this.settings = settings;
        for (String city : settings.cities().keySet()) {
            OrganisationSettings.Body body = settings.bodies().get(city);
            if (body == null || body.kind() != OrganisationKind.ENFORCEMENT_CITY) {
                throw new IllegalStateException("sanlian.organisation.cities." + city
                        + " must name a body of kind ENFORCEMENT_CITY in sanlian.organisation.bodies");
            }
        }
        settings.bodies().forEach((code, body) -> {
            if (body.parent() != null && !settings.bodies().containsKey(body.parent())) {
                throw new IllegalStateException("sanlian.organisation.bodies." + code + ".parent: no body "
                        + body.parent());
            }
        });
    }

    /** The city team of the body's network, e.g. qycity for the Xifeng brigade. */
    public String cityTeamOf(String organisationCode) {
        return findCityTeamOf(organisationCode).orElseThrow(() -> new IllegalStateException(
                "the body " + organisationCode + " belongs to no city of sanlian.organisation.cities"));
    }

    public Optional<String> findCityTeamOf(String organisationCode) {
        Set<String> seen = new HashSet<>();
        String code = organisationCode;
        while (code != null && seen.add(code)) {
            if (settings.cities().containsKey(code)) {
                return Optional.of(code);
            }
            OrganisationSettings.Body body = settings.bodies().get(code);
            code = body == null ? null : body.parent();
        }
        OrganisationSettings.Body body = settings.bodies().get(organisationCode);
        if (body == null) {
            return Optional.empty();
        }
        String prefecture = body.areaCode().substring(0, 4);
        return settings.cities().keySet().stream()
                .filter(city -> settings.bodies().get(city).areaCode().startsWith(prefecture))
                .findFirst();
    }

    /**
     * The city of a body as {@link #findCityTeamOf(String)} finds it, or, for a body that is not configured (one
     * entered in the organisation table alone, as a police brigade may be), the city of its prefecture: the first four
     * digits of its area code.
     */
    public Optional<String> findCityTeamOf(String organisationCode, String areaCode) {
        Optional<String> configured = findCityTeamOf(organisationCode);
        if (configured.isPresent() || areaCode == null || areaCode.length() < 4) {
            return configured;
        }
        String prefecture = areaCode.substring(0, 4);
        return settings.cities().keySet().stream()
                .filter(city -> settings.bodies().get(city).areaCode().startsWith(prefecture))
                .findFirst();
    }

    /** Candidate group of 法制审核 (行政处罚法 Art. 58) for a case of this body. */
    public String legalReviewerGroupOf(String organisationCode) {
        return city(organisationCode).legalReviewerGroup();
    }

    /** Candidate group of the city's 法制监督 (超期督办, 整改复核) for a case of this body. */
    public String supervisorGroupOf(String organisationCode) {
        return city(organisationCode).supervisorGroup();
    }

    /**
     * The process variables a case procedure's models name as candidate groups: {@code legalReviewerGroup} (法制审核)
     * and {@code supervisorGroup} (超期督办), those of the city of the body that holds the case.
     */
    public Map<String, Object> caseGroupsOf(String organisationCode) {
        OrganisationSettings.City city = city(organisationCode);
        return Map.of("legalReviewerGroup", city.legalReviewerGroup(), "supervisorGroup", city.supervisorGroup());
    }

    /**
     * The bodies a legal supervisor (法制监督) with these Camunda groups supervises: every configured body of the cities
     * whose supervisor group they are in, or to whose network a body they belong to belongs — their own city, never
     * another's. Empty for anyone without the legal supervisor role.
     */
    public Set<String> bodiesSupervisedBy(Collection<String> groupIds) {
        if (!groupIds.contains(Role.LEGAL_SUPERVISOR.groupId())) {
            return Set.of();
        }
        Set<String> cities = new HashSet<>();
        settings.cities().forEach((cityTeam, city) -> {
            if (groupIds.contains(city.supervisorGroup())) {
                cities.add(cityTeam);
            }
        });
        groupIds.stream().filter(settings.bodies()::containsKey)
                .forEach(body -> findCityTeamOf(body).ifPresent(cities::add));
        return settings.bodies().keySet().stream()
                .filter(body -> findCityTeamOf(body).filter(cities::contains).isPresent())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isCityTeam(String organisationCode) {
        return settings.cities().containsKey(organisationCode);
    }

    /** The configured cities by their city team's code. */
    public Map<String, OrganisationSettings.City> cities() {
        return settings.cities();
    }

    private OrganisationSettings.City city(String organisationCode) {
        return settings.cities().get(cityTeamOf(organisationCode));
    }
}
