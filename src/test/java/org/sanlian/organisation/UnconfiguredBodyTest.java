package org.sanlian.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Flyway V1 writes 庆阳's bodies on every database; in another city's installation the configuration does not name
 * them. Such a row (as here a brigade since dissolved) stays, because cases and documents refer to it, but it is in
 * service nowhere.
 */
@DisplayName("issue 17: a body in the table that the configuration does not name keeps its row but gets no groups, no leads (行政处罚法 Art. 22) and no place in a form")
class UnconfiguredBodyTest extends SanlianSpringTest {

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    IdentityBootstrap bootstrap;

    @Autowired
    IdentityService identityService;

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    Organisations query;

    @Autowired
    BodyChoices choices;

    @Test
    @DisplayName("a dissolved brigade's row: kept for its cases; no Camunda group at start; its area's leads go to the city team; offered in no select")
    void keptButNotInService() {
        organisations.saveAndFlush(new Organisation("dongzhi", "庆阳市交通运输综合行政执法队董志大队",
                OrganisationKind.ENFORCEMENT_DISTRICT, "621099", "qycity", "庆交执董"));
        try {
            bootstrap.run(null);
            assertThat(identityService.createGroupQuery().groupId("dongzhi").count()).isZero();
            assertThat(identityService.createGroupQuery().groupId("dongzhiHandler").count()).isZero();
            assertThat(jurisdictions.competentFor("621099")).get().extracting(Organisation::getCode)
                    .isEqualTo("qycity");
            assertThat(query.byCode("dongzhi")).as("the row stays for the cases that name it").isPresent();
            assertThat(query.configured()).extracting(Organisation::getCode).contains("xifeng")
                    .doesNotContain("dongzhi");
            assertThat(choices.enforcementBodiesOfCity("qycity")).extracting(BodyChoices.Choice::value)
                    .contains("xifeng").doesNotContain("dongzhi");
        } finally {
            organisations.deleteById("dongzhi");
        }
    }
}
