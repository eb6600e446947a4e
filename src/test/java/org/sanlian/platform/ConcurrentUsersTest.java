package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.inbox.InboxIndex;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Races between users and nodes (issue 15). Two officers act on one task at the same moment: exactly one wins,
 * the other gets 409 with a Chinese message — never a 500, SQL or a stack trace. Concurrent registrations all
 * succeed with distinct numbers (a deadlock on the number series is retried, not shown). Runs on H2 and, in
 * .ci/run's second run, on MariaDB, where the races are real.
 */
@DisplayName("races: one winner, every loser 409 with a message; concurrent filing loses nothing (issue 15)")
class ConcurrentUsersTest extends SanlianSpringTest {

    private static final int ROUNDS = 6;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    @Autowired
    private DataSource dataSource;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    @DisplayName("two handlers claim one 案源核查 task at once: one claims it, the other gets 409")
    void claimRace() throws Exception {
        List<String> tally = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String task = openTask("认领竞争" + round);
            List<ResponseEntity<String>> answers = together(
                    () -> post("xfhandler1", "/engine-rest/task/" + task + "/claim", Map.of("userId", "xfhandler1")),
                    () -> post("xfhandler2", "/engine-rest/task/" + task + "/claim", Map.of("userId", "xfhandler2")));
            tally.add(oneWinnerRestConflict(answers, "claim"));
        }
        System.out.println("claim races (winner status / loser status): " + tally);
        assertThat(InboxIndex.drift(dataSource, "")).as("the inbox index after the races (issue 16)").isZero();
    }

    @Test
    @DisplayName("two handlers submit one 案源核查 task at once: one completes it, the other gets 409, and the lead moves on once")
    void completeRace() throws Exception {
        List<String> tally = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String instance = registerLead("xfhandler1", "办理竞争" + round, null).path("id").asText();
            String task = taskIdOf("xfhandler1", instance);
            Function<String, Callable<ResponseEntity<String>>> submit = user -> () -> post(user,
                    "/engine-rest/task/" + task + "/submit-form",
                    variables(Map.of("verificationFindings", "经核查，车辆无道路运输证（" + user + "）")));
            List<ResponseEntity<String>> answers = together(submit.apply("xfhandler1"), submit.apply("xfhandler2"));
            tally.add(oneWinnerRestConflict(answers, "complete"));
            long completions = processEngine.getHistoryService().createHistoricTaskInstanceQuery()
                    .processInstanceId(instance).taskDefinitionKey("verifyLead").finished().count();
            assertThat(completions).as("verifyLead completed once").isEqualTo(1);
        }
        System.out.println("complete races (winner status / loser status): " + tally);
        assertThat(InboxIndex.drift(dataSource, "")).as("the inbox index after the races (issue 16)").isZero();
    }

    @Test
    @DisplayName("domain.md §3.3: eight leads registered at once at once all get a number, no two the same")
    void concurrentRegistrations() throws Exception {
        List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String party = "并发登记" + i;
            String user = i % 2 == 0 ? "xfhandler1" : "xfhandler2";
            calls.add(() -> post(user,
                    "/engine-rest/process-definition/key/leadIntake/submit-form", variables(Map.of(
                            "source", "INSPECTION", "partyName", party, "summary", "并发登记的案源"))));
        }
        Set<String> numbers = new HashSet<>();
        for (ResponseEntity<String> answer : together(calls)) {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
            numbers.add(json(answer).path("businessKey").asText());
        }
        assertThat(numbers).hasSize(8).doesNotContain("");
    }

    /** Exactly one 2xx; every other answer is 409 Problem Details with a Chinese message and nothing internal. */
    private static String oneWinnerRestConflict(List<ResponseEntity<String>> answers, String what) {
        int winners = 0;
        StringBuilder statuses = new StringBuilder();
        for (ResponseEntity<String> answer : answers) {
            statuses.append(statuses.isEmpty() ? "" : "/").append(answer.getStatusCode().value());
            if (answer.getStatusCode().is2xxSuccessful()) {
                winners++;
                continue;
            }
            assertThat(answer.getStatusCode().value()).as(what + ": " + answer.getBody()).isEqualTo(409);
            JsonNode problem = json(answer);
            assertThat(problem.path("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
            assertThat(answer.getBody()).doesNotContain("SQL", "\tat ", "org.sanlian", "Exception:");
        }
        assertThat(winners).as(what + " winners " + statuses).isEqualTo(1);
        return statuses.toString();
    }

    private String openTask(String party) {
        String instance = registerLead("xfhandler1", party, null).path("id").asText();
        return taskIdOf("xfhandler1", instance);
    }

    /** Runs the calls at the same moment (as near as threads allow) and returns their answers in order. */
    @SafeVarargs
    private List<ResponseEntity<String>> together(Callable<ResponseEntity<String>>... calls) throws Exception {
        return together(List.of(calls));
    }

    private List<ResponseEntity<String>> together(List<Callable<ResponseEntity<String>>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
        for (Callable<ResponseEntity<String>> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> future : futures) {
            answers.add(future.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }
}
