package org.sanlian.supervision;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.supervision.*} in application.yaml.
 *
 * @param atRisk a running deadline due within this period (calendar days) shows as 临期 (domain.md §6 超期预警)
 */
@Validated
@ConfigurationProperties("sanlian.supervision")
record SupervisionSettings(@NotNull Period atRisk) {
}
