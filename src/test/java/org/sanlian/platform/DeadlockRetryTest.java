package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 15 (races: "deadlocks are retried"): a domain-API request whose transaction MariaDB picks as a deadlock
 * victim runs again in a fresh transaction and succeeds; the client never sees the deadlock. The deadlock is real:
 * the test's own transaction and the request's lock two rows in opposite order. The endpoint is the test's own
 * (a {@code @Transactional} service behind {@code /api/test/deadlock-probe}), so the lock order is known; the retry
 * is the one every {@code @Transactional} service of ours gets ({@link DeadlockRetry}).
 */
@DisplayName("A domain-API transaction that loses a deadlock runs again and the request succeeds (issue 15, races)")
class DeadlockRetryTest extends SanlianSpringTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Probe probe;

    @BeforeEach
    void rows() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS deadlock_probe (id INT PRIMARY KEY, n INT NOT NULL)");
        jdbc.update("DELETE FROM deadlock_probe");
        for (int id = 1; id <= 50; id++) {
            jdbc.update("INSERT INTO deadlock_probe (id, n) VALUES (?, 0)", id);
        }
        probe.reset(false);
    }

    @Test
    @DisplayName("no deadlock (the plain path, H2 and MariaDB): the request runs once and succeeds")
    void plainPathRunsOnce() {
        ResponseEntity<String> answer = post("admin", "/api/test/deadlock-probe", null);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(probe.attempts()).isEqualTo(1);
        assertThat(n(1)).isEqualTo(1);
        assertThat(n(2)).isEqualTo(1);
    }

    @Test
    @DisplayName("MariaDB: the request's transaction is the deadlock victim; it is retried and succeeds, and both transactions' changes are kept")
    void deadlockVictimIsRetried() throws Exception {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        assumeTrue(database.toLowerCase(java.util.Locale.ROOT).contains("mariadb"),
                "a forced deadlock needs MariaDB's deadlock detection (run with the mariadb test profiles)");
        probe.reset(true);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                // the other transaction holds rows 2..50: the heavier one, so MariaDB rolls back the request's
                statement.executeUpdate("UPDATE deadlock_probe SET n = n + 1 WHERE id >= 2");
                CompletableFuture<ResponseEntity<String>> request = CompletableFuture.supplyAsync(
                        () -> post("admin", "/api/test/deadlock-probe", null));
                assertThat(probe.awaitFirstRowLocked()).as("request holds row 1").isTrue();
                probe.goOn(); // the request now waits for row 2, held here
                statement.executeUpdate("UPDATE deadlock_probe SET n = n + 1 WHERE id = 1"); // ... and this for row 1
                other.commit();
                ResponseEntity<String> answer = request.get(120, TimeUnit.SECONDS);
                assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
            }
        }
        assertThat(probe.attempts()).as("tries of the request's transaction").isEqualTo(2);
        assertThat(n(1)).isEqualTo(2);
        assertThat(n(2)).isEqualTo(2);
        assertThat(n(3)).isEqualTo(1);
    }

    private int n(int id) {
        return jdbc.queryForObject("SELECT n FROM deadlock_probe WHERE id = ?", Integer.class, id);
    }

    @TestConfiguration
    static class ProbeEndpoint {
        @Bean
        Probe probe(JdbcTemplate jdbc) {
            return new Probe(jdbc);
        }

        @Bean
        ProbeController probeController(Probe probe) {
            return new ProbeController(probe);
        }
    }

    @RestController
    static class ProbeController {
        private final Probe probe;

        ProbeController(Probe probe) {
            this.probe = probe;
        }

        @PostMapping("/api/test/deadlock-probe")
        int bump() throws InterruptedException {
            return probe.bump();
        }
    }

    /** Locks row 1, then row 2, in one transaction; on its first try it waits between the two for the test. */
    static class Probe {
        private final JdbcTemplate jdbc;
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile CountDownLatch firstRowLocked = new CountDownLatch(1);
        private volatile CountDownLatch goOn = new CountDownLatch(0);

        Probe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        // the bean is a proxy (transaction and retry advice): the test reaches its state through public methods
        public int attempts() {
            return attempts.get();
        }

        public boolean awaitFirstRowLocked() throws InterruptedException {
            return firstRowLocked.await(120, TimeUnit.SECONDS);
        }

        public void goOn() {
            goOn.countDown();
        }

        public void reset(boolean pauseOnFirstTry) {
            attempts.set(0);
            firstRowLocked = new CountDownLatch(1);
            goOn = new CountDownLatch(pauseOnFirstTry ? 1 : 0);
        }

        @Transactional
        public int bump() throws InterruptedException {
            int attempt = attempts.incrementAndGet();
            jdbc.update("UPDATE deadlock_probe SET n = n + 1 WHERE id = 1");
            if (attempt == 1) {
                firstRowLocked.countDown();
                goOn.await(120, TimeUnit.SECONDS);
            }
            jdbc.update("UPDATE deadlock_probe SET n = n + 1 WHERE id = 2");
            return attempt;
        }
    }
}
