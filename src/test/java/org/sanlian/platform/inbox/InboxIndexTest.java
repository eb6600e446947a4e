package org.sanlian.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.security.WebappSession;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16: Tasklist's 本单位待办, 即将到期 and 已超期 read their page and count from the inbox index, and answer
 * exactly what Camunda's own query answers: the same tasks, in the same order, the same count, for a brigade's
 * handler and another body's, through the Java API, /engine-rest and Tasklist's engine API; and the index follows
 * every change of a task and its candidate groups.
 */
@DisplayName("issue 16 — the inbox index answers 本单位待办 / 即将到期 / 已超期 as Camunda does")
class InboxIndexTest extends SanlianSpringTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    /**
     * A day ahead of the wall clock, so the tasks made here are the newest of the suite's shared database: with a
     * fixed day they sorted behind every task other tests made after it, and fell off the first page (the 50 newest
     * of 本单位待办) once the suite had left more than that many for 西峰 — a test that passed before 09:30 UTC
     * of 7 December 2026 and failed after it.
     */
    private static final LocalDateTime NOW = LocalDateTime.now(ZONE).plusDays(1).withSecond(0).withNano(0);
    private static final List<String> FILTERS = List.of("本单位待办", "即将到期", "已超期");

    @Autowired
    private FilterService filterService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private InboxIndex inboxIndex;
    @Autowired
    private DataSource dataSource;
    @LocalServerPort
    private int port;

    private final List<String> created = new ArrayList<>();
    private LocalDateTime clock;

    @BeforeEach
    void fixClock() {
        clock = NOW;
        ClockUtil.setCurrentTime(date(clock));
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        created.forEach(id -> taskService.deleteTask(id, true));
        ClockUtil.reset();
        assertThat(drift()).as("index rows that differ from Camunda's after the tasks are deleted").isZero();
    }

    @Test
    @DisplayName("every change of a task (created, due date, claimed, given back, groups added and taken away, completed, deleted) is in the index at once")
    void followsEveryChange() {
        String a = task("跟随 a", "xifengHandler", null, clock.plusDays(1));
        String b = task("跟随 b", "xifengHandler", null, null);
        assertThat(drift()).isZero();
        taskService.addCandidateGroup(b, "qingchengHandler");
        taskService.addCandidateGroup(b, "handler");
        assertThat(drift()).isZero();
        Task task = taskService.createTaskQuery().taskId(a).singleResult();
        task.setDueDate(date(clock.plusDays(2)));
        taskService.saveTask(task);
        assertThat(drift()).isZero();
        taskService.claim(a, "xfhandler1");
        assertThat(drift()).isZero();
        taskService.setAssignee(a, null);
        assertThat(drift()).isZero();
        taskService.deleteCandidateGroup(b, "qingchengHandler");
        assertThat(drift()).isZero();
        // a deadline far ahead, with milliseconds (MariaDB keeps Camunda's times in whole seconds, up to 9999)
        Task far = taskService.createTaskQuery().taskId(b).singleResult();
        far.setDueDate(date(LocalDateTime.of(2099, 12, 31, 23, 59, 59, 987_000_000)));
        taskService.saveTask(far);
        assertThat(drift()).isZero();
        taskService.complete(a);
        created.remove(a);
        assertThat(drift()).isZero();
        taskService.deleteTask(b, true);
        created.remove(b);
        assertThat(drift()).isZero();
        assertThat(rows(a) + rows(b)).isZero();
    }

    @Test
    @DisplayName("本单位待办, 即将到期, 已超期 for 西峰's handler and 庆城's: the same page, order and count as Camunda's own query, read from the index")
    void answersAsCamundaDoes() {
        some();
        taskService.addCandidateGroup(created.get(1), "handler"); // in two of each handler's groups: counted once
        for (String user : List.of("xfhandler1", "xfhandler2", "qchandler1")) {
            identityService.setAuthentication(user, groups(user));
            for (String filter : FILTERS) {
                String filterId = filterId(filter);
                for (int first : List.of(0, 3)) {
                    long servedBefore = inboxIndex.servedQueries();
                    List<String> page = ids(() -> filterService.<Task, TaskQuery>listPage(filterId, newestFirst(), first, 5));
                    long count = filterService.count(filterId, newestFirst());
                    assertThat(inboxIndex.servedQueries()).as("%s for %s read from the index", filter, user)
                            .isEqualTo(servedBefore + 2);
                    List<String> camunda = InboxIndex.plain(
                            () -> ids(() -> filterService.<Task, TaskQuery>listPage(filterId, newestFirst(), first, 5)));
                    long camundaCount = InboxIndex.plain(() -> filterService.count(filterId, newestFirst()));
                    assertSamePage(page, camunda, filter);
                    assertThat(count).as("%s count for %s", filter, user).isEqualTo(camundaCount);
                }
            }
        }
        identityService.setAuthentication("xfhandler1", groups("xfhandler1"));
        List<String> mine = ids(() -> filterService.<Task, TaskQuery>listPage(filterId("本单位待办"), newestFirst(), 0, 50));
        assertThat(mine).as("西峰's unclaimed tasks, newest first").containsSubsequence(
                created.get(6), created.get(3), created.get(1), created.get(0))
                .doesNotContain(created.get(2), created.get(4), created.get(5));
    }

    @Test
    @DisplayName("the supervisors' 全市待办, 全市即将到期, 全市已超期: Camunda's page and count, read from Camunda's task table for a supervisor who may read every task; a handler who may not gets Camunda's grant-checked answer")
    void everyTaskForWhoMayReadEveryTask() {
        some();
        identityService.setAuthentication("citysupervisor", groups("citysupervisor"));
        for (String filter : List.of("全市待办", "全市即将到期", "全市已超期")) {
            String filterId = filterId(filter);
            for (int first : List.of(0, 3)) {
                long servedBefore = inboxIndex.servedQueries();
                List<String> page = ids(() -> filterService.<Task, TaskQuery>listPage(filterId, newestFirst(), first, 5));
                long count = filterService.count(filterId, newestFirst());
                assertThat(inboxIndex.servedQueries()).as("%s read from the tasks", filter).isEqualTo(servedBefore + 2);
                assertSamePage(page, InboxIndex.plain(
                        () -> ids(() -> filterService.<Task, TaskQuery>listPage(filterId, newestFirst(), first, 5))), filter);
                assertThat(count).as("%s count", filter).isEqualTo(
                        InboxIndex.plain(() -> filterService.count(filterId, newestFirst())));
            }
        }
        assertThat(filterService.count(filterId("全市待办"))).isGreaterThanOrEqualTo(created.size());

        identityService.setAuthentication("xfhandler1", groups("xfhandler1"));
        long servedBefore = inboxIndex.servedQueries();
        long everything = taskService.createTaskQuery().count();
        List<String> firstPage = ids(() -> taskService.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15));
        assertThat(inboxIndex.servedQueries()).as("a handler's query for every task").isEqualTo(servedBefore);
        assertThat(firstPage).doesNotContain(created.get(4)); // 庆城's
        assertThat(everything).isEqualTo(InboxIndex.plain(() -> taskService.createTaskQuery().count()));
    }

    @Test
    @DisplayName("a query with any other criterion or order (a name, a variable order) is left to Camunda, and answers the same")
    void otherQueriesAreCamundas() {
        some();
        identityService.setAuthentication("xfhandler1", groups("xfhandler1"));
        String filterId = filterId("本单位待办");
        long servedBefore = inboxIndex.servedQueries();
        List<String> named = ids(() -> filterService.<Task, TaskQuery>listPage(filterId,
                taskService.createTaskQuery().taskNameLike("索引测试%"), 0, 15));
        long byPriority = filterService.count(filterId, taskService.createTaskQuery().taskPriority(50));
        List<String> byName = ids(() -> filterService.<Task, TaskQuery>listPage(filterId,
                taskService.createTaskQuery().orderByTaskName().asc(), 0, 15));
        assertThat(inboxIndex.servedQueries()).isEqualTo(servedBefore);
        assertThat(named).containsExactlyInAnyOrder(created.get(0), created.get(1), created.get(3), created.get(6));
        assertThat(byPriority).isPositive();
        assertThat(byName).isNotEmpty();
    }

    @Test
    @DisplayName("another body's group asked for by name (/engine-rest, Tasklist's engine API): Camunda's grant-checked answer, nothing from the index")
    void anotherBodysGroupIsCamundas() {
        some();
        String query = "{\"candidateGroups\":[\"qingchengHandler\"],\"unassigned\":true}";
        long servedBefore = inboxIndex.servedQueries();
        ResponseEntity<String> count = call("xfhandler1", HttpMethod.POST, "/engine-rest/task/count", query);
        ResponseEntity<String> list = call("xfhandler1", HttpMethod.POST, "/engine-rest/task?firstResult=0&maxResults=15", query);
        String webapp = WebappSession.login(port, "xfhandler1", DEMO_PASSWORD).engine("POST", "/task/count", query).body();
        ResponseEntity<String> assigned = call("xfhandler1", HttpMethod.POST, "/engine-rest/task/count",
                "{\"orQueries\":[{\"assignee\":\"xfhandler2\",\"candidateGroups\":[\"xifengHandler\"]}]}");
        assertThat(inboxIndex.servedQueries()).isEqualTo(servedBefore);
        assertThat(count.getBody()).isEqualTo("{\"count\":0}");
        assertThat(list.getBody()).isEqualTo("[]");
        assertThat(webapp).isEqualTo("{\"count\":0}");
        assertThat(assigned.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @DisplayName("a page far down (firstResult near the largest int) is Camunda's: an empty page, not an error")
    void farDownIsCamundas() throws Exception {
        some();
        String filterId = filterId("本单位待办");
        String body = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        ResponseEntity<String> far = call("xfhandler1", HttpMethod.POST,
                "/engine-rest/filter/" + filterId + "/list?firstResult=2147483640&maxResults=15", body);
        assertThat(far.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(far.getBody())).isEmpty();
    }

    @Test
    @DisplayName("through /engine-rest and Tasklist's engine API (HAL, as Tasklist calls it): the page and the count Camunda gives, from the index")
    void overHttp() throws Exception {
        some();
        String filterId = filterId("本单位待办");
        identityService.setAuthentication("xfhandler1", groups("xfhandler1"));
        List<String> camunda = InboxIndex.plain(
                () -> ids(() -> filterService.<Task, TaskQuery>listPage(filterId, newestFirst(), 0, 15)));
        long camundaCount = InboxIndex.plain(() -> filterService.count(filterId, newestFirst()));
        identityService.clearAuthentication();
        String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        String path = "/filter/" + filterId + "/list?firstResult=0&maxResults=15";

        long servedBefore = inboxIndex.servedQueries();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("xfhandler1", DEMO_PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<String> overRest = rest.exchange("/engine-rest" + path, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        String overWebapp = WebappSession.login(port, "xfhandler1", DEMO_PASSWORD).engine("POST", path, body, "application/hal+json").body();
        assertThat(inboxIndex.servedQueries()).isGreaterThanOrEqualTo(servedBefore + 2);
        for (String answer : List.of(overRest.getBody(), overWebapp)) {
            JsonNode hal = JSON.readTree(answer);
            List<String> page = new ArrayList<>();
            hal.path("_embedded").path("task").forEach(t -> page.add(t.path("id").asText()));
            assertSamePage(page, camunda, "本单位待办");
            assertThat(hal.path("count").asLong()).isEqualTo(camundaCount);
        }
    }

    /**
     * The same page as Camunda's: the same sort keys in the same order (tasks of the same second — other tests' tasks,
     * MariaDB keeps whole seconds — may stand in any order and either of them at a page's edge, in Camunda's own
     * answer as well), this test's tasks (a minute apart) in the same places, and the same tasks wherever the key
     * is unique.
     */
    private void assertSamePage(List<String> page, List<String> camunda, String filter) {
        assertThat(keys(page, filter)).as("%s: the sort keys of the page", filter).isEqualTo(keys(camunda, filter));
        assertThat(page.stream().filter(created::contains).toList()).as("%s: this test's tasks", filter)
                .isEqualTo(camunda.stream().filter(created::contains).toList());
    }

    /** Each task's sort key in the filter's order: due date first for 即将到期, then the creation time. */
    private List<String> keys(List<String> ids, String filter) {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT DUE_DATE_, CREATE_TIME_ FROM ACT_RU_TASK WHERE ID_ = ?")) {
            for (String id : ids) {
                statement.setString(1, id);
                try (var row = statement.executeQuery()) {
                    row.next();
                    keys.add((filter.contains("即将到期") ? row.getTimestamp(1) + " " : "") + row.getTimestamp(2));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    /**
     * Seven tasks a minute apart: 西峰's unclaimed (0, 1, 3, 6), one claimed by xfhandler1 (2), 庆城's (4), one of
     * 西峰's claimed by xfhandler2 (5); due dates inside and outside 即将到期's three days, and overdue.
     */
    private void some() {
        task("索引测试 0", "xifengHandler", null, clock.plusDays(1));
        task("索引测试 1", "xifengHandler", null, clock.minusHours(3));
        task("索引测试 2", "xifengHandler", "xfhandler1", clock.plusDays(2));
        task("索引测试 3", "xifengHandler", null, null);
        task("索引测试 4", "qingchengHandler", null, clock.plusHours(5));
        task("索引测试 5", "xifengHandler", "xfhandler2", clock.plusHours(6));
        task("索引测试 6", "xifengHandler", null, clock.plusDays(10));
    }

    private String task(String name, String group, String assignee, LocalDateTime due) {
        clock = clock.plusMinutes(1);
        ClockUtil.setCurrentTime(date(clock));
        Task task = taskService.newTask();
        task.setName(name);
        task.setDueDate(due == null ? null : date(due));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group);
        if (assignee != null) {
            taskService.claim(task.getId(), assignee);
        }
        created.add(task.getId());
        return task.getId();
    }

    private TaskQuery newestFirst() {
        return taskService.createTaskQuery().orderByTaskCreateTime().desc();
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }

    /** The user's groups, read as the engine itself (another user may not read them). */
    private List<String> groups(String user) {
        identityService.clearAuthentication();
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private static List<String> ids(Supplier<List<Task>> tasks) {
        return tasks.get().stream().map(Task::getId).toList();
    }

    private long drift() {
        try (Connection connection = dataSource.getConnection()) {
            return InboxSql.drift(connection, "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String taskId) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM task_inbox WHERE task_id = ?")) {
            statement.setString(1, taskId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZONE).toInstant());
    }
}
