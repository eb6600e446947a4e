package org.sanlian.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanlian.organisation.EnforcementNetworks;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Organisations;
import org.sanlian.organisation.Role;
import org.sanlian.security.Visibility;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "supervision", description = "法制监督：无人可办的任务")
class UnstaffedTasksController {

    private final UnstaffedTasks unstaffed;
    private final Organisations organisations;
    private final EnforcementNetworks networks;

    public UnstaffedTasksController(UnstaffedTasks unstaffed, Organisations organisations,
            EnforcementNetworks networks) {
        this.unstaffed = unstaffed;
        this.organisations = organisations;
        this.networks = networks;
    }

    @GetMapping("/api/supervision/unstaffed-tasks")
    @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_legalSupervisor', 'GROUP_head')")
    @Operation(summary = "候选组没有任何成员的待办任务（无人能在任务列表中看到它们）")
    public List<UnstaffedTasks.UnstaffedTask> unstaffedTasks(Authentication user) {
        Visibility visibility = Visibility.of(user);
        if (visibility.seesAll()) {
            return unstaffed.find();
        }
        // a task offered only to groups of bodies the caller does not read (another city's, for a legal supervisor;
        // another body's, for a head) is not his to see; a group of no body at all is nobody's, so everyone's alarm
        Map<String, String> bodyOfGroup = bodyOfGroup();
        return unstaffed.find().stream().filter(task -> {
            List<String> bodies = task.candidateGroups().stream().map(bodyOfGroup::get).filter(Objects::nonNull)
                    .toList();
            return bodies.isEmpty() || bodies.stream().anyMatch(visibility::sees);
        }).toList();
    }

    /** Each body's own group and duty groups, and each city's reviewer and supervisor groups, to the body. */
    private Map<String, String> bodyOfGroup() {
        Map<String, String> bodyOfGroup = new HashMap<>();
        for (Organisation body : organisations.configured()) {
            bodyOfGroup.put(body.getCode(), body.getCode());
            for (Role role : Role.values()) {
                bodyOfGroup.put(role.dutyGroupId(body.getCode()), body.getCode());
            }
        }
        for (String cityTeam : networks.cities().keySet()) {
            bodyOfGroup.put(networks.legalReviewerGroupOf(cityTeam), cityTeam);
            bodyOfGroup.put(networks.supervisorGroupOf(cityTeam), cityTeam);
        }
        return bodyOfGroup;
    }
}
