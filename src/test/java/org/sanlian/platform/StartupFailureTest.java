package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("a production start fails fast, with one clear line")
class StartupFailureTest {

    @Test
    @DisplayName("mariadb profile without SANLIAN_ADMIN_PASSWORD: refused before anything connects")
    void missingAdminPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("mariadb");
        environment.setProperty("camunda.bpm.admin-user.password", "");
        assertThatThrownBy(() -> new StartupChecks().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(StartupChecks.MissingSettingException.class)
                .hasMessageContaining("SANLIAN_ADMIN_PASSWORD");

        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new StartupChecks.MissingSettingException("SANLIAN_ADMIN_PASSWORD", "needs the password")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n").contains("needs the password");
    }

    @Test
    @DisplayName("the default profile needs no password from the environment")
    void defaultProfileNeedsNothing() {
        MockEnvironment environment = new MockEnvironment();
        new StartupChecks().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getActiveProfiles()).isEmpty();
    }

    @Test
    @DisplayName("an unreachable database is named as such in one line")
    void unreachableDatabase() {
        Exception failure = new IllegalStateException("Failed to initialize pool",
                new SQLNonTransientConnectionException("Socket fail to connect to host:address=(host=127.0.0.1)(port=1)",
                        "08000", new ConnectException("Connection refused")));
        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n").contains("database is unreachable");
        assertThat(analysis.getAction()).contains("SANLIAN_DB_URL");
    }
}
