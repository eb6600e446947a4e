package org.sanlian.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.tasklist.*} in application.yaml.
 *
 * @param dueSoonWindow the window of the Tasklist filters "即将到期" (handlers) and the supervisors' city-wide one
 */
@Validated
@ConfigurationProperties("sanlian.tasklist")
public record TasklistSettings(@NotNull Duration dueSoonWindow) {
}
