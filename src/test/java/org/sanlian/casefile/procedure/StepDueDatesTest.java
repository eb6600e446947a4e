package org.sanlian.casefile.procedure;

import org.sanlian.support.Notices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.deadline.LegalDeadlineRepository;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.platform.DeadlineSettings;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, build 4: each step shows its own due date, counted on the working-day calendar, not the case's
 * 90-day decision limit.
 */
class StepDueDatesTest extends CaseProcedureTestSupport {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineSettings settings;

    @Autowired
    LegalDeadlineRepository legalDeadlines;

    @Test
    @DisplayName("domain.md §2.5 (L, market-regulation analogue): 法制审核 is due the configured working days after it opens, not at the 90-day decision limit, and its window closes when the review is submitted")
    void legalReviewIsDueTenWorkingDaysAfterItOpens() {
        ProcessInstance instance = reported("法制审核期限当事人", 20000);

        Task review = task("legalReview", instance);
        assertThat(review.getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(
                calendar.addWorkingDays(TODAY, settings.legalReviewWorkingDays()).date()));
        assertThat(review.getDueDate()).isNotEqualTo(runtimeService.getVariable(instance.getId(), "decisionDeadline"));
        assertThat(legalDeadlines.findByProcessInstanceIdAndKindAndActiveTrue(instance.getId(), "legalReviewWindow"))
                .singleElement().satisfies(due -> assertThat(due.getTaskDefinitionKey()).isEqualTo("legalReview"));

        complete(instance, "legalReview", Map.of("reviewOpinion", "approve"));
        assertThat(legalDeadlines.findByProcessInstanceIdAndKindAndActiveTrue(instance.getId(), "legalReviewWindow"))
                .isEmpty();
    }

    @Test
    @DisplayName("domain.md §2.7 (L) and 行政处罚法 Art. 85: 陈述申辩与复核 is due the notice's stored service date + 3 working days")
    void statementIsDueThreeWorkingDaysAfterTheNoticeIsServed() {
        ProcessInstance instance = proposed("陈述申辩期限当事人", 8000);
        filedDaysAgo(instance, 10);
        complete(instance, "issueNotice", Notices.served(TODAY.minusDays(2)));

        assertThat(task("statementAndRecheck", instance).getDueDate()).isEqualTo(WorkingDayDeadlines.endOfDay(
                calendar.addWorkingDays(TODAY.minusDays(2), settings.statementWorkingDays()).date()));
    }
}
