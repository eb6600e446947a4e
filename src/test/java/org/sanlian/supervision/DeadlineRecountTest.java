package org.sanlian.supervision;

import org.sanlian.deadline.WorkingDayDeadlines;
import org.sanlian.deadline.LegalDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Years 2098 and 2099 stand in for "this year" and "next year": no arrangement is shipped for them, and the
 * arrangements entered here are test data, not real State Council notices.
 */
@DisplayName("domain.md §11: a deadline reaching into a year without an arrangement is provisional and moves when the arrangement is entered")
class DeadlineRecountTest extends SanlianSpringTest {

    @Autowired
    WorkingDayDeadlines deadlines;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    @DisplayName("2098-12-29 + 7 working days → 2099-01-08 (provisional); after the 2099 arrangement is entered → 2099-01-12, and the task's due date moves with it")
    void provisionalDeadlineMovesWithTheArrangement() {
        // 2098 stands in for "this year", whose arrangement is known
        assertThat(call("admin", HttpMethod.PUT, "/api/calendar/2098", Map.of("notice", "测试数据：并非真实的国务院通知",
                "days", List.of(Map.of("date", "2098-01-01", "kind", "HOLIDAY", "name", "元旦")))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", "跨年期限测试", "summary", "期限跨入尚无放假安排的年度", "organisationCode", "xifeng"));
        LegalDeadline deadline = deadlines.schedule(instance.getId(), "leadVerification", LocalDate.of(2098, 12, 29), 7,
                "verificationDue", "verifyLead");
        assertThat(deadline.getDueDate()).isEqualTo(LocalDate.of(2099, 1, 8));
        assertThat(deadline.isProvisional()).isTrue();

        ResponseEntity<String> provisionalYear = get("xfhandler1", "/api/calendar/2099");
        assertThat(json(provisionalYear).path("provisional").asBoolean()).isTrue();

        ResponseEntity<String> refused = call("xfhandler1", HttpMethod.PUT, "/api/calendar/2099", arrangement());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> entered = call("admin", HttpMethod.PUT, "/api/calendar/2099", arrangement());
        assertThat(entered.getStatusCode()).as(entered.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(entered).path("provisional").asBoolean()).isFalse();

        LegalDeadline recounted = deadlines.of(instance.getId()).stream()
                .filter(d -> d.getKind().equals("leadVerification") && d.isActive()).findFirst().orElseThrow();
        assertThat(recounted.getDueDate()).isEqualTo(LocalDate.of(2099, 1, 12));
        assertThat(recounted.isProvisional()).isFalse();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
                .isEqualTo(WorkingDayDeadlines.endOfDay(LocalDate.of(2099, 1, 12)));
        assertThat(runtimeService.getVariable(instance.getId(), "verificationDueProvisional")).isEqualTo(false);
    }

    @Test
    @DisplayName("an arrangement with a date outside its year is refused with 400 naming the field")
    void badArrangementRefused() {
        ResponseEntity<String> refused = call("admin", HttpMethod.PUT, "/api/calendar/2097", Map.of("notice", "测试",
                "days", List.of(Map.of("date", "2099-01-01", "kind", "HOLIDAY", "name", "元旦"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("days[0].date");
        assertThat(json(get("admin", "/api/calendar/2097")).path("provisional").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the calendar API counts working days for anyone signed in")
    void countThroughTheApi() {
        ResponseEntity<String> counted = get("xfhandler1", "/api/calendar/working-days?from=2026-02-12&days=7");
        assertThat(json(counted).path("lastDay").asText()).isEqualTo("2026-02-28");
        assertThat(json(counted).path("provisional").asBoolean()).isFalse();
    }

    private static Map<String, Object> arrangement() {
        return Map.of("notice", "测试数据：并非真实的国务院通知", "days", List.of(
                Map.of("date", "2099-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2099-01-02", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2099-01-05", "kind", "HOLIDAY", "name", "测试假日")));
    }
}
