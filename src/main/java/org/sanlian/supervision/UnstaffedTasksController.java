package org.sanlian.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "supervision", description = "法制监督：无人可办的任务")
class UnstaffedTasksController {

    private final UnstaffedTasks unstaffed;

    public UnstaffedTasksController(UnstaffedTasks unstaffed) {
        this.unstaffed = unstaffed;
    }

    @GetMapping("/api/supervision/unstaffed-tasks")
    @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_legalSupervisor', 'GROUP_head')")
    @Operation(summary = "候选组没有任何成员的待办任务（无人能在任务列表中看到它们）")
    public List<UnstaffedTasks.UnstaffedTask> unstaffedTasks() {
        return unstaffed.find();
    }
}
