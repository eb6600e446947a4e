package org.sanlian.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Fails the start at once, before anything connects, when the mariadb profile lacks the administrator's
 * password. {@link StartupFailureAnalyzer} turns the failure into one clear line.
 */
public class StartupChecks implements EnvironmentPostProcessor {

    public static final String ADMIN_PASSWORD_VARIABLE = "SANLIAN_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("mariadb"))) {
            String password = environment.getProperty("camunda.bpm.admin-user.password");
            if (password == null || password.isBlank()) {
                throw new MissingSettingException(ADMIN_PASSWORD_VARIABLE,
                        "the mariadb profile needs the administrator's password in environment variable "
                                + ADMIN_PASSWORD_VARIABLE);
            }
        }
    }

    /** A required setting that is missing. */
    public static class MissingSettingException extends IllegalStateException {

        private final String setting;

        public MissingSettingException(String setting, String message) {
            super(message);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
