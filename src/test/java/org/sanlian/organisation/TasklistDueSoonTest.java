package org.sanlian.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: 即将到期 counts whole days. With the default window of 3 days a task due any time on the third day
 * from today (up to 23:59:59) is listed; one due at midnight after it is not, nor one already overdue.
 */
@DisplayName("issue 13 — 即将到期 includes tasks due by the end of day N")
class TasklistDueSoonTest extends SanlianSpringTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final LocalDateTime NOW = LocalDate.of(2026, 12, 5).atTime(10, 0);

    @Autowired
    private FilterService filterService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private IdentityService identityService;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        created.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    @DisplayName("N=3: due 2026-12-08 23:59 (end of day 3) is 即将到期; due 2026-12-09 00:00 and already-overdue tasks are not")
    void dueByTheEndOfDayThree() {
        ClockUtil.setCurrentTime(date(NOW));
        String endOfDayThree = task("end of day 3", NOW.toLocalDate().plusDays(3).atTime(23, 59, 59));
        String startOfDayFour = task("start of day 4", NOW.toLocalDate().plusDays(4).atStartOfDay());
        String laterToday = task("later today", NOW.plusHours(2));
        String overdue = task("overdue", NOW.minusHours(1));

        identityService.setAuthentication("xfhandler1", List.of("xifengHandler", Role.HANDLER.groupId()));
        String filterId = filterService.createFilterQuery().filterName(TasklistFilters.DUE_SOON).singleResult().getId();
        List<String> listed = filterService.<Task>list(filterId).stream().map(Task::getId).toList();

        assertThat(listed).contains(endOfDayThree, laterToday).doesNotContain(startOfDayFour, overdue);
    }

    @Test
    @DisplayName("issue 16: 即将到期 lists the most urgent first — by due date, whatever order Tasklist asks for after it")
    void mostUrgentFirst() {
        ClockUtil.setCurrentTime(date(NOW));
        String dueInThreeDays = task("due in three days", NOW.plusDays(3));
        ClockUtil.setCurrentTime(date(NOW.plusMinutes(1)));
        String dueTomorrow = task("due tomorrow", NOW.plusDays(1));
        ClockUtil.setCurrentTime(date(NOW.plusMinutes(2)));
        String dueInTwoHours = task("due in two hours", NOW.plusHours(2));

        identityService.setAuthentication("xfhandler1", List.of("xifengHandler", Role.HANDLER.groupId()));
        String filterId = filterService.createFilterQuery().filterName(TasklistFilters.DUE_SOON).singleResult().getId();
        // Tasklist adds its own sorting (newest first) to the filter's query: it only breaks ties of the due date
        List<String> listed = filterService.<Task, TaskQuery>list(filterId, taskService.createTaskQuery().orderByTaskCreateTime()
                .desc()).stream().map(Task::getId).filter(created::contains).toList();

        assertThat(listed).containsExactly(dueInTwoHours, dueTomorrow, dueInThreeDays);
    }

    private String task(String name, LocalDateTime due) {
        Task task = taskService.newTask();
        task.setName("即将到期测试 " + name);
        task.setAssignee("xfhandler1");
        task.setDueDate(date(due));
        taskService.saveTask(task);
        created.add(task.getId());
        return task.getId();
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZONE).toInstant());
    }
}
