package org.sanlian.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("domain.md §9: the pilot's organisations and roles as domain data, Camunda groups and demo users")
class IdentityBootstrapTest extends SanlianSpringTest {

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    OfficerRepository officers;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityBootstrap bootstrap;

    @Test
    @DisplayName("§9: city team with 法制科, 西峰大队, seven county teams, the road transport bureau and the traffic police, with area codes")
    void organisationsOfThePilot() {
        assertThat(organisations.findAll()).hasSize(12);
        Organisation xifeng = organisations.findById("xifeng").orElseThrow();
        assertThat(xifeng.getName()).contains("西峰大队");
        assertThat(xifeng.getAreaCode()).isEqualTo("621002");
        assertThat(xifeng.getParentCode()).isEqualTo("qycity");
        assertThat(organisations.findAll()).filteredOn(o -> o.getKind() == OrganisationKind.ENFORCEMENT_COUNTY)
                .hasSize(7);
        for (Organisation organisation : organisations.findAll()) {
            assertThat(organisation.getCode()).matches("[a-zA-Z0-9]+");
            assertThat(identityService.createGroupQuery().groupId(organisation.getCode()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("every organisation's duties are candidate groups, e.g. xifengHandler and xifengHead")
    void dutyGroups() {
        Group handlers = identityService.createGroupQuery().groupId("xifengHandler").singleResult();
        assertThat(handlers.getType()).isEqualTo(Role.DUTY_GROUP_TYPE);
        assertThat(identityService.createUserQuery().memberOfGroup("xifengHandler").list())
                .extracting(User::getId).contains("xfhandler1", "xfhandler2");
        assertThat(identityService.createUserQuery().memberOfGroup("xifengHead").list())
                .extracting(User::getId).contains("xfhead");
        assertThat(identityService.createUserQuery().memberOfGroup("qylegalLegalReviewer").list())
                .extracting(User::getId).contains("cityreviewer");
    }

    @Test
    @DisplayName("demo users have Chinese names, handlers hold enforcement certificate numbers (行政处罚法 Art. 42), password demo")
    void demoUsers() {
        User handler = identityService.createUserQuery().userId("xfhandler1").singleResult();
        // shown by the webapps as "first last": family name first, 李 明
        assertThat(handler.getFirstName() + handler.getLastName()).isEqualTo("李明");
        assertThat(officers.findById("xfhandler1").orElseThrow().getCertificateNumber()).isNotBlank();
        assertThat(officers.findById("xfhandler2").orElseThrow().getCertificateNumber()).isNotBlank();
        for (String id : List.of("xfhandler1", "xfhandler2", "xfhead", "qchandler1", "qchead", "cityreviewer",
                "citysupervisor", "bureau1", "police1", "analyst", "admin")) {
            assertThat(identityService.checkPassword(id, "demo")).as(id).isTrue();
        }
        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
                .extracting(User::getId).contains("admin");
    }

    @Test
    @DisplayName("Tasklist filters 我的待办, 本单位待办, 即将到期, 已超期 exist once, readable by every task-working role, with case number and party columns")
    void tasklistFilters() {
        for (String name : List.of("我的待办", "本单位待办", "即将到期", "已超期")) {
            List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
            assertThat(filters).as(name).hasSize(1);
            Filter filter = filters.get(0);
            assertThat(filter.getProperties().get("variables").toString()).contains("caseNumber", "partyName");
            for (Role role : IdentityBootstrap.TASK_WORKERS) {
                assertThat(authorizationService.isUserAuthorized(null, List.of(role.groupId()), Permissions.READ,
                        Resources.FILTER, filter.getId())).as(role + " reads " + name).isTrue();
            }
        }
    }

    @Test
    @DisplayName("running the bootstrap again changes nothing: groups and grants are not duplicated")
    void idempotent() throws Exception {
        long groups = identityService.createGroupQuery().count();
        long grants = authorizationService.createAuthorizationQuery().count();
        bootstrap.run(null);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(grants);
    }
}
