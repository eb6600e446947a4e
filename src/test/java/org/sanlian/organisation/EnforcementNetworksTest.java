package org.sanlian.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("city–county networks from configuration (行政处罚法 Art. 25: the city team designates and takes up; Art. 58: the city's 法制审核)")
class EnforcementNetworksTest {

    private static OrganisationSettings.Body body(String name, OrganisationKind kind, String area, String parent) {
        return new OrganisationSettings.Body(name, kind, area, parent, null, null, null, null, null, null);
    }

    private static Map<String, OrganisationSettings.Body> twoCities() {
        Map<String, OrganisationSettings.Body> bodies = new LinkedHashMap<>();
        bodies.put("kongtong", body("崆峒大队", OrganisationKind.ENFORCEMENT_DISTRICT, "620802", "plcity"));
        bodies.put("plcity", body("平凉市支队", OrganisationKind.ENFORCEMENT_CITY, "620800", null));
        bodies.put("pllegal", body("平凉市法制科", OrganisationKind.LEGAL_OFFICE, "620800", "plcity"));
        bodies.put("ktbureau", body("崆峒区运管所", OrganisationKind.INDUSTRY_MANAGEMENT, "620802", null));
        bodies.put("qycity", body("庆阳市执法队", OrganisationKind.ENFORCEMENT_CITY, "621000", null));
        bodies.put("xifeng", body("西峰大队", OrganisationKind.ENFORCEMENT_DISTRICT, "621002", "qycity"));
        return bodies;
    }

    private static EnforcementNetworks networks(Map<String, OrganisationSettings.Body> bodies) {
        return new EnforcementNetworks(new OrganisationSettings(bodies, Map.of(
                "plcity", new OrganisationSettings.City("pllegalLegalReviewer", "pllegalSupervisor"),
                "qycity", new OrganisationSettings.City("qylegalLegalReviewer", "qylegalSupervisor"))));
    }

    @Test
    @DisplayName("a brigade belongs to the city its parents lead to; a bureau outside the hierarchy to the city of its prefecture (GB/T 2260, first four digits)")
    void cityOfABody() {
        EnforcementNetworks networks = networks(twoCities());
        assertThat(networks.cityTeamOf("kongtong")).isEqualTo("plcity");
        assertThat(networks.cityTeamOf("ktbureau")).isEqualTo("plcity");
        assertThat(networks.cityTeamOf("xifeng")).isEqualTo("qycity");
        assertThat(networks.caseGroupsOf("kongtong")).containsEntry("legalReviewerGroup", "pllegalLegalReviewer")
                .containsEntry("supervisorGroup", "pllegalSupervisor");
        assertThat(networks.supervisorGroupOf("xifeng")).isEqualTo("qylegalSupervisor");
    }

    @Test
    @DisplayName("a city must be an ENFORCEMENT_CITY body and a parent must be configured: the start stops naming the key")
    void misconfigurationStopsTheStart() {
        Map<String, OrganisationSettings.Body> bodies = twoCities();
        bodies.put("jingchuan", body("泾川大队", OrganisationKind.ENFORCEMENT_COUNTY, "620821", "nowhere"));
        assertThatThrownBy(() -> networks(bodies)).hasMessageContaining("sanlian.organisation.bodies.jingchuan.parent");
        Map<String, OrganisationSettings.Body> noCity = twoCities();
        noCity.remove("plcity");
        noCity.remove("kongtong");
        noCity.remove("pllegal");
        assertThatThrownBy(() -> networks(noCity)).hasMessageContaining("sanlian.organisation.cities.plcity");
    }

    @Test
    @DisplayName("bodies are written parents first (the parent is a foreign key), whatever the order of the configuration")
    void parentsFirst() {
        assertThat(OrganisationsFromConfiguration.parentsFirst(twoCities()))
                .containsExactly("plcity", "kongtong", "pllegal", "ktbureau", "qycity", "xifeng");
    }
}
