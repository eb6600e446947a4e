package org.sanlian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.organisation.Role;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** domain.md §6 法制监督: the city's legal supervisors watch every body's tasks; heads open Cockpit for their own. */
class SupervisionAccessTest extends SanlianSpringTest {

    @Autowired
    FilterService filterService;

    @Autowired
    AuthorizationService authorizationService;

    @Test
    @DisplayName("domain.md §6: citysupervisor's 全市待办 lists the open tasks of every body; handlers cannot read it")
    void supervisorsFiltersSpanAllBodies() {
        registerLead("qchandler1", "庆城监督筛选测试户", null);
        registerLead("xfhandler1", "西峰监督筛选测试户", null);
        Filter all = filterService.createFilterQuery().filterName(SupervisionAccess.ALL_OPEN).singleResult();
        long everyTask = processEngine.getTaskService().createTaskQuery().count();
        assertThat(json(get("citysupervisor", "/engine-rest/filter/" + all.getId() + "/count")).path("count").asLong())
                .isEqualTo(everyTask);
        assertThat(authorizationService.isUserAuthorized("qchandler1", java.util.List.of("handler", "qingcheng",
                "qingchengHandler"), Permissions.READ, Resources.FILTER, all.getId())).isFalse();
        for (String name : new String[] {SupervisionAccess.ALL_OVERDUE, SupervisionAccess.ALL_DUE_SOON}) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            assertThat(authorizationService.isUserAuthorized("citysupervisor", java.util.List.of(
                    Role.LEGAL_SUPERVISOR.groupId()), Permissions.READ, Resources.FILTER, filter.getId())).as(name).isTrue();
        }
    }

    @Test
    @DisplayName("domain.md §6: a head may open Cockpit for the 案件监督 plugin")
    void headsOpenCockpit() {
        assertThat(authorizationService.isUserAuthorized("qchead", java.util.List.of(Role.HEAD.groupId()),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    }
}
