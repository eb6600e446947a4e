package org.sanlian.deadline;

import static org.sanlian.platform.ChinaTime.CHINA;

import org.sanlian.platform.ProcessActors;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.sanlian.calendar.CalendarAdministration.ArrangementEntered;
import org.sanlian.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal deadlines counted in working days (行政处罚法 Art. 85, 行政强制法 Art. 69). Each is kept with what it
 * was counted from; when a year's official arrangement is entered, every open provisional deadline is
 * counted again and its process variable and open task due date move with it.
 */
@Service
@Transactional
public class WorkingDayDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayDeadlines.class);

    private final WorkingDayCalendar calendar;
    private final LegalDeadlineRepository deadlines;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    public WorkingDayDeadlines(WorkingDayCalendar calendar, LegalDeadlineRepository deadlines,
            RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
        this.identityService = identityService;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /**
     * Counts a deadline of {@code workingDays} working days from the event on {@code eventDate} and stores it.
     * The caller (a delegate) writes it to the process ({@link LegalDeadline#writeTo}); when it is counted again, the process variable
     * {@code dueVariable} (and {@code dueVariable + "Provisional"}) and the due date of an open task
     * {@code taskDefinitionKey} move with it.
     */
    public LegalDeadline schedule(String processInstanceId, String kind, LocalDate eventDate, int workingDays,
            String dueVariable, String taskDefinitionKey) {
        for (LegalDeadline previous : deadlines.findByProcessInstanceIdAndKindAndActiveTrue(processInstanceId, kind)) {
            previous.close();
        }
        LegalDeadline deadline = new LegalDeadline(processInstanceId, kind, eventDate, workingDays, dueVariable,
                taskDefinitionKey);
        count(deadline);
        return deadlines.save(deadline);
    }

    public void close(String processInstanceId, String kind) {
        deadlines.findByProcessInstanceIdAndKindAndActiveTrue(processInstanceId, kind).forEach(LegalDeadline::close);
    }

    @Transactional(readOnly = true)
    public List<LegalDeadline> of(String processInstanceId) {
        return deadlines.findByProcessInstanceIdOrderById(processInstanceId);
    }

    /** The end of the deadline's last day in China, as Camunda due dates and timers take it. */
    public static Date endOfDay(LocalDate date) {
        return Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(CHINA).toInstant());
    }

    /** A system action, not the administrator's own: it runs without the caller's engine authorizations. */
    @EventListener
    public void recount(ArrangementEntered entered) {
        int counted = ProcessActors.withoutCaller(identityService, () -> {
            int open = 0;
            for (LegalDeadline deadline : deadlines.findByActiveTrueAndProvisionalTrue()) {
                count(deadline);
                apply(deadline);
                open++;
            }
            return open;
        });
        LOG.info("Arrangement for {} entered: {} open provisional deadlines counted again", entered.year(), counted);
    }

    private void count(LegalDeadline deadline) {
        WorkingDayCalendar.CountedDate counted = calendar.addWorkingDays(deadline.getStartDate(),
                deadline.getWorkingDays());
        deadline.countedAs(counted.date(), counted.provisional());
    }

    private void apply(LegalDeadline deadline) {
        String instance = deadline.getProcessInstanceId();
        if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
            deadline.close();
            return;
        }
        Date due = endOfDay(deadline.getDueDate());
        if (deadline.getDueVariable() != null) {
            runtimeService.setVariables(instance, deadline.recountedVariables());
        }
        if (deadline.getTaskDefinitionKey() != null) {
            for (Task task : taskService.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(deadline.getTaskDefinitionKey()).list()) {
                task.setDueDate(due);
                taskService.saveTask(task);
            }
        }
    }
}
