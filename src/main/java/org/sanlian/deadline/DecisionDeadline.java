package org.sanlian.deadline;

import java.time.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.DeadlineSettings;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The 90-day decision limit (行政处罚法 Art. 60, calendar days from filing) that runs beside a case: when it ends,
 * when the warning goes out, and an approved extension that moves the limit, its timers and the due dates of
 * the open decision-phase tasks.
 */
@Service
public class DecisionDeadline {

    static final String OVERDUE_TIMER = "decisionDeadlinePassed";
    static final String WARNING_TIMER = "decisionWarningDue";

    private final ManagementService managementService;
    private final TaskService taskService;
    private final Period limit;
    private final Period warning;
    private final Period extension;

    public DecisionDeadline(ManagementService managementService, TaskService taskService,
            DeadlineSettings deadlineSettings) {
        this.managementService = managementService;
        this.taskService = taskService;
        this.limit = deadlineSettings.decision();
        this.warning = deadlineSettings.decisionWarning();
        this.extension = deadlineSettings.decisionExtension();
    }

    /** The variables a new case starts with. */
    public Map<String, Object> startingFrom(LocalDate filedOn) {
        LocalDate last = filedOn.plus(limit);
        return Map.of("decisionDeadline", WorkingDayDeadlines.endOfDay(last),
                "decisionWarningAt", WorkingDayDeadlines.endOfDay(last.minus(warning)),
                "decisionMade", false);
    }

    /** An approved extension: everything that counts from the limit moves by the extension. */
    public Date extend(DelegateExecution execution) {
        return moveBy(execution, extension);
    }

    /**
     * A period the limit does not count (the hearing, domain.md §2.9 "excluded periods"): the limit, the warning,
     * the overdue timer and the open decision-phase tasks move by its length in calendar days.
     */
    public Date exclude(DelegateExecution execution, LocalDate from, LocalDate to) {
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
        return moveBy(execution, Period.ofDays(Math.toIntExact(days)));
    }

    /**
     * The case leaves the body's hands (a suspected crime sent to the police, 移送规定 Art. 8): the warning and the
     * overdue timers stop, so that neither fires, and is used up, while the police decide. If the police file the
     * case it ends with them; if it comes back, {@link #resume} starts them again.
     */
    public void pause(DelegateExecution execution) {
        String instance = execution.getProcessInstanceId();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            timers(instance).forEach(timer -> suspension(timer, SuspensionState.SUSPENDED));
            return null;
        });
    }

    /**
     * The case is back with the body (the police did not file it, 移送规定 Arts. 10, 13): the days it was with the
     * police do not count towards the limit (an excluded period, as the hearing's), and the timers run again from
     * the moved dates — one whose date has already passed fires at once.
     */
    public Date resume(DelegateExecution execution, LocalDate sentOn, LocalDate returnedOn) {
        Date after = exclude(execution, sentOn, returnedOn);
        String instance = execution.getProcessInstanceId();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            timers(instance).forEach(timer -> suspension(timer, SuspensionState.ACTIVE));
            return null;
        });
        return after;
    }

    /**
     * On the job's entity of this command, not through ManagementService's suspend/activate: those are bulk
     * updates, and the same command has just moved the job's due date through the entity, whose revision they
     * would make stale (an OptimisticLockingException at flush).
     */
    private static void suspension(Job timer, SuspensionState state) {
        JobEntity job = Context.getCommandContext().getJobManager().findJobById(timer.getId());
        job.setSuspensionState(state.getStateCode());
    }

    private List<Job> timers(String instance) {
        List<Job> timers = new ArrayList<>(
                managementService.createJobQuery().processInstanceId(instance).activityId(WARNING_TIMER).list());
        timers.addAll(managementService.createJobQuery().processInstanceId(instance).activityId(OVERDUE_TIMER).list());
        return timers;
    }

    private Date moveBy(DelegateExecution execution, Period period) {
        Date before = (Date) execution.getVariable("decisionDeadline");
        Date after = Date.from(before.toInstant().atZone(ChinaTime.CHINA).plus(period).toInstant());
        execution.setVariable("decisionDeadline", after);
        execution.setVariable("decisionWarningAt",
                Date.from(after.toInstant().atZone(ChinaTime.CHINA).minus(warning).toInstant()));
        String instance = execution.getProcessInstanceId();
        // a system action on the case's own timers and tasks, not something the approving head may do by hand
        Context.getCommandContext().runWithoutAuthorization(() -> {
            for (Job timer : managementService.createJobQuery().processInstanceId(instance).activityId(OVERDUE_TIMER)
                    .list()) {
                managementService.setJobDuedate(timer.getId(), after);
            }
            Date warning = (Date) execution.getVariable("decisionWarningAt");
            for (Job timer : managementService.createJobQuery().processInstanceId(instance).activityId(WARNING_TIMER)
                    .list()) {
                managementService.setJobDuedate(timer.getId(), warning);
            }
            for (Task task : taskService.createTaskQuery().processInstanceId(instance).dueDate(before).list()) {
                task.setDueDate(after);
                taskService.saveTask(task);
            }
            return null;
        });
        return after;
    }
}
