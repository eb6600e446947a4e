package org.sanlian.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.login-throttle.*} in application.yaml (issue 15).
 *
 * @param freeFailures    wrong passwords one source address may send before it waits (1 s, doubling)
 * @param addressMaxDelay the longest wait of one address
 * @param accountMaxDelay the longest wait an attacked account puts on addresses it was never used from
 */
@Validated
@ConfigurationProperties("sanlian.login-throttle")
record LoginThrottleSettings(@NotNull @PositiveOrZero Integer freeFailures, @NotNull Duration addressMaxDelay,
        @NotNull Duration accountMaxDelay) {
}
