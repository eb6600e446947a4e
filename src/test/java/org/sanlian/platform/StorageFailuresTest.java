package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What the client is told when the database fails (issue 15, "no response ever carries SQL"): the database being
 * down is 503 (the fault harness stops MariaDB under load), a deadlock still lost after the retries is 409.
 */
@DisplayName("database failures as Problem Details: unreachable database 503, lost deadlock 409, never SQL")
class StorageFailuresTest {

    @Test
    @DisplayName("MariaDB stopped: a broken connection inside an engine command, or none to be had, answers 503 with no SQL")
    void databaseDownIs503() {
        Throwable inEngine = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new SQLNonTransientConnectionException("(conn=42) socket error: select * from ACT_RU_TASK", "08000"));
        Throwable noConnection = new CannotCreateTransactionException("Could not open JPA EntityManager",
                new CannotGetJdbcConnectionException("HikariPool-1 - Connection is not available"));
        for (Throwable failure : new Throwable[] {inEngine, noConnection}) {
            var problem = StorageFailures.problemFor(failure, "/engine-rest/task/1/submit-form");
            assertThat(problem.getStatus()).isEqualTo(503);
            assertThat(problem.getDetail()).contains("数据库暂时不可用").doesNotContain("select", "ACT_RU", "Hikari");
        }
    }

    @Test
    @DisplayName("a deadlock still lost after the retries (MariaDB 1213) answers 409, not 503")
    void lostDeadlockIs409() {
        Throwable deadlock = new ProcessEngineException("ENGINE-03004",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
        assertThat(StorageFailures.problemFor(deadlock, "/api/leads").getStatus()).isEqualTo(409);
    }
}
