package org.sanlian.linkage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.linkage.*} in application.yaml: the periods of hand-overs between bodies (domain.md §1, §6), in
 * working days on the working-day calendar.
 */
@Validated
@ConfigurationProperties("sanlian.linkage")
public record LinkageSettings(
        @NotNull @PositiveOrZero Integer acceptanceWorkingDays,
        @NotNull @PositiveOrZero Integer creditRecordWorkingDays,
        @NotNull @PositiveOrZero Integer overLimitPushWorkingDays,
        @NotNull @PositiveOrZero Integer licenceReviewWorkingDays,
        @NotNull @PositiveOrZero Integer outcomeNotedWorkingDays,
        @NotNull @PositiveOrZero Integer acknowledgementWorkingDays,
        @NotNull @PositiveOrZero Integer debriefWorkingDays) {
}
